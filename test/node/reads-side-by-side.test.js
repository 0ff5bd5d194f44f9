'use strict';
/**
 * Reads overlap, writes do not (actions/router.ts), through n8n's real engine against the sandbox:
 * up to 8 read requests in flight after the first item ran alone, output in input order whatever
 * order the answers arrive in, the lowest failing item's error. The pacer's slots, which keep
 * overlapping requests under Outlit's rate limit, are in test/transport/retry-rules.test.js.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe', 'hubspot', 'slack'] }, { api: 'rest' });
const items = (list) => list.map((json) => ({ json }));
const count = (method, path) => env.sandbox.requests.filter((r) => r.method === method && r.path === path).length;
const SYNC = '/api/integrations/sync-status';

describe('reads overlap, up to 8 requests in flight', () => {
	test('20 slow Get Sync Status items keep exactly 8 requests in flight at the peak', async () => {
		env.sandbox.injectFault({ method: 'GET', path: SYNC, delayMs: 150, times: 20 });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' }, { input: items(Array(20).fill({})) });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.provider)).toEqual(Array(20).fill('stripe'));
		expect(env.sandbox.peakInFlight()).toBe(8);
		expect(count('GET', SYNC)).toBe(20);
	});

	test('Get Many and Get Capabilities overlap too', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', delayMs: 100, times: 6 });
		const list = await env.run({ operation: 'getAll' }, { input: items(Array(6).fill({})) });
		expect(list.error).toBeUndefined();
		expect(env.sandbox.peakInFlight()).toBe(5);
		env.sandbox.reset();
		env.sandbox.injectFault({ method: 'POST', path: '/api/tools/call', delayMs: 100, times: 4 });
		const caps = await env.run({ operation: 'getCapabilities', provider: 'stripe' }, { input: items(Array(4).fill({})), credentials: { api: 'tools' } });
		expect(caps.error).toBeUndefined();
		expect(env.sandbox.peakInFlight()).toBe(3);
	});

	test('the first item runs alone: Automatic on a server without the gateway probes it once', async () => {
		env.sandbox.reset({ contract: 'rest' });
		const r = await env.run({ operation: 'getAll' }, { input: items(Array(10).fill({})), credentials: { api: 'auto' } });
		expect(r.error).toBeUndefined();
		expect(count('POST', '/api/tools/call')).toBe(1);
		expect(count('GET', '/api/integrations')).toBe(10);
	});

	test('output follows the input order when a slow answer comes back last', async () => {
		// The first item runs alone (no delay); the second answers 400 ms late, after all the others.
		env.sandbox.injectFault({ method: 'GET', path: SYNC, delayMs: 0 });
		env.sandbox.injectFault({ method: 'GET', path: SYNC, delayMs: 400 });
		const providers = ['stripe', 'hubspot', 'slack', 'hubspot', 'stripe', 'slack'];
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input: items(providers.map((p) => ({ p }))) });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.provider)).toEqual(providers);
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3, 4, 5]);
		const order = env.sandbox.requests.filter((q) => q.path === SYNC).map((q) => q.query.provider);
		expect(order).toEqual(providers.map((p) => (p === 'slack' ? 'slack' : p)));
	});

	test('without Continue On Fail the error is the lowest failing item\'s', async () => {
		const providers = ['stripe', 'hubspot', 'slack', 'no-such-one', 'stripe', 'no-such-two', 'hubspot'];
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input: items(providers.map((p) => ({ p }))) });
		expect(r.error).toBeDefined();
		expect(r.error.context.itemIndex).toBe(3);
	});

	test('with Continue On Fail each error item keeps its input position', async () => {
		const providers = ['no-such-a', 'stripe', 'hubspot', 'no-such-b', 'slack', 'stripe', 'hubspot', 'stripe', 'slack', 'no-such-c'];
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input: items(providers.map((p) => ({ p }))), continueOnFail: true });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(r.items.map((i) => (i.json.error ? 'error' : i.json.provider))).toEqual(['error', 'stripe', 'hubspot', 'error', 'slack', 'stripe', 'hubspot', 'stripe', 'slack', 'error']);
	});

	test('batching (Request Options) caps the overlap at the batch size and pauses between batches', async () => {
		env.sandbox.injectFault({ method: 'GET', path: SYNC, delayMs: 100, times: 7 });
		const started = Date.now();
		const r = await env.run(
			{ operation: 'getSyncStatus', provider: 'stripe', requestOptions: { batching: { batch: { batchSize: 3, batchInterval: 200 } } } },
			{ input: items(Array(7).fill({})) },
		);
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(7);
		expect(env.sandbox.peakInFlight()).toBe(3);
		// Batches [0,1,2] [3,4,5] [6]: two pauses of 200 ms, and each batch waits for its slowest answer.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 200 + 3 * 100);
	});
});

describe('writes go one at a time', () => {
	test('Connect (browser) for 5 items never has two requests in flight', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', delayMs: 100, times: 5 });
		const r = await env.run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' }, { input: items(Array(5).fill({})) });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(5);
		expect(env.sandbox.peakInFlight()).toBe(1);
	});
});
