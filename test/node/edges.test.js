'use strict';
/**
 * Edges of the Outlit node seen through n8n's real engine against the sandbox over real HTTP: what
 * every request carries, REST answers without what the contract promises, a method or step a
 * provider does not have, a Base URL or proxy that is no URL, Request Options (batching turned off,
 * proxy credentials, a self-signed certificate with Ignore SSL Issues off and on), the Provider
 * dropdown paced by Outlit's rate-limit headers, and the wait's items. Expected values are literals.
 */
const http = require('node:http');
const https = require('node:https');
const { createHarness } = require('@repo/devkit/harness');
const { TLS_KEY, TLS_CERT } = require('@repo/devkit/support/self-signed-tls');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { outlitEnvironment, CANARY } = require('../support/outlit');

const env = outlitEnvironment();
const run = (parameters, options) => env.run(parameters, options);

describe('what every request carries', () => {
	test.each(['rest', 'tools'])('%s: Accept application/json, and a JSON body where there is one', async (api) => {
		const r = await run({ operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: 'phx_key_12345', region: 'us', projectId: '12345' }, { credentials: { api } });
		expect(r.error).toBeUndefined();
		// On the gateway the negotiation is a request of its own, with the same headers.
		const expected = api === 'tools' ? 2 : 1;
		expect(env.sandbox.requests.map((q) => [q.headers.accept, q.headers['content-type']])).toEqual(Array(expected).fill(['application/json', 'application/json']));
	});
});

describe('REST answers and methods at their edges', () => {
	test('an integration list without "items" is a readable error of the 200', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 200, body: { integrations: [] } });
		const r = await run({ operation: 'getAll' }, { credentials: { api: 'rest' }, continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{
				error: 'Outlit returned an integration list without "items", which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit\'s API, then try again.',
				description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
				httpCode: '200',
			},
		]);
	});

	test.each([
		['rest', '/api/integrations', { items: [{ id: 'stripe', status: 'connected' }, 'hubspot'] }, 'an integration list with an entry that is not an object'],
		['tools', '/api/tools/call', { integrations: [{ provider: 'stripe', status: 'ready' }, null] }, 'an integration status with an entry that is not an object'],
	])('Get Many (%s): a list with an entry that is not an object is a readable error, not an item', async (api, path, body, what) => {
		env.sandbox.injectFault({ method: api === 'rest' ? 'GET' : 'POST', path, status: 200, body });
		const r = await run({ operation: 'getAll' }, { credentials: { api } });
		expect(r.items).toEqual([]);
		expect(r.error.message).toBe(
			`Outlit returned ${what}, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.`,
		);
	});

	test('Browser Session for a provider the REST routes connect by credentials: names every field, sends nothing', async () => {
		const r = await run({ operation: 'connect', provider: 'supabase', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			'Supabase Auth connects with credentials (Project URL, Service Role Key), not a browser session: set "Connection Method" to Direct.',
		);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('the credential', () => {
	test('a Base URL pasted with spaces and a trailing slash around it works', async () => {
		const r = await run({ operation: 'getAll' }, { credentials: { baseUrl: `  ${env.sandbox.url}/ \n`, api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/integrations']);
	});

	test('a Base URL that is no URL at all is refused before any request', async () => {
		const r = await run({ operation: 'getAll' }, { credentials: { baseUrl: 'app.outlit.ai' } });
		expect(r.error.message).toBe("The Base URL in the Outlit API credential is not a valid http(s) URL: set it to https://app.outlit.ai or your proxy's URL.");
		expect(r.error.description).toBe('Set Base URL in the Outlit credential to https://app.outlit.ai or your proxy\'s URL.');
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('the Provider dropdown', () => {
	test('Automatic where the gateway answers a bare 404 (no gateway), with the allowance used up: REST\'s list, half a second later', async () => {
		const harness = createHarness({ nodes: [Outlit], credentials: [OutlitApi] });
		env.sandbox.injectFault({ path: '/api/tools/call', status: 404, body: 'Not Found', headers: { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0' } });
		const started = Date.now();
		const options = await harness.loadOptions({
			type: 'outlit',
			parameters: { resource: 'integration', operation: 'connect' },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, api: 'auto' } },
			method: 'getProviders',
		});
		expect(env.sandbox.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /api/tools/call', 'GET /api/integrations/capabilities']);
		// One share of a limit of 2 per second is 525 ms after the first was sent, so the second arrives at
		// least that long after the call began, however late a loaded machine delivers the first.
		const second = Date.parse(env.sandbox.requests[1].at);
		expect(second - started).toBeGreaterThanOrEqual(525);
		// The REST routes' own names (the built-in catalog, the fallback, says "Supabase").
		expect(options).toHaveLength(12);
		expect(options).toContainEqual({ name: 'Supabase Auth', value: 'supabase' });
	});
});

describe('Request Options', () => {
	const four = [{ json: {} }, { json: {} }, { json: {} }, { json: {} }];
	const syncStatus = (batch) => {
		env.sandbox.reset({ connected: ['stripe'] });
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', delayMs: 150, times: 4 });
		return run({ operation: 'getSyncStatus', provider: 'stripe', requestOptions: { batching: { batch } } }, { credentials: { api: 'rest' }, input: four });
	};

	test.each([
		['Items per Batch -1 (n8n: "-1 for disabled")', { batchSize: -1, batchInterval: 3000 }],
		['a Batch Interval of 0', { batchSize: 1, batchInterval: 0 }],
	])('%s turns batching off: the reads overlap (the first alone, then the other three)', async (_name, batch) => {
		const r = await syncStatus(batch);
		expect(r.error).toBeUndefined();
		expect(env.sandbox.peakInFlight()).toBe(3);
	});

	test('a proxy with a user name and password (URL-encoded) sends them as Proxy-Authorization', async () => {
		const seen = [];
		const proxy = http.createServer((req, res) => {
			seen.push(req.headers['proxy-authorization']);
			const upstream = http.request(req.url, { method: req.method, headers: req.headers }, (answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			});
			req.pipe(upstream);
		});
		await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const r = await run({ operation: 'getAll', requestOptions: { proxy: `http://ops%40acme:p%3Ass@127.0.0.1:${proxy.address().port}` } }, { credentials: { api: 'rest' } });
			expect(r.error).toBeUndefined();
			expect(seen).toEqual([`Basic ${Buffer.from('ops@acme:p:ss').toString('base64')}`]);
		} finally {
			await new Promise((resolve) => (proxy.closeAllConnections(), proxy.close(resolve)));
		}
	});

	test('a proxy that is no URL at all is refused like one without a port', async () => {
		const r = await run({ operation: 'getAll', requestOptions: { proxy: 'http://[bad:3128' } });
		expect([r.error.message, r.error.description]).toEqual([
			"The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.",
			'The proxy URL needs a host and a port, e.g. http://myproxy:3128.',
		]);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('Request Options: Ignore SSL Issues (Insecure)', () => {
	// The sandbox behind a TLS front whose certificate is self-signed (a private CA, a test proxy).
	let front;
	let url;
	let connections = 0;
	beforeEach(() => {
		connections = 0;
	});
	beforeAll(async () => {
		front = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, (req, res) => {
			const upstream = new URL(req.url, env.sandbox.url);
			const forward = http.request(upstream, { method: req.method, headers: req.headers }, (answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			});
			req.pipe(forward);
		});
		front.on('connection', () => connections++);
		await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
		url = `https://127.0.0.1:${front.address().port}`;
	});
	afterAll(() => new Promise((resolve) => front.close(resolve)));

	test('off (the default): the certificate is refused at once, not retried, and says what to do', async () => {
		const r = await run({ operation: 'getSyncStatus', provider: 'stripe' }, { credentials: { baseUrl: url, api: 'rest' }, continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{
				error: `Outlit's TLS certificate at ${url} was not accepted (DEPTH_ZERO_SELF_SIGNED_CERT): check the Base URL in the Outlit API credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in the node's Request Options.`,
				description:
					`${url} presented a certificate n8n does not trust (DEPTH_ZERO_SELF_SIGNED_CERT): self-signed, expired, issued for another host name, or signed by a private CA. ` +
					'Check the Base URL in the Outlit credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in Request Options.',
				httpCode: 'none',
			},
		]);
		expect(connections).toBe(1);
		expect(env.sandbox.requests).toEqual([]);
	});

	test('on: the request goes through', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await run({ operation: 'getSyncStatus', provider: 'stripe', requestOptions: { allowUnauthorizedCerts: true } }, { credentials: { baseUrl: url, api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', syncs: expect.any(Array) });
		expect(env.sandbox.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/integrations/sync-status']);
	});
});

describe('the wait at its edges', () => {
	const FAST = { pollInterval: 0.05, timeout: 10 };

	test('REST: an unknown session status is an error of the 200 that carried it', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 200, body: { status: 'authorizing', provider: 'slack' } });
		const r = await run({ operation: 'waitForConnection', sessionId: 'any', ...FAST }, { credentials: { api: 'rest' }, continueOnFail: true });
		expect(r.items[0].json).toMatchObject({
			error: 'Outlit returned a session status the node does not know ("authorizing"; it knows pending, connected, failed, expired): check the connection in the Outlit web app, then run Get Connection Status again.',
			httpCode: '200',
		});
	});

	test('a connected session\'s item has exactly its facts: no empty error key', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const started = await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
		const r = await run({ operation: 'waitForConnection', sessionId: started.items[0].json.sessionId, ...FAST });
		expect(Object.keys(r.items[0].json).sort()).toEqual(['polls', 'provider', 'sessionId', 'status', 'waitedMs']);
	});

	test('REST: a Session ID given as a number (from an expression) is sent as text', async () => {
		await run({ operation: 'getConnectionStatus', sessionId: '={{ 12345 }}' }, { credentials: { api: 'rest' } });
		expect(env.sandbox.requests.map((q) => q.query)).toEqual([{ sessionId: '12345' }]);
	});

	test('on the gateway, a failed session with Continue on Unsuccessful asks Outlit nothing more', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 200, body: { provider: 'hubspot', status: 'failed' } });
		const r = await run(
			{ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, ...FAST, options: { continueOnUnsuccessful: true } },
			{ credentials: { api: 'tools' } },
		);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', status: 'failed', polls: 1 });
		expect(env.sandbox.requests.map((q) => q.body.tool)).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration', 'outlit_get_integration_setup_status']);
	});
});

describe('Run Setup Step and provider fields at their edges', () => {
	test('a provider with no post-connect step on either contract says so, whatever step is asked', async () => {
		const r = await run({ operation: 'runSetupStep', provider: 'gong', step: 'webhooks' });
		expect([r.error.message, r.error.description]).toEqual([
			'Gong has no "webhooks" setup step: it has no post-connect steps, so it needs no Run Setup Step.',
			'Gong has no post-connect steps.',
		]);
	});

	test('a field that is only spaces is left out, not sent empty (Granola\'s optional scope)', async () => {
		const r = await run(
			{ operation: 'connect', provider: 'granola', connectionMethod: 'direct', secretSource: 'fields', apiKey: 'gr_key_1', authScope: '={{ "   " }}', enterpriseKeyAcknowledged: false },
			{ credentials: { api: 'tools' } },
		);
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => q.body.input)).toEqual([{ provider: 'granola' }, { provider: 'granola', credentials: { apiKey: 'gr_key_1', enterpriseKeyAcknowledged: false } }]);
	});
});
