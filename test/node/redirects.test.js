'use strict';
/**
 * A redirect from the Base URL is not followed. n8n's request helper would follow it and send the
 * Authorization header again to whatever origin it names, and on a 307 or 308 the body too (a
 * Direct connect's provider keys). The node stops with an error naming only the target's origin.
 * Through n8n's engine: the node on both APIs and the trigger, against the sandbox and a second
 * local server that records what reaches it.
 */
const http = require('node:http');
const { createHarness } = require('@repo/devkit/harness');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

/** Another origin: it answers like Outlit would, and records every request that reaches it. */
let elsewhere;
beforeAll(async () => {
	const seen = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			seen.push({ method: req.method, url: req.url, headers: req.headers, body });
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ success: true, items: [] }));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	elsewhere = { server, seen, url: `http://127.0.0.1:${server.address().port}` };
});
afterAll(async () => {
	elsewhere.server.closeAllConnections();
	await new Promise((resolve) => elsewhere.server.close(resolve));
});
beforeEach(() => {
	elsewhere.seen.length = 0;
});

const message = (status) =>
	`The Base URL ${env.sandbox.url} answered with a redirect to ${elsewhere.url} (${status}), which the node does not follow, ` +
	"so that the API key goes only to the Base URL: set Base URL in the Outlit API credential to the address of Outlit's API itself.";

describe.each([301, 302, 303, 307, 308])('a %d to another origin', (status) => {
	test('Connect (Direct) on the REST routes: neither the API key nor the Stripe key reaches it', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status, headers: { Location: `${elsewhere.url}/api/integrations/connect?token=t0k` } });
		const r = await env.run(
			{ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey },
			{ credentials: { api: 'rest' } },
		);
		expect(elsewhere.seen).toEqual([]);
		expect(r.error).toMatchObject({ name: 'NodeApiError', message: message(status), httpCode: String(status) });
		// The target's path and query are not shown, nor kept in what n8n stores: they may carry a token.
		expect(`${r.error.message} ${r.error.description}`).not.toContain('t0k');
		expect(r.error.errorResponse).toEqual({ statusCode: status });
		expect(leakedCanaries(r.error)).toEqual([]);
		// Stopped at the first answer: a write is not sent again.
		expect(env.sandbox.requests).toHaveLength(1);
	});

	test('Get Many on the tools gateway: a read is stopped too, not retried', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', status, headers: { Location: `${elsewhere.url}/api/tools/call` } });
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools' } });
		expect(elsewhere.seen).toEqual([]);
		expect(r.error).toMatchObject({ message: message(status), description: "Outlit's API answers without redirects; a redirect comes from an old address or a proxy in front of Outlit. Check the Base URL in the Outlit credential." });
		expect(env.sandbox.requests).toHaveLength(1);
	});
});

test('a redirect without a Location names "another address"', async () => {
	env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 302 });
	const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'rest' } });
	expect(r.error.message).toBe(
		`The Base URL ${env.sandbox.url} answered with a redirect to another address (302), which the node does not follow, ` +
			"so that the API key goes only to the Base URL: set Base URL in the Outlit API credential to the address of Outlit's API itself.",
	);
});

test('the trigger: its poll does not carry the API key to the other origin', async () => {
	const harness = createHarness({ nodes: [OutlitTrigger], credentials: [OutlitApi] });
	const trigger = harness.pollTrigger({
		type: 'outlitTrigger',
		parameters: { events: ['syncFailed'] },
		credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, api: 'rest' } },
	});
	env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 307, headers: { Location: `${elsewhere.url}/api/integrations` } });
	const r = await trigger.poll();
	expect(elsewhere.seen).toEqual([]);
	expect(r.error.message).toBe(message(307));
});
