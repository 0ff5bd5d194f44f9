'use strict';
/** mulberry32: a small, seedable generator, good enough for test data (the model tests share it). */
const { imul } = Math; // bound once: jest's sandboxed global makes each lookup costly in hot loops

function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { prng };
