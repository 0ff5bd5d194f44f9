'use strict';
/**
 * `npm start` of a package: try it in a real n8n on this machine, offline. Builds and packs the
 * package, installs the pinned n8n (first run only, cached in .cache/n8n/), starts the package's
 * local sandbox and n8n with the package loaded, imports what the package wants there (credentials
 * pointing at the sandbox, workflows), and prints what to try. Ctrl-C stops both.
 *
 * Common options: --n8n <version> (default 2.41.1; also 1.123.81)  --port <n8n port, 5678>
 *   --sandbox-port <n>  --no-build (pack the existing dist/)  --reset (fresh n8n data)  --help
 */
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { REPO_ROOT, RUNTIME_ROOT, DEFAULT_VERSION, VERSIONS } = require('./n8n-versions');
const { ensureN8n } = require('./n8n-install');
const { buildAndPack, installPackage, packageName } = require('./package');
const { N8nInstance } = require('./n8n-instance');
const { N8nRest, DEFAULT_OWNER } = require('./n8n-rest');
const { portInUse, pidAlive, readJson, fmtDuration, freePort } = require('./proc');

/**
 * @param {string[]} argv
 * @param {{ sandboxPort: number, flags?: Record<string, (o: object) => void> }} defaults
 *   `flags`: the package's own switches (no value), each setting its option.
 */
function parseStartArgs(argv, { sandboxPort, flags = {}, ...extra }) {
	const o = { version: DEFAULT_VERSION, port: 5678, sandboxPort, build: true, reset: false, ...extra };
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
		else if (a === '--help' || a === '-h') o.help = true;
		else if (flags[a]) flags[a](o);
		else throw new Error(`Unknown option ${a}`);
	}
	if (!VERSIONS[o.version]) throw new Error(`--n8n must be one of ${Object.keys(VERSIONS).join(', ')}`);
	return o;
}

/** Refuses a second start (pid file + port checks) with a message that says what is going on. */
async function claimRun(o, pidFile) {
	fs.mkdirSync(path.dirname(pidFile), { recursive: true });
	const other = readJson(pidFile, null);
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
	fs.writeFileSync(pidFile, JSON.stringify({ pid: process.pid, port: o.port, sandboxPort: o.sandboxPort, version: o.version, startedAt: new Date().toISOString() }));
}

/**
 * @param {{
 *   packageDir: string, o: object, helpText: string,
 *   startSandbox: () => Promise<{ url: string, close: () => Promise<void>, reused?: boolean }>,
 *   imports: (sandbox) => { credentials: object[], workflows: object[], activate?: string[] },
 *   tryLines: ({ url: string, sandbox: object }) => string[],
 *   owner?: { email: string, password: string, firstName: string, lastName: string },
 * }} pkg  `owner`: the local owner account created in a fresh n8n (default: n8n-rest's DEFAULT_OWNER)
 */
async function startPackage({ packageDir, o, helpText, startSandbox, imports, tryLines, owner = DEFAULT_OWNER }) {
	if (o.help) {
		console.log(helpText);
		return;
	}
	const name = packageName(packageDir);
	const stateDir = path.join(RUNTIME_ROOT, 'start', name);
	const pidFile = path.join(stateDir, 'start.json');
	const running = { n8n: null, sandbox: null };
	const releaseRun = () => {
		const cur = readJson(pidFile, null);
		if (cur && cur.pid === process.pid) fs.rmSync(pidFile, { force: true });
	};
	const log = (l) => console.log(l);
	try {
		const t0 = Date.now();
		await claimRun(o, pidFile);
		const userFolder = path.join(stateDir, `n8n-${o.version}`);
		if (o.reset) fs.rmSync(userFolder, { recursive: true, force: true });

		// The build is quick; the first n8n install is not — run them side by side.
		const [tarball] = await Promise.all([buildAndPack({ dir: packageDir, build: o.build, log }), ensureN8n(o.version, { log })]);
		const n8n = new N8nInstance({ version: o.version, userFolder, port: o.port, brokerPort: await freePort(), logFile: path.join(userFolder, 'n8n.log') });
		running.n8n = n8n;
		await installPackage(tarball, userFolder);
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

		const sandbox = await startSandbox();
		running.sandbox = sandbox;
		log(`Sandbox ${sandbox.reused ? '(already running) ' : ''}on ${sandbox.url}`);

		// Import the credentials and workflows once, and again whenever they change.
		const data = imports(sandbox);
		const importHash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
		const stampFile = path.join(userFolder, 'imported.sha256');
		if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== importHash) {
			log('Importing the credentials and the example workflows…');
			await n8n.importCredentials(data.credentials);
			await n8n.importWorkflows(data.workflows);
			for (const id of data.activate ?? []) await n8n.activate(id);
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
		fs.writeFileSync(pidFile, JSON.stringify({ ...readJson(pidFile, {}), n8nPid: child.pid }));
		child.on('exit', (code, signal) => {
			if (stopping) return;
			console.error(`n8n exited unexpectedly (${signal || code}); see ${n8n.logFile}`);
			shutdown(1);
		});

		const rest = new N8nRest(n8n.baseUrl);
		const ownerCreated = await rest.needsOwnerSetup();
		if (ownerCreated) await rest.ensureOwner(owner);

		const url = n8n.baseUrl;
		log(
			[
				'',
				`n8n ${o.version} with ${name} is running (ready in ${fmtDuration(Date.now() - t0)}).`,
				'',
				`  Editor:   ${url}/`,
				ownerCreated
					? `  Sign in:  ${owner.email} / ${owner.password}  (local owner account created for you)`
					: `  Sign in:  with your owner account (the default one is ${owner.email} / ${owner.password})`,
				...tryLines({ url, sandbox }),
				'',
				'Press Ctrl-C to stop n8n and the sandbox.',
			].join('\n'),
		);
	} catch (e) {
		console.error(`\nnpm start failed: ${e.message}`);
		if (running.n8n) await running.n8n.stop().catch(() => {});
		if (running.sandbox) await running.sandbox.close().catch(() => {});
		releaseRun();
		process.exit(1);
	}
}

module.exports = { parseStartArgs, startPackage };
