'use strict';
/**
 * 1,000 items of Get Sync Status against the sandbox's limit of 100 requests a second, through n8n's
 * engine in one process: the throughput as a share of the limit (the ideal time for the requests
 * beyond the bucket's burst, over the time they took). Goal: at least 90%, with no item lost.
 */
async function rateLimitedThroughput(ctx, n = 1000, perSecond = 100) {
	const { harness, sandbox, credential } = ctx;
	sandbox.reset({ connected: ['stripe'], rateLimit: { perSecond } });
	const input = Array.from({ length: n }, () => ({ json: {} }));
	const r = await harness.runNode({ type: 'outlit', parameters: { resource: 'integration', operation: 'getSyncStatus', provider: 'stripe' }, credentials: credential('rest'), input });
	if (r.error || r.items.length !== n) throw new Error(`rate-limited run lost items: ${r.error?.message ?? r.items.length}`);
	const calls = sandbox.requests.map((q) => Date.parse(q.at));
	const { allowed, limited } = sandbox.rateLimitCounts();
	const seconds = (Math.max(...calls) - Math.min(...calls)) / 1000;
	const ideal = (allowed - perSecond) / perSecond;
	sandbox.reset();
	return [
		{
			figure: `${n} items under ${perSecond} requests/s, one process: throughput / limit`,
			ratio: ideal / seconds,
			goal: undefined,
			atLeast: 0.9,
			detail: `${allowed} answered in ${seconds.toFixed(2)} s, ${limited} answered 429, no item lost`,
		},
	];
}

module.exports = { rateLimitedThroughput };
