'use strict';
/**
 * Checks for one run of the "every operation" workflow on Outlit's tools gateway: the output items
 * and the exact tool calls the sandbox received. Expected values are literals from the gateway
 * contract (test/sandbox/contract/outlit-tools), never the package's own catalog.
 */
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { nodeItems } = require('@repo/devkit/n8n/n8n-db');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The 15 providers of `outlit_setup_integration`'s schema. */
const GATEWAY_PROVIDER_IDS = ['attio', 'clerk', 'fireflies', 'gong', 'google-calendar', 'google-mail', 'granola', 'hubspot', 'mixpanel', 'posthog', 'pylon', 'salesforce', 'slack', 'stripe', 'supabase'];

/** The tool calls the gateway ops workflow must make, in order (see workflows.js gatewayOpsSteps). */
function expectedToolCalls(c, s) {
	const setup = 'outlit_setup_integration';
	const status = 'outlit_get_integration_status';
	const session = 'outlit_get_integration_setup_status';
	// Every Connect and configuration step negotiates first, without credentials, once per node.
	const caps = (provider) => ['outlit_get_integration_capabilities', { provider }];
	return [
		[status, {}],
		caps('stripe'), // Get Capabilities
		caps('posthog'),
		[setup, { provider: 'posthog', credentials: { apiKey: c.posthogKey, region: 'eu', projectId: '4242' } }],
		caps('stripe'),
		[setup, { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: c.stripeKey } }],
		caps('pylon'),
		[setup, { provider: 'pylon', credentials: { apiToken: c.pylonToken } }],
		[status, {}],
		caps('slack'),
		[setup, { provider: 'slack' }],
		[session, { sessionId: s.slack }], // Get Connection Status
		[session, { sessionId: s.slack }], // Wait for Connection
		caps('hubspot'),
		[setup, { provider: 'hubspot' }],
		[session, { sessionId: s.hubspot }],
		[session, { sessionId: s.hubspot }],
		[setup, { provider: 'hubspot' }], // the follow-up once authenticated: never credentials
		caps('hubspot'),
		[setup, { provider: 'hubspot' }], // mappings: what does Outlit recommend?
		[setup, { provider: 'hubspot', configuration: { kind: 'crm_mapping', mappings: s.recommendation, confirm: true } }],
		[status, { provider: 'stripe' }],
	];
}

async function checkGatewayOps(scope, run, requests, { canaries: c, sandboxUrl }) {
	const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
	const one = (node) => {
		const items = nodeItems(runData, node);
		if (!items) throw new Error(`node "${node}" did not run`);
		assertEqual(items.length, 1, `${node}: item count`);
		return items[0];
	};
	const check = (name, fn) => scope.check(`gateway ops: ${name}`, fn);

	await check('workflow finished successfully', () => {
		assert(run, 'no run JSON on stdout');
		assertEqual(run.status, 'success', 'status');
	});
	if (!runData) return;
	await check('getAll lists the 15 gateway providers by readiness, none connected', () => {
		const items = nodeItems(runData, 'List all');
		assertEqual(items.map((i) => i.provider).sort(), GATEWAY_PROVIDER_IDS, 'providers');
		assert(items.every((i) => i.status === 'not_connected' && i.connected === false), 'all not_connected');
	});
	await check('getCapabilities for Stripe', () => {
		const cap = one('Capabilities Stripe');
		assertEqual(cap.provider, 'stripe', 'provider');
		assert(['oauth', 'api_key', 'basic_auth'].includes(cap.authType), `authType ${cap.authType}`);
	});
	for (const [node, provider] of [['Connect PostHog', 'posthog'], ['Connect Stripe', 'stripe'], ['Connect Pylon', 'pylon']]) {
		await check(`connect direct: ${provider} is ready`, () => {
			const item = one(node);
			assertEqual([item.provider, item.status, item.connected], [provider, 'ready', true], node);
			assert(!('next' in item) && !('error' in item), `${node}: no null next/error: ${JSON.stringify(item)}`);
		});
	}
	await check('getAll connectedOnly keeps the connected ones', () => {
		const items = nodeItems(runData, 'List connected');
		assertEqual(items.map((i) => i.provider).sort(), ['posthog', 'pylon', 'stripe'], 'connected');
	});
	const slack = one('Start Slack session');
	await check('connect browser flattens the handoff', () => {
		assert(UUID.test(slack.sessionId), `sessionId ${slack.sessionId}`);
		assert(String(slack.connectUrl).startsWith(`${sandboxUrl}/`), `connectUrl ${slack.connectUrl}`);
		assertEqual([slack.status, slack.connected, slack.purpose], ['awaiting_auth', false, 'authentication'], 'handoff');
	});
	await check('getConnectionStatus then waitForConnection', () => {
		assertEqual(one('Slack session status').status, 'pending', 'status');
		assertEqual(one('Wait for Slack').status, 'connected', 'wait');
	});
	const hub = one('Connect HubSpot and wait');
	await check('connect and wait merges the follow-up: a CRM mapping recommendation', () => {
		assertEqual([hub.provider, hub.status, hub.connected, hub.next && hub.next.kind], ['hubspot', 'setup_required', false, 'crm_mapping'], 'hubspot');
		assert(Array.isArray(hub.next.recommendation) && hub.next.recommendation.length > 0, 'recommendation');
	});
	await check('mappings with Accept Recommendation confirm it in the same run', () => {
		const m = one('HubSpot mappings accepted');
		assertEqual([m.provider, m.step, m.status, m.connected], ['hubspot', 'mappings', 'ready', true], 'mappings');
	});
	await check('getSyncStatus on the gateway is readiness with syncs: null', () => {
		const s = one('Stripe readiness');
		assertEqual([s.provider, s.status, s.syncs], ['stripe', 'ready', null], 'readiness');
	});
	await check('disconnect on the gateway names the web app', () => {
		const e = one('Disconnect on the gateway');
		assert(String(e.description).includes(`${sandboxUrl}/integrations`), `error item: ${JSON.stringify(e)}`);
	});
	await check('sandbox received exactly the expected tool calls, all on /api/tools/call', () => {
		assert(requests.every((r) => r.method === 'POST' && r.path === '/api/tools/call'), 'only gateway requests');
		// HubSpot's item no longer carries its used session (the follow-up replaced the handoff): the
		// polls name the one session the first setup call handed off, a UUID other than Slack's.
		const hubspotPolls = requests.filter((r) => r.body.tool === 'outlit_get_integration_setup_status' && r.body.input.sessionId !== slack.sessionId);
		const hubspotSession = hubspotPolls[0] && hubspotPolls[0].body.input.sessionId;
		assert(UUID.test(String(hubspotSession)), `hubspot session: ${hubspotSession}`);
		assertEqual(hub.sessionId, undefined, 'hubspot item after the follow-up: no used session');
		const sessions = { slack: slack.sessionId, hubspot: hubspotSession, recommendation: hub.next && hub.next.recommendation };
		assertEqual(requests.map((r) => [r.body.tool, r.body.input]), expectedToolCalls(c, sessions), 'tool calls');
		assert(requests.every((r) => r.headers.authorization === `Bearer ${c.outlitKey}`), 'Bearer key');
	});
}

module.exports = { checkGatewayOps };
