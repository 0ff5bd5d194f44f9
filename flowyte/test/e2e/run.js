#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e` (in flowyte/): the package in real n8n — 2.41.1 (Node 24) and 1.123.81
 * (Node 20) side by side, each with its own Flowyte sandbox and user folder — installed from the
 * packed tarball as n8n installs a community package. Ends with "N passed, N failed" and exits
 * non-zero on any failure.
 *
 *   --versions 2.41.1,1.123.81   which n8n versions (default: both)
 *   --no-build                   pack the existing dist/ instead of running npm run build
 */
const fs = require('node:fs');
const path = require('node:path');
const { VERSIONS, RUNTIME_ROOT, REPO_ROOT } = require('@repo/devkit/n8n/n8n-versions');
const { installPackage } = require('@repo/devkit/n8n/package');
const { N8nInstance } = require('@repo/devkit/n8n/n8n-instance');
const { freePort } = require('@repo/devkit/n8n/proc');
const { Report, runDriver } = require('@repo/devkit/e2e/report');
const { installAndPack } = require('@repo/devkit/e2e/setup');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { startSandbox } = require('../sandbox');
const { sandboxCredentials, loadExamples, API_KEY_KINDS } = require('../../scripts/setup');
const { runFlowytePhase } = require('./flowyte-phase');

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const E2E_ROOT = path.join(RUNTIME_ROOT, 'flowyte-e2e');

function parseArgs(argv) {
	const o = { versions: Object.keys(VERSIONS), build: true };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		if (flag === '--versions') o.versions = (inline ?? argv[++i]).split(',');
		else if (flag === '--no-build') o.build = false;
		else throw new Error(`Unknown option ${flag}`);
	}
	for (const v of o.versions) if (!VERSIONS[v]) throw new Error(`Unknown n8n version ${v}`);
	return o;
}

/** The example workflows, imported with npm start's credentials, each run once against the sandbox. */
async function runExamples(scope, { n8n, sb }) {
	sb.flowyte.reset({ apiKeyKinds: API_KEY_KINDS });
	const examples = loadExamples();
	await n8n.importCredentials(sandboxCredentials(sb));
	await n8n.importWorkflows(examples);
	for (const wf of examples) {
		const result = await scope.time(`execute example: ${wf.name}`, () => n8n.execute(wf.id));
		await scope.check(`example: ${wf.name}`, () => {
			assert(result.ok && result.run && result.run.status === 'success', `run failed (exit ${result.code}): ${result.stderr.slice(-500)}`);
			const node = wf.nodes[1].name;
			const [item] = result.run.data.resultData.runData[node][0].data.main[0];
			assertEqual(item.json.kind, wf.nodes[1].parameters.kind, 'kind');
			assert(item.json.oauthUrl || item.json.status === 'connected', `item ${JSON.stringify(item.json)}`);
		});
	}
}

async function runVersion({ version, tarball, report }) {
	const scope = report.scope(`flowyte, n8n ${version}`);
	const userFolder = path.join(E2E_ROOT, version);
	fs.rmSync(userFolder, { recursive: true, force: true });
	const sb = await startSandbox();
	const n8n = new N8nInstance({
		version,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		// Debug logs to console and file: the secret scan then covers the most n8n ever logs.
		extraEnv: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true' },
	});
	try {
		await scope.time('install the package', async () => {
			const dir = await installPackage(tarball, userFolder);
			scope.log(`package unpacked into ${path.relative(REPO_ROOT, dir)}`);
		});
		await runFlowytePhase(scope, { n8n, sb, userFolder });
		await runExamples(scope, { n8n, sb });
	} catch (e) {
		scope.fail('suite aborted', e);
	} finally {
		await n8n.stop().catch(() => {});
		await sb.close();
	}
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const report = new Report();
	const t0 = Date.now();
	console.log(`Flowyte e2e: n8n ${o.versions.join(' + ')}`);
	const tarball = await installAndPack({ versions: o.versions, dir: PACKAGE_DIR, build: o.build, report });
	if (tarball) {
		await report.time('suites (all versions in parallel)', () => Promise.all(o.versions.map((version) => runVersion({ version, tarball, report }))));
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
	console.log(`\nFlowyte e2e total: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	report.finish();
}

runDriver(main);
