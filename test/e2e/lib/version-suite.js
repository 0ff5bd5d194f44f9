'use strict';
/**
 * Everything the e2e does against one real n8n version, with its own sandbox, user folder and
 * ports (so the two versions run side by side without seeing each other's requests):
 * import → execute every operation and the examples → the AI agent example with a scripted chat
 * model → trigger across a restart → secret scan.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, RUNTIME_ROOT } = require('@repo/devkit/n8n/n8n-versions');
const { N8nInstance } = require('@repo/devkit/n8n/n8n-instance');
const { installPackage } = require('@repo/devkit/n8n/package');
const setup = require('../../../scripts/lib/outlit-setup');
const { freePort } = require('@repo/devkit/n8n/proc');
const { nodeItems } = require('@repo/devkit/n8n/n8n-db');
const { startSandbox } = require('../../sandbox');
const { SYNC_MODELS } = require('../../sandbox/fixtures');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { opsWorkflow, gatewayOpsWorkflow, OPS_ID, GATEWAY_OPS_ID, WRONG_CREDENTIAL, REST_CREDENTIAL, TOOLS_CREDENTIAL } = require('./workflows');
const { checkOps } = require('./ops-checks');
const { checkGatewayOps } = require('./gateway-checks');
const { runTriggerPhase } = require('./trigger-phase');
const { findLeaks } = require('./secrets');
const { providerCredentials, defaultPathWorkflow, checkDefaultPath } = require('./default-path');
const { prepareAgentPhase } = require('./agent-phase');
const { olderGatewayWorkflow, checkOlderGateway } = require('./older-gateway');

const E2E_ROOT = path.join(RUNTIME_ROOT, 'e2e');

function items(run, node) {
	const runData = run && run.data && run.data.resultData.runData;
	return nodeItems(runData, node) || [];
}

async function checkExamples(scope, n8n, sb) {
	const check = (name, fn) => scope.check(`example: ${name}`, fn);
	sb.reset({ autoCompleteAfterPolls: 1 });
	const onboarding = await scope.time('execute example: onboarding', () => n8n.execute('outlitExOnboard1'));
	await check('onboarding connects HubSpot by browser session (Automatic: the gateway), then gets the recommended mappings', () => {
		assert(onboarding.ok && onboarding.run && onboarding.run.status === 'success', `run failed (exit ${onboarding.code}): ${onboarding.stderr.slice(-500)}`);
		const [c] = items(onboarding.run, 'Connect HubSpot');
		assertEqual([c.provider, typeof c.sessionId, typeof c.connectUrl, c.status], ['hubspot', 'string', 'string', 'awaiting_auth'], 'connect item');
		const [w] = items(onboarding.run, 'Wait for HubSpot');
		assertEqual([w.sessionId, w.provider, w.status, w.polls], [c.sessionId, 'hubspot', 'connected', 2], 'wait item');
		const [m] = items(onboarding.run, 'Set up HubSpot mappings');
		assertEqual([m.provider, m.step, m.status], ['hubspot', 'mappings', 'config_required'], 'setup item');
		assert(Array.isArray(m.recommendation) && m.recommendation.length > 0, 'recommendation');
		assert(sb.requests.every((r) => r.path === '/api/tools/call'), 'Automatic used only the gateway');
	});
	sb.reset();
	const direct = await scope.time('execute example: direct connect', () => n8n.execute('outlitExDirect01'));
	await check('direct connect of Stripe with an API key (Automatic: gateway, then REST for sync detail)', () => {
		assert(direct.ok && direct.run && direct.run.status === 'success', `run failed (exit ${direct.code}): ${direct.stderr.slice(-500)}`);
		assertEqual(items(direct.run, 'Stripe capabilities')[0].provider, 'stripe', 'capabilities');
		const [c] = items(direct.run, 'Connect Stripe');
		assertEqual([c.provider, c.connected, c.status], ['stripe', true, 'ready'], 'connect item');
		const [s] = items(direct.run, 'Stripe sync status');
		assertEqual([s.status, s.syncs.map((x) => x.model)], ['connected', SYNC_MODELS.stripe], 'sync status');
		const sent = sb.requests.find((r) => r.body && r.body.tool === 'outlit_setup_integration');
		assertEqual([sent.body.input.connectionMode, Object.keys(sent.body.input.credentials)], ['restricted_key', ['apiKey']], 'input sent');
		// Get Capabilities; Connect negotiates (capabilities, without the key), then sets up; sync detail on REST.
		assertEqual(sb.requests.map((r) => r.body && r.body.tool), ['outlit_get_integration_capabilities', 'outlit_get_integration_capabilities', 'outlit_setup_integration', undefined], 'tools');
		assertEqual(sb.requests.map((r) => r.path), ['/api/tools/call', '/api/tools/call', '/api/tools/call', '/api/integrations/sync-status'], 'paths');
	});
}

/**
 * @param opts { version, tarball, report, canaries, editor?: async ({ baseUrl, scope, sandbox }) => void }
 */
async function runVersionSuite({ version, tarball, report, canaries, editor }) {
	const scope = report.scope(`n8n ${version}`);
	const userFolder = path.join(E2E_ROOT, version);
	fs.rmSync(userFolder, { recursive: true, force: true });
	const sb = await startSandbox({ port: 0, apiKeys: [canaries.outlitKey] });
	const n8n = new N8nInstance({
		version,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		// Debug logs to console and file: the secret scan then covers the most n8n ever logs.
		extraEnv: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true' },
	});
	// The AI agent example's chat model, served by the test: its OpenAI credential points at it.
	const agent = await prepareAgentPhase({ version });
	try {
		await scope.time('import package, credentials, workflows', async () => {
			const pkgDir = await installPackage(tarball, userFolder);
			scope.log(`package unpacked into ${path.relative(REPO_ROOT, pkgDir)}`);
			await n8n.importCredentials([
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.outlitKey }),
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.outlitKey, ...REST_CREDENTIAL }),
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.outlitKey, ...TOOLS_CREDENTIAL }),
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.wrongKey, ...WRONG_CREDENTIAL }),
				...providerCredentials(canaries),
				...agent.credentials,
			]);
			await n8n.importWorkflows([...setup.loadExamples().map(setup.forImport), opsWorkflow(canaries), gatewayOpsWorkflow(canaries), defaultPathWorkflow(), olderGatewayWorkflow(canaries), ...agent.workflows]);
		});
		sb.reset({ connectionLimit: 20, autoCompleteAfterPolls: 1 });
		const ops = await scope.time('execute every operation (REST routes)', () => n8n.execute(OPS_ID));
		await checkOps(scope, ops.run, sb.requests, { canaries, syncModels: SYNC_MODELS, sandboxUrl: sb.url });

		sb.reset({ connectionLimit: 20, autoCompleteAfterPolls: 1 });
		const gatewayOps = await scope.time('execute every operation (tools gateway)', () => n8n.execute(GATEWAY_OPS_ID));
		await checkGatewayOps(scope, gatewayOps.run, sb.requests, { canaries, sandboxUrl: sb.url });

		await checkDefaultPath(scope, { n8n, sb, canaries, userFolder });

		await checkOlderGateway(scope, { n8n, sb, canaries });

		await checkExamples(scope, n8n, sb);

		await agent.run(scope, { n8n, sb, canaries });

		await runTriggerPhase(scope, {
			n8n,
			sb,
			duringFirstWait: editor ? () => editor({ baseUrl: n8n.baseUrl, scope, sandbox: sb, version }) : undefined,
		});

		await scope.check('no canary secret in stored executions, DB tables or logs', async () => {
			const leaks = await findLeaks({ userFolder, dbFile: n8n.dbFile, canaries });
			assertEqual(leaks, [], 'leaks');
			// The scan must have had something to look at.
			assert(n8n.logText().includes('"runData"'), 'captured CLI output present');
		});
	} catch (e) {
		scope.fail('suite aborted', e);
	} finally {
		await n8n.stop().catch(() => {});
		await agent.close();
		await sb.close();
	}
	return { userFolder, logFile: n8n.logFile };
}

module.exports = { runVersionSuite, E2E_ROOT };
