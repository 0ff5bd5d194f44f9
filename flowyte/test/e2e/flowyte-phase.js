'use strict';
/**
 * The Flowyte node in real n8n: one workflow that connects a kind of every family (OAuth, API key,
 * SQL with and without a CA certificate), the secrets from Flowyte Connection Secret credentials (the
 * default) and once typed in (the explicit choice), and meets three refusals (sslmode disable before
 * any request, a kind not available, a key without integrations:connect); then a run that fails, so
 * n8n logs the failure. Run with `n8n execute` against the suite's sandbox. Then the exact requests,
 * the items, and a secret scan with canaries: a secret kept in a credential is nowhere in clear (not in
 * the workflow, its executions, n8n's logs, the database or the items); a typed-in one only in the
 * Flowyte node's own parameters. Expected values are literals from Flowyte's contract.
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { query } = require('@repo/devkit/n8n/n8n-db');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { DEFINITION_COLUMNS, withoutParametersOf, userFolderFiles } = require('@repo/devkit/e2e/leaks');
const { CA_PEM } = require('../support/flowyte-pem');
const { name: PACKAGE_NAME } = require('../../package.json');

const NODE_TYPE = `${PACKAGE_NAME}.flowyte`;
const WORKFLOW_ID = 'e2eFlowyteConn01';
const FAILING_WORKFLOW_ID = 'e2eFlowyteFail01';
const CREDENTIAL = { id: 'FlowyteSandbox01', name: 'Flowyte sandbox' };
const READER_CREDENTIAL = { id: 'FlowyteReader001', name: 'Flowyte sandbox (no connect scope)' };
const PASSWORD_CREDENTIAL = { id: 'FlowyteDbPass001', name: 'appdb password' };
const API_KEY_CREDENTIAL = { id: 'FlowyteSqKey0001', name: 'Square API key' };
const PROVIDER_KEY_KIND = 'square';
const UNAVAILABLE_KIND = 'shopify';

function makeFlowyteCanaries() {
	const hex = () => randomBytes(6).toString('hex');
	return {
		flowyteKey: `flowyte_sk_e2e_canary_${hex()}`,
		readerKey: `flowyte_sk_e2e_reader_${hex()}`,
		sqlPassword: `pw_e2e_canary_${hex()}`,
		providerKey: `sq0_e2e_canary_${hex()}`,
		typedPassword: `pw_e2e_typed_${hex()}`,
	};
}

/** The secrets' credentials: n8n keeps them encrypted, and the node sends them in the body. */
const SECRETS = { flowyteConnectionSecretApi: PASSWORD_CREDENTIAL };

const sql = (kind, extra = {}) => ({ kind, host: 'db.example.com', port: kind === 'mysql' ? 3306 : 5432, database: 'appdb', user: 'flowyte_readonly', ...extra });

/** [node name, parameters, extra node fields] in execution order. */
function steps(c) {
	const cont = { onError: 'continueRegularOutput' };
	const secrets = (extra) => ({ credentials: { flowyteApi: CREDENTIAL, ...extra } });
	return [
		['OAuth HubSpot', { kind: 'hubspot' }],
		['API key Square', { kind: PROVIDER_KEY_KIND, connectWith: 'apiKey' }, secrets({ flowyteConnectionSecretApi: API_KEY_CREDENTIAL })],
		['Postgres verify-full', sql('postgres', { sslmode: 'verify-full' }), secrets(SECRETS)],
		['MySQL verify-ca with CA', sql('mysql', { sslmode: 'verify-ca', caPem: CA_PEM }), secrets(SECRETS)],
		['Postgres typed in', sql('postgres', { sslmode: 'require', secretSource: 'typed', password: c.typedPassword })],
		['MySQL sslmode disable', sql('mysql', { sslmode: '={{ "disable" }}' }), { ...cont, ...secrets(SECRETS) }],
		['Shopify not available', { kind: UNAVAILABLE_KIND }, cont],
		['Key without connect scope', { kind: 'hubspot' }, { ...cont, credentials: { flowyteApi: READER_CREDENTIAL } }],
	];
}

function flowyteWorkflow(c, { id = WORKFLOW_ID, name = 'e2e: Flowyte connect, every kind family', chain = steps(c) } = {}) {
	const trigger = { id: 'e2e-f000', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [trigger];
	const connections = {};
	let prev = trigger.name;
	chain.forEach(([name, params, extra = {}], i) => {
		nodes.push({
			id: `e2e-f${String(i + 1).padStart(3, '0')}`,
			name,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			executeOnce: true,
			parameters: { resource: 'integration', operation: 'connect', ...params },
			credentials: { flowyteApi: CREDENTIAL },
			...extra,
		});
		connections[prev] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		prev = name;
	});
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** A run that fails (no Continue On Fail): n8n logs the node's error, which must hold no secret. */
function failingWorkflow() {
	return flowyteWorkflow(undefined, {
		id: FAILING_WORKFLOW_ID,
		name: 'e2e: Flowyte connect that fails',
		chain: [['Postgres rejected', sql('postgres', { sslmode: 'verify-full' }), { credentials: { flowyteApi: CREDENTIAL, ...SECRETS } }]],
	});
}

/** What the sandbox must have received, in order (the sslmode refusal sends nothing). */
function expectedRequests(c) {
	const post = (kind, body, key = c.flowyteKey) => ({ method: 'POST', path: `/api/v1/integrations/${kind}/connect`, body, authorization: `Bearer ${key}` });
	const descriptor = (kind, port, sslmode, extra = {}) => ({
		credentials: { host: 'db.example.com', port, database: 'appdb', user: 'flowyte_readonly', password: c.sqlPassword, sslmode, ...extra },
	});
	return [
		post('hubspot', undefined),
		post('square', { credentials: { apiKey: c.providerKey } }),
		post('postgres', descriptor('postgres', '5432', 'verify-full')),
		post('mysql', descriptor('mysql', '3306', 'verify-ca', { ca_pem: CA_PEM })),
		post('postgres', { credentials: { ...descriptor('postgres', '5432', 'require').credentials, password: c.typedPassword } }),
		post('shopify', undefined),
		post('hubspot', undefined, c.readerKey),
	];
}

/** Canaries kept in credentials: n8n stores them encrypted, so they may appear nowhere in clear. */
const CREDENTIAL_HELD = ['flowyteKey', 'readerKey', 'sqlPassword', 'providerKey'];

/**
 * "<canary> in <where>" for every Flowyte canary found where it must not be: the keys anywhere in
 * the user folder (DB bytes included) or any column; the typed-in secrets anywhere but the Flowyte
 * nodes' own parameters in workflow definitions.
 */
async function flowyteLeaks({ userFolder, dbFile, canaries }) {
	const findings = [];
	const entries = Object.entries(canaries);
	for (const f of userFolderFiles(userFolder)) {
		const text = fs.readFileSync(f).toString('latin1');
		const isDb = /database\.sqlite/.test(path.basename(f));
		for (const [name, value] of entries) {
			if ((!isDb || CREDENTIAL_HELD.includes(name)) && text.includes(value)) findings.push(`${name} in ${path.relative(userFolder, f)}`);
		}
	}
	for (const { name: table } of await query(dbFile, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
		for (const row of await query(dbFile, `SELECT * FROM "${table}"`)) {
			for (const [col, raw] of Object.entries(row)) {
				if (raw === null || raw === undefined) continue;
				const full = String(raw);
				const text = DEFINITION_COLUMNS.has(`${table}.${col}`) ? withoutParametersOf(full, NODE_TYPE) : full;
				for (const [name, value] of entries) {
					if ((CREDENTIAL_HELD.includes(name) ? full : text).includes(value)) findings.push(`${name} in ${table}.${col}`);
				}
			}
		}
	}
	return [...new Set(findings)];
}

async function runFlowytePhase(scope, { n8n, sb, userFolder }) {
	const c = makeFlowyteCanaries();
	const check = (name, fn) => scope.check(`flowyte: ${name}`, fn);
	await scope.time('import the Flowyte credentials and workflow', async () => {
		await n8n.importCredentials([
			// A trailing slash on purpose: the node adds /api/v1 to the host.
			{ ...CREDENTIAL, type: 'flowyteApi', data: { apiKey: c.flowyteKey, baseUrl: `${sb.url}/` } },
			{ ...READER_CREDENTIAL, type: 'flowyteApi', data: { apiKey: c.readerKey, baseUrl: sb.url } },
			{ ...PASSWORD_CREDENTIAL, type: 'flowyteConnectionSecretApi', data: { holds: 'password', password: c.sqlPassword } },
			{ ...API_KEY_CREDENTIAL, type: 'flowyteConnectionSecretApi', data: { holds: 'apiKey', apiKey: c.providerKey } },
		]);
		await n8n.importWorkflows([flowyteWorkflow(c), failingWorkflow()]);
	});
	sb.flowyte.reset({
		keys: { [c.flowyteKey]: ['integrations:connect'], [c.readerKey]: ['integrations:read'] },
		apiKeyKinds: [PROVIDER_KEY_KIND],
		unavailableKinds: [UNAVAILABLE_KIND],
	});
	sb.clearRequests();
	const result = await scope.time('execute Flowyte connect (every kind family)', () => n8n.execute(WORKFLOW_ID));
	const run = result.run;
	const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
	const item = (node) => {
		const main = runData && runData[node] && runData[node][0].data && runData[node][0].data.main[0];
		if (!main) throw new Error(`node "${node}" did not run`);
		assertEqual(main.length, 1, `${node}: item count`);
		assertEqual(main[0].pairedItem, { item: 0 }, `${node}: pairedItem`);
		return main[0].json;
	};

	await check('workflow finished successfully', () => {
		assert(result.ok && run, `run failed (exit ${result.code}): ${result.stderr.slice(-500)}`);
		assertEqual(run.status, 'success', 'status');
	});
	if (!runData) return;
	await check('OAuth kind: {kind, oauthUrl}', () => {
		const json = item('OAuth HubSpot');
		assertEqual(Object.keys(json), ['kind', 'oauthUrl'], 'keys');
		assertEqual(json.kind, 'hubspot', 'kind');
		assert(json.oauthUrl.startsWith(`${sb.url}/oauth/hubspot/authorize?state=`), `oauthUrl ${json.oauthUrl}`);
	});
	await check('API-key kind and SQL kinds: {kind, status: "connected"}', () => {
		assertEqual(item('API key Square'), { kind: 'square', status: 'connected' }, 'square');
		assertEqual(item('Postgres verify-full'), { kind: 'postgres', status: 'connected' }, 'postgres');
		assertEqual(item('MySQL verify-ca with CA'), { kind: 'mysql', status: 'connected' }, 'mysql');
		assertEqual(item('Postgres typed in'), { kind: 'postgres', status: 'connected' }, 'typed in');
	});
	await check('refusals and errors read as the node says, as Continue On Fail items', () => {
		assertEqual(item('MySQL sslmode disable').error, 'Flowyte refuses SSL Mode "disable"', 'disable');
		assertEqual(item('Shopify not available').error, 'Shopify is not available to connect on Flowyte', '404');
		assertEqual(item('Shopify not available').httpCode, '404', '404 code');
		assertEqual(item('Key without connect scope').error, 'Flowyte refused the connect: the API key needs the integrations:connect scope', '403');
	});
	await check('the sandbox received exactly the expected requests, /api/v1 added to the host', () => {
		const got = sb.flowyte.requests().map(({ method, path, body, headers }) => ({ method, path, body, authorization: headers.authorization }));
		assertEqual(got, expectedRequests(c), 'requests');
	});
	// Flowyte refuses the password, echoing it back: the node masks it, and n8n logs the failed run.
	sb.flowyte.failNext({ kind: 'postgres', status: 400, code: 'validation_error', title: 'Validation failed', detail: `The password ${c.sqlPassword} was rejected by the database.` });
	const failed = await scope.time('execute a Flowyte connect that fails', () => n8n.execute(FAILING_WORKFLOW_ID));
	await check('the failed run fails, and n8n logs its error', () => {
		assert(!failed.ok, `the run should fail (exit ${failed.code})`);
		// The echo is in n8n's log with the password masked: the scan below would find it unmasked.
		assert(n8n.logText().includes('The password [redacted] was rejected by the database.'), "n8n's log holds the run's error, masked");
		assert(sb.flowyte.requests().some((r) => r.body && r.body.credentials && r.body.credentials.password === c.sqlPassword), 'the password reached Flowyte');
	});
	await check('no Flowyte canary in stored executions, DB tables or logs', async () => {
		const leaks = await flowyteLeaks({ userFolder, dbFile: n8n.dbFile, canaries: c });
		assertEqual(leaks, [], 'leaks');
		assert(n8n.logText().includes(WORKFLOW_ID), 'captured CLI output present');
	});
}

module.exports = { runFlowytePhase, flowyteWorkflow, failingWorkflow, expectedRequests, makeFlowyteCanaries, flowyteLeaks };
