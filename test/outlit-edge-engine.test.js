'use strict';
/**
 * Edges of the Outlit node seen through n8n's real engine against the sandbox: what every request
 * carries, REST answers without what the contract promises, a method a REST provider does not have,
 * a Base URL that is no URL, and the Provider dropdown paced by Outlit's rate-limit headers. Expected values are literals.
 */
const { createHarness } = require('./harness');
const { Outlit } = require('../nodes/Outlit/Outlit.node');
const { OutlitApi } = require('../credentials/OutlitApi.credentials');
const { outlitEnvironment, CANARY } = require('./support/outlit');

const env = outlitEnvironment();
const run = (parameters, options) => env.run(parameters, options);

describe('what every request carries', () => {
	test.each(['rest', 'tools'])('%s: Accept application/json, and a JSON body where there is one', async (api) => {
		const r = await run({ operation: 'connect', provider: 'posthog', connectionMethod: 'direct', apiKey: 'phx_key_12345', region: 'us', projectId: '12345' }, { credentials: { api } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => [q.headers.accept, q.headers['content-type']])).toEqual([['application/json', 'application/json']]);
	});
});

describe('REST answers and methods at their edges', () => {
	test('an integration list without "items" is a readable error of the 200', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 200, body: { integrations: [] } });
		const r = await run({ operation: 'getAll' }, { credentials: { api: 'rest' }, continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{
				error: 'Outlit returned an integration list without "items"',
				description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
				httpCode: '200',
			},
		]);
	});

	test('Browser Session for a provider the REST routes connect by credentials: names every field, sends nothing', async () => {
		const r = await run({ operation: 'connect', provider: 'supabase', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe('Supabase Auth connects with credentials (Project URL, Service Role Key), not a browser session');
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('the credential', () => {
	test('a Base URL that is no URL at all is refused before any request', async () => {
		const r = await run({ operation: 'getAll' }, { credentials: { baseUrl: 'app.outlit.ai' } });
		expect(r.error.message).toBe('The Outlit Base URL is not a valid http(s) URL');
		expect(r.error.description).toBe('Set Base URL in the Outlit credential to https://app.outlit.ai or your proxy\'s URL.');
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('the Provider dropdown', () => {
	test('Automatic where the gateway answers a bare 404 (no gateway), with the allowance used up: REST\'s list, half a second later', async () => {
		const harness = createHarness({ nodes: [Outlit], credentials: [OutlitApi] });
		env.sandbox.injectFault({ path: '/api/tools/call', status: 404, body: 'Not Found', headers: { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0' } });
		const options = await harness.loadOptions({
			type: 'outlit',
			parameters: { resource: 'integration', operation: 'connect' },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, api: 'auto' } },
			method: 'getProviders',
		});
		expect(env.sandbox.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /api/tools/call', 'GET /api/integrations/capabilities']);
		// The REST routes' own names (the built-in catalog, the fallback, says "Supabase").
		expect(options).toHaveLength(12);
		expect(options).toContainEqual({ name: 'Supabase Auth', value: 'supabase' });
	});
});

describe('Request Options', () => {
	test('a proxy that is no URL at all is refused like one without a port', async () => {
		const r = await run({ operation: 'getAll', requestOptions: { proxy: 'http://[bad:3128' } });
		expect([r.error.message, r.error.description]).toEqual(['The proxy is not valid', 'The proxy URL needs a host and a port, e.g. http://myproxy:3128.']);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('the wait at its edges', () => {
	const FAST = { pollInterval: 0.05, timeout: 10 };

	test('REST: an unknown session status is an error of the 200 that carried it', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 200, body: { status: 'authorizing', provider: 'slack' } });
		const r = await run({ operation: 'waitForConnection', sessionId: 'any', ...FAST }, { credentials: { api: 'rest' }, continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ error: 'Outlit returned an unknown session status: "authorizing"', httpCode: '200' });
	});

	test('a connected session\'s item has exactly its facts: no empty error key', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const started = await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
		const r = await run({ operation: 'waitForConnection', sessionId: started.items[0].json.sessionId, ...FAST });
		expect(Object.keys(r.items[0].json).sort()).toEqual(['polls', 'provider', 'sessionId', 'status', 'waitedMs']);
	});

	test('REST: a Session ID given as a number (from an expression) is sent as text', async () => {
		await run({ operation: 'getConnectionStatus', sessionId: '={{ 12345 }}' }, { credentials: { api: 'rest' } });
		expect(env.sandbox.requests.map((q) => q.query)).toEqual([{ sessionId: '12345' }]);
	});

	test('on the gateway, a failed session with Continue on Unsuccessful asks Outlit nothing more', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 200, body: { provider: 'hubspot', status: 'failed' } });
		const r = await run(
			{ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, ...FAST, options: { continueOnUnsuccessful: true } },
			{ credentials: { api: 'tools' } },
		);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', status: 'failed', polls: 1 });
		expect(env.sandbox.requests.map((q) => q.body.tool)).toEqual(['outlit_setup_integration', 'outlit_get_integration_setup_status']);
	});
});
