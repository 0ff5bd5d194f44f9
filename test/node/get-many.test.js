'use strict';
/**
 * Get Many: Return All / Limit, a Filters collection and Simplify, as n8n's Get Many operations
 * have them, on the REST routes and on the tools gateway. Expected items are the
 * contracts' shapes (REST `Integration`, the gateway's `ToolOutput_outlit_get_integration_status`)
 * and the sandbox's documented fixtures, as literals.
 */
const { NodeHelpers } = require('n8n-workflow');
const { outlitEnvironment } = require('../support/outlit');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');

const env = outlitEnvironment({ connected: ['stripe', 'hubspot'] });

/** The route docs' provider table, in its order (what GET /api/integrations lists). */
const REST_ORDER = ['hubspot', 'attio', 'slack', 'fireflies', 'granola', 'google-calendar', 'google-mail', 'posthog', 'stripe', 'supabase', 'clerk', 'pylon'];
/** The gateway's provider enum, in its order. */
const GATEWAY_ORDER = ['salesforce', 'hubspot', 'attio', 'slack', 'google-calendar', 'google-mail', 'granola', 'gong', 'fireflies', 'pylon', 'stripe', 'mixpanel', 'posthog', 'supabase', 'clerk'];
const SIMPLE_KEYS = ['category', 'connected', 'name', 'provider', 'status'];

const run = (api, parameters = {}, options = {}) =>
	env.run({ operation: 'getAll', ...parameters }, { ...options, credentials: { api } });
const providers = (r) => r.items.map((i) => i.json.provider ?? i.json.id);

describe('REST routes', () => {
	test('defaults: at most 50, simplified to provider, name, category, status and connected', async () => {
		const r = await run('rest');
		expect(r.error).toBeUndefined();
		expect(providers(r)).toEqual(REST_ORDER);
		for (const item of r.items) expect(Object.keys(item.json).sort()).toEqual(SIMPLE_KEYS);
		expect(r.items.find((i) => i.json.provider === 'stripe').json).toEqual({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'connected', connected: true });
		expect(r.items.find((i) => i.json.provider === 'slack').json).toEqual({ provider: 'slack', name: 'Slack', category: 'communication', status: 'not_connected', connected: false });
		expect(env.sandbox.requests.map((q) => [q.method, q.path, q.query])).toEqual([['GET', '/api/integrations', { connectedOnly: 'false' }]]);
	});

	test('Limit 3 returns the first three in Outlit\'s order', async () => {
		const r = await run('rest', { limit: 3 });
		expect(providers(r)).toEqual(['hubspot', 'attio', 'slack']);
	});

	test('Return All ignores Limit', async () => {
		const r = await run('rest', { returnAll: true, limit: 1 });
		expect(r.items).toHaveLength(12);
	});

	test('Filters → Connected Only is sent as the route\'s connectedOnly query', async () => {
		const r = await run('rest', { filters: { connectedOnly: true } });
		expect(providers(r)).toEqual(['hubspot', 'stripe']);
		expect(env.sandbox.requests[0].query).toEqual({ connectedOnly: 'true' });
	});

	test('Simplify off: Outlit\'s item as it came, plus connected', async () => {
		const r = await run('rest', { simplify: false, filters: { connectedOnly: true }, limit: 1 });
		expect(Object.keys(r.items[0].json).sort()).toEqual(['category', 'connected', 'connectionId', 'errorMessage', 'id', 'lastDataReceivedAt', 'name', 'status', 'syncStatus']);
		expect(r.items[0].json).toMatchObject({ id: 'hubspot', name: 'HubSpot', category: 'crm', status: 'connected', connected: true });
	});

	test('Limit applies per input item; each item\'s list is paired to it', async () => {
		const r = await run('rest', { limit: 2 }, { input: [{ json: {} }, { json: {} }] });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.provider])).toEqual([[0, 'hubspot'], [0, 'attio'], [1, 'hubspot'], [1, 'attio']]);
	});
});

describe('tools gateway', () => {
	test('defaults: the gateway\'s items, which already have the simplified keys; input {}', async () => {
		const r = await run('tools');
		expect(providers(r)).toEqual(GATEWAY_ORDER);
		for (const item of r.items) expect(Object.keys(item.json).sort()).toEqual(SIMPLE_KEYS);
		expect(r.items.find((i) => i.json.provider === 'stripe').json).toEqual({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true });
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ tool: 'outlit_get_integration_status', input: {} }]);
	});

	test('Limit 3 returns the first three in Outlit\'s order', async () => {
		const r = await run('tools', { limit: 3 });
		expect(providers(r)).toEqual(['salesforce', 'hubspot', 'attio']);
	});

	test('Return All returns all 15', async () => {
		const r = await run('tools', { returnAll: true });
		expect(r.items).toHaveLength(15);
	});

	test('Filters → Connected Only filters on the node (the tool has no such filter): still input {}', async () => {
		const r = await run('tools', { filters: { connectedOnly: true }, simplify: false });
		expect(r.items.map((i) => i.json)).toEqual([
			{ provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'setup_required', connected: true },
			{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true },
		]);
		expect(env.sandbox.requests.map((q) => q.body.input)).toEqual([{}]);
	});

	test('the Limit counts after the filter', async () => {
		const r = await run('tools', { filters: { connectedOnly: true }, limit: 1 });
		expect(providers(r)).toEqual(['hubspot']);
	});
});

describe('bad input and version 1', () => {
	test.each([
		[0, '0'],
		[2.5, '2.5'],
		['={{ "many" }}', '"many"'],
	])('Limit %p fails before any request, naming the value and what to set', async (limit, shown) => {
		const r = await run('rest', { limit });
		expect(r.error.message).toBe(`Parameter "Limit" is ${shown}, but it must be a whole number of at least 1: set it to 1 or more, or turn on Return All.`);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('the Limit error says what the Limit was', async () => {
		const r = await run('rest', { limit: '={{ "many" }}' });
		expect(r.error.description).toBe('It is "many".');
	});

	test.each([['rest', REST_ORDER.length], ['tools', GATEWAY_ORDER.length]])('%s: Return All, Connected Only and Simplify off give every integration, raw', async (api, all) => {
		const everything = await run(api, { returnAll: true, simplify: false });
		expect(everything.items).toHaveLength(all);
		const connected = await run(api, { returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(providers(connected)).toEqual(['hubspot', 'stripe']);
		if (api === 'rest') expect(Object.keys(connected.items[0].json)).toContain('syncStatus');
	});

	test('a top-level connectedOnly (an earlier draft of the node had one) filters nothing: Connected Only lives under Filters', async () => {
		const r = await run('rest', { connectedOnly: true });
		expect(r.items).toHaveLength(12);
	});
});

describe('what the editor shows', () => {
	// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
	let description;
	beforeEach(() => ({ description } = new Outlit()));
	const values = (parameters = {}) =>
		NodeHelpers.getNodeParameters(description.properties, { resource: 'integration', operation: 'getAll', ...parameters }, true, false, { typeVersion: 1, parameters }, description);

	test('Return All off, Limit 50, empty Filters, Simplify on; no top-level Connected Only', () => {
		expect(values()).toMatchObject({ returnAll: false, limit: 50, filters: {}, simplify: true });
		expect(Object.keys(values())).not.toContain('connectedOnly');
		expect(Object.keys(values({ returnAll: true }))).not.toContain('limit');
	});

	test('Limit has minValue 1; Filters holds Connected Only; the Simplify description names the kept fields', () => {
		const getAll = description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('getAll'));
		const byName = Object.fromEntries(getAll.map((p) => [p.name, p]));
		expect(byName.limit.typeOptions).toEqual({ minValue: 1 });
		expect(byName.filters.options.map((o) => o.name)).toEqual(['connectedOnly']);
		expect(byName.simplify.description).toContain('provider, name, category, status and connected');
	});
});
