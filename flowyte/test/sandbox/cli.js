#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox` (in flowyte/): the local Flowyte sandbox alone, on 127.0.0.1 (default port
 * 5681), with the key flowyte_sk_sandbox_local_key (scope integrations:connect). Ctrl-C stops it.
 *
 *   --port <n>            listen port
 *   --api-key-kinds <k,…> provider kinds Flowyte connects by API key (others answer an OAuth URL)
 */
const { startSandbox } = require('.');

async function main() {
	const args = process.argv.slice(2);
	const value = (flag, fallback) => {
		const i = args.indexOf(flag);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const sb = await startSandbox({
		port: Number(value('--port', 5681)),
		flowyte: { apiKeyKinds: value('--api-key-kinds', 'square,calendly').split(',').filter(Boolean) },
	});
	console.log(`Flowyte sandbox on ${sb.url} (key ${sb.flowyte.defaultKey}). Ctrl-C stops it.`);
	process.on('SIGINT', () => sb.close().then(() => process.exit(0)));
	process.on('SIGTERM', () => sb.close().then(() => process.exit(0)));
}

main().catch((e) => {
	console.error(e.message);
	process.exit(1);
});
