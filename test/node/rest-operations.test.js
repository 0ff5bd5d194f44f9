'use strict';
/**
 * Every Outlit operation's happy path, run through n8n's real engine against the local sandbox:
 * what the node sends (route, Bearer header, query, body) and what it outputs (items, pairedItem).
 */
const { outlitEnvironment, CANARY } = require('../support/outlit');

/** The provider table of Outlit's REST route docs, in its order. */
const REST_PROVIDER_IDS = ['hubspot', 'attio', 'slack', 'fireflies', 'granola', 'google-calendar', 'google-mail', 'posthog', 'stripe', 'supabase', 'clerk', 'pylon'];

const env = outlitEnvironment({ connected: ['stripe', 'hubspot'] }, { api: 'rest' });

const last = () => env.sandbox.requests.at(-1);

describe('Get Many (getAll)', () => {
	test('returns one item per integration, each paired to its input item', async () => {
		const r = await env.run({ operation: 'getAll', returnAll: true, simplify: false });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.id).sort()).toEqual([...REST_PROVIDER_IDS].sort());
		expect(r.items.filter((i) => i.json.connected).map((i) => i.json.id).sort()).toEqual(['hubspot', 'stripe']);
		expect(r.items.every((i) => i.pairedItem?.item === 0)).toBe(true);
		expect(last()).toMatchObject({ method: 'GET', path: '/api/integrations', query: { connectedOnly: 'false' } });
		expect(last().headers.authorization).toBe(`Bearer ${CANARY.apiKey}`);
	});

	test('connectedOnly returns only the connected integrations', async () => {
		const r = await env.run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(r.items.map((i) => i.json.id).sort()).toEqual(['hubspot', 'stripe']);
		expect(r.items.every((i) => i.json.status === 'connected')).toBe(true);
		expect(last().query).toEqual({ connectedOnly: 'true' });
	});

	test('two input items give two lists, each paired to its own item', async () => {
		const r = await env.run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } }, { input: [{ json: {} }, { json: {} }] });
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([0, 0, 1, 1]);
		expect(env.sandbox.requests).toHaveLength(2);
	});
});

describe('Get Capabilities', () => {
	test('All Providers gives one item per provider, with no provider filter sent', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: 'all' });
		expect(r.items.map((i) => i.json.providerId).sort()).toEqual([...REST_PROVIDER_IDS].sort());
		expect(last().query).toEqual({});
	});

	test('"All" from an expression, in any case and with spaces around it, is All Providers', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: '={{ " ALL " }}' });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.providerId).sort()).toEqual([...REST_PROVIDER_IDS].sort());
		expect(last().query).toEqual({});
	});

	test('one provider gives its capability document', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: 'pylon' });
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({
			providerId: 'pylon',
			setupMode: 'direct_api_key',
			requiredFields: [{ key: 'apiToken', secret: true }],
			postConnectSteps: [{ id: 'webhook-setup', required: true }],
		});
		expect(last().query).toEqual({ provider: 'pylon' });
	});

	test('the gmail alias from an expression is sent as google-mail', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: '={{ "Gmail" }}' });
		expect(r.error).toBeUndefined();
		expect(last().query).toEqual({ provider: 'google-mail' });
		expect(r.items[0].json).toMatchObject({ providerId: 'google-mail', cliName: 'gmail' });
	});
});

describe('Connect', () => {
	test('direct: PostHog fields become config, and the secret is not echoed', async () => {
		const r = await env.run({
			operation: 'connect',
			provider: 'posthog',
			connectionMethod: 'direct', secretSource: 'fields',
			apiKey: CANARY.posthogKey,
			region: 'eu',
			projectId: '12345',
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({
			provider: 'posthog',
			connected: true,
			connectionId: expect.any(String),
			alreadyConnected: false,
		});
		expect(last()).toMatchObject({ method: 'POST', path: '/api/integrations/connect' });
		expect(last().body).toEqual({
			provider: 'posthog',
			config: { apiKey: CANARY.posthogKey, region: 'eu', projectId: '12345' },
		});
		expect(JSON.stringify(r.items)).not.toContain(CANARY.posthogKey);
	});

	test('direct: Additional Config supplies fields for a provider chosen by expression', async () => {
		const r = await env.run({
			operation: 'connect',
			provider: '={{ "pylon" }}',
			connectionMethod: 'direct', secretSource: 'fields',
			additionalConfig: JSON.stringify({ apiToken: CANARY.pylonToken, workspace: 'acme' }),
		});
		expect(r.error).toBeUndefined();
		expect(last().body).toEqual({ provider: 'pylon', config: { apiToken: CANARY.pylonToken, workspace: 'acme' } });
	});

	test('direct: an already connected provider reports alreadyConnected', async () => {
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey });
		expect(r.items[0].json).toMatchObject({ connected: true, alreadyConnected: true });
	});

	test('browser: returns the session ID and connect URL without waiting', async () => {
		const r = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
		expect(r.error).toBeUndefined();
		const { sessionId, connectUrl } = r.items[0].json;
		expect(r.items[0].json).toMatchObject({ provider: 'slack', alreadyConnected: false });
		expect(connectUrl).toBe(`${env.sandbox.url}/connect/${sessionId}`);
		expect(last().body).toEqual({ provider: 'slack' });
		expect(env.calls()).toEqual(['POST /api/integrations/connect']);
	});
});

describe('Get Connection Status', () => {
	test('one poll of a session', async () => {
		const connect = await env.run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' });
		const { sessionId } = connect.items[0].json;
		const pending = await env.run({ operation: 'getConnectionStatus', sessionId });
		expect(pending.items[0].json).toEqual({ sessionId, status: 'pending', provider: 'attio' });
		env.sandbox.failSession(sessionId, 'User denied access');
		const failed = await env.run({ operation: 'getConnectionStatus', sessionId });
		expect(failed.items[0].json).toEqual({ sessionId, status: 'failed', provider: 'attio', error: 'User denied access' });
		expect(last().query).toEqual({ sessionId });
	});
});

describe('Disconnect', () => {
	test('disconnects a connected provider', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'stripe' });
		expect(r.items[0].json).toEqual({ success: true, provider: 'stripe' });
		expect(last()).toMatchObject({ method: 'POST', path: '/api/integrations/disconnect', body: { provider: 'stripe' } });
		const list = await env.run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(list.items.map((i) => i.json.id)).toEqual(['hubspot']);
	});

	test('ignoreNotConnected turns the documented 404 into an item', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'clerk', options: { ignoreNotConnected: true } });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({ success: false, notConnected: true, provider: 'clerk' });
	});
});

describe('Get Sync Status', () => {
	test('returns the per-model syncs of a connected provider', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'connected' });
		expect(r.items[0].json.syncs.length).toBeGreaterThan(0);
		expect(last()).toMatchObject({ path: '/api/integrations/sync-status', query: { provider: 'stripe' } });
	});

	test('a provider that is not connected reports not_connected', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: 'granola' });
		expect(r.items[0].json).toMatchObject({ status: 'not_connected', syncs: [] });
	});
});

describe('Run Setup Step', () => {
	test('mappings without config answers config_required as an item, not an error', async () => {
		const r = await env.run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings' });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', step: 'mappings', status: 'config_required' });
		expect(last().body).toEqual({ provider: 'hubspot', step: 'mappings' });
	});

	test('mappings with config sends it', async () => {
		const mappings = [{ pipelineId: 'hubspot-sales', stage: 'Won' }];
		const r = await env.run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: JSON.stringify({ mappings }) });
		expect(r.items[0].json).toMatchObject({ status: 'completed', mappingsApplied: 1 });
		expect(last().body).toEqual({ provider: 'hubspot', step: 'mappings', config: { mappings } });
	});

	test('webhooks with a secret never echoes the secret', async () => {
		const r = await env.run({ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: { webhookSecret: CANARY.webhookSecret } });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', step: 'webhooks', status: 'completed' });
		expect(JSON.stringify(r.items)).not.toContain(CANARY.webhookSecret);
	});

	test('a custom step token is sent as typed', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/setup-step', status: 200, body: { status: 'queued' } });
		const r = await env.run({ operation: 'runSetupStep', provider: 'stripe', step: 'custom', customStep: 'backfill' });
		expect(r.items[0].json).toEqual({ provider: 'stripe', step: 'backfill', status: 'queued' });
		expect(last().body).toEqual({ provider: 'stripe', step: 'backfill' });
	});
});
