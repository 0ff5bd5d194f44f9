'use strict';
/**
 * Details of Outlit's answers that decide what the node says and does, through n8n's real engine
 * against the sandbox:
 * - the gateway's refusal of an unknown provider read from its words when it sends no `details`
 *   (and words that only look like one);
 * - REST's plan connection limit with the plan, the limit and the count in use, each or both;
 * - a 429 (and a 500) on Get Connection Status over REST, which is no missing session;
 * - a gateway 404 on a tool other than the session status, and other statuses on the session status;
 * - the gateway's 429 with and without a wait;
 * - setup failures whose advice names the provider's fields, and Browser Session's way out;
 * - a browser handoff without a URL, and a provider the catalog does not know on a server that
 *   negotiates setup without describing it.
 * Inputs are the contracts' statuses, codes and bodies; every expectation is a literal (the sandbox's
 * own request IDs, random, by their format).
 */
const { PROVIDERS } = require('../support/providers');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

const TOOLS = { credentials: { api: 'tools' } };
const REST = { credentials: { api: 'rest' } };
const NO_RETRY = { retryTransientErrors: false };
const SESSION = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';

const IDS = `${PROVIDERS.map((p) => p.id).join(', ')} (or gmail, an alias of google-mail)`;
const NOT_A_PROVIDER = `Parameter "Provider" is "acme-crm", which is not an Outlit provider ID. Use one of these 15: ${IDS}.`;
const HOW =
	'In the editor, pick the provider from the Provider list. An expression, or an AI agent filling the parameter with $fromAI(), must give one of these IDs.';
const CHECK_PARAMETERS = "Check the node's parameters (the provider, its fields and any JSON config), then run it again.";

const shown = (error) => ({ name: error.name, message: error.message, description: error.description, httpCode: error.httpCode });
/** The gateway calls the sandbox received, as [tool, input]. */
const toolCalls = () => env.sandbox.requests.map((q) => [q.body.tool, q.body.input]);
const restCalls = (path) => env.sandbox.requests.filter((q) => q.path === path).length;
const gatewayAnswer = (tool, status, body, extra = {}) => ({ path: '/api/tools/call', tool, status, body, ...extra });

describe("the gateway's refusal of an unknown provider, read from its words when it sends no details", () => {
	/** Get Sync Status of a well-formed provider the catalog does not know, on the gateway, with this 400. */
	const refusedWith = async (body) => {
		env.sandbox.injectFault(gatewayAnswer('outlit_get_integration_status', 400, { code: 'INVALID_TOOL_INPUT', retryable: false, requestId: 'req_p', ...body }));
		return await env.run({ operation: 'getSyncStatus', provider: '={{ "acme-crm" }}' }, TOOLS);
	};

	test.each([
		['Invalid tool input at /provider: must be equal to one of the allowed values'],
		['Invalid tool input at /provider'],
		['Unknown provider'],
		['unknown provider "acme-crm"'],
	])('"%s" is the node\'s own unknown-provider refusal, with Outlit\'s words and request ID, after one request', async (words) => {
		const r = await refusedWith({ message: words });
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: `${NOT_A_PROVIDER} Outlit request ID: req_p.`,
			description: `${HOW} Outlit's answer: Outlit rejected the request: ${words}. (Outlit request ID: req_p)`,
			httpCode: '400',
		});
		// The answer's facts stay for n8n's error details.
		expect(r.error.errorResponse).toMatchObject({ statusCode: 400, code: 'INVALID_TOOL_INPUT', requestId: 'req_p' });
		expect(toolCalls()).toEqual([['outlit_get_integration_status', { provider: 'acme-crm' }]]);
	});

	test.each([
		['another field whose name starts with provider', 'Invalid tool input at /providerX: must be string'],
		['a field inside the provider', 'Invalid tool input at /provider/sub: must be string'],
		['"Unknown provider" that does not open the message', 'Invalid tool input at /config: Unknown provider option'],
		['"Unknown providers", another word', 'Unknown providers cannot be listed'],
	])('%s is no provider refusal: Outlit\'s words stay, and what to check', async (_name, words) => {
		const r = await refusedWith({ message: words });
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: `Outlit rejected the request: ${words}. ${CHECK_PARAMETERS} Outlit request ID: req_p.`,
			description: 'Check the node parameters: the provider, the required fields and any JSON config. (Outlit request ID: req_p)',
			httpCode: '400',
		});
		expect(toolCalls()).toHaveLength(1);
	});

	test('details decide over the words: a first invalid field inside the provider is no refusal, even with "Unknown provider"', async () => {
		const r = await refusedWith({ message: 'Unknown provider', details: [{ path: ['provider', 'id'], message: 'Too long' }] });
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: 'Outlit rejected the request: Unknown provider (provider.id: Too long). Correct that value in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_p.',
			description: 'provider.id: Too long (Outlit request ID: req_p)',
			httpCode: '400',
		});
	});

	test('details whose first invalid field is the provider are a refusal, whatever the words', async () => {
		const r = await refusedWith({ message: 'Bad input', details: [{ path: ['provider'], message: 'Invalid enum value' }] });
		expect(r.error.message).toBe(`${NOT_A_PROVIDER} Outlit request ID: req_p.`);
		expect(r.error.description).toBe(`${HOW} Outlit's answer: Outlit rejected the request: Bad input (provider: Invalid enum value). (Outlit request ID: req_p)`);
	});

	test('the sandbox\'s own "Unknown provider" on Get Capabilities: the node\'s refusal, whose list ends with all', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: '={{ "acme-crm" }}' }, TOOLS);
		// The sandbox's request IDs are req_ and 16 hex digits (test/sandbox/gateway.js).
		const [, requestId] = r.error.message.match(/ Outlit request ID: (req_[0-9a-f]{16})\.$/) ?? [];
		expect(r.error.message).toBe(`${NOT_A_PROVIDER.replace(/\)\.$/, '; or all, for every provider).')} Outlit request ID: ${requestId}.`);
		expect(r.error.description).toBe(
			`${HOW} Outlit's answer: Outlit rejected the request: Unknown provider. (Outlit request ID: ${requestId})`,
		);
		expect(toolCalls()).toEqual([['outlit_get_integration_capabilities', { provider: 'acme-crm' }]]);
	});
});

describe("REST's plan connection limit: the plan, and the count in use only when both numbers are there", () => {
	const LIMIT = 'plan_connection_limit_exceeded';
	const connect = async (body) => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 403, body });
		return await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, REST);
	};
	const reached = (facts) =>
		`Your Outlit plan's integration connection limit is reached${facts}: disconnect an integration or upgrade the plan in the Outlit web app, then try again.`;

	test.each([
		['the count in use without the limit', { plan: 'starter', currentConnections: 3 }, ' (plan "starter")', 'Plan "starter" allows ? connected integrations and 3 are in use.'],
		['the limit without the count in use', { limit: 3 }, '', 'Plan "unknown" allows 3 connected integrations and ? are in use.'],
		['the count in use alone', { currentConnections: 4 }, '', 'Plan "unknown" allows ? connected integrations and 4 are in use.'],
		['both numbers and the plan', { plan: 'growth', limit: 5, currentConnections: 5 }, ' (plan "growth", 5 of 5 connections in use)', 'Plan "growth" allows 5 connected integrations and 5 are in use.'],
	])('%s', async (_name, facts, inMessage, description) => {
		const r = await connect({ error: 'Limit reached', code: LIMIT, ...facts });
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: reached(inMessage),
			description: `${description} Disconnect an integration or upgrade the plan, then retry.`,
			httpCode: '403',
		});
		expect(r.error.errorResponse).toEqual({ statusCode: 403, message: 'Limit reached', code: LIMIT, ...facts });
		// A refused write: sent once, no session started.
		expect(restCalls('/api/integrations/connect')).toBe(1);
		expect(env.sandbox.latestSession()).toBeNull();
	});

	test("the sandbox's own answer at the limit names the plan and both numbers", async () => {
		env.sandbox.reset({ connected: ['stripe', 'hubspot'], plan: 'starter', connectionLimit: 2 });
		const r = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, REST);
		expect([r.error.message, r.error.description, r.error.httpCode]).toEqual([
			reached(' (plan "starter", 2 of 2 connections in use)'),
			'Plan "starter" allows 2 connected integrations and 2 are in use. Disconnect an integration or upgrade the plan, then retry.',
			'403',
		]);
		expect(env.sandbox.state().connected.sort()).toEqual(['hubspot', 'stripe']);
	});
});

describe('Get Connection Status over REST: a 429 or a 500 is not a missing session', () => {
	const ROUTE = '/api/integrations/connect/status';
	const status = (options) => env.run({ operation: 'getConnectionStatus', sessionId: SESSION, options }, REST);

	test.each([
		['a 429 without a wait', { status: 429, body: { error: 'Rate limit exceeded' } }, NO_RETRY, {
			message: 'Outlit rate limit reached: try again in a few seconds.',
			description: 'Too many requests. Wait a little and retry, or space requests out with batching.',
			httpCode: '429',
		}],
		['a 429 with Retry-After longer than Max Retry Wait (not waited out)', { status: 429, body: { error: 'Rate limit exceeded' }, headers: { 'Retry-After': '7' } }, { maxRetryWait: 1 }, {
			message: 'Outlit rate limit reached: try again in 7 s.',
			description: 'Too many requests. Retry in 7 s.',
			httpCode: '429',
		}],
		['a 500', { status: 500, body: { error: 'Session store down' } }, NO_RETRY, {
			message: 'Outlit had a server error (500: Session store down), which is usually temporary: try again in a moment.',
			description: 'Outlit said: Session store down. This is usually temporary: retry in a moment.',
			httpCode: '500',
		}],
	])('%s: its own words, after one request', async (_name, answer, options, expected) => {
		env.sandbox.injectFault({ method: 'GET', path: ROUTE, ...answer });
		const r = await status(options);
		expect(shown(r.error)).toEqual({ name: 'NodeApiError', ...expected });
		expect(restCalls(ROUTE)).toBe(1);
	});

	test('a 429 that asks for a second is waited out, and the session\'s status comes back', async () => {
		const connect = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, REST);
		const { sessionId } = connect.items[0].json;
		env.sandbox.clearRequests();
		env.sandbox.injectFault({ method: 'GET', path: ROUTE, status: 429, body: { error: 'Rate limit exceeded' }, headers: { 'Retry-After': '1' } });
		const r = await env.run({ operation: 'getConnectionStatus', sessionId }, REST);
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([expect.objectContaining({ sessionId, status: 'pending', provider: 'slack' })]);
		expect(restCalls(ROUTE)).toBe(2);
	});
});

describe("the gateway's 404 and other statuses: the session words only for a 404 on the session status", () => {
	const envelope = (message, requestId) => ({ code: 'TOOL_IMPLEMENTATION_ERROR', message, retryable: false, requestId });

	test.each([
		['Get Sync Status', { operation: 'getSyncStatus', provider: 'stripe' }, 'outlit_get_integration_status'],
		['Get Capabilities', { operation: 'getCapabilities', provider: 'stripe' }, 'outlit_get_integration_capabilities'],
		['Get Many', { operation: 'getAll' }, 'outlit_get_integration_status'],
	])('a 404 with the envelope on %s is Outlit\'s unexpected answer, sent once', async (_name, params, tool) => {
		env.sandbox.injectFault(gatewayAnswer(tool, 404, envelope('Integration not found', 'req_404')));
		const r = await env.run(params, TOOLS);
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: "Outlit answered 404: Integration not found. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_404.",
			description: `The gateway answered ${tool} with an error the node does not know. (Outlit request ID: req_404)`,
			httpCode: '404',
		});
		expect(toolCalls().map(([t]) => t)).toEqual([tool]);
	});

	test.each([
		['a 500', 500, NO_RETRY, {
			message: 'Outlit had a server error (500: Session store down), which is usually temporary: try again in a moment. Outlit request ID: req_s.',
			description: 'Outlit said: Session store down. This is usually temporary: retry in a moment. (Outlit request ID: req_s)',
			httpCode: '500',
		}],
		['a 418', 418, {}, {
			message: "Outlit answered 418: Session store down. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_s.",
			description: 'The gateway answered outlit_get_integration_setup_status with an error the node does not know. (Outlit request ID: req_s)',
			httpCode: '418',
		}],
	])('%s on Get Connection Status is not a missing session', async (_name, code, options, expected) => {
		env.sandbox.injectFault(gatewayAnswer('outlit_get_integration_setup_status', code, envelope('Session store down', 'req_s')));
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: SESSION, options }, TOOLS);
		expect(shown(r.error)).toEqual({ name: 'NodeApiError', ...expected });
		expect(toolCalls()).toEqual([['outlit_get_integration_setup_status', { sessionId: SESSION }]]);
	});

	test("the sandbox's own 404 on an unknown session: the session words", async () => {
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: SESSION, options: NO_RETRY }, TOOLS);
		expect(r.error.message).toMatch(
			/^Outlit has no connection session with this Session ID: use the sessionId that Connect \(Browser Session\) returned, or start a new session with Connect\. Outlit request ID: req_[0-9a-f]{16}\.$/,
		);
		expect(r.error.httpCode).toBe('404');
	});
});

describe("the gateway's 429: when to retry, or \"Retry later\" when Outlit names no wait", () => {
	const limited = (extra = {}, headers) =>
		gatewayAnswer('outlit_get_integration_status', 429, { code: 'TOOL_GATEWAY_ERROR', message: 'Slow down', retryable: true, requestId: 'req_r', ...extra }, headers ? { headers } : {});

	test.each([
		['no wait', limited(), 'try again in a few seconds', 'Retry later.'],
		['resetAt', limited({ resetAt: Date.UTC(2030, 0, 1) }), 'try again after 2030-01-01T00:00:00.000Z', 'Retry after 2030-01-01T00:00:00.000Z.'],
		['Retry-After', limited({}, { 'Retry-After': '7' }), 'try again in 7 s', 'Retry in 7 s.'],
	])('%s, with retries off: one request, and the error says when', async (_name, fault, when, retry) => {
		env.sandbox.injectFault(fault);
		const r = await env.run({ operation: 'getAll', options: NO_RETRY }, TOOLS);
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: `Outlit rate limit reached: ${when}. Outlit request ID: req_r.`,
			description: `Too many requests. ${retry} (Outlit request ID: req_r)`,
			httpCode: '429',
		});
		expect(toolCalls()).toHaveLength(1);
	});

	test('no wait, with retries on: the read goes again and the list comes back', async () => {
		env.sandbox.injectFault(limited());
		const r = await env.run({ operation: 'getAll' }, TOOLS);
		expect(r.error).toBeUndefined();
		expect(r.items.find((i) => i.json.provider === 'stripe').json.connected).toBe(true);
		expect(toolCalls()).toHaveLength(2);
	});
});

describe('setup failures: the advice names the provider\'s fields from the catalog', () => {
	const web = () => `${env.sandbox.url}/integrations`;
	const byBrowser = (provider) => ({ operation: 'connect', provider, connectionMethod: 'browser' });
	const direct = (provider, fields) => ({ operation: 'connect', provider, connectionMethod: 'direct', secretSource: 'fields', ...fields });
	const POSTHOG = { apiKey: CANARY.posthogKey, region: 'us', projectId: '12345' };
	const MIXPANEL = { username: 'svc.user', secret: 'mp_secret_value', projectId: '12345', region: 'eu' };

	test.each([
		['CREDENTIAL_REJECTED', 'Direct, PostHog (three fields)', direct('posthog', POSTHOG), 'Outlit rejected the PostHog credentials',
			"Check PostHog's fields (API Key, Region, Project ID) in the node's provider fields: a valid, unrevoked key with the access Outlit needs. Then run the node again."],
		['CREDENTIAL_REJECTED', 'Direct, Stripe', direct('stripe', { apiKey: CANARY.stripeKey }), 'Outlit rejected the Stripe credentials',
			"Check Stripe's fields (API Key) in the node's provider fields: a valid, unrevoked key with the access Outlit needs. Then run the node again."],
		['CREDENTIAL_REQUIRED', 'Direct, Mixpanel (four fields)', direct('mixpanel', MIXPANEL), 'Mixpanel needs credentials before Outlit can connect it',
			"Fill in every field Outlit needs (Service Account Username, Service Account Secret, Project ID, Region) in the node's provider fields, then run the node again."],
		['CREDENTIAL_REQUIRED', 'Browser Session, Stripe (it has fields)', byBrowser('stripe'), 'Stripe needs credentials before Outlit can connect it',
			"Set Connection Method to Direct and give the node Stripe's fields (API Key) in an Outlit Provider Credentials credential."],
		['CREDENTIAL_REQUIRED', 'Browser Session, Slack (no fields)', byBrowser('slack'), 'Slack needs credentials before Outlit can connect it',
			'Connect Slack in the Outlit web app (WEB_APP), where Outlit asks for what it needs.'],
		['HANDOFF_UNAVAILABLE', 'Browser Session, Stripe (it has fields)', byBrowser('stripe'), 'Outlit cannot start a browser handoff for Stripe right now',
			'Try again later, or connect Stripe in the Outlit web app (WEB_APP), or set Connection Method to Direct.'],
		['HANDOFF_UNAVAILABLE', 'Direct, Stripe (already Direct)', direct('stripe', { apiKey: CANARY.stripeKey }), 'Outlit cannot start a browser handoff for Stripe right now',
			'Try again later, or connect Stripe in the Outlit web app (WEB_APP).'],
		['HANDOFF_UNAVAILABLE', 'Direct, PostHog (already Direct)', direct('posthog', POSTHOG), 'Outlit cannot start a browser handoff for PostHog right now',
			'Try again later, or connect PostHog in the Outlit web app (WEB_APP).'],
		['HANDOFF_UNAVAILABLE', 'Browser Session, Slack (no fields)', byBrowser('slack'), 'Outlit cannot start a browser handoff for Slack right now',
			'Try again later, or connect Slack in the Outlit web app (WEB_APP).'],
	])('%s on %s', async (code, _state, params, what, advice) => {
		env.sandbox.reset();
		env.sandbox.setSetupError(params.provider, { code, message: 'Outlit says so.', retryable: false });
		const r = await env.run(params, { ...TOOLS, continueOnFail: true });
		const expected = advice.replace('WEB_APP', web());
		expect(r.items.map((i) => i.json)).toEqual([{ error: `${what}: Outlit says so. ${expected}`, description: expected, httpCode: '200', code }]);
		// One negotiation, one setup: a failure inside a 200 is never sent again.
		expect(toolCalls().map(([tool]) => tool)).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test('HANDOFF_UNAVAILABLE on a setup step: no connection method to change', async () => {
		env.sandbox.reset({ connected: ['hubspot'] });
		env.sandbox.setSetupError('hubspot', { code: 'HANDOFF_UNAVAILABLE', message: 'Not now', retryable: false });
		const r = await env.run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' }, { ...TOOLS, continueOnFail: true });
		expect(r.items.map((i) => i.json.error)).toEqual([
			`Outlit cannot start a browser handoff for HubSpot right now: Not now. Try again later, or connect HubSpot in the Outlit web app (${web()}).`,
		]);
	});
});

describe('a browser handoff without a connect URL', () => {
	test('is an error naming the missing URL as null, and the node neither outputs nor waits on the session', async () => {
		env.sandbox.injectFault(
			gatewayAnswer('outlit_setup_integration', 200, {
				provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'awaiting_auth', error: null,
				next: { kind: 'browser_handoff', purpose: 'authentication', sessionId: SESSION, expiresAt: null },
			}),
		);
		const r = await env.run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout: 5 }, TOOLS);
		expect(shown(r.error)).toEqual({
			name: 'NodeApiError',
			message: `Outlit answered the HubSpot setup with a browser handoff without a connect URL (null), so the node cannot continue: run it again, or set HubSpot up in the Outlit web app (${env.sandbox.url}/integrations)`,
			description: 'The answer is not one Outlit documents for this step; nothing was output as a success.',
			httpCode: '200',
		});
		expect(toolCalls().map(([tool]) => tool)).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});
});

describe('a provider the catalog does not know, on a server that negotiates setup without describing it', () => {
	const ACME = { provider: 'acme-crm', name: 'Acme CRM', category: 'crm' };
	const negotiatesWithoutIt = () =>
		env.sandbox.injectFault(gatewayAnswer('outlit_get_integration_capabilities', 200, { providers: [], preferredSetupVersion: 1 }));

	test('Direct: Additional Config goes out as its credentials, and Outlit\'s answer is the item', async () => {
		negotiatesWithoutIt();
		env.sandbox.injectFault(gatewayAnswer('outlit_setup_integration', 200, { ...ACME, status: 'ready', next: null, error: null }));
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"apiKey": "acme_key_1", "region": "eu"}' },
			TOOLS,
		);
		expect(r.error).toBeUndefined();
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'acme-crm' }],
			['outlit_setup_integration', { provider: 'acme-crm', credentials: { apiKey: 'acme_key_1', region: 'eu' } }],
		]);
		expect(r.items.map((i) => i.json)).toEqual([{ ...ACME, status: 'ready', connected: true }]);
	});

	test('Browser Session: the provider alone is sent, Additional Config stays home, and the handoff is the item', async () => {
		negotiatesWithoutIt();
		const url = `${env.sandbox.url}/connect/${SESSION}`;
		env.sandbox.injectFault(
			gatewayAnswer('outlit_setup_integration', 200, {
				...ACME, status: 'awaiting_auth', error: null,
				next: { kind: 'browser_handoff', purpose: 'authentication', url, sessionId: SESSION, expiresAt: null },
			}),
		);
		const r = await env.run({ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'browser', additionalConfig: '{"apiKey": "acme_key_1"}' }, TOOLS);
		expect(r.error).toBeUndefined();
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'acme-crm' }],
			['outlit_setup_integration', { provider: 'acme-crm' }],
		]);
		expect(r.items[0].json).toMatchObject({ ...ACME, status: 'awaiting_auth', connected: false, sessionId: SESSION, connectUrl: url, purpose: 'authentication' });
		expect(JSON.stringify(env.sandbox.requests)).not.toContain('acme_key_1');
	});

	test('a setup failure for it names no fields: the catalog has none to name', async () => {
		negotiatesWithoutIt();
		env.sandbox.injectFault(
			gatewayAnswer('outlit_setup_integration', 200, { ...ACME, status: 'not_connected', next: null, error: { code: 'CREDENTIAL_REJECTED', message: 'Key revoked', retryable: false } }),
		);
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"apiKey": "acme_key_1"}' },
			{ ...TOOLS, continueOnFail: true },
		);
		const advice = "Check acme-crm's fields in the node's provider fields: a valid, unrevoked key with the access Outlit needs. Then run the node again.";
		expect(r.items.map((i) => i.json)).toEqual([
			{ error: `Outlit rejected the acme-crm credentials: Key revoked. ${advice}`, description: advice, httpCode: '200', code: 'CREDENTIAL_REJECTED' },
		]);
	});
});
