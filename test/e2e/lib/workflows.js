'use strict';
/**
 * The e2e-only workflows. "ops" runs every operation of the Outlit node once, in a chain
 * (each node `executeOnce`, so a list output does not fan out), against one sandbox scenario.
 * Canary values stand in for secrets so the tests can prove where they do and do not end up.
 */
const { randomBytes } = require('node:crypto');
const { NODE_TYPE } = require('../../../scripts/lib/outlit-setup');

const hex = () => randomBytes(6).toString('hex');

/** Fresh canaries per run: the Outlit key and every provider secret the ops workflow sends. */
function makeCanaries() {
	return {
		outlitKey: `ok_e2e_canary_${hex()}`,
		wrongKey: `ok_e2e_wrong_${hex()}`,
		posthogKey: `phx_canary_${hex()}`, // phx_ and at least 10 characters, as the gateway requires
		stripeKey: `rk_test_canary_${hex()}`,
		supabaseKey: `srk_canary_${hex()}`,
		clerkKey: `sk_test_canary_${hex()}`,
		pylonToken: `pylon_canary_${hex()}`,
		webhookSecret: `whsec_canary_${hex()}`,
		// Only inside Outlit Provider Credentials (default-path.js): stored encrypted, in no workflow.
		credentialStripeKey: `rk_test_credcanary_${hex()}`,
		credentialPylonToken: `pylon_credcanary_${hex()}`,
		credentialWebhookSecret: `whsec_credcanary_${hex()}`,
	};
}

const WRONG_CREDENTIAL = { id: 'OutlitWrongKey01', name: 'Outlit wrong key', api: 'rest' };
/** The same sandbox, one credential per contract choice (the default one is Automatic). */
const REST_CREDENTIAL = { id: 'OutlitSandboxRst', name: 'Outlit sandbox (REST routes)', api: 'rest' };
const TOOLS_CREDENTIAL = { id: 'OutlitSandboxTls', name: 'Outlit sandbox (tools gateway)', api: 'tools' };

const OPS_ID = 'e2eOutlitOps0001';
const GATEWAY_OPS_ID = 'e2eOutlitOpsGw01';

/** [node name, parameters, extra node fields] in execution order. */
function opsSteps(c) {
	const sessionOf = (node) => `={{ $('${node}').first().json.sessionId }}`;
	return [
		['List all', { operation: 'getAll', returnAll: true, simplify: false }],
		['Capabilities PostHog', { operation: 'getCapabilities', provider: 'posthog' }],
		['Capabilities all', { operation: 'getCapabilities', provider: 'all' }],
		['Connect PostHog', { operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: c.posthogKey, region: 'eu', projectId: '4242' }],
		['Connect Stripe', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: c.stripeKey }],
		// projectUrl through Additional Config (JSON), the secret through its field: the two merge.
		['Connect Supabase', { operation: 'connect', provider: 'supabase', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"projectUrl": "https://e2e.supabase.co"}', serviceRoleKey: c.supabaseKey }],
		['Connect Clerk', { operation: 'connect', provider: 'clerk', connectionMethod: 'direct', secretSource: 'fields', secretKey: c.clerkKey }],
		['Connect Pylon', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: c.pylonToken }],
		['List connected', { operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } }],
		['Start HubSpot session', { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' }],
		['HubSpot session status', { operation: 'getConnectionStatus', sessionId: sessionOf('Start HubSpot session') }],
		['Wait for HubSpot', { operation: 'waitForConnection', sessionId: sessionOf('Start HubSpot session'), pollInterval: 0.5, timeout: 30 }],
		['Connect Attio and wait', { operation: 'connect', provider: 'attio', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.5, timeout: 30 }],
		['HubSpot mappings needed', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' }],
		['HubSpot mappings', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '{"mappings": [{"pipelineId": "hubspot-sales", "stage": "Won"}]}' }],
		['Stripe webhooks', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: JSON.stringify({ webhookSecret: c.webhookSecret }) }],
		['Stripe sync status', { operation: 'getSyncStatus', provider: 'stripe' }],
		['Disconnect Stripe', { operation: 'disconnect', provider: 'stripe' }],
		['Disconnect Stripe ignored', { operation: 'disconnect', provider: 'stripe', options: { ignoreNotConnected: true } }],
		['Disconnect Stripe error', { operation: 'disconnect', provider: 'stripe' }, { onError: 'continueRegularOutput' }],
		['List with wrong key', { operation: 'getAll', returnAll: true, simplify: false }, { onError: 'continueRegularOutput', credentials: { outlitApi: { id: WRONG_CREDENTIAL.id, name: WRONG_CREDENTIAL.name } } }],
	];
}

/** Every gateway-era operation on the tools gateway (see gateway-checks.js for what is expected). */
function gatewayOpsSteps(c) {
	const sessionOf = (node) => `={{ $('${node}').first().json.sessionId }}`;
	return [
		['List all', { operation: 'getAll', returnAll: true, simplify: false }],
		['Capabilities Stripe', { operation: 'getCapabilities', provider: 'stripe' }],
		['Connect PostHog', { operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: c.posthogKey, region: 'eu', projectId: '4242' }],
		['Connect Stripe', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: c.stripeKey }],
		['Connect Pylon', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: c.pylonToken }],
		['List connected', { operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } }],
		['Start Slack session', { operation: 'connect', provider: 'slack', connectionMethod: 'browser' }],
		['Slack session status', { operation: 'getConnectionStatus', sessionId: sessionOf('Start Slack session') }],
		['Wait for Slack', { operation: 'waitForConnection', sessionId: sessionOf('Start Slack session'), pollInterval: 0.5, timeout: 30 }],
		['Connect HubSpot and wait', { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.5, timeout: 30 }],
		['HubSpot mappings accepted', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '', options: { acceptRecommendation: true } }],
		['Stripe readiness', { operation: 'getSyncStatus', provider: 'stripe' }],
		['Disconnect on the gateway', { operation: 'disconnect', provider: 'stripe' }, { onError: 'continueRegularOutput' }],
	];
}

/** A chain of Outlit nodes behind a manual trigger, each `executeOnce`, on one credential. */
function opsWorkflow(c, { id = OPS_ID, name = 'e2e: every Outlit operation (REST routes)', steps = opsSteps(c), credential = REST_CREDENTIAL } = {}) {
	const trigger = { id: 'e2e-0000', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [trigger];
	const connections = {};
	let prev = trigger.name;
	steps.forEach(([name, params, extra = {}], i) => {
		nodes.push({
			id: `e2e-${String(i + 1).padStart(4, '0')}`,
			name,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			executeOnce: true,
			parameters: { resource: 'integration', ...params },
			credentials: { outlitApi: { id: credential.id, name: credential.name } },
			...extra,
		});
		connections[prev] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		prev = name;
	});
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

function gatewayOpsWorkflow(c) {
	return opsWorkflow(c, { id: GATEWAY_OPS_ID, name: 'e2e: every Outlit operation (tools gateway)', steps: gatewayOpsSteps(c), credential: TOOLS_CREDENTIAL });
}

module.exports = {
	makeCanaries,
	opsWorkflow,
	gatewayOpsWorkflow,
	opsSteps,
	OPS_ID,
	GATEWAY_OPS_ID,
	WRONG_CREDENTIAL,
	REST_CREDENTIAL,
	TOOLS_CREDENTIAL,
};
