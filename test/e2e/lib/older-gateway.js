'use strict';
/**
 * Setup negotiation in real n8n, on a server whose tools gateway does not negotiate setup (its
 * capabilities have no preferredSetupVersion: the sandbox's legacyGateway). Outlit's docs: such a
 * server gets browser setup only, through the compatibility tools, without credentials or
 * configuration. With the credential on Automatic, a Direct connect and a configuration step go to
 * the REST routes instead. Expected values are literals from that page and the contract.
 */
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { nodeItems } = require('@repo/devkit/n8n/n8n-db');
const { opsWorkflow } = require('./workflows');
const { CREDENTIAL } = require('../../../scripts/lib/outlit-setup');

const OLDER_GATEWAY_ID = 'e2eOutlitOlderGw';

function olderGatewayWorkflow(c) {
	return opsWorkflow(c, {
		id: OLDER_GATEWAY_ID,
		name: 'e2e: setup on a gateway that does not negotiate (Automatic)',
		credential: CREDENTIAL,
		steps: [
			['Connect Pylon directly', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: c.pylonToken }],
			['Connect HubSpot and wait', { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.5, timeout: 30 }],
			['HubSpot mappings', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '{"mappings": [{"pipelineId": "hubspot-sales", "stage": "Won"}]}' }],
		],
	});
}

async function checkOlderGateway(scope, { n8n, sb, canaries: c }) {
	const check = (name, fn) => scope.check(`older gateway: ${name}`, fn);
	sb.reset({ legacyGateway: true, autoCompleteAfterPolls: 1 });
	const result = await scope.time('execute on a gateway that does not negotiate setup', () => n8n.execute(OLDER_GATEWAY_ID));
	const runData = result.run && result.run.data && result.run.data.resultData.runData;
	await check('workflow finished successfully', () => {
		assert(result.ok && result.run && result.run.status === 'success', `run failed (exit ${result.code}): ${result.stderr.slice(-500)}`);
	});
	if (!runData) return;
	const hubspot = (nodeItems(runData, 'Connect HubSpot and wait') || [])[0] || {};
	await check('negotiation first, then the compatibility tools or the REST routes; no follow-up setup call', () => {
		const sent = sb.requests.map((r) => [r.path, r.body && r.body.tool, r.body && (r.body.input || r.body)]);
		const status = ['/api/tools/call', 'outlit_get_integration_setup_status', { sessionId: hubspot.sessionId }];
		assertEqual(
			sent,
			[
				['/api/tools/call', 'outlit_get_integration_capabilities', { provider: 'pylon' }],
				['/api/integrations/connect', undefined, { provider: 'pylon', config: { apiToken: c.pylonToken } }],
				['/api/tools/call', 'outlit_get_integration_capabilities', { provider: 'hubspot' }],
				['/api/tools/call', 'outlit_begin_integration_setup', { provider: 'hubspot' }],
				status,
				status,
				['/api/tools/call', 'outlit_get_integration_capabilities', { provider: 'hubspot' }],
				['/api/integrations/setup-step', undefined, { provider: 'hubspot', step: 'mappings', config: { mappings: [{ pipelineId: 'hubspot-sales', stage: 'Won' }] } }],
			],
			'requests',
		);
	});
	await check('the items: Pylon connected over REST, HubSpot connected after the wait', () => {
		assertEqual(nodeItems(runData, 'Connect Pylon directly').map((i) => [i.provider, i.connected]), [['pylon', true]], 'pylon');
		assertEqual([hubspot.provider, hubspot.status, hubspot.polls], ['hubspot', 'connected', 2], 'hubspot');
	});
	await check('no secret in any request to the gateway', () => {
		const toGateway = JSON.stringify(sb.requests.filter((r) => r.path === '/api/tools/call').map((r) => r.body));
		assertEqual(Object.entries(c).filter(([, v]) => toGateway.includes(v)).map(([k]) => k), [], 'canaries on the gateway');
	});
}

module.exports = { olderGatewayWorkflow, checkOlderGateway, OLDER_GATEWAY_ID };
