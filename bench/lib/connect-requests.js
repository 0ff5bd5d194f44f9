'use strict';
/**
 * Connect's requests for N items on each kind of server, counted from the sandbox's request log:
 * one that negotiates setup (capabilities with `preferredSetupVersion: 1`) and an older one that does
 * not (browser setup through the compatibility tools; with the credential on Automatic a Direct
 * connect goes to the REST routes). Outlit's CLI negotiates on every run, so one CLI connect costs
 * its negotiation plus its own call: the figure is the node's requests over the CLI's for N
 * connects, and the node's negotiations must be at most one per provider per execution.
 */
const PROVIDERS = ['slack', 'gong', 'attio'];
const NEGOTIATION = 'outlit_get_integration_capabilities';

const KINDS = [
	['negotiates setup', {}],
	['older gateway', { legacyGateway: true }],
];
const METHODS = [
	['Browser Session', (i) => ({ json: { provider: PROVIDERS[i % PROVIDERS.length] } }), { connectionMethod: 'browser' }],
	['Direct', () => ({ json: { provider: 'pylon' } }), { connectionMethod: 'direct', secretSource: 'fields', apiToken: 'pyl_bench_token_1' }],
];

async function connectRequests(ctx, n) {
	const { harness, sandbox, credential } = ctx;
	const rows = [];
	for (const [kind, server] of KINDS) {
		for (const [method, item, params] of METHODS) {
			sandbox.reset({ ...server, connectionLimit: n + 10 });
			const input = Array.from({ length: n }, (_, i) => item(i));
			const r = await harness.runNode({
				type: 'outlit',
				parameters: { resource: 'integration', operation: 'connect', provider: '={{ $json.provider }}', ...params },
				credentials: credential('auto'),
				input,
			});
			if (r.error || r.items.length !== n) throw new Error(`Connect (${method}, ${kind}) failed: ${r.error?.message ?? r.items.length}`);
			const requests = sandbox.requests;
			const negotiations = requests.filter((q) => q.tool === NEGOTIATION).length;
			const providers = new Set(input.map((i) => i.json.provider)).size;
			if (negotiations > providers) throw new Error(`Connect (${method}, ${kind}) negotiated ${negotiations} times for ${providers} providers`);
			const byTarget = {};
			for (const q of requests.filter((q) => q.tool !== NEGOTIATION)) byTarget[q.tool ?? q.path] = (byTarget[q.tool ?? q.path] ?? 0) + 1;
			const cli = 2 * n;
			rows.push({
				figure: `Connect (${method}), ${n} items, server that ${kind === 'older gateway' ? 'does not negotiate (older gateway)' : 'negotiates setup'}: requests / Outlit CLI's`,
				ratio: requests.length / cli,
				detail: `${(requests.length / n).toFixed(3)} per item: ${negotiations} negotiation(s) for ${providers} provider(s), ${Object.entries(byTarget).map(([t, c]) => `${c} ${t}`).join(', ')} (the CLI: ${cli})`,
			});
		}
	}
	sandbox.reset();
	return rows;
}

module.exports = { connectRequests };
