'use strict';
/**
 * Issue 9's done-criterion in real n8n: a workflow built the default way of a new Outlit node
 * ("Provider Secrets" left at Credential) keeps no provider secret in the workflow n8n stores
 * or exports. Its nodes hold no key fields; the secrets live in Outlit Provider Credentials, which
 * n8n encrypts. The run must really send them (Connect on REST and on the gateway, Stripe webhooks
 * on REST), and the stored workflow, its history and its `n8n export:workflow` file must hold none.
 */
const fs = require('node:fs');
const path = require('node:path');
const { query, nodeItems } = require('@repo/devkit/n8n/n8n-db');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { opsWorkflow, REST_CREDENTIAL, TOOLS_CREDENTIAL } = require('./workflows');

const DEFAULT_PATH_ID = 'e2eOutlitDefPth1';
const STRIPE_SECRETS = { id: 'OutlitProvStrip1', name: 'Stripe keys (Outlit provider)' };
const PYLON_SECRETS = { id: 'OutlitProvPylon1', name: 'Pylon token (Outlit provider)' };

/** `n8n import:credentials` form; n8n encrypts `data` on import. */
function providerCredentials(c) {
	const type = 'outlitProviderApi';
	return [
		{ ...STRIPE_SECRETS, type, data: { provider: 'stripe', apiKey: c.credentialStripeKey, webhookSecret: c.credentialWebhookSecret } },
		{ ...PYLON_SECRETS, type, data: { provider: 'pylon', apiToken: c.credentialPylonToken } },
	];
}

/** Outlit nodes as the editor creates them: no "Provider Secrets", no key fields. */
function defaultPathWorkflow() {
	const ref = ({ id, name }) => ({ id, name });
	const node = (outlit, secrets) => ({ typeVersion: 1, credentials: { outlitApi: ref(outlit), outlitProviderApi: ref(secrets) } });
	const steps = [
		['Connect Pylon (REST)', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct' }, node(REST_CREDENTIAL, PYLON_SECRETS)],
		['Connect Stripe (gateway)', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct' }, node(TOOLS_CREDENTIAL, STRIPE_SECRETS)],
		['Stripe webhooks (REST)', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks' }, node(REST_CREDENTIAL, STRIPE_SECRETS)],
		['List connected', { operation: 'getAll', filters: { connectedOnly: true } }, { typeVersion: 1, credentials: { outlitApi: ref(TOOLS_CREDENTIAL) } }],
	];
	return opsWorkflow({}, { id: DEFAULT_PATH_ID, name: 'e2e: Outlit provider secrets from credentials (default path)', steps });
}

/** Every canary value, by name, found in `text`. */
function found(text, canaries) {
	return Object.entries(canaries)
		.filter(([, value]) => text.includes(value))
		.map(([name]) => name);
}

async function checkDefaultPath(scope, { n8n, sb, canaries: c, userFolder }) {
	const check = (name, fn) => scope.check(`default path: ${name}`, fn);
	sb.reset({ connectionLimit: 20 });
	const result = await scope.time('execute the default-path workflow', () => n8n.execute(DEFAULT_PATH_ID));
	const runData = result.run && result.run.data && result.run.data.resultData.runData;

	await check('runs: the credentials\' keys reach Outlit in the body, the Outlit key in the header', () => {
		assert(result.ok && result.run && result.run.status === 'success', `run failed (exit ${result.code}): ${result.stderr.slice(-500)}`);
		assertEqual(
			sb.requests.map((r) => [r.method, r.path, r.body]),
			[
				['POST', '/api/integrations/connect', { provider: 'pylon', config: { apiToken: c.credentialPylonToken } }],
				['POST', '/api/tools/call', { tool: 'outlit_get_integration_capabilities', input: { provider: 'stripe' } }],
				['POST', '/api/tools/call', { tool: 'outlit_setup_integration', input: { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: c.credentialStripeKey } } }],
				['POST', '/api/integrations/setup-step', { provider: 'stripe', step: 'webhooks', config: { webhookSecret: c.credentialWebhookSecret } }],
				['POST', '/api/tools/call', { tool: 'outlit_get_integration_status', input: {} }],
			],
			'requests',
		);
		assert(sb.requests.every((r) => r.headers.authorization === `Bearer ${c.outlitKey}`), 'every request carries the Outlit key, and only it');
		assertEqual(nodeItems(runData, 'Connect Pylon (REST)').map((i) => [i.provider, i.connected]), [['pylon', true]], 'pylon item');
		assertEqual(nodeItems(runData, 'Connect Stripe (gateway)').map((i) => [i.provider, i.status, i.connected]), [['stripe', 'ready', true]], 'stripe item');
		assertEqual(nodeItems(runData, 'Stripe webhooks (REST)').map((i) => [i.step, i.status, i.webhookSecretStored]), [['webhooks', 'completed', true]], 'webhooks item');
		assertEqual(
			nodeItems(runData, 'List connected'),
			[
				{ provider: 'pylon', name: 'Pylon', category: 'support', status: 'ready', connected: true },
				{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true },
			],
			'Get Many: Filters and Simplify',
		);
		assertEqual(found(JSON.stringify(result.run), c), [], 'canaries in the run output');
	});

	await check('the stored workflow and its history hold no provider secret', async () => {
		const [stored] = await query(n8n.dbFile, 'SELECT nodes FROM workflow_entity WHERE id = ?', [DEFAULT_PATH_ID]);
		assert(stored && stored.nodes.includes('Connect Stripe (gateway)'), 'the workflow is stored');
		const nodes = JSON.parse(stored.nodes).filter((n) => n.type.endsWith('.outlit'));
		assertEqual(nodes.length, 4, 'Outlit nodes stored');
		assertEqual(found(stored.nodes, c), [], 'canaries in workflow_entity.nodes');
		const history = await query(n8n.dbFile, 'SELECT nodes FROM workflow_history WHERE workflowId = ?', [DEFAULT_PATH_ID]).catch(() => []);
		assertEqual(found(history.map((h) => h.nodes).join('\n'), c), [], 'canaries in workflow_history');
		const executions = await query(n8n.dbFile, 'SELECT d.workflowData AS w FROM execution_data d JOIN execution_entity e ON e.id = d.executionId WHERE e.workflowId = ?', [DEFAULT_PATH_ID]);
		assert(executions.length > 0, 'the execution is stored');
		assertEqual(found(executions.map((e) => e.w).join('\n'), c), [], 'canaries in the execution\'s workflow copy');
	});

	await check('n8n export:workflow of it holds no provider secret', async () => {
		// Kept in the user folder, so the final secret scan reads it too.
		const file = path.join(userFolder, 'e2e-default-path-export.json');
		await n8n.cli(['export:workflow', `--id=${DEFAULT_PATH_ID}`, `--output=${file}`]);
		const text = fs.readFileSync(file, 'utf8');
		assert(text.includes('"outlitProviderApi"') && text.includes('Connect Pylon (REST)'), 'the export is the workflow, with its credential references');
		assertEqual(found(text, c), [], 'canaries in the export');
	});
}

module.exports = { providerCredentials, defaultPathWorkflow, checkDefaultPath, DEFAULT_PATH_ID };
