'use strict';
/**
 * An error raised outside one item's run (the node's Request Options, a pause between batches) is
 * stored with the execution like any other, node copy included: the keys typed into the node must be
 * masked there too. Through n8n's real engine against the sandbox, with a canary in a typed-in field.
 */
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'rest' });
const TYPED_STRIPE = { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey };

/** Runs fn after ms, from the test (the node itself never uses timers). */
const later = (ms, fn) => new Promise((resolve) => setTimeout(() => resolve(fn()), ms));

test("a Proxy without a port in Request Options: the proxy's error, with the typed-in key masked, and nothing sent", async () => {
	const r = await env.run({ ...TYPED_STRIPE, requestOptions: { proxy: 'http://myproxy' } });
	expect(r.error.message).toBe("The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.");
	expect(r.error.node.parameters.apiKey).not.toBe(CANARY.stripeKey);
	expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
	expect(env.sandbox.requests).toHaveLength(0);
});

test('stopped during the pause between batches: the stop, with the typed-in key masked, and no second batch', async () => {
	const controller = new AbortController();
	const [r] = await Promise.all([
		env.run(
			{ ...TYPED_STRIPE, requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 5000 } } } },
			{ input: [{ json: {} }, { json: {} }], abortSignal: controller.signal },
		),
		later(400, () => controller.abort()),
	]);
	expect(r.status).toBe('canceled');
	expect(r.error.message).toBe('The wait was canceled because the execution was stopped: run the workflow again to go on.');
	expect(r.error.node.parameters.apiKey).not.toBe(CANARY.stripeKey);
	expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
	expect(env.sandbox.requests.filter((q) => q.path === '/api/integrations/connect')).toHaveLength(1);
});
