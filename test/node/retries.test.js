'use strict';
/**
 * Retry Transient Errors (on by default) and Max Retry Wait, through n8n's real engine against the
 * sandbox: what is retried, what a write never repeats, how long the node waits (1,000 items against
 * a rate limit: test/node/thousand-items.test.js). Waits and statuses are literals from Outlit's contract
 * (Retry-After, X-RateLimit-Reset in epoch seconds, the gateway's `resetAt` in epoch ms).
 */
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });
const gatewayCredential = { credentials: { api: 'tools' } };

const envelope = (status, extra = {}) => ({
	path: '/api/tools/call',
	status,
	body: { code: 'TOOL_GATEWAY_ERROR', message: 'Try again', retryable: true, requestId: 'req_retry', ...extra },
});

async function timed(promise) {
	const started = Date.now();
	const result = await promise;
	return { r: result, ms: Date.now() - started };
}

const count = (method, path) => env.sandbox.requests.filter((r) => r.method === method && r.path === path).length;

describe('reads retry every transient answer', () => {
	test('a 429 with Retry-After: 1 is waited out and the list comes back', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Rate limit exceeded' } });
		const { r, ms } = await timed(env.run({ operation: 'getAll', returnAll: true, simplify: false }, { credentials: { api: 'rest' } }));
		expect(r.error).toBeUndefined();
		expect(r.items.filter((i) => i.json.connected).map((i) => i.json.id)).toEqual(['stripe']);
		expect(count('GET', '/api/integrations')).toBe(2);
		expect(ms).toBeGreaterThanOrEqual(950);
	});

	test('X-RateLimit-Reset (epoch seconds) is honoured when there is no Retry-After', async () => {
		const reset = Math.ceil(Date.now() / 1000) + 1;
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 429, headers: { 'X-RateLimit-Reset': String(reset) }, body: { error: 'Rate limit exceeded' } });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.provider).toBe('stripe');
		const [first, second] = env.sandbox.requests.map((q) => Date.parse(q.at));
		expect(second).toBeGreaterThanOrEqual(reset * 1000 - 50);
		expect(second - first).toBeGreaterThan(0);
	});

	test.each([408, 500, 502, 504])('a %i on Get Sync Status is retried with backoff', async (status) => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status, times: 2 });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect(r.error).toBeUndefined();
		expect(count('GET', '/api/integrations/sync-status')).toBe(3);
	});

	test('the gateway\'s resetAt (epoch ms) sets the wait', async () => {
		env.sandbox.injectFault(envelope(429, { resetAt: Date.now() + 400 }));
		const { r, ms } = await timed(env.run({ operation: 'getAll' }, gatewayCredential));
		expect(r.error).toBeUndefined();
		expect(count('POST', '/api/tools/call')).toBe(2);
		expect(ms).toBeGreaterThanOrEqual(350);
	});

	test('retryable: true on a gateway read is retried; retryable: false never is', async () => {
		env.sandbox.injectFault(envelope(500));
		expect((await env.run({ operation: 'getAll' }, gatewayCredential)).error).toBeUndefined();
		expect(count('POST', '/api/tools/call')).toBe(2);

		env.sandbox.clearRequests();
		env.sandbox.injectFault(envelope(503, { retryable: false }));
		const r = await env.run({ operation: 'getAll' }, gatewayCredential);
		expect(r.error.message).toBe('Outlit had a server error (503: Try again), which is usually temporary: try again in a moment. Outlit request ID: req_retry.');
		expect(count('POST', '/api/tools/call')).toBe(1);
	});

	test('no answer in time (the Timeout option) is retried for a read', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', delayMs: 1500 });
		const r = await env.run({ operation: 'getAll', requestOptions: { timeout: 200 } }, { credentials: { api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(count('GET', '/api/integrations')).toBe(2);
	});
});

describe('writes are never sent twice when they may have taken effect', () => {
	test('Connect on a 500 stays an error after exactly one request', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 500 });
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe('Outlit had a server error (500: Internal Server Error), which is usually temporary: try again in a moment.');
		expect(count('POST', '/api/integrations/connect')).toBe(1);
		expect(leakedCanaries({ error: r.error })).toEqual([]);
	});

	test('Connect on a 429 or a 503 (not done) is sent again and connects', async () => {
		env.sandbox.reset({ connected: [] });
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 429, headers: { 'Retry-After': '0' } });
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 503 });
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey }, { credentials: { api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.provider).toBe('stripe');
		expect(count('POST', '/api/integrations/connect')).toBe(3);
	});

	test('a setup step that timed out is not sent again', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/setup-step', delayMs: 1500 });
		const r = await env.run({ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: { webhookSecret: CANARY.webhookSecret }, requestOptions: { timeout: 200 } }, { credentials: { api: 'rest' } });
		expect(r.error.message).toMatch(
			/^Could not reach Outlit at http:\/\/127\.0\.0\.1:\d+ \(no answer within the Timeout of 200 ms\): raise Timeout in the node's Request Options, or try again later\.$/,
		);
		expect(count('POST', '/api/integrations/setup-step')).toBe(1);
		expect(leakedCanaries({ error: r.error })).toEqual([]);
	});

	test('outlit_setup_integration on a retryable 500 is not sent again', async () => {
		env.sandbox.reset({ connected: [] });
		env.sandbox.injectFault({ ...envelope(500), tool: 'outlit_setup_integration' });
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey }, gatewayCredential);
		expect(r.error.message).toBe('Outlit had a server error (500: Try again), which is usually temporary: try again in a moment. Outlit request ID: req_retry.');
		expect(env.sandbox.requests.filter((q) => q.tool === 'outlit_setup_integration')).toHaveLength(1);
	});

	test('outlit_setup_integration on a 429 is sent again once resetAt passes', async () => {
		env.sandbox.reset({ connected: [] });
		env.sandbox.injectFault({ ...envelope(429, { resetAt: Date.now() + 100 }), tool: 'outlit_setup_integration' });
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey }, gatewayCredential);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', connected: true });
		expect(env.sandbox.requests.filter((q) => q.tool === 'outlit_setup_integration')).toHaveLength(2);
	});
});

describe('the settings bound the retries', () => {
	test('Retry Transient Errors off: one request, the error as Outlit gave it', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 503 });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe', options: { retryTransientErrors: false } });
		expect(r.error.message).toBe('Outlit had a server error (503: Service Unavailable), which is usually temporary: try again in a moment.');
		expect(count('GET', '/api/integrations/sync-status')).toBe(1);
	});

	test('a Retry-After longer than Max Retry Wait ends at once with when to retry', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '30' }, body: { error: 'Rate limit exceeded' } });
		const { r, ms } = await timed(env.run({ operation: 'getAll', options: { maxRetryWait: 5 } }, { credentials: { api: 'rest' } }));
		expect(r.error.message).toBe('Outlit rate limit reached: try again in 30 s.');
		expect(r.error.description).toBe('Too many requests. Retry in 30 s.');
		expect(count('GET', '/api/integrations')).toBe(1);
		expect(ms).toBeLessThan(5000);
	});

	test.each([['={{ Infinity }}'], ['={{ -5 }}'], [0]])('Max Retry Wait %p allows no wait: a Retry-After of 1 s ends at once', async (maxRetryWait) => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Rate limit exceeded' } });
		const r = await env.run({ operation: 'getAll', options: { maxRetryWait } }, { credentials: { api: 'rest' } });
		expect(r.error.description).toBe('Too many requests. Retry in 1 s.');
		expect(count('GET', '/api/integrations')).toBe(1);
	});

	test('a fault that never clears ends within Max Retry Wait', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 502, times: 1000 });
		const { r, ms } = await timed(env.run({ operation: 'getSyncStatus', provider: 'stripe', options: { maxRetryWait: 2 } }));
		expect(r.error.message).toBe('Outlit had a server error (502: Bad Gateway), which is usually temporary: try again in a moment.');
		expect(count('GET', '/api/integrations/sync-status')).toBeGreaterThanOrEqual(3);
		expect(ms).toBeLessThan(2000 + 1500);
	});

	test('a plan allowance that resets next year is not waited for', async () => {
		env.sandbox.injectFault(envelope(429, { code: 'plan_api_limit_exceeded', retryable: true, resetAt: Date.UTC(2030, 0, 1) }));
		const r = await env.run({ operation: 'getAll' }, gatewayCredential);
		expect(r.error.message).toBe(
			"Your Outlit plan's API limit is reached: try again after 2030-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app. Outlit request ID: req_retry.",
		);
		expect(count('POST', '/api/tools/call')).toBe(1);
	});

	test('stopping the execution during a write says so, not that Outlit could not be reached', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/disconnect', delayMs: 3000 });
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 300);
		const { r, ms } = await timed(env.run({ operation: 'disconnect', provider: 'stripe' }, { credentials: { api: 'rest' }, abortSignal: abort.signal }));
		expect(r.error.message).toBe(
			'The request to Outlit was canceled because the execution was stopped, and Outlit may have made the change before the stop: check the integration (Get Many, Get Capabilities or the Outlit web app) before you run the workflow again.',
		);
		expect(r.error.description).toBe('The execution was stopped while a request to Outlit was under way.');
		expect(r.error.context.itemIndex).toBe(0);
		expect(count('POST', '/api/integrations/disconnect')).toBe(1);
		expect(ms).toBeLessThan(2500);
	});

	test('stopping the execution during a read says the request was canceled', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', delayMs: 3000 });
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 300);
		const { r, ms } = await timed(env.run({ operation: 'getAll' }, { credentials: { api: 'rest' }, abortSignal: abort.signal }));
		expect(r.error.message).toBe('The request to Outlit was canceled because the execution was stopped: run the workflow again to go on.');
		expect(count('GET', '/api/integrations')).toBe(1);
		expect(ms).toBeLessThan(2500);
	});

	test('stopping the execution ends a retry wait', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '20' }, body: { error: 'Rate limit exceeded' } });
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 300);
		const { r, ms } = await timed(env.run({ operation: 'getAll' }, { credentials: { api: 'rest' }, abortSignal: abort.signal }));
		expect(r.error.message).toBe('The wait was canceled because the execution was stopped: run the workflow again to go on.');
		expect(r.error.description).toBe('The execution was stopped while waiting.');
		expect(r.error.context.itemIndex).toBe(0);
		expect(ms).toBeLessThan(3000);
	});
});
