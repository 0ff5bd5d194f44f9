'use strict';
/**
 * The retry rules one by one (transport/retry.ts): which answers are retried for a read and for a
 * write, the wait each asks for, backoff bounds, pacing by X-RateLimit-*, and the loop's limits.
 * The engine-level behaviour is in test/node/retries.test.js.
 */
const {
	shouldRetryResponse,
	shouldRetryNetworkError,
	serverWaitMs,
	backoffMs,
	paceMs,
	newPacer,
	reserveSlot,
	notePace,
	nextRetryWait,
	MAX_ATTEMPTS,
} = require('../../nodes/Outlit/transport/retry');

const READ = { method: 'GET', path: '/api/integrations', idempotent: true };
const WRITE = { method: 'POST', path: '/api/integrations/connect' };
const answer = (statusCode, body = {}, headers = {}) => ({ statusCode, body, headers });

describe('which answers are retried', () => {
	test.each([
		[429, true, true],
		[503, true, true],
		[408, true, false],
		[425, true, false],
		[500, true, false],
		[502, true, false],
		[504, true, false],
		[400, false, false],
		[401, false, false],
		[403, false, false],
		[404, false, false],
		[409, false, false],
		// Beside the transient ones: 407, 424, 428, 430 and 499 are final; every 5xx, up to 599, is not.
		[407, false, false],
		[424, false, false],
		[428, false, false],
		[430, false, false],
		[499, false, false],
		[599, true, false],
		[200, false, false],
		[302, false, false],
	])('%i: read %s, write %s', (status, read, write) => {
		expect(shouldRetryResponse(answer(status), READ)).toBe(read);
		expect(shouldRetryResponse(answer(status), WRITE)).toBe(write);
	});

	test("the gateway's retryable: false wins over the status", () => {
		const body = { code: 'TOOL_GATEWAY_ERROR', message: 'no', retryable: false, requestId: 'r' };
		expect(shouldRetryResponse(answer(429, body), READ)).toBe(false);
		expect(shouldRetryResponse(answer(503, body), WRITE)).toBe(false);
	});

	test('retryable: true on a 4xx retries a read, not a write', () => {
		const body = { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'busy', retryable: true, requestId: 'r' };
		expect(shouldRetryResponse(answer(409, body), READ)).toBe(true);
		expect(shouldRetryResponse(answer(409, body), WRITE)).toBe(false);
	});

	test('a 2xx is never retried, even one that says retryable; a 400 that says so is (for a read)', () => {
		const body = { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'x', retryable: true, requestId: 'r' };
		expect(shouldRetryResponse(answer(200, body), READ)).toBe(false);
		expect(shouldRetryResponse(answer(400, body), READ)).toBe(true);
	});

	test('the envelope is a code, or the older text error with details: retryable elsewhere is not read', () => {
		const retryable = { message: 'x', retryable: true };
		expect(shouldRetryResponse(answer(409, { ...retryable, details: [] }), READ)).toBe(false);
		expect(shouldRetryResponse(answer(409, { ...retryable, error: { message: 'x' }, details: [] }), READ)).toBe(false);
		expect(shouldRetryResponse(answer(409, { ...retryable, error: 'x', details: [] }), READ)).toBe(true);
	});

	test('retryable in a body that is not the gateway envelope is not read', () => {
		expect(shouldRetryResponse(answer(409, { retryable: true }), READ)).toBe(false);
	});

	test("the older gateway's plan limit (api_limit_exceeded, no retryable) is final", () => {
		expect(shouldRetryResponse(answer(429, { error: 'api_limit_exceeded', details: [] }), READ)).toBe(false);
		expect(shouldRetryResponse(answer(429, { error: 'Rate limit exceeded' }), READ)).toBe(true);
	});

	test('the older plan-limit body with retryable: true is retried like any 429', () => {
		expect(shouldRetryResponse(answer(429, { error: 'api_limit_exceeded', details: [], retryable: true }), READ)).toBe(true);
	});

	test('an untrusted certificate is final, even for a read: another try meets the same certificate', () => {
		for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
			expect([code, shouldRetryNetworkError(code, READ)]).toEqual([code, false]);
		}
		expect(shouldRetryNetworkError('ECONNRESET', READ)).toBe(true);
	});

	test('a network error: any for a read; for a write only when nothing can have been sent', () => {
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
			expect(shouldRetryNetworkError(code, WRITE)).toBe(true);
		}
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', undefined]) {
			expect(shouldRetryNetworkError(code, WRITE)).toBe(false);
			expect(shouldRetryNetworkError(code, READ)).toBe(true);
		}
	});
});

describe('how long to wait', () => {
	const now = Date.UTC(2026, 10, 29, 12, 0, 0);

	test('resetAt (epoch ms) comes first, then Retry-After, then X-RateLimit-Reset', () => {
		expect(serverWaitMs(answer(429, { resetAt: now + 1500 }, { 'retry-after': '9' }), now)).toBe(1500);
		expect(serverWaitMs(answer(429, {}, { 'Retry-After': '2' }), now)).toBe(2000);
		expect(serverWaitMs(answer(429, {}, { 'x-ratelimit-reset': String(now / 1000 + 3) }), now)).toBe(3000);
		expect(serverWaitMs(answer(429, {}, {}), now)).toBeUndefined();
	});

	test('X-RateLimit-Reset above 1e12 is already in milliseconds; 1e12 itself is still seconds', () => {
		expect(serverWaitMs(answer(429, {}, { 'x-ratelimit-reset': String(now + 4000) }), now)).toBe(4000);
		expect(serverWaitMs(answer(429, {}, { 'x-ratelimit-reset': '1000000000000' }), now)).toBe(1e15 - now);
	});

	test.each([
		[{ 'Retry-After': '3' }, 3000],
		[{ 'retry-after': '0' }, 0],
		[{ 'retry-after': ' ' }, undefined],
		[{ 'retry-after': 'Sun, 29 Nov 2026 12:00:05 GMT' }, 5000],
		[{ 'retry-after': 'Sun, 29 Nov 2026 11:59:00 GMT' }, 0],
		[{ 'retry-after': 'soon' }, undefined],
		[{ 'x-ratelimit-reset': String(now / 1000 + 2) }, 2000],
		[{ 'X-RateLimit-Reset': String(now + 1500) }, 1500],
		[{ 'x-ratelimit-reset': '0' }, undefined],
		[{ 'x-ratelimit-reset': String(now / 1000 - 10) }, 0],
	])('the headers %j ask for %s ms (seconds or an HTTP date; a reset in seconds or ms; any case)', (headers, expected) => {
		expect(serverWaitMs(answer(429, {}, headers), now)).toBe(expected);
	});

	test('a resetAt in the past means now', () => {
		expect(serverWaitMs(answer(429, { resetAt: now - 5000 }), now)).toBe(0);
	});

	test('backoff doubles from 250 ms, half of it random, capped at 8 s', () => {
		expect([0, 1, 2, 3, 5, 6, 10].map((n) => backoffMs(n, () => 0))).toEqual([125, 250, 500, 1000, 4000, 4000, 4000]);
		expect([0, 1, 2, 3, 5, 6, 10].map((n) => backoffMs(n, () => 1))).toEqual([250, 500, 1000, 2000, 8000, 8000, 8000]);
		expect(backoffMs(2, () => 0.5)).toBe(750);
	});

	test('pacing starts when Remaining reaches 0: one request per share of the limit, 5% under it', () => {
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' })).toBeCloseTo(10.5, 6);
		expect(paceMs({ 'x-ratelimit-limit': '20', 'x-ratelimit-remaining': '0' })).toBeCloseTo(52.5, 6);
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '1' })).toBe(0);
		expect(paceMs({ 'X-RateLimit-Remaining': '0' })).toBe(0);
		expect(paceMs({ 'X-RateLimit-Limit': '0', 'X-RateLimit-Remaining': '0' })).toBe(0);
		expect(paceMs({ 'X-RateLimit-Limit': 'many', 'X-RateLimit-Remaining': '0' })).toBe(0);
		expect(paceMs({})).toBe(0);
	});

	test('an empty or blank X-RateLimit-Remaining is not 0: no pacing', () => {
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '' })).toBe(0);
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '  ' })).toBe(0);
	});
});

describe('the wait before the next attempt (the request loop in http.ts follows it)', () => {
	const policy = { enabled: true, maxWaitMs: 10_000 };
	const zero = () => 0;

	test('waits what the answer asked: Retry-After, then resetAt; a success ends the loop', () => {
		expect(nextRetryWait({ response: answer(503, {}, { 'retry-after': '1' }) }, READ, policy, 0, 0, zero)).toBe(1000);
		const resetWait = nextRetryWait({ response: answer(429, { resetAt: Date.now() + 2000 }) }, READ, policy, 1, 1000, zero);
		expect(resetWait).toBeGreaterThan(1900);
		expect(resetWait).toBeLessThanOrEqual(2000);
		expect(nextRetryWait({ response: answer(200, { ok: true }) }, READ, policy, 2, 3000, zero)).toBeUndefined();
	});

	test('without retries, or with them turned off, the first answer is the answer', () => {
		for (const p of [undefined, { enabled: false, maxWaitMs: 60_000 }]) {
			expect(nextRetryWait({ response: answer(503, {}, { 'retry-after': '1' }) }, READ, p, 0, 0)).toBeUndefined();
		}
	});

	test('a wait that would pass Max Retry Wait ends the loop at once', () => {
		expect(nextRetryWait({ response: answer(429, {}, { 'retry-after': '11' }) }, READ, policy, 0, 0)).toBeUndefined();
	});

	test('the waits add up to at most Max Retry Wait', () => {
		const busy = { response: answer(503, {}, { 'retry-after': '3' }) };
		expect(nextRetryWait(busy, READ, policy, 2, 6000)).toBe(3000);
		expect(nextRetryWait(busy, READ, policy, 3, 9000)).toBeUndefined();
	});

	test('a wait of exactly what is left is still taken', () => {
		expect(nextRetryWait({ response: answer(503, {}, { 'retry-after': '5' }) }, READ, policy, 1, 5000)).toBe(5000);
	});

	test('at most MAX_ATTEMPTS attempts, even when the server asks for no wait', () => {
		expect(MAX_ATTEMPTS).toBe(12);
		const now = { response: answer(503, {}, { 'retry-after': '0' }) };
		expect(nextRetryWait(now, READ, policy, 10, 0)).toBe(0);
		expect(nextRetryWait(now, READ, policy, 11, 0)).toBeUndefined();
	});

	test('a network error is retried for a read; a write that may have been sent is not', () => {
		const reset = { error: new Error('Could not reach Outlit'), networkCode: 'ECONNRESET' };
		expect(nextRetryWait(reset, READ, policy, 0, 0, zero)).toBe(125);
		expect(nextRetryWait(reset, WRITE, policy, 0, 0, zero)).toBeUndefined();
	});

	test('backoff grows between network errors that name no wait', () => {
		const refused = { error: new Error('x'), networkCode: 'ECONNREFUSED' };
		const top = () => 1;
		expect([0, 1, 2].map((n) => nextRetryWait(refused, WRITE, policy, n, 0, top))).toEqual([250, 500, 1000]);
	});
});

describe('the pacer hands out slots one gap apart once the allowance is used up', () => {
	const spent = { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' };

	test('no wait while Outlit has allowance left', () => {
		const pacer = newPacer();
		expect(reserveSlot(pacer, 1000)).toBe(0);
		expect(reserveSlot(pacer, 1000)).toBe(0);
		notePace(pacer, 1000, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '5' });
		expect(reserveSlot(pacer, 1001)).toBe(0);
	});

	test('Remaining 0: the next request waits one share (10.5 ms at 100/s), and requests side by side queue behind it', () => {
		const pacer = newPacer();
		notePace(pacer, 1000, spent);
		expect(reserveSlot(pacer, 1002)).toBeCloseTo(8.5, 6);
		expect(reserveSlot(pacer, 1003)).toBeCloseTo(18, 6);
		expect(reserveSlot(pacer, 1004)).toBeCloseTo(27.5, 6);
	});

	test('an answer with allowance again stops the spacing after the slots already given', () => {
		const pacer = newPacer();
		notePace(pacer, 1000, spent);
		expect(reserveSlot(pacer, 1000)).toBeCloseTo(10.5, 6);
		notePace(pacer, 1011, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '2' });
		// Both still wait for the slot given before (1021), but no longer one gap apart.
		expect(reserveSlot(pacer, 1015)).toBeCloseTo(6, 6);
		expect(reserveSlot(pacer, 1015)).toBeCloseTo(6, 6);
		expect(reserveSlot(pacer, 1030)).toBe(0);
	});

	test('a late answer never pulls a slot already given earlier', () => {
		const pacer = newPacer();
		notePace(pacer, 1000, spent);
		reserveSlot(pacer, 1000);
		reserveSlot(pacer, 1000);
		notePace(pacer, 990, spent);
		expect(reserveSlot(pacer, 1000)).toBeCloseTo(31.5, 6);
	});
});
