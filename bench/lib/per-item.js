'use strict';
/**
 * Time per item for N items through n8n's real engine: the Outlit node, n8n's HTTP Request node
 * making the same request, and raw undici sending the same N requests one after another (the floor).
 * Each variant runs REPS times, interleaved; the median counts.
 */
const { request } = require('undici');
const { httpRequestParameters, HTTP_REQUEST_VERSION } = require('./http-request-node');

const REPS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(3)} ms`;

async function timePerItem(n, fn) {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

function check(result, n, what) {
	if (result.error) throw new Error(`${what} failed: ${result.error.message}`);
	if (result.items.length < n) throw new Error(`${what} returned ${result.items.length} items for ${n}`);
}

/** The same call three ways; returns the rows for the table. */
async function compare(ctx, n, { label, operation, params, path, qs }) {
	const { harness, sandbox, key, credential } = ctx;
	const input = Array.from({ length: n }, () => ({ json: {} }));
	const query = new URLSearchParams(Object.entries(qs).map(([k, v]) => [k, String(v)])).toString();
	const variants = {
		outlit: async () => {
			const r = await harness.runNode({ type: 'outlit', parameters: { resource: 'integration', operation, ...params }, credentials: credential('rest'), input });
			check(r, n, `Outlit ${label}`);
		},
		httpRequest: async () => {
			const r = await harness.runNode({ type: 'httpRequest', typeVersion: HTTP_REQUEST_VERSION, parameters: httpRequestParameters(`${sandbox.url}${path}`, qs, key), input });
			check(r, n, `HTTP Request ${label}`);
		},
		raw: async () => {
			for (let i = 0; i < n; i++) {
				const res = await request(`${sandbox.url}${path}?${query}`, { headers: { authorization: `Bearer ${key}` } });
				if (res.statusCode !== 200) throw new Error(`raw ${label}: ${res.statusCode}`);
				await res.body.json();
			}
		},
	};
	const times = { outlit: [], httpRequest: [], raw: [] };
	// The first round warms up (JIT, connections) and is not counted.
	for (let rep = 0; rep <= REPS; rep++) {
		for (const [name, fn] of Object.entries(variants)) {
			const t = await timePerItem(n, fn);
			if (rep > 0) times[name].push(t);
		}
	}
	const [outlit, httpRequest, raw] = [median(times.outlit), median(times.httpRequest), median(times.raw)];
	return [
		{ figure: `${label}, per item (${n} items): Outlit node / HTTP Request node`, ratio: outlit / httpRequest, goal: 1, detail: `${ms(outlit)} vs ${ms(httpRequest)}` },
		{ figure: `${label}, per item: Outlit node / raw undici`, ratio: outlit / raw, detail: `${ms(outlit)} vs ${ms(raw)} (HTTP Request node: ${(httpRequest / raw).toFixed(2)}x)` },
	];
}

async function perItemFigures(ctx, n) {
	return [
		...(await compare(ctx, n, { label: 'Get Many', operation: 'getAll', params: { returnAll: true, simplify: false }, path: '/api/integrations', qs: { connectedOnly: false } })),
		...(await compare(ctx, n, { label: 'Get Sync Status', operation: 'getSyncStatus', params: { provider: 'stripe' }, path: '/api/integrations/sync-status', qs: { provider: 'stripe' } })),
	];
}

module.exports = { perItemFigures };
