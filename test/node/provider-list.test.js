'use strict';
/**
 * The Provider dropdowns (methods/loadOptions.ts) as the n8n editor fills them: n8n-core's
 * LoadOptionsContext with the credential, against the sandbox over real HTTP. The list is what the
 * credential's Outlit offers (Get Capabilities), alphabetical; the built-in catalog when that fails.
 */
const { createHarness } = require('@repo/devkit/harness');
const { startSandbox } = require('../sandbox');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { CANARY } = require('../support/outlit');

// Built inside each test: Stryker credits a mutant of the node class only to the tests that build it.
let harness;
beforeEach(() => {
	harness = createHarness({ nodes: [Outlit], credentials: [OutlitApi] });
});
let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ apiKeys: [CANARY.apiKey] });
});
afterAll(async () => {
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

const dropdown = (method, api = 'rest', baseUrl = sandbox.url) =>
	harness.loadOptions({
		type: 'outlit',
		parameters: { resource: 'integration', operation: 'connect' },
		credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl, api } },
		method,
	});
const byName = (options) => [...options].sort((a, b) => a.name.localeCompare(b.name));
/** The built-in catalog's first entries, alphabetical: what the dropdown falls back to. */
const CATALOG_HEAD = [
	{ name: 'Attio', value: 'attio' },
	{ name: 'Clerk', value: 'clerk' },
];

describe.each(['rest', 'tools'])('Provider dropdown over %s', (api) => {
	test('lists what Outlit offers, with its names, alphabetical; one Get Capabilities request', async () => {
		sandbox.clearRequests();
		const options = await dropdown('getProviders', api);
		expect(options).toEqual(byName(options));
		expect(options).toContainEqual({ name: 'HubSpot', value: 'hubspot' });
		expect(options).toContainEqual({ name: 'Gmail', value: 'google-mail' });
		expect(sandbox.requests).toHaveLength(1);
		// The REST routes document twelve providers, under their own names (the catalog has fifteen).
		if (api === 'rest') expect(options).toHaveLength(12);
		if (api === 'rest') expect(options).toContainEqual({ name: 'Supabase Auth', value: 'supabase' });
	});

	test('Get Sync Status / Get Capabilities add All Providers first', async () => {
		const options = await dropdown('getProvidersWithAll', api);
		expect(options[0]).toEqual({ name: 'All Providers', value: 'all' });
		expect(options.slice(1)).toEqual(byName(options.slice(1)));
		expect(options).toContainEqual({ name: 'Stripe', value: 'stripe' });
	});
});

describe('when Outlit cannot be asked, the built-in catalog (the dropdown is never empty)', () => {
	test('a server error', async () => {
		sandbox.injectFault({ path: '/api/integrations/capabilities', status: 500, times: 10 });
		const options = await dropdown('getProviders');
		expect(options.slice(0, 2)).toEqual(CATALOG_HEAD);
		expect(options).toHaveLength(15);
	});

	test('a wrong key', async () => {
		const options = await harness.loadOptions({
			type: 'outlit',
			parameters: { resource: 'integration', operation: 'connect' },
			credentials: { outlitApi: { apiKey: 'ok_not_a_known_key', baseUrl: sandbox.url, api: 'rest' } },
			method: 'getProvidersWithAll',
		});
		expect(options.slice(0, 3)).toEqual([{ name: 'All Providers', value: 'all' }, ...CATALOG_HEAD]);
		expect(options).toHaveLength(16);
	});

	test('an answer with no provider ids in it', async () => {
		sandbox.injectFault({ path: '/api/integrations/capabilities', status: 200, body: { hubspot: { name: 'HubSpot' }, note: 'x' } });
		expect((await dropdown('getProviders')).slice(0, 2)).toEqual(CATALOG_HEAD);
	});
});

describe('names', () => {
	test('an id Outlit gives without a name: the catalog\'s name, else the id itself; providerId is read too', async () => {
		sandbox.injectFault({
			path: '/api/integrations/capabilities',
			status: 200,
			body: { a: { provider: 'hubspot' }, b: { providerId: 'brand-new' }, c: { provider: 'zeta', name: '' }, d: { provider: 'attio', name: 'Attio CRM' }, e: { provider: 7, name: 'no id' } },
		});
		expect(await dropdown('getProviders')).toEqual([
			{ name: 'Attio CRM', value: 'attio' },
			{ name: 'brand-new', value: 'brand-new' },
			{ name: 'HubSpot', value: 'hubspot' },
			{ name: 'zeta', value: 'zeta' },
		]);
	});
});
