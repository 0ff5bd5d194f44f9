'use strict';
/**
 * 1,000 items against a rate limit of 100 requests a second, through n8n's real engine against the
 * sandbox: no item lost, every one answered once it got through. Its own file because each case takes
 * about ten seconds of real time: Stryker leaves it out (stryker.config.mjs), the smaller cases in
 * test/node/retries.test.js and test/node/reads-side-by-side.test.js cover the same code for mutants.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });
const gatewayCredential = { credentials: { api: 'tools' } };

describe('1,000 items against a rate limit of 100 requests a second: none lost', () => {
	const items = (n, json) => Array.from({ length: n }, () => ({ json }));

	test('Get Sync Status (REST) paces itself by X-RateLimit-Remaining and retries the 429s', async () => {
		env.sandbox.reset({ connected: ['stripe'], rateLimit: { perSecond: 100 } });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' }, { input: items(1000, {}), credentials: { api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1000);
		expect(r.items.filter((i) => i.json.provider !== 'stripe')).toEqual([]);
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([...Array(1000).keys()]);
		// The limit was really reached: more requests than the burst, and all of them answered.
		const counts = env.sandbox.rateLimitCounts();
		expect(counts.allowed).toBe(1000);
		expect(env.sandbox.requests.filter((q) => q.path === '/api/integrations/sync-status').length).toBe(1000 + counts.limited);
	}, 90_000);

	test('Get Connection Status (gateway) with the envelope\'s resetAt', async () => {
		env.sandbox.reset({ connected: [], rateLimit: { perSecond: 100 } });
		const connect = await env.run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' }, gatewayCredential);
		const { sessionId } = connect.items[0].json;
		const r = await env.run({ operation: 'getConnectionStatus', sessionId }, { input: items(1000, {}), ...gatewayCredential });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1000);
		expect(r.items.filter((i) => i.json.sessionId !== sessionId && i.json.status === undefined)).toEqual([]);
		expect(new Set(r.items.map((i) => i.json.status))).toEqual(new Set(['pending']));
		// The connect's negotiation and setup, then the 1,000 polls.
		expect(env.sandbox.rateLimitCounts().allowed).toBe(1002);
	}, 90_000);
});
