'use strict';
/**
 * Values the editor would not let through but an expression or an odd server can give: each still
 * gets the node's normal behaviour, never a raw JavaScript error, a dropped item or a tight loop.
 * Through n8n's engine against the sandbox.
 */
const { outlitEnvironment, leakedCanaries } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

test('a gateway resetAt beyond what a date can hold: the plan-limit error with its request ID, not "Invalid time value"', async () => {
	env.sandbox.injectFault({
		path: '/api/tools/call',
		status: 429,
		body: { code: 'plan_api_limit_exceeded', message: 'Monthly allowance used', retryable: true, requestId: 'req_far_1', plan: 'free', resetAt: 1e20 },
	});
	const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools' } });
	expect(r.error).toMatchObject({
		name: 'NodeApiError',
		message: 'Your Outlit plan\'s API limit is reached (plan "free"): try again later, or upgrade the plan in the Outlit web app. Outlit request ID: req_far_1.',
		httpCode: '429',
	});
	// Not retried: the server's wait is longer than Max Retry Wait.
	expect(env.sandbox.requests).toHaveLength(1);
});

test('Items per Batch of 2.5 from an expression: every item runs once, in order', async () => {
	const five = Array.from({ length: 5 }, (_, i) => ({ json: { i } }));
	const r = await env.run(
		{ operation: 'getSyncStatus', provider: 'stripe', requestOptions: { batching: { batch: { batchSize: 2.5, batchInterval: 10 } } } },
		{ credentials: { api: 'rest' }, input: five },
	);
	expect(r.error).toBeUndefined();
	expect(r.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
	expect(env.sandbox.requests).toHaveLength(5);
});

test('a proxy password with a % that starts no escape: the node\'s own error naming the Proxy, not a raw "URI malformed"', async () => {
	// The node passes the password on as typed; n8n 2.41.1's proxy agent cannot send it either, so
	// what is left is the node's network error, which says where to look.
	const r = await env.run(
		{ operation: 'getAll', requestOptions: { proxy: 'http://user:pa%zz@127.0.0.1:9' }, options: { retryTransientErrors: false } },
		{ credentials: { api: 'rest' } },
	);
	expect(r.error.message).toBe(
		`Could not reach Outlit at ${env.sandbox.url} (no answer): check the Base URL in the Outlit API credential and the Proxy in the node's Request Options, then try again.`,
	);
	expect(JSON.stringify([r.error.message, r.error.description])).not.toContain('pa%zz');
	expect(leakedCanaries(r.error)).toEqual([]);
});

test('a Poll Interval below the editor\'s 0.1 s from an expression: polls at most every 0.1 s', async () => {
	const started = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
	env.sandbox.clearRequests();
	const r = await env.run(
		{ operation: 'waitForConnection', sessionId: started.items[0].json.sessionId, pollInterval: '={{ 0.0004 }}', timeout: 1, options: { continueOnUnsuccessful: true } },
		{ credentials: { api: 'rest' } },
	);
	expect(r.items[0].json).toMatchObject({ status: 'pending', timedOut: true });
	// One second at one poll per 0.1 s: at most 11 polls, however fast the machine (0.4 ms apart, hundreds).
	const polls = env.sandbox.requests.filter((q) => q.path === '/api/integrations/connect/status');
	expect(polls.length).toBeGreaterThanOrEqual(2);
	expect(polls.length).toBeLessThanOrEqual(11);
});
