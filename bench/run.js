'use strict';
/**
 * `npm run bench`: what the package costs, as ratios measured in one run on this machine (absolute
 * times vary between machines; ratios much less). Prints a table and writes it to bench/RESULTS.md.
 *
 * - per item, 1,000 items of Get Many and of Get Sync Status through n8n's real engine: the Outlit
 *   node, n8n's HTTP Request node making the same request, and raw undici (the floor); and the
 *   same two nodes in a real n8n 2.41.1 (`n8n execute`), timed by n8n's own run data;
 * - trigger standing cost over a simulated day: requests of the Outlit Trigger vs a naive trigger
 *   built from HTTP Request nodes (the list plus one sync-status call per provider per poll);
 * - 1,000 items against a limit of 100 requests/s: throughput as a share of the limit;
 * - Connect's requests for 1,000 items on a server that negotiates setup and on an older one, against
 *   Outlit's CLI (which negotiates on every run): at most one negotiation per provider per execution;
 * - wait: from the sandbox marking a session connected until the node returns, in poll intervals;
 * - memory: heap after many engine runs vs before (a leak shows as a growing ratio).
 *
 *   BENCH_ITEMS=1000 BENCH_POLLS=1440 npm run bench
 */
require('../test/support/register-ts');
const fs = require('node:fs');
const path = require('node:path');
const { createHarness } = require('@repo/devkit/harness');
const { startSandbox } = require('../test/sandbox');
const { Outlit } = require('../nodes/Outlit/Outlit.node.ts');
const { OutlitTrigger } = require('../nodes/OutlitTrigger/OutlitTrigger.node.ts');
const { OutlitApi } = require('../credentials/OutlitApi.credentials.ts');
const { loadHttpRequestNode } = require('./lib/http-request-node');
const { perItemFigures } = require('./lib/per-item');
const { triggerDay } = require('./lib/trigger-day');
const { waitLatency } = require('./lib/wait-latency');
const { rateLimitedThroughput } = require('./lib/rate-limited');
const { realN8nFigures } = require('./lib/real-n8n');
const { connectRequests } = require('./lib/connect-requests');

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const POLLS = Number(process.env.BENCH_POLLS ?? 1440);
const KEY = 'ok_bench_key';
const RESULTS = path.join(__dirname, 'RESULTS.md');

async function memoryRow(run) {
	const runs = 400;
	global.gc?.();
	const before = process.memoryUsage().heapUsed;
	for (let i = 0; i < runs; i++) await run({ operation: 'getSyncStatus', provider: 'stripe' });
	global.gc?.();
	const after = process.memoryUsage().heapUsed;
	return {
		figure: `Heap after ${runs} engine runs / before`,
		ratio: after / before,
		detail: `${(after / 1e6).toFixed(1)} MB vs ${(before / 1e6).toFixed(1)} MB${global.gc ? '' : ' (no --expose-gc)'}`,
	};
}

function table(rows) {
	const lines = ['| Figure | Ratio | Goal | Measured |', '| --- | --- | --- | --- |'];
	for (const r of rows) {
		const ratio = Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '-';
		const goal =
			r.goal !== undefined
				? `≤ ${r.goal.toFixed(2)}x ${r.ratio <= r.goal ? '(met)' : '(**missed**)'}`
				: r.atLeast !== undefined
					? `≥ ${r.atLeast.toFixed(2)}x ${r.ratio >= r.atLeast ? '(met)' : '(**missed**)'}`
					: '';
		lines.push(`| ${r.figure} | ${ratio} | ${goal} | ${r.detail} |`);
	}
	return lines.join('\n');
}

async function main() {
	const started = Date.now();
	const HttpRequest = loadHttpRequestNode();
	const sandbox = await startSandbox({ apiKeys: [KEY], connected: ['stripe', 'hubspot'] });
	const harness = createHarness({ nodes: [Outlit, OutlitTrigger, HttpRequest], credentials: [OutlitApi] });
	const credential = (api) => ({ outlitApi: { apiKey: KEY, baseUrl: sandbox.url, api } });
	const ctx = { harness, sandbox, key: KEY, credential };
	const run = (parameters, options = {}) =>
		harness.runNode({ type: 'outlit', parameters: { resource: 'integration', ...parameters }, credentials: credential('rest'), ...options });

	const rows = [];
	rows.push(...(await perItemFigures(ctx, ITEMS)));
	rows.push(...(await realN8nFigures(ctx, ITEMS)));
	rows.push(...(await rateLimitedThroughput(ctx)));
	rows.push(...(await connectRequests(ctx, ITEMS)));
	rows.push(...(await triggerDay(ctx, POLLS)));
	rows.push(...(await waitLatency(ctx)));
	rows.push(await memoryRow(run));
	await sandbox.close();

	const header = `n8n-nodes-outlit benchmark: ${ITEMS} items, ${POLLS} trigger polls, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s`;
	const markdown = `# Benchmark\n\n${header}. Figures are ratios from one run (\`npm run bench\`).\n\n${table(rows)}\n`;
	fs.writeFileSync(RESULTS, markdown);
	console.log(`${header}\n\n${table(rows)}\n\nWritten to ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
