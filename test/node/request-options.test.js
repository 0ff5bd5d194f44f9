'use strict';
/**
 * n8n shows its Request Options setting (batching, timeout, proxy) on this node because it has no
 * `execute` method. Every operation runs as a customOperation, so each one must honour it: checked
 * here through n8n's real engine, on both contracts, against the sandbox and a local proxy.
 */
const http = require('node:http');
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment();

/** A minimal forward proxy on 127.0.0.1 that records the absolute URLs it forwards. */
async function startProxy() {
	const seen = [];
	const server = http.createServer((req, res) => {
		seen.push(req.url);
		const target = new URL(req.url);
		const upstream = http.request(
			{ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
			(up) => {
				res.writeHead(up.statusCode, up.headers);
				up.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		seen,
		close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
	};
}

const withOptions = (parameters, requestOptions) => ({ ...parameters, requestOptions });

describe.each([
	['REST routes', 'rest', { operation: 'getSyncStatus', provider: 'stripe' }, '/api/integrations/sync-status'],
	['tools gateway', 'tools', { operation: 'getAll' }, '/api/tools/call'],
])('Request Options on the %s', (_name, api, parameters, path) => {
	const run = (params, options = {}) => env.run(params, { ...options, credentials: { api } });

	test('Timeout ends a request that takes longer, with a readable error', async () => {
		env.sandbox.injectFault({ path, delayMs: 1500 });
		const started = Date.now();
		const r = await run({ ...withOptions(parameters, { timeout: 200 }), options: { retryTransientErrors: false } });
		expect(Date.now() - started).toBeLessThan(1400);
		expect(r.error).toBeDefined();
		expect(r.error.message).toBe(
			`Could not reach Outlit at ${env.sandbox.url} (no answer within the Timeout of 200 ms): raise Timeout in the node's Request Options, or try again later.`,
		);
	});

	test.each([['={{ -5 }}'], ['={{ Infinity }}']])('a Timeout of %s (not a positive number) is no Timeout: the answer is awaited', async (timeout) => {
		env.sandbox.injectFault({ path, delayMs: 300 });
		const r = await run(withOptions(parameters, { timeout }));
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(parameters.operation === 'getAll' ? 15 : 1);
	});

	test('the shortest Timeout, 1 ms, still applies', async () => {
		env.sandbox.injectFault({ path, delayMs: 300 });
		const r = await run({ ...withOptions(parameters, { timeout: 1 }), options: { retryTransientErrors: false } });
		expect(r.error?.message).toBe(
			`Could not reach Outlit at ${env.sandbox.url} (no answer within the Timeout of 1 ms): raise Timeout in the node's Request Options, or try again later.`,
		);
	});

	test('without a Timeout the slow answer is awaited', async () => {
		env.sandbox.injectFault({ path, delayMs: 300 });
		const r = await run(parameters);
		expect(r.error).toBeUndefined();
	});

	test('Batching pauses between batches, not after the last one', async () => {
		const input = [{ json: {} }, { json: {} }];
		const started = Date.now();
		const r = await run(withOptions(parameters, { batching: { batch: { batchSize: 1, batchInterval: 1500 } } }), { input });
		expect(r.error).toBeUndefined();
		// One pause of 1.5 s; a second one after the last batch would make it at least 3 s.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		expect(Date.now() - started).toBeLessThan(2900);
	});

	test('Batching spaces the items: 3 items in batches of 1 take two intervals', async () => {
		const input = [{ json: {} }, { json: {} }, { json: {} }];
		const started = Date.now();
		const r = await run(withOptions(parameters, { batching: { batch: { batchSize: 1, batchInterval: 250 } } }), { input });
		expect(r.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(500);
		const times = env.sandbox.requests.map((q) => Date.parse(q.at));
		expect(times).toHaveLength(3);
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(200);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(200);
	});

	test('Batching of 2 items per batch sends the first two at once', async () => {
		const input = [{ json: {} }, { json: {} }, { json: {} }];
		const started = Date.now();
		const r = await run(withOptions(parameters, { batching: { batch: { batchSize: 2, batchInterval: 400 } } }), { input });
		expect(r.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
		expect(Date.now() - started).toBeLessThan(800 + 1000);
	});

	test('Proxy sends every request through the proxy', async () => {
		const proxy = await startProxy();
		try {
			const r = await run(withOptions(parameters, { proxy: proxy.url }));
			expect(r.error).toBeUndefined();
			expect(proxy.seen).toEqual([expect.stringContaining(`${env.sandbox.url}${path}`)]);
			expect(env.sandbox.requests).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	test('a Proxy typed as host:port, with spaces around it, is an http proxy', async () => {
		const proxy = await startProxy();
		try {
			const r = await run(withOptions(parameters, { proxy: `  ${proxy.url.replace('http://', '')}  ` }));
			expect(r.error).toBeUndefined();
			expect(proxy.seen).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	test('a Proxy of spaces only is no proxy', async () => {
		const r = await run(withOptions(parameters, { proxy: '   ' }));
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
	});

	test('Batch Size 0 is batches of 1', async () => {
		const input = [{ json: {} }, { json: {} }];
		const r = await run(withOptions(parameters, { batching: { batch: { batchSize: 0, batchInterval: 300 } } }), { input });
		expect(r.error).toBeUndefined();
		const [first, second] = env.sandbox.requests.map((q) => Date.parse(q.at));
		expect(second - first).toBeGreaterThanOrEqual(250);
	});

	test('a Proxy that does not answer: the message names the Proxy in Request Options', async () => {
		const r = await run({ ...withOptions(parameters, { proxy: 'http://127.0.0.1:9' }), options: { retryTransientErrors: false } });
		expect(r.error.message).toBe(
			`Could not reach Outlit at ${env.sandbox.url} (the connection was refused): check the Base URL in the Outlit API credential and the Proxy in the node's Request Options, then try again.`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a Proxy without a port fails before any request', async () => {
		const r = await run(withOptions(parameters, { proxy: 'http://proxy.invalid' }));
		expect(r.error.message).toBe(
			"The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.",
		);
		expect(r.error.description).toBe('The proxy URL needs a host and a port, e.g. http://myproxy:3128.');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Request Options also reach the polls of a wait (which retry by their own rule)', () => {
	test('a Timeout shorter than the wait\'s time left ends each poll, and the last error names it', async () => {
		const started = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
		const { sessionId } = started.items[0].json;
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', delayMs: 1000, times: 50 });
		const r = await env.run(
			withOptions({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 1 }, { timeout: 200 }),
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toContain(
			`Last error: Could not reach Outlit at ${env.sandbox.url} (no answer within the Timeout of 200 ms): raise Timeout in the node's Request Options, or try again later.`,
		);
	});

	test('a Timeout longer than the wait\'s time left: the poll ends with the wait, and the error does not send the user to it', async () => {
		const started = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
		const { sessionId } = started.items[0].json;
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', delayMs: 8000, times: 3 });
		const begun = Date.now();
		const r = await env.run(
			withOptions({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 1 }, { timeout: 6000 }),
			{ credentials: { api: 'rest' } },
		);
		expect(Date.now() - begun).toBeLessThan(4000);
		expect(r.error.message).toContain(`Last error: Could not reach Outlit at ${env.sandbox.url} (no answer in time): check the Base URL in the Outlit API credential, then try again.`);
	}, 20000);

	test('Wait for Connection polls through the Proxy', async () => {
		const proxy = await startProxy();
		try {
			env.sandbox.reset({ autoCompleteAfterPolls: 1 });
			const started = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
			const { sessionId } = started.items[0].json;
			const r = await env.run(
				withOptions({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 5 }, { proxy: proxy.url }),
				{ credentials: { api: 'rest' } },
			);
			expect(r.error).toBeUndefined();
			expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
			expect(proxy.seen).toEqual([
				`${env.sandbox.url}/api/integrations/connect/status?sessionId=${sessionId}`,
				`${env.sandbox.url}/api/integrations/connect/status?sessionId=${sessionId}`,
			]);
		} finally {
			await proxy.close();
		}
	});
});
