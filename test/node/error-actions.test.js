'use strict';
/**
 * Words a person and an AI agent can act on. n8n hands an AI agent only an error's message (the
 * description is dropped), and n8n's log of a failed run prints the message. So, through n8n's real
 * engine against the sandbox, one error of each family says by itself what happened, what to do
 * (which credential field or parameter to change, what to use instead, when to try again) and, where
 * Outlit's answer has one, its request ID:
 * parameters, REST 4xx and 5xx, the gateway's envelope, no answer (refused, timeout, proxy), the wait
 * (timeout, failed session, cancel), Outlit's answers the node cannot use, and the trigger's polls.
 *
 * Each case gives the whole message and, apart, the words that say what to do: both literals.
 */
const http = require('node:http');
const https = require('node:https');
const { TLS_KEY, TLS_CERT } = require('@repo/devkit/support/self-signed-tls');
const { createHarness } = require('@repo/devkit/harness');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { outlitEnvironment, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe', 'hubspot'] });

/** The message says what to do, in these words, and is exactly this. */
function expectAction(message, expected, action) {
	expect(expected).toContain(action);
	expect(message).toBe(expected);
}

describe('parameters: the parameter, its value, and what to set', () => {
	test.each([
		[
			'Get Many (1.1), Limit 0',
			{ operation: 'getAll', returnAll: false, limit: 0, simplify: true },
			{},
			'Parameter "Limit" is 0, but it must be a whole number of at least 1: set it to 1 or more, or turn on Return All.',
			'set it to 1 or more, or turn on Return All',
		],
		[
			'Wait for Connection, Timeout above the hour of a 1.1 node',
			{ operation: 'waitForConnection', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', pollInterval: 1, timeout: 7200 },
			{},
			"Parameter \"Timeout\" is 7200, but it must be a number of seconds above 0 and at most 3600: set it in that range. For longer waits, let the Outlit Trigger's Integration Connected event continue the workflow, or loop Get Connection Status with n8n's Wait node.",
			'set it in that range',
		],
		[
			'Run Setup Step, Setup Config that is a list',
			{ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '[1]' },
			{},
			'Parameter "Setup Config (JSON)" must be a JSON object, not an array: wrap the values in {...}, or leave it empty.',
			'wrap the values in {...}, or leave it empty',
		],
		[
			'Run Setup Step, a step the provider does not have',
			{ operation: 'runSetupStep', provider: 'stripe', step: 'mappings' },
			{},
			'Stripe has no "mappings" setup step: set "Step" to one of its steps (webhooks).',
			'set "Step" to one of its steps (webhooks)',
		],
		[
			'Connect (Direct), a field missing in the Outlit Provider Credentials',
			{ operation: 'connect', provider: 'posthog', connectionMethod: 'direct' },
			{ providerCredential: { provider: 'posthog', apiKey: CANARY.credPosthogKey, region: 'us' } },
			'PostHog needs Project ID: open the Outlit Provider Credentials "outlitProviderApi (harness)" and fill in "Project ID".',
			'open the Outlit Provider Credentials "outlitProviderApi (harness)" and fill in "Project ID"',
		],
		[
			'Run Setup Step (webhooks), a provider the Outlit Provider Credentials cannot hold',
			{ operation: 'runSetupStep', provider: '={{ "acme-crm" }}', step: 'webhooks' },
			{ providerCredential: { provider: 'stripe', apiKey: CANARY.credStripeKey } },
			'Outlit Provider Credentials cannot hold the keys of "acme-crm": set "Provider Secrets" to Fields / Expression and put the keys in Setup Config (JSON).',
			'set "Provider Secrets" to Fields / Expression and put the keys in Setup Config (JSON)',
		],
		[
			'the Outlit API credential, a key that is not a Platform API key',
			{ operation: 'getAll' },
			{ credentials: { apiKey: 'sk_live_not_outlit' } },
			'The Outlit API key must start with "ok_": put a Platform API key from Outlit (Settings → API keys) into "API Key" in the Outlit API credential.',
			'put a Platform API key from Outlit (Settings → API keys) into "API Key" in the Outlit API credential',
		],
		[
			'a step whose name holds a system error code keeps the node\'s words',
			{ operation: 'runSetupStep', provider: 'stripe', step: '={{ "eperm" }}', customStep: 'unused' },
			{},
			'Stripe has no "eperm" setup step: set "Step" to one of its steps (webhooks).',
			'set "Step" to one of its steps (webhooks)',
		],
		[
			'Connect, a Connection Method from an expression that is neither',
			{ operation: 'connect', provider: 'stripe', connectionMethod: '={{ "api_key" }}' },
			{},
			'Parameter "Connection Method" is "api_key": use browser (Browser Session, a link a person opens) or direct (Direct, with the provider\'s keys).',
			'use browser (Browser Session, a link a person opens) or direct (Direct, with the provider\'s keys)',
		],
		[
			'Get Sync Status, Gong with "API" on the REST routes, which do not have it',
			{ operation: 'getSyncStatus', provider: 'gong' },
			{},
			'Gong is not on Outlit\'s REST routes, so the node cannot reach it with "API" set to REST Routes (Legacy): set "API" in the Outlit API credential to Automatic or Tools Gateway.',
			'set "API" in the Outlit API credential to Automatic or Tools Gateway',
		],
		[
			'Connect, a Connection Method from an expression that is empty',
			{ operation: 'connect', provider: 'stripe', connectionMethod: '={{ "" }}' },
			{},
			'Parameter "Connection Method" is empty: use browser (Browser Session, a link a person opens) or direct (Direct, with the provider\'s keys).',
			'use browser (Browser Session, a link a person opens) or direct (Direct, with the provider\'s keys)',
		],
		[
			'Wait for Connection, a Poll Interval above its hour: the range, with no advice about long waits',
			{ operation: 'waitForConnection', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', pollInterval: 4000, timeout: 60 },
			{},
			'Parameter "Poll Interval" is 4000, but it must be a number of seconds above 0 and at most 3600: set it in that range.',
			'set it in that range',
		],
		[
			'Wait for Connection, a Poll Interval that looks like a key: neither in the message nor in the description',
			{ operation: 'waitForConnection', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', pollInterval: '={{ "sk_live_CANARY_interval" }}', timeout: 60 },
			{},
			'Parameter "Poll Interval" is a value that looks like an API key (not shown), but it must be a number of seconds above 0 and at most 3600: set it in that range.',
			'set it in that range',
		],
	])('%s', async (_name, parameters, options, message, action) => {
		const r = await env.run(parameters, { credentials: { api: 'rest' }, ...options });
		expectAction(r.error.message, message, action);
		expect(r.error.description).not.toContain('CANARY');
		expect(env.sandbox.requests).toEqual([]);
	});

	test.each(['direct', 'Direct', ' DIRECT '])('Connection Method %p from an expression connects with the keys', async (method) => {
		const r = await env.run(
			{ operation: 'connect', provider: 'stripe', connectionMethod: `={{ ${JSON.stringify(method)} }}`, secretSource: 'fields', apiKey: CANARY.stripeKey },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => [q.path, q.body])).toEqual([['/api/integrations/connect', { provider: 'stripe', config: { apiKey: CANARY.stripeKey } }]]);
	});
});

describe('REST answers: what Outlit answered and what to do', () => {
	test.each([
		[
			'404 on Disconnect',
			undefined,
			{ operation: 'disconnect', provider: 'attio' },
			'Attio is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.',
			'check "Provider", or turn on the Ignore Not Connected option',
		],
		[
			'403, the plan\'s connection limit',
			{ method: 'POST', path: '/api/integrations/connect', status: 403, body: { error: 'Connection limit reached', code: 'plan_connection_limit_exceeded', plan: 'starter', limit: 2, currentConnections: 2 } },
			{ operation: 'connect', provider: 'slack', connectionMethod: 'browser' },
			'Your Outlit plan\'s integration connection limit is reached (plan "starter", 2 of 2 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
			'disconnect an integration or upgrade the plan in the Outlit web app, then try again',
		],
		[
			'403, the plan\'s connection limit, without the count in use: the plan alone',
			{ method: 'POST', path: '/api/integrations/connect', status: 403, body: { error: 'Connection limit reached', code: 'plan_connection_limit_exceeded', plan: 'starter', limit: 2 } },
			{ operation: 'connect', provider: 'slack', connectionMethod: 'browser' },
			'Your Outlit plan\'s integration connection limit is reached (plan "starter"): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
			'disconnect an integration or upgrade the plan in the Outlit web app, then try again',
		],
		[
			'429 with Retry-After, longer than Max Retry Wait',
			{ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '90' }, body: { error: 'Rate limit exceeded' } },
			{ operation: 'getAll', options: { maxRetryWait: 5 } },
			'Outlit rate limit reached: try again in 90 s.',
			'try again in 90 s',
		],
		[
			'500',
			{ method: 'GET', path: '/api/integrations/sync-status', status: 500, body: { error: 'Database unavailable' } },
			{ operation: 'getSyncStatus', provider: 'stripe', options: { retryTransientErrors: false } },
			'Outlit had a server error (500: Database unavailable), which is usually temporary: try again in a moment.',
			'try again in a moment',
		],
		[
			'404 on Get Sync Status names the provider',
			{ method: 'GET', path: '/api/integrations/sync-status', status: 404, body: { error: 'Integration not found' } },
			{ operation: 'getSyncStatus', provider: 'stripe' },
			'Outlit could not find Stripe: Integration not found. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.',
			'Check "Provider" (Get Many lists the connected integrations)',
		],
		[
			'a REST answer with a request ID ends with it',
			{ method: 'GET', path: '/api/integrations/sync-status', status: 500, body: { error: 'Database unavailable', requestId: 'req_rest_7' } },
			{ operation: 'getSyncStatus', provider: 'stripe', options: { retryTransientErrors: false } },
			'Outlit had a server error (500: Database unavailable), which is usually temporary: try again in a moment. Outlit request ID: req_rest_7.',
			'try again in a moment',
		],
		[
			'400 with four invalid fields: three named, the count of the rest',
			{
				method: 'POST', path: '/api/integrations/connect', status: 400,
				body: { error: 'Invalid request', details: ['a', 'b', 'c', 'd'].map((k) => ({ path: ['config', k], message: 'Required' })) },
			},
			{ operation: 'connect', provider: 'slack', connectionMethod: 'browser' },
			'Outlit rejected the request: Invalid request (config.a: Required; config.b: Required; config.c: Required; 1 more). Correct those values in the node or in its Outlit Provider Credentials, then run it again.',
			'Correct those values in the node or in its Outlit Provider Credentials',
		],
		[
			'a 200 that is not JSON',
			{ method: 'GET', path: '/api/integrations/capabilities', status: 200, malformed: true },
			{ operation: 'getCapabilities', provider: 'stripe' },
			"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
			"check that the Base URL in the Outlit API credential points at Outlit's API",
		],
	])('%s', async (_name, fault, parameters, message, action) => {
		if (fault) env.sandbox.injectFault(fault);
		const r = await env.run(parameters, { credentials: { api: 'rest' } });
		expectAction(r.error.message, message, action);
	});

	test('with On Error → Continue the error item carries the same words (what an AI agent gets)', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 502, body: { error: 'Bad Gateway' } });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe', options: { retryTransientErrors: false } }, { credentials: { api: 'rest' }, continueOnFail: true });
		expect(r.items.map((i) => [i.json.error, i.json.httpCode])).toEqual([
			['Outlit had a server error (502: Bad Gateway), which is usually temporary: try again in a moment.', '502'],
		]);
	});
});

describe('the gateway\'s envelope: what to do, then Outlit\'s request ID', () => {
	const envelope = (status, body) => ({ path: '/api/tools/call', status, body: { retryable: false, requestId: 'req_act_1', ...body } });

	test.each([
		[
			'429 plan limit until a date',
			envelope(429, { code: 'plan_api_limit_exceeded', message: 'Monthly allowance used', plan: 'free', resetAt: Date.UTC(2031, 0, 1) }),
			{ operation: 'getAll' },
			'Your Outlit plan\'s API limit is reached (plan "free"): try again after 2031-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app. Outlit request ID: req_act_1.',
			'try again after 2031-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app',
		],
		[
			'409 conflict',
			envelope(409, { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'A setup is already running' }),
			{ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' },
			'Outlit reported a conflict: A setup is already running. Check the integration in the Outlit web app (another change may be in progress), then try again. Outlit request ID: req_act_1.',
			'Check the integration in the Outlit web app (another change may be in progress), then try again',
		],
		[
			'400 INVALID_TOOL_INPUT on a field',
			envelope(400, { code: 'INVALID_TOOL_INPUT', message: 'Invalid tool input', details: [{ path: ['credentials', 'apiToken'], message: 'Too short' }] }),
			{ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: CANARY.pylonToken },
			'Outlit rejected the request: Invalid tool input (credentials.apiToken: Too short). Correct that value in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_act_1.',
			'Correct that value in the node or in its Outlit Provider Credentials, then run it again',
		],
		[
			'500, not retried for a write',
			{ ...envelope(500, { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Upstream timeout', retryable: true }), tool: 'outlit_setup_integration' },
			{ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' },
			'Outlit had a server error (500: Upstream timeout), which is usually temporary: try again in a moment. Outlit request ID: req_act_1.',
			'try again in a moment',
		],
	])('%s', async (_name, fault, parameters, message, action) => {
		env.sandbox.injectFault(fault);
		const r = await env.run(parameters, { credentials: { api: 'tools' } });
		expectAction(r.error.message, message, action);
	});

	test('Disconnect with API set to Tools Gateway: where to do it instead', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'stripe' }, { credentials: { api: 'tools' } });
		expectAction(
			r.error.message,
			`Disconnect is not available with "API" set to Tools Gateway: do it in the Outlit web app (${env.sandbox.url}/integrations), or set "API" in the Outlit API credential to Automatic to use Outlit's older API while it answers.`,
			'set "API" in the Outlit API credential to Automatic',
		);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('no answer: the Base URL, the reason in words, and what to change', () => {
	test('refused: check the Base URL in the credential', async () => {
		const r = await env.run({ operation: 'getAll', options: { retryTransientErrors: false } }, { credentials: { api: 'rest', baseUrl: 'http://127.0.0.1:9' } });
		expectAction(
			r.error.message,
			'Could not reach Outlit at http://127.0.0.1:9 (the connection was refused): check the Base URL in the Outlit API credential, then try again.',
			'check the Base URL in the Outlit API credential',
		);
	});

	test('no answer within Request Options → Timeout: raise it', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', delayMs: 1500 });
		const r = await env.run({ operation: 'getAll', requestOptions: { timeout: 150 }, options: { retryTransientErrors: false } }, { credentials: { api: 'rest' } });
		expectAction(
			r.error.message,
			`Could not reach Outlit at ${env.sandbox.url} (no answer within the Timeout of 150 ms): raise Timeout in the node's Request Options, or try again later.`,
			"raise Timeout in the node's Request Options",
		);
	});
});

describe('Automatic at a Base URL where neither API answers (a web page\'s 404 for every path)', () => {
	let page;
	let url;
	beforeAll(async () => {
		page = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
		await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${page.address().port}`;
	});
	afterAll(async () => await new Promise((resolve) => page.close(resolve)));

	test('Get Many, which asks the gateway, then REST: check the Base URL', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'auto', baseUrl: url } });
		expectAction(
			r.error.message,
			`Neither of Outlit's two APIs answered at ${url} (404): check that the Base URL in the Outlit API credential is your Outlit's address.`,
			'check that the Base URL in the Outlit API credential is your Outlit\'s address',
		);
	});

	test('Disconnect, which only REST has: the web app (the gateway was never asked)', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'stripe' }, { credentials: { api: 'auto', baseUrl: url } });
		expectAction(
			r.error.message,
			`Disconnect needs Outlit's older API, which did not answer (404): do it in the Outlit web app (${url}/integrations).`,
			`do it in the Outlit web app (${url}/integrations)`,
		);
	});
});

describe('the wait: why it ended and what to do next', () => {
	const newSession = async (provider) =>
		(await env.run({ operation: 'connect', provider, connectionMethod: 'browser' }, { credentials: { api: 'rest' } })).items[0].json.sessionId;

	test('timed out while the session was pending', async () => {
		const sessionId = await newSession('slack');
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 0.2 }, { credentials: { api: 'rest' } });
		expectAction(
			r.error.message,
			'Timed out after 0.2 s waiting for the Slack connection, still pending: raise "Timeout", or send the connect URL to the person again and wait once more.',
			'raise "Timeout", or send the connect URL to the person again',
		);
	});

	test('the session failed, with Outlit\'s reason', async () => {
		const sessionId = await newSession('attio');
		env.sandbox.failSession(sessionId, 'The user denied access.');
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 5 }, { credentials: { api: 'rest' } });
		expectAction(
			r.error.message,
			'The Attio connection failed (Outlit said: The user denied access): start a new session with Connect (Browser Session) and send the person its connect URL, or turn on "Continue on Unsuccessful" to handle this in the workflow.',
			'start a new session with Connect (Browser Session)',
		);
	});

	test('the execution was stopped while waiting', async () => {
		const sessionId = await newSession('slack');
		const abort = new AbortController();
		setTimeout(() => abort.abort(), 200);
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 1, timeout: 60 }, { credentials: { api: 'rest' }, abortSignal: abort.signal });
		expect(r.status).toBe('canceled');
		expectAction(r.error.message, 'The wait was canceled because the execution was stopped: run the workflow again to go on.', 'run the workflow again');
	});

	test('a Session ID that is not one: where to take it from', async () => {
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: 'sess_1' }, { credentials: { api: 'tools' } });
		expectAction(
			r.error.message,
			'Parameter "Session ID" must be a UUID, e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a: use the sessionId that Connect (Browser Session) returned.',
			'use the sessionId that Connect (Browser Session) returned',
		);
	});
});

describe('the trigger\'s polls: what failed, and what to do', () => {
	const harness = createHarness({ nodes: [OutlitTrigger], credentials: [OutlitApi] });
	const trigger = (credentials) =>
		harness.pollTrigger({
			type: 'outlitTrigger',
			parameters: { events: ['syncFailed'] },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, ...credentials } },
		});

	test('a list the trigger cannot read: the Base URL to check, and that it tries again', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 200, body: { items: [{ id: 42 }] } });
		const r = await trigger({ api: 'rest' }).poll();
		expectAction(
			r.error.message,
			"Outlit returned a malformed integration list: items[0].id is not a provider id. Check that the Base URL in the Outlit API credential points at Outlit's API; the trigger keeps its state and tries again at its next poll.",
			'the trigger keeps its state and tries again at its next poll',
		);
	});

	test('a rate limit on the gateway: when to try again, and the request ID', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', status: 429, headers: { 'Retry-After': '12' }, body: { code: 'TOOL_GATEWAY_ERROR', message: 'Slow down', retryable: true, requestId: 'req_trig' } });
		const r = await trigger({ api: 'tools' }).poll();
		expectAction(r.error.message, 'Outlit rate limit reached: try again in 12 s. Outlit request ID: req_trig.', 'try again in 12 s');
	});

	test('the failing model\'s detail on retired REST routes (Automatic): which API to set', async () => {
		const t = trigger({ api: 'auto' });
		expect((await t.poll()).error).toBeUndefined();
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 410, body: 'Gone' });
		const r = await t.poll();
		expectAction(
			r.error.message,
			`Outlit's REST routes did not answer (410) and may be retired: set "API" in the Outlit API credential to Tools Gateway; Disconnect and webhook setup are then done in the Outlit web app (${env.sandbox.url}/integrations).`,
			'set "API" in the Outlit API credential to Tools Gateway',
		);
	});

	test('a certificate n8n does not trust: the trigger\'s message has no Ignore SSL Issues to point at', async () => {
		const front = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, (_req, res) => res.end('{}'));
		await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
		const url = `https://127.0.0.1:${front.address().port}`;
		try {
			const r = await trigger({ api: 'rest', baseUrl: url }).poll();
			expectAction(
				r.error.message,
				`Outlit's TLS certificate at ${url} was not accepted (DEPTH_ZERO_SELF_SIGNED_CERT): check the Base URL in the Outlit API credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA.`,
				'start n8n with NODE_EXTRA_CA_CERTS set to its CA',
			);
			expect([r.error.httpCode, r.error.errorResponse]).toEqual(['none', { networkError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }]);
		} finally {
			await new Promise((resolve) => front.close(resolve));
		}
	});

	test('no answer: the trigger\'s message has no Request Options to point at', async () => {
		const page = http.createServer((req) => req.socket.destroy());
		await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${page.address().port}`;
		try {
			const r = await trigger({ api: 'rest', baseUrl: url }).poll();
			expectAction(
				r.error.message,
				`Could not reach Outlit at ${url} (the connection was closed): check the Base URL in the Outlit API credential, then try again.`,
				'check the Base URL in the Outlit API credential',
			);
		} finally {
			await new Promise((resolve) => page.close(resolve));
		}
	});
});
