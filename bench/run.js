'use strict';
/**
 * `npm run bench`: what the package costs on top of the HTTP it does, as ratios measured in one run
 * on this machine (absolute times vary between machines; ratios much less).
 *
 * - list: one Get Many through n8n's real engine vs the same request over raw undici (the floor);
 * - wait: Wait for Connection over K polls vs K raw status requests at the same interval;
 * - trigger: a healthy poll's decision (pure logic) vs the list request it follows;
 * - memory: heap after many engine runs vs before (a leak shows as a growing ratio).
 */
require('../test/support/register-ts');
const { request } = require('undici');
const { createHarness } = require('../test/harness');
const { startSandbox } = require('../test/sandbox');
const { Outlit } = require('../nodes/Outlit/Outlit.node.ts');
const { OutlitApi } = require('../credentials/OutlitApi.credentials.ts');

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const KEY = 'ok_bench_key';

async function time(n, fn) {
	for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
	const start = process.hrtime.bigint();
	for (let i = 0; i < n; i++) await fn(i);
	return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;

async function main() {
	const sandbox = await startSandbox({ apiKeys: [KEY], connected: ['stripe', 'hubspot'] });
	const h = createHarness({ nodes: [Outlit], credentials: [OutlitApi] });
	// The REST routes, so each node run and its raw counterpart make the same requests.
	const credentials = { outlitApi: { apiKey: KEY, baseUrl: sandbox.url, api: 'rest' } };
	const run = (parameters) => h.runNode({ type: 'outlit', parameters: { resource: 'integration', ...parameters }, credentials });
	const raw = async (path) => {
		const res = await request(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
		await res.body.json();
	};
	const rows = [];

	const rawList = await time(RUNS, () => raw('/api/integrations?connectedOnly=false'));
	const nodeList = await time(RUNS, () => run({ operation: 'getAll' }));
	rows.push(['list: engine + node / raw undici', nodeList / rawList, `${fmt(nodeList)} vs ${fmt(rawList)}`]);

	// The same on the tools gateway: one outlit_get_integration_status call each.
	const toolsCredentials = { outlitApi: { ...credentials.outlitApi, api: 'tools' } };
	const rawTools = await time(RUNS, async () => {
		const res = await request(`${sandbox.url}/api/tools/call`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
			body: JSON.stringify({ tool: 'outlit_get_integration_status', input: {} }),
		});
		await res.body.json();
	});
	const nodeTools = await time(RUNS, () =>
		h.runNode({ type: 'outlit', parameters: { resource: 'integration', operation: 'getAll' }, credentials: toolsCredentials }),
	);
	rows.push(['list on the gateway: engine + node / raw undici', nodeTools / rawTools, `${fmt(nodeTools)} vs ${fmt(rawTools)}`]);

	const K = 5;
	const intervalMs = 10;
	const waits = Math.max(5, Math.round(RUNS / 20));
	const nodeWait = await time(waits, async () => {
		sandbox.reset({ autoCompleteAfterPolls: K - 1, connected: [] });
		const { sessionId } = (await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
		const r = await run({ operation: 'waitForConnection', sessionId, pollInterval: intervalMs / 1000, timeout: 30 });
		if (r.items[0]?.json.status !== 'connected') throw new Error(`wait did not connect: ${JSON.stringify(r.error ?? r.items)}`);
	});
	const rawWait = await time(waits, async () => {
		sandbox.reset({ autoCompleteAfterPolls: K - 1, connected: [] });
		await raw('/api/integrations?connectedOnly=false'); // stands in for the connect request
		for (let i = 0; i < K; i++) {
			await raw('/api/integrations/connect/status?sessionId=none').catch(() => undefined);
			if (i < K - 1) await new Promise((r) => setTimeout(r, intervalMs));
		}
	});
	rows.push([`wait: connect + ${K} polls, node / raw`, nodeWait / rawWait, `${fmt(nodeWait)} vs ${fmt(rawWait)}`]);

	let decideRatio = 'n/a (trigger not built)';
	try {
		const decide = require('../nodes/OutlitTrigger/decide.ts');
		const list = (await (await request(`${sandbox.url}/api/integrations`, { headers: { authorization: `Bearer ${KEY}` } })).body.json()).items;
		const state = decide.emptyState?.() ?? undefined;
		const opts = { events: ['syncFailed', 'syncRecovered'], providers: [], now: new Date().toISOString() };
		const pure = await time(RUNS * 10, () => {
			decide.providersNeedingDetails(state, list, opts);
			decide.decide(state, list, {}, opts);
		});
		decideRatio = pure / rawList;
		rows.push(['trigger: healthy-poll decision / list request', decideRatio, `${fmt(pure)} vs ${fmt(rawList)}`]);
	} catch (error) {
		rows.push(['trigger: healthy-poll decision / list request', NaN, `skipped: ${error.message}`]);
	}

	global.gc?.();
	const before = process.memoryUsage().heapUsed;
	for (let i = 0; i < RUNS * 2; i++) await run({ operation: 'getSyncStatus', provider: 'stripe' });
	global.gc?.();
	const after = process.memoryUsage().heapUsed;
	rows.push([`memory: heap after ${RUNS * 2} runs / before`, after / before, `${(after / 1e6).toFixed(1)} MB vs ${(before / 1e6).toFixed(1)} MB${global.gc ? '' : ' (no --expose-gc)'}`]);

	await sandbox.close();
	console.log(`n8n-nodes-outlit benchmark, ${RUNS} runs per figure, Node ${process.version}`);
	for (const [name, ratio, detail] of rows) {
		console.log(`${name.padEnd(48)} ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '   -  '}  (${detail})`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
