'use strict';
/**
 * Behaviours a planted bug once slipped past: each test here names the bug it catches. Through
 * n8n's real engine against the sandbox, on the REST routes unless a test says otherwise.
 */
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');
const { createHarness } = require('@repo/devkit/harness');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');

const env = outlitEnvironment({ connected: ['google-mail', 'stripe', 'hubspot'] }, { api: 'rest' });

describe('the gmail alias reaches Outlit as google-mail on every operation that takes a provider', () => {
	test.each([
		['getCapabilities', {}, 'GET', 'query'],
		['getSyncStatus', {}, 'GET', 'query'],
		['disconnect', {}, 'POST', 'body'],
		['connect', { connectionMethod: 'browser' }, 'POST', 'body'],
		['runSetupStep', { step: 'custom', customStep: 'backfill' }, 'POST', 'body'],
	])('%s', async (operation, extra, method, where) => {
		const r = await env.run({ operation, provider: '={{ "GMAIL" }}', ...extra });
		expect(r.error).toBeUndefined();
		const sent = env.sandbox.requests.at(-1);
		expect(sent.method).toBe(method);
		expect(sent[where].provider).toBe('google-mail');
	});

	test('on the gateway too', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "gmail" }}' }, { credentials: { api: 'tools' } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.at(-1).body.input).toEqual({ provider: 'google-mail' });
	});
});

describe('a trailing slash on the Base URL changes nothing', () => {
	const slash = () => ({ credentials: { baseUrl: `${env.sandbox.url}///` } });
	test.each([
		['getAll', {}],
		['getCapabilities', { provider: 'all' }],
		['connect', { provider: 'slack', connectionMethod: 'browser' }],
		['getSyncStatus', { provider: 'stripe' }],
		['disconnect', { provider: 'stripe' }],
		['runSetupStep', { provider: 'stripe', step: 'webhooks', secretSource: 'fields' }],
	])('%s', async (operation, params) => {
		const r = await env.run({ operation, ...params }, slash());
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.every((q) => q.path.startsWith('/api/') && !q.path.includes('//'))).toBe(true);
	});

	test('the wait, on both APIs', async () => {
		for (const api of ['rest', 'tools']) {
			env.sandbox.reset({ autoCompleteAfterPolls: 1 });
			const r = await env.run(
				{ operation: 'connect', provider: 'slack', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout: 5 },
				{ credentials: { baseUrl: `${env.sandbox.url}/`, api } },
			);
			expect(r.error).toBeUndefined();
			expect(r.items[0].json.status).not.toBe('pending');
		}
	});

	test('the trigger', async () => {
		const h = createHarness({ nodes: [OutlitTrigger], credentials: [OutlitApi] });
		for (const api of ['rest', 'tools']) {
			const t = h.pollTrigger({ type: 'outlitTrigger', parameters: { events: ['syncFailed'] }, credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: `${env.sandbox.url}//`, api } } });
			const r = await t.poll();
			expect(r.error).toBeUndefined();
		}
	});
});

describe('the wait honours every way Outlit says when to retry, and its deadline', () => {
	const newSession = async () => {
		const r = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
		env.sandbox.clearRequests();
		return r.items[0].json.sessionId;
	};

	test('Retry-After as an HTTP date', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 0 });
		const sessionId = await newSession();
		const when = new Date(Date.now() + 2000);
		env.sandbox.injectFault({ path: '/api/integrations/connect/status', status: 429, headers: { 'Retry-After': when.toUTCString() } });
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 10 });
		expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
		const polls = env.sandbox.requests.map((q) => Date.parse(q.at));
		// An HTTP date has second precision: the second poll is no earlier than that second.
		expect(polls[1]).toBeGreaterThanOrEqual(Math.floor(when.getTime() / 1000) * 1000 - 50);
	});

	test('the last pause never overshoots the deadline: the wait returns by deadline + one round trip', async () => {
		env.sandbox.reset();
		const sessionId = await newSession();
		const started = Date.now();
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.4, timeout: 1, options: { continueOnUnsuccessful: true } });
		const elapsed = Date.now() - started;
		expect(r.items[0].json).toMatchObject({ status: 'pending', timedOut: true });
		expect(r.items[0].json.waitedMs).toBeGreaterThanOrEqual(1000);
		// With a 400 ms interval, polls at 0, 400, 800 and the last at 1000 ms: an overshoot would end at 1200.
		expect(r.items[0].json.waitedMs).toBeLessThan(1150);
		expect(elapsed).toBeLessThan(1000 + 1000); // engine overhead, never another interval
	});

	test('nothing is polled after the terminal state, watched for a while after the node returns', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const sessionId = await newSession();
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 5 });
		expect(r.items[0].json.status).toBe('connected');
		const polls = env.sandbox.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(env.sandbox.requests).toHaveLength(polls);
	});
});

describe('an unknown session, whatever Outlit answers (the docs are silent)', () => {
	test.each([
		['404', 'rest', 'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.'],
		// A 400 can only be about the Session ID, the one thing sent: the advice is about it, not a provider or config.
		['400', 'rest', 'Outlit rejected the request: Invalid request (sessionId: Invalid session). Check "Session ID": use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.'],
		['404', 'tools', 'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect. Outlit request ID: REQ.'],
		['400', 'tools', 'Outlit rejected the request: Unknown setup session. Check "Session ID": use the sessionId that Connect (Browser Session) returned, or start a new session with Connect. Outlit request ID: REQ.'],
	])('answered %s on %s: a readable error, and the wait stops at once', async (answer, api, message) => {
		env.sandbox.reset({ unknownSession: answer });
		const sessionId = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 5 }, { credentials: { api } });
		// The gateway's answers carry a request ID, which the message ends with.
		expect(r.error.message).toBe(message.replace('REQ', r.error.errorResponse.requestId));
		expect(env.sandbox.requests).toHaveLength(1);
	});

	test('a 400 that names a field other than the Session ID keeps the general advice', async () => {
		const sessionId = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
		env.sandbox.injectFault({
			method: 'GET',
			path: '/api/integrations/connect/status',
			status: 400,
			body: { error: 'Invalid request', details: [{ path: ['workspace'], message: 'Required' }] },
		});
		const r = await env.run({ operation: 'getConnectionStatus', sessionId }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (workspace: Required). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
	});

	test.each([
		['rest', { method: 'GET', path: '/api/integrations/connect/status', status: 400, body: {} }, 'invalid request'],
		['tools', { path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 400, body: { code: 'INVALID_TOOL_INPUT', retryable: false } }, 'invalid input'],
	])('%s: a 400 without Outlit\'s words still says to check the Session ID', async (api, fault, words) => {
		env.sandbox.injectFault(fault);
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a' }, { credentials: { api } });
		expect(r.error.message).toBe(
			`Outlit rejected the request: ${words}. Check "Session ID": use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.`,
		);
	});

	test('answered "expired" on the gateway: the wait ends as expired', async () => {
		env.sandbox.reset({ unknownSession: 'expired' });
		const r = await env.run(
			{ operation: 'waitForConnection', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', pollInterval: 0.05, timeout: 5, options: { continueOnUnsuccessful: true } },
			{ credentials: { api: 'tools' } },
		);
		expect(r.items[0].json).toMatchObject({ status: 'expired', provider: null, polls: 1 });
	});
});

describe('secrets never reach an error', () => {
	test('a secret in Additional Config, with a request that fails', async () => {
		env.sandbox.injectFault({ path: '/api/integrations/connect', status: 400, body: { error: 'Invalid request', details: [{ path: ['config', 'apiKey'], message: 'Invalid' }] } });
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ apiKey: CANARY.stripeKey }) });
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (config.apiKey: Invalid). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
		expect(leakedCanaries({ error: r.error, items: r.items, node: r.error.node })).toEqual([]);
	});

	test('a secret in Additional Config, with a parameter error before any request', async () => {
		const r = await env.run({ operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ apiKey: CANARY.posthogKey, region: 'apac', projectId: '1' }) });
		expect(r.error.message).toBe('PostHog Region must be one of us, eu: change parameter "Region" (or region in Additional Config (JSON)).');
		expect(leakedCanaries({ error: r.error, node: r.error.node })).toEqual([]);
	});

	test('a secret in Additional Config that is not valid JSON: the error\'s node copy is masked', async () => {
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey, additionalConfig: `{"webhookSecret": "${CANARY.webhookSecret}"` });
		expect(r.error.message).toBe('Parameter "Additional Config (JSON)" is not valid JSON: enter a JSON object such as {"key": "value"}, or leave it empty.');
		expect(r.error.node.parameters).toMatchObject({ apiKey: '[redacted]', additionalConfig: '[redacted]' });
		expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
	});

	test('a Base URL carrying the key is refused without echoing it', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { baseUrl: `ftp://${CANARY.apiKey}@example.test` } });
		expect(r.error.message).toBe("The Base URL in the Outlit API credential is not a valid http(s) URL: set it to https://app.outlit.ai or your proxy's URL.");
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	// A user name or password in Base URL is refused before any request (n8n would send them instead of the key).
	test('a Base URL with the key as its password is refused without echoing it', async () => {
		const r = await env.run({ operation: 'getAll', options: { maxRetryWait: 1 } }, { credentials: { baseUrl: `http://u:${CANARY.apiKey}@127.0.0.1:9` } });
		expect(r.error.message).toBe(
			"The Base URL in the Outlit API credential has a user name or password, which would be sent instead of the API key: set it to https://app.outlit.ai or your proxy's URL without them.",
		);
		expect(leakedCanaries(r.error)).toEqual([]);
	});
});
