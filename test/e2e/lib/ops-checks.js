'use strict';
/**
 * Checks for one run of the "every operation" workflow on the REST routes: each node's output
 * items, and the exact requests the sandbox received (method, path, query, body, Bearer key).
 * Expected values are literals from Outlit's REST route docs (never the package's own catalog).
 */
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { nodeItems } = require('@repo/devkit/n8n/n8n-db');

const CONNECT_KEYS = ['alreadyConnected', 'connected', 'connectionId', 'provider'];
/** The provider table of Outlit's integration route docs. */
const REST_PROVIDER_IDS = ['attio', 'clerk', 'fireflies', 'google-calendar', 'google-mail', 'granola', 'hubspot', 'posthog', 'pylon', 'slack', 'stripe', 'supabase'];

/** What the ops workflow must have sent, in order (see workflows.js opsSteps). */
function expectedRequests(c, sessions) {
	const get = (path, query = {}) => ({ method: 'GET', path, query, body: undefined });
	const post = (path, body) => ({ method: 'POST', path, query: {}, body });
	const I = '/api/integrations';
	return [
		get(I, { connectedOnly: 'false' }),
		get(`${I}/capabilities`, { provider: 'posthog' }),
		get(`${I}/capabilities`),
		post(`${I}/connect`, { provider: 'posthog', config: { apiKey: c.posthogKey, region: 'eu', projectId: '4242' } }),
		post(`${I}/connect`, { provider: 'stripe', config: { apiKey: c.stripeKey } }),
		post(`${I}/connect`, { provider: 'supabase', config: { projectUrl: 'https://e2e.supabase.co', serviceRoleKey: c.supabaseKey } }),
		post(`${I}/connect`, { provider: 'clerk', config: { secretKey: c.clerkKey } }),
		post(`${I}/connect`, { provider: 'pylon', config: { apiToken: c.pylonToken } }),
		get(I, { connectedOnly: 'true' }),
		post(`${I}/connect`, { provider: 'hubspot' }),
		get(`${I}/connect/status`, { sessionId: sessions.hubspot }), // Get Connection Status
		get(`${I}/connect/status`, { sessionId: sessions.hubspot }), // Wait for Connection (1st poll connects)
		post(`${I}/connect`, { provider: 'attio' }),
		get(`${I}/connect/status`, { sessionId: sessions.attio }),
		get(`${I}/connect/status`, { sessionId: sessions.attio }),
		post(`${I}/setup-step`, { provider: 'hubspot', step: 'mappings' }),
		post(`${I}/setup-step`, { provider: 'hubspot', step: 'mappings', config: { mappings: [{ pipelineId: 'hubspot-sales', stage: 'Won' }] } }),
		post(`${I}/setup-step`, { provider: 'stripe', step: 'webhooks', config: { webhookSecret: c.webhookSecret } }),
		get(`${I}/sync-status`, { provider: 'stripe' }),
		post(`${I}/disconnect`, { provider: 'stripe' }),
		post(`${I}/disconnect`, { provider: 'stripe' }),
		post(`${I}/disconnect`, { provider: 'stripe' }),
		get(I, { connectedOnly: 'false' }), // with the wrong key
	];
}

/**
 * @param scope report scope; @param run parsed `--rawOutput`; @param requests sandbox log;
 * @param ctx { canaries, syncModels (sandbox fixtures), sandboxUrl }
 */
async function checkOps(scope, run, requests, { canaries: c, syncModels, sandboxUrl }) {
	const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
	const out = (node) => {
		const items = nodeItems(runData, node);
		if (!items) throw new Error(`node "${node}" did not run`);
		return items;
	};
	const one = (node) => {
		const items = out(node);
		assertEqual(items.length, 1, `${node}: item count`);
		return items[0];
	};
	const ids = REST_PROVIDER_IDS;
	const check = (name, fn) => scope.check(`ops: ${name}`, fn);

	await check('workflow finished successfully', () => {
		assert(run, 'no run JSON on stdout');
		assertEqual(run.status, 'success', 'status');
		assertEqual(run.data.resultData.error, undefined, 'workflow error');
	});
	if (!runData) return;
	await check('getAll lists every catalog provider, none connected', () => {
		const items = out('List all');
		assertEqual(items.map((i) => i.id).sort(), [...ids].sort(), 'provider ids');
		assert(items.every((i) => i.status === 'not_connected' && i.connected === false), 'all not_connected');
	});
	await check('getCapabilities for one provider', () => {
		const cap = one('Capabilities PostHog');
		assertEqual(cap.providerId, 'posthog', 'providerId');
		assertEqual(cap.requiredFields.map((f) => f.key), ['apiKey', 'region', 'projectId'], 'required fields');
	});
	await check("getCapabilities for 'all'", () => {
		assertEqual(out('Capabilities all').map((i) => i.providerId).sort(), [...ids].sort(), 'providers');
	});
	for (const [node, provider] of [['Connect PostHog', 'posthog'], ['Connect Stripe', 'stripe'], ['Connect Supabase', 'supabase'], ['Connect Clerk', 'clerk'], ['Connect Pylon', 'pylon']]) {
		await check(`connect direct: ${provider} (fields → config)`, () => {
			const item = one(node);
			assertEqual(Object.keys(item).sort(), CONNECT_KEYS, `${node} output keys`);
			assertEqual([item.provider, item.connected, item.alreadyConnected], [provider, true, false], `${node} output`);
		});
	}
	await check('getAll connectedOnly returns exactly the connected ones', () => {
		const items = out('List connected');
		assertEqual(items.map((i) => i.id).sort(), ['clerk', 'posthog', 'pylon', 'stripe', 'supabase'], 'connected ids');
		assert(items.every((i) => i.status === 'connected' && i.connected === true), 'status connected');
	});
	const hub = one('Start HubSpot session');
	await check('connect browser returns a session and the connect URL', () => {
		assert(typeof hub.sessionId === 'string' && hub.sessionId.length > 8, 'sessionId');
		assert(String(hub.connectUrl).startsWith(`${sandboxUrl}/connect/`), `connectUrl ${hub.connectUrl}`);
		assertEqual(hub.alreadyConnected, false, 'alreadyConnected');
	});
	await check('getConnectionStatus: pending', () => {
		const s = one('HubSpot session status');
		assertEqual([s.sessionId, s.status, s.provider], [hub.sessionId, 'pending', 'hubspot'], 'status item');
	});
	await check('waitForConnection: connected', () => {
		const s = one('Wait for HubSpot');
		assertEqual([s.sessionId, s.status, s.provider], [hub.sessionId, 'connected', 'hubspot'], 'wait item');
	});
	const attio = one('Connect Attio and wait');
	await check('connect browser with waitUntilConnected polls until connected', () => {
		assertEqual([attio.provider, attio.status, attio.polls], ['attio', 'connected', 2], 'attio item');
	});
	await check('runSetupStep without config asks for it', () => {
		const s = one('HubSpot mappings needed');
		assertEqual([s.provider, s.step, s.status], ['hubspot', 'mappings', 'config_required'], 'step item');
		assert(Array.isArray(s.availablePipelines) && s.availablePipelines.length > 0, 'availablePipelines');
	});
	await check('runSetupStep with config completes', () => {
		const s = one('HubSpot mappings');
		assertEqual([s.status, s.mappingsApplied], ['completed', 1], 'mappings item');
		const w = one('Stripe webhooks');
		assertEqual([w.provider, w.step, w.status, w.webhookSecretStored], ['stripe', 'webhooks', 'completed', true], 'webhooks item');
	});
	await check('getSyncStatus lists the models', () => {
		const s = one('Stripe sync status');
		assertEqual([s.provider, s.status], ['stripe', 'connected'], 'sync status');
		assertEqual(s.syncs.map((x) => x.model), syncModels.stripe, 'models');
	});
	await check('disconnect, ignoreNotConnected, and the not-connected error', () => {
		assertEqual(one('Disconnect Stripe'), { success: true, provider: 'stripe' }, 'disconnect');
		assertEqual(one('Disconnect Stripe ignored'), { success: false, notConnected: true, provider: 'stripe' }, 'ignored');
		const e = one('Disconnect Stripe error');
		assert(/not connected/i.test(String(e.error)), `error item: ${JSON.stringify(e)}`);
	});
	await check('a rejected API key gives a readable error', () => {
		const e = one('List with wrong key');
		assert(/did not accept|api key/i.test(String(e.error)), `error item: ${JSON.stringify(e)}`);
	});

	const sessions = { hubspot: hub.sessionId, attio: attio.sessionId };
	await check('sandbox received exactly the expected requests (paths, queries, bodies)', () => {
		const got = requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
		assertEqual(got, expectedRequests(c, sessions), 'requests');
	});
	await check('every request carried the credential as a Bearer header', () => {
		const auth = requests.map((r) => r.headers.authorization);
		const want = requests.map((_, i) => `Bearer ${i === requests.length - 1 ? c.wrongKey : c.outlitKey}`);
		assertEqual(auth, want, 'authorization headers');
	});
}

module.exports = { checkOps, expectedRequests };
