'use strict';
/**
 * Wait for Connection: the time from the sandbox marking a session connected until the node
 * returns, as a multiple of the poll interval (0.5 on average if polls are on time, never above 1
 * plus a round trip). The session is completed at a random moment of each wait.
 */
const INTERVAL_MS = 200;
const RUNS = 12;

async function waitLatency(ctx) {
	const { harness, sandbox, credential } = ctx;
	const run = (parameters) => harness.runNode({ type: 'outlit', parameters: { resource: 'integration', ...parameters }, credentials: credential('rest') });
	const ratios = [];
	for (let i = 0; i < RUNS; i++) {
		sandbox.reset({ connected: [] });
		const { sessionId } = (await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
		let completedAt;
		const delay = INTERVAL_MS * (1 + ((i * 7) % RUNS) / RUNS) + 1;
		const timer = setTimeout(() => {
			completedAt = performance.now();
			sandbox.completeSession(sessionId);
		}, delay);
		const r = await run({ operation: 'waitForConnection', sessionId, pollInterval: INTERVAL_MS / 1000, timeout: 30 });
		clearTimeout(timer);
		if (r.items?.[0]?.json.status !== 'connected') throw new Error(`wait did not connect: ${JSON.stringify(r.error?.message ?? r.items)}`);
		ratios.push((performance.now() - completedAt) / INTERVAL_MS);
	}
	const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
	return [
		{
			figure: `Wait: connected → node returns, in poll intervals (${RUNS} waits, ${INTERVAL_MS} ms interval)`,
			ratio: mean,
			goal: 1,
			detail: `mean ${mean.toFixed(2)}, max ${Math.max(...ratios).toFixed(2)} intervals`,
		},
	];
}

module.exports = { waitLatency };
