'use strict';
/**
 * A tiny check recorder for the e2e driver: named checks pass or fail (with a reason), phases are
 * timed, and the run ends with "N passed, N failed". Checks from parallel suites carry a prefix.
 */
const { isDeepStrictEqual, inspect } = require('node:util');

class Report {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		this.failures = [];
		this.timings = [];
	}

	scope(prefix) {
		const report = this;
		const name = (n) => `[${prefix}] ${n}`;
		return {
			prefix,
			/** Records one check; `fn` may return/throw. A throw (or `false`) is a failure. */
			async check(n, fn) {
				try {
					const r = await fn();
					if (r === false) throw new Error('check returned false');
					report.pass(name(n));
					return true;
				} catch (e) {
					report.fail(name(n), e);
					return false;
				}
			},
			pass: (n) => report.pass(name(n)),
			fail: (n, e) => report.fail(name(n), e),
			log: (l) => console.log(`  [${prefix}] ${l}`),
			time: (phase, fn) => report.time(name(phase), fn),
		};
	}

	pass(n) {
		this.passed++;
		console.log(`  ✓ ${n}`);
	}

	fail(n, e) {
		this.failed++;
		const msg = e instanceof Error ? e.message : String(e);
		this.failures.push(`${n}: ${msg}`);
		console.log(`  ✗ ${n}\n      ${msg.split('\n').join('\n      ')}`);
	}

	async time(phase, fn) {
		const t = Date.now();
		try {
			return await fn();
		} finally {
			const s = (Date.now() - t) / 1000;
			this.timings.push([phase, s]);
			console.log(`  ⏱ ${phase}: ${s.toFixed(1)} s`);
		}
	}

	summary() {
		console.log('\nTimings:');
		for (const [p, s] of this.timings) console.log(`  ${s.toFixed(1).padStart(7)} s  ${p}`);
		if (this.failures.length) {
			console.log('\nFailed checks:');
			for (const f of this.failures) console.log(`  ✗ ${f.split('\n')[0]}`);
		}
		console.log(`\n${this.passed} passed, ${this.failed} failed`);
	}

	/** The summary, and a failing exit code unless something passed and nothing failed. */
	finish() {
		this.summary();
		process.exitCode = this.failed || !this.passed ? 1 : 0;
	}
}

/** Runs a driver's main; a crash still ends with the "N passed, N failed" line. */
function runDriver(main) {
	main().catch((e) => {
		console.error(e.stack || e.message);
		console.log('\n0 passed, 1 failed');
		process.exit(1);
	});
}

/** Throws a readable error unless actual deep-equals expected. */
function assertEqual(actual, expected, what = 'value') {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new Error(`${what}:\n  expected ${inspect(expected, { depth: 6, breakLength: 120 })}\n  actual   ${inspect(actual, { depth: 6, breakLength: 120 })}`);
	}
}

function assert(cond, message) {
	if (!cond) throw new Error(message);
}

module.exports = { Report, runDriver, assertEqual, assert };
