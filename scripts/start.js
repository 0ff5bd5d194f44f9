#!/usr/bin/env node
'use strict';
/**
 * `npm start`: try the package in a real n8n on this machine, offline.
 *
 *   builds + packs the package → installs the pinned n8n (first run only, cached in .cache/n8n/)
 *   → starts the Outlit sandbox (127.0.0.1:5680) and n8n (127.0.0.1:5678) with the package
 *   loaded, an Outlit credential pointing at the sandbox and the example workflows imported.
 *   Ctrl-C stops both.
 *
 * Options: --n8n <version> (default 2.41.1; also 1.123.81)  --port <n8n port, 5678>
 *          --sandbox-port <5680>  --no-build (pack the existing dist/)  --reset (fresh n8n data)
 *          --manual-connect (browser sessions wait for you to press Connect on the sandbox page;
 *          by default the sandbox completes them by itself after 5 status polls, ~10 s)
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, RUNTIME_ROOT, DEFAULT_VERSION, VERSIONS } = require('./lib/n8n-versions');
const { ensureN8n } = require('./lib/n8n-install');
const { buildAndPack, installPackage } = require('./lib/package');
const { N8nInstance } = require('./lib/n8n-instance');
const { N8nRest, DEFAULT_OWNER } = require('./lib/n8n-rest');
const { sandboxCredential, loadExamples, forImport, isTriggerWorkflow, CREDENTIAL } = require('./lib/outlit-setup');
const { portInUse, pidAlive, readJson, fmtDuration, freePort } = require('./lib/proc');
const { createHash } = require('node:crypto');

const STATE_DIR = path.join(RUNTIME_ROOT, 'start');
/** What is running, so a failure halfway through still stops it. */
const running = { n8n: null, sandbox: null };
const PID_FILE = path.join(STATE_DIR, 'start.json');
const SANDBOX_KEY = 'ok_sandbox_local_key';

function parseArgs(argv) {
	const o = { version: DEFAULT_VERSION, port: 5678, sandboxPort: 5680, build: true, reset: false, autoConnectPolls: 5 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => {
			if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--n8n') o.version = next();
		else if (a === '--port') o.port = Number(next());
		else if (a === '--sandbox-port') o.sandboxPort = Number(next());
		else if (a === '--no-build') o.build = false;
		else if (a === '--reset') o.reset = true;
		else if (a === '--manual-connect') o.autoConnectPolls = undefined;
		else if (a === '--help' || a === '-h') o.help = true;
		else throw new Error(`Unknown option ${a}`);
	}
	if (!VERSIONS[o.version]) throw new Error(`--n8n must be one of ${Object.keys(VERSIONS).join(', ')}`);
	return o;
}

/** Refuses a second start (pid file + port checks) with a message that says what is going on. */
async function claimRun(o) {
	fs.mkdirSync(STATE_DIR, { recursive: true });
	const other = readJson(PID_FILE, null);
	if (other && other.pid !== process.pid && !pidAlive(other.pid) && pidAlive(other.n8nPid)) {
		throw new Error(
			`A previous npm start (pid ${other.pid}) ended without stopping its n8n (pid ${other.n8nPid}, port ${other.port}). ` +
				`Stop it with \`kill ${other.n8nPid}\`, then run npm start again.`,
		);
	}
	if (other && other.pid !== process.pid && pidAlive(other.pid)) {
		throw new Error(
			`npm start is already running (pid ${other.pid}, since ${other.startedAt}): n8n at http://127.0.0.1:${other.port}/ ` +
				`with the sandbox on ${other.sandboxPort}. Use that one, or stop it with Ctrl-C in its terminal (or \`kill ${other.pid}\`).`,
		);
	}
	if (await portInUse(o.port)) {
		throw new Error(`Port ${o.port} is already in use by another program (is another n8n running?). Free it or pass --port <n>.`);
	}
	fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, port: o.port, sandboxPort: o.sandboxPort, version: o.version, startedAt: new Date().toISOString() }));
}

function releaseRun() {
	const cur = readJson(PID_FILE, null);
	if (cur && cur.pid === process.pid) fs.rmSync(PID_FILE, { force: true });
}

/** Our own sandbox on sandboxPort, or an already running one (e.g. `npm run sandbox`). */
async function startOrReuseSandbox(port, autoCompleteAfterPolls) {
	if (await portInUse(port)) {
		const res = await fetch(`http://127.0.0.1:${port}/__sandbox/state`).catch(() => null);
		if (!res || !res.ok) throw new Error(`Port ${port} is in use by something that is not the Outlit sandbox. Pass --sandbox-port <n>.`);
		return { url: `http://127.0.0.1:${port}`, apiKey: SANDBOX_KEY, close: async () => {}, reused: true };
	}
	const { startSandbox } = require(path.join(REPO_ROOT, 'test', 'sandbox'));
	return startSandbox({ port, apiKeys: [SANDBOX_KEY], autoCompleteAfterPolls });
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	if (o.help) {
		console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
		return;
	}
	const t0 = Date.now();
	await claimRun(o);
	const log = (l) => console.log(l);
	const userFolder = path.join(STATE_DIR, `n8n-${o.version}`);
	if (o.reset) fs.rmSync(userFolder, { recursive: true, force: true });

	// The build is quick; the first n8n install is not — run them side by side.
	const [tarball, info] = await Promise.all([buildAndPack({ build: o.build, log }), ensureN8n(o.version, { log })]);
	void info;
	const n8n = new N8nInstance({ version: o.version, userFolder, port: o.port, brokerPort: await freePort(), logFile: path.join(userFolder, 'n8n.log') });
	running.n8n = n8n;
	await installPackage(tarball, userFolder);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

	const sandbox = await startOrReuseSandbox(o.sandboxPort, o.autoConnectPolls);
	running.sandbox = sandbox;
	log(`Outlit sandbox ${sandbox.reused ? '(already running) ' : ''}on ${sandbox.url}`);

	// Import the credential and examples once, and again whenever they change.
	const examples = loadExamples();
	const credential = sandboxCredential({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, api: 'auto' });
	const importHash = createHash('sha256').update(JSON.stringify({ examples, credential })).digest('hex');
	const stampFile = path.join(userFolder, 'imported.sha256');
	if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== importHash) {
		log('Importing the Outlit credential and the example workflows…');
		await n8n.importCredentials([credential]);
		await n8n.importWorkflows(examples.map(forImport));
		for (const wf of examples.filter(isTriggerWorkflow)) await n8n.activate(wf.id);
		fs.writeFileSync(stampFile, importHash);
	}

	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the sandbox…');
		await n8n.stop().catch(() => {});
		await sandbox.close().catch(() => {});
		releaseRun();
		log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));

	log(`Starting n8n ${o.version} (log: ${path.relative(REPO_ROOT, n8n.logFile)})…`);
	const child = await n8n.start({ timeoutMs: 180000 });
	fs.writeFileSync(PID_FILE, JSON.stringify({ ...readJson(PID_FILE, {}), n8nPid: child.pid }));
	child.on('exit', (code, signal) => {
		if (stopping) return;
		console.error(`n8n exited unexpectedly (${signal || code}); see ${n8n.logFile}`);
		shutdown(1);
	});

	const rest = new N8nRest(n8n.baseUrl);
	const ownerCreated = await rest.needsOwnerSetup();
	if (ownerCreated) await rest.ensureOwner(DEFAULT_OWNER);

	const url = n8n.baseUrl;
	const lines = [
		'',
		`n8n ${o.version} with n8n-nodes-outlit is running (ready in ${fmtDuration(Date.now() - t0)}).`,
		'',
		`  Editor:   ${url}/`,
		ownerCreated
			? `  Sign in:  ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}  (local owner account created for you)`
			: `  Sign in:  with your owner account (the default one is ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`,
		`  Sandbox:  ${sandbox.url}  (a local stand-in for Outlit; credential "${CREDENTIAL.name}" points at it)`,
		'',
		'Try:',
		...examples.map((wf) => `  • ${wf.name}: ${url}/workflow/${wf.id}${isTriggerWorkflow(wf) ? '  (active: polls the sandbox every minute)' : '  → "Execute workflow"'}`),
		o.autoConnectPolls === undefined || sandbox.reused
			? `  • Browser connections: while the node waits, open the connectUrl of ${sandbox.url}/__sandbox/sessions/latest and press Connect.`
			: `  • Browser connections complete by themselves after ${o.autoConnectPolls} status polls (start with --manual-connect to press Connect yourself).`,
		'  • Make a sync fail (connect Stripe first with the example), then watch the alert workflow run within a minute:',
		`      curl -s -X POST ${sandbox.url}/__sandbox/sync-failure -H 'content-type: application/json' \\`,
		`        -d '{"provider":"stripe","model":"StripeInvoice","errorMessage":"Stripe API key was revoked"}'`,
		`  • What the sandbox received: curl -s ${sandbox.url}/__sandbox/requests`,
		'',
		'Press Ctrl-C to stop n8n and the sandbox.',
	];
	log(lines.join('\n'));
}

main().catch(async (e) => {
	console.error(`\nnpm start failed: ${e.message}`);
	if (running.n8n) await running.n8n.stop().catch(() => {});
	if (running.sandbox) await running.sandbox.close().catch(() => {});
	releaseRun();
	process.exit(1);
});
