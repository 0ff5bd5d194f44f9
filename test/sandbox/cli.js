#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox [-- options]`: runs the Outlit sandbox on 127.0.0.1 until SIGINT/SIGTERM.
 *
 *   --port <n>                  OUTLIT_SANDBOX_PORT            (default 5680; 0 = any free port)
 *   --api-key <key>[,<key>…]    OUTLIT_SANDBOX_API_KEY         (default ok_sandbox_local_key)
 *   --auto-complete <n>         OUTLIT_SANDBOX_AUTO_COMPLETE   (browser sessions connect after n polls)
 *   --connected <id>[,<id>…]    OUTLIT_SANDBOX_CONNECTED       (providers connected at start)
 *   --plan <name>               OUTLIT_SANDBOX_PLAN            (default free)
 *   --limit <n>                 OUTLIT_SANDBOX_LIMIT           (plan connection limit, default 5)
 *   --contract both|tools|rest  OUTLIT_SANDBOX_CONTRACT        (which APIs answer, default both)
 *   --legacy-gateway true       OUTLIT_SANDBOX_LEGACY_GATEWAY  (a gateway without outlit_setup_integration)
 */
const { startSandbox } = require('./index');

const FLAGS = {
	'--port': 'OUTLIT_SANDBOX_PORT',
	'--api-key': 'OUTLIT_SANDBOX_API_KEY',
	'--auto-complete': 'OUTLIT_SANDBOX_AUTO_COMPLETE',
	'--connected': 'OUTLIT_SANDBOX_CONNECTED',
	'--plan': 'OUTLIT_SANDBOX_PLAN',
	'--limit': 'OUTLIT_SANDBOX_LIMIT',
	'--contract': 'OUTLIT_SANDBOX_CONTRACT',
	'--legacy-gateway': 'OUTLIT_SANDBOX_LEGACY_GATEWAY',
};

function parseArgs(argv, env) {
	const values = {};
	for (const [flag, name] of Object.entries(FLAGS))
		if (env[name] !== undefined && env[name] !== '') values[flag] = env[name];
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		if (flag === '--help' || flag === '-h') return { help: true };
		if (!(flag in FLAGS)) throw new Error(`Unknown option ${flag}`);
		const value = inline ?? argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		values[flag] = value;
	}
	const int = (flag) => {
		if (values[flag] === undefined) return undefined;
		if (!/^\d+$/.test(values[flag])) throw new Error(`${flag} must be a non-negative integer`);
		return Number(values[flag]);
	};
	const list = (flag) =>
		values[flag]
			?.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
	return {
		port: int('--port') ?? 5680,
		apiKeys: list('--api-key'),
		autoCompleteAfterPolls: int('--auto-complete'),
		connected: list('--connected'),
		...(values['--contract'] ? { contract: values['--contract'] } : {}),
		...(values['--legacy-gateway'] === 'true' ? { legacyGateway: true } : {}),
		plan: values['--plan'],
		connectionLimit: int('--limit'),
	};
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2), process.env);
	} catch (err) {
		console.error(`${err.message}\nUsage: see the header of test/sandbox/cli.js`);
		process.exit(2);
	}
	if (options.help) {
		console.log(
			Object.entries(FLAGS)
				.map(([f, e]) => `${f} <value>  (env ${e})`)
				.join('\n'),
		);
		return;
	}
	const sb = await startSandbox(options);
	console.log(`Outlit sandbox listening on ${sb.url}`);
	console.log(`API key: ${sb.apiKey}`);
	if (options.connected?.length) console.log(`Connected: ${options.connected.join(', ')}`);
	let stopping = false;
	const stop = (reason) => {
		if (stopping) return;
		stopping = true;
		console.log(`${reason}, stopping sandbox`);
		sb.close().then(() => process.exit(0));
	};
	process.once('SIGINT', () => stop('Received SIGINT'));
	process.once('SIGTERM', () => stop('Received SIGTERM'));
	// `npm run sandbox` runs us under `sh -c`; when npm is stopped it signals only that shell,
	// so also stop when orphaned instead of holding the port forever.
	const parent = process.ppid;
	setInterval(() => process.ppid !== parent && stop('Parent process exited'), 500).unref();
}

main().catch((err) => {
	console.error(`Sandbox failed to start: ${err.message}`);
	process.exit(1);
});
