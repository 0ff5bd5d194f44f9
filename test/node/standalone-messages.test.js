'use strict';
/**
 * Messages that stand alone. n8n hands an AI agent a failing tool's error as `[{"error": <message>}]`
 * (the description is dropped), and `n8n execute` prints only the message. So, through n8n's real
 * engine against the sandbox:
 * - a provider the node refuses names the parameter, the value and the 15 valid IDs, and sends nothing;
 * - a well-formed provider Outlit refuses as unknown (REST 400, gateway INVALID_TOOL_INPUT whose first
 *   invalid field is `provider`) gets the very same message, after exactly the one request it took
 *   (on the gateway followed by Outlit's request ID);
 * - a rejected API key (401 / 403 on either API) carries the remedy, and Outlit's request ID where the
 *   answer has one (only the gateway's envelope does: `requestId`), never the key.
 * Every expected text is a literal.
 */
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

const IDS =
	'salesforce, hubspot, attio, slack, google-calendar, google-mail, granola, gong, fireflies, pylon, stripe, mixpanel, posthog, supabase, clerk (or gmail, an alias of google-mail)';
const notAProvider = (shown) => `Parameter "Provider" is ${shown}, which is not an Outlit provider ID. Use one of these 15: ${IDS}.`;
const HOW =
	'In the editor, pick the provider from the Provider list. An expression, or an AI agent filling the parameter with $fromAI(), must give one of these IDs.';
const REST_ENUM =
	"Outlit's answer: Outlit rejected the request: Invalid request (provider: Invalid enum value. Expected one of: hubspot, attio, slack, fireflies, granola, google-calendar, google-mail, posthog, stripe, supabase, clerk, pylon).";
const KEY_REJECTED =
	'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential.';
const KEY_DESCRIPTION =
	'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit that issued it: check Base URL in the same credential.';
const GRANT_MISSING =
	'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential.';

/** What the sandbox received, without headers. */
const received = () => env.sandbox.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
const toolCall = (tool, input) => ({ method: 'POST', path: '/api/tools/call', query: {}, body: { tool, input } });

describe('a provider the node refuses: parameter, value and the valid IDs in the message, no request', () => {
	test.each([
		['getSyncStatus', {}],
		['disconnect', {}],
		['connect', { connectionMethod: 'browser' }],
		['runSetupStep', { step: 'mappings', setupConfig: '' }],
	])('%s', async (operation, params) => {
		const r = await env.run({ operation, provider: '={{ "Sales Force" }}', ...params }, { credentials: { api: 'auto' } });
		expect([r.error.message, r.error.description]).toEqual([notAProvider('"Sales Force"'), HOW]);
		expect(env.sandbox.requests).toEqual([]);
	});

	test('getCapabilities: the list ends with all, which only it takes', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: '={{ "Sales Force" }}' }, { credentials: { api: 'auto' } });
		expect(r.error.message).toBe(
			`Parameter "Provider" is "Sales Force", which is not an Outlit provider ID. Use one of these 15: ${IDS.replace(/\)$/, '; or all, for every provider)')}.`,
		);
		expect(env.sandbox.requests).toEqual([]);
	});

	test.each([
		['empty', '={{ "" }}', 'Parameter "Provider" is empty. Use one of these 15 Outlit provider IDs: ' + IDS + '.'],
		['a list', '={{ ["stripe"] }}', notAProvider('a list')],
		['an object', '={{ { id: "stripe" } }}', notAProvider('an object')],
		['long text, cut short', `={{ "${'x '.repeat(40)}" }}`, notAProvider(`"${'x '.repeat(30)}…"`)],
	])('%s', async (_name, provider, message) => {
		const r = await env.run({ operation: 'getSyncStatus', provider });
		expect(r.error.message).toBe(message);
		expect(env.sandbox.requests).toEqual([]);
	});

	test('a value that looks like a key is never repeated', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: `={{ "${CANARY.stripeKey} " + "!" }}` });
		expect(r.error.message).toBe(notAProvider('a value that looks like an API key (not shown)'));
		expect(leakedCanaries([r.error.message, r.error.description])).toEqual([]);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('a well-formed provider Outlit refuses as unknown gets the same message', () => {
	test('REST routes: one request, then the node\'s message, Outlit\'s answer in the description', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ " Salesforc " }}' }, { credentials: { api: 'rest' } });
		expect(received()).toEqual([{ method: 'GET', path: '/api/integrations/sync-status', query: { provider: 'salesforc' }, body: undefined }]);
		expect(r.error.message).toBe(notAProvider('"Salesforc"'));
		expect(r.error.description).toBe(`${HOW} ${REST_ENUM}`);
		expect(r.error.httpCode).toBe('400');
	});

	test('the same message as for a value the node refuses itself', async () => {
		const outlit = await env.run({ operation: 'disconnect', provider: '={{ "salesforc" }}' }, { credentials: { api: 'rest' } });
		expect(received()).toEqual([{ method: 'POST', path: '/api/integrations/disconnect', query: {}, body: { provider: 'salesforc' } }]);
		env.sandbox.clearRequests();
		const node = await env.run({ operation: 'disconnect', provider: '={{ "salesforc!" }}' }, { credentials: { api: 'rest' } });
		expect(env.sandbox.requests).toEqual([]);
		expect(outlit.error.message).toBe(notAProvider('"salesforc"'));
		expect(node.error.message).toBe(notAProvider('"salesforc!"'));
	});

	test('tools gateway, INVALID_TOOL_INPUT at /provider: the message, and the request ID in the description', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "salesforc" }}' }, { credentials: { api: 'tools' } });
		expect(received()).toEqual([toolCall('outlit_get_integration_status', { provider: 'salesforc' })]);
		const { requestId } = r.error.errorResponse;
		expect(requestId).toMatch(/^req_[0-9a-f]{16}$/);
		expect(r.error.message).toBe(`${notAProvider('"salesforc"')} Outlit request ID: ${requestId}.`);
		expect(r.error.description).toBe(
			`${HOW} Outlit's answer: Outlit rejected the request: Invalid tool input at /provider: must be equal to one of the allowed values. (Outlit request ID: ${requestId})`,
		);
	});

	test('tools gateway, "Unknown provider" (Automatic; Connect asks for capabilities first)', async () => {
		const r = await env.run({ operation: 'connect', provider: '={{ "salesforc" }}', connectionMethod: 'browser' }, { credentials: { api: 'auto' } });
		expect(received()).toEqual([toolCall('outlit_get_integration_capabilities', { provider: 'salesforc' })]);
		expect(r.error.message).toBe(`${notAProvider('"salesforc"')} Outlit request ID: ${r.error.errorResponse.requestId}.`);
		expect(r.error.description).toBe(
			`${HOW} Outlit's answer: Outlit rejected the request: Unknown provider. (Outlit request ID: ${r.error.errorResponse.requestId})`,
		);
	});

	test('with Continue On Fail the item keeps the status, code and request ID, paired to its input', async () => {
		const input = [{ json: { p: 'stripe' } }, { json: { p: 'salesforc' } }];
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { credentials: { api: 'tools' }, input, continueOnFail: true });
		const failed = r.items[1];
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(failed.json).toEqual({
			error: `${notAProvider('"salesforc"')} Outlit request ID: ${failed.json.requestId}.`,
			description: expect.stringContaining(HOW),
			httpCode: '400',
			code: 'INVALID_TOOL_INPUT',
			requestId: expect.stringMatching(/^req_[0-9a-f]{16}$/),
		});
		expect(r.items[0].json.provider).toBe('stripe');
	});

	test('Get Capabilities: a well-formed ID Outlit refuses gets the list with all, as the node\'s own refusal does', async () => {
		const r = await env.run({ operation: 'getCapabilities', provider: '={{ "salesforc" }}' }, { credentials: { api: 'rest' } });
		expect(received()).toEqual([{ method: 'GET', path: '/api/integrations/capabilities', query: { provider: 'salesforc' }, body: undefined }]);
		expect(r.error.message).toBe(
			`Parameter "Provider" is "salesforc", which is not an Outlit provider ID. Use one of these 15: ${IDS.replace(/\)$/, '; or all, for every provider)')}.`,
		);
	});

	test('a provider the catalog knows, refused by Outlit as unknown, keeps Outlit\'s words (the node cannot vouch for its list)', async () => {
		env.sandbox.injectFault({
			method: 'GET', path: '/api/integrations/sync-status', status: 400,
			body: { error: 'Invalid request', details: [{ path: ['provider'], message: 'Invalid enum value' }] },
		});
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (provider: Invalid enum value). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
	});

	test.each(['ok_abc123', 'sk_live_abc123', 'phx_abc123'])('a key-like value %s is neither sent nor repeated', async (key) => {
		const r = await env.run({ operation: 'getSyncStatus', provider: `={{ "${key}" }}` }, { credentials: { api: 'rest' } });
		expect(received()).toEqual([]);
		expect(r.error.message).toBe(notAProvider('a value that looks like an API key (not shown)'));
		expect(JSON.stringify([r.error.message, r.error.description])).not.toContain(key);
	});

	test('a 400 whose first invalid field is not the provider keeps Outlit\'s words', async () => {
		env.sandbox.injectFault({
			method: 'GET', path: '/api/integrations/sync-status', status: 400,
			body: { error: 'Invalid request', details: [{ path: ['connectedOnly'], message: 'Expected boolean' }, { path: ['provider'], message: 'Invalid enum value' }] },
		});
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "salesforc" }}' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (connectedOnly: Expected boolean; provider: Invalid enum value). Correct those values in the node or in its Outlit Provider Credentials, then run it again.',
		);
	});
});

describe("a provider Outlit's REST routes do not have (Salesforce, Gong, Mixpanel) is never sent to them", () => {
	const SWITCH_API = (name) =>
		`${name} is not on Outlit's REST routes, so the node cannot reach it with "API" set to REST Routes (Legacy): set "API" in the Outlit API credential to Automatic or Tools Gateway.`;

	test.each([
		['Get Sync Status', { operation: 'getSyncStatus', provider: 'gong' }, 'Gong'],
		['Get Capabilities', { operation: 'getCapabilities', provider: 'gong' }, 'Gong'],
		['Connect', { operation: 'connect', provider: 'salesforce', connectionMethod: 'browser' }, 'Salesforce'],
	])('API on REST: %s says to switch the API setting, with no request', async (_name, params, name) => {
		const r = await env.run(params, { credentials: { api: 'rest' } });
		expect(received()).toEqual([]);
		expect(r.error.message).toBe(SWITCH_API(name));
	});

	test('Automatic: Run Setup Step (mappings) for Salesforce goes to the gateway only', async () => {
		env.sandbox.reset({ connected: ['salesforce'] });
		const r = await env.run({ operation: 'runSetupStep', provider: 'salesforce', step: 'mappings' }, { credentials: { api: 'auto' } });
		expect(r.error).toBeUndefined();
		expect(received().map((q) => [q.path, q.body?.tool])).toEqual([
			['/api/tools/call', 'outlit_get_integration_capabilities'],
			['/api/tools/call', 'outlit_setup_integration'],
		]);
	});

	test.each(['auto', 'rest', 'tools'])('API %s: a custom step for Salesforce points to the web app, with no request', async (api) => {
		const r = await env.run({ operation: 'runSetupStep', provider: 'salesforce', step: 'custom', customStep: 'backfill' }, { credentials: { api } });
		expect(received()).toEqual([]);
		expect(r.error.message).toBe(
			api === 'tools'
				? `The "backfill" setup step for Salesforce is only possible in the Outlit web app (${env.sandbox.url}/integrations): neither of Outlit's APIs offers it.`
				: `Salesforce's "backfill" step can only be run in the Outlit web app (${env.sandbox.url}/integrations): Outlit's API does not offer it for Salesforce.`,
		);
	});

	test('API on Tools Gateway: Disconnect for Salesforce does not advise Automatic, which cannot do it either', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'salesforce' }, { credentials: { api: 'tools' } });
		expect(received()).toEqual([]);
		expect(r.error.message).toBe(
			`Disconnect for Salesforce is only possible in the Outlit web app (${env.sandbox.url}/integrations): neither of Outlit's APIs offers it.`,
		);
	});

	test('Tools Gateway, an older gateway: Stripe, which also connects in a browser, is told to use Browser Session, and its key is not sent', async () => {
		env.sandbox.reset({ legacyGateway: true });
		const r = await env.run(
			{ operation: 'connect', provider: 'stripe', connectionMethod: 'direct' },
			{ credentials: { api: 'tools' }, providerCredential: { provider: 'stripe', apiKey: CANARY.credStripeKey } },
		);
		expect(received()).toEqual([toolCall('outlit_get_integration_capabilities', { provider: 'stripe' })]);
		expect([r.error.message, r.error.description]).toEqual([
			`This Outlit server only offers browser setup, so the node did not send Stripe's credentials: set Connection Method to Browser Session, or connect Stripe in the Outlit web app (${env.sandbox.url}/integrations)`,
			"Outlit's newer API on this server does not negotiate setup with credentials or configuration, and its older API did not answer. Credentials and configuration are sent only to a server that asks for them.",
		]);
		expect(JSON.stringify(env.sandbox.requests)).not.toContain(CANARY.credStripeKey);
	});

	test('Automatic, an older gateway: Mixpanel (keys only) is not told to use Browser Session, and its secret is not sent', async () => {
		env.sandbox.reset({ legacyGateway: true });
		const secret = 'mixpanel-CANARY-secret-61c0';
		const r = await env.run(
			{ operation: 'connect', provider: 'mixpanel', connectionMethod: 'direct' },
			{ credentials: { api: 'auto' }, providerCredential: { provider: 'mixpanel', username: 'svc', secret, projectId: '12345', region: 'us' } },
		);
		expect(received()).toEqual([toolCall('outlit_get_integration_capabilities', { provider: 'mixpanel' })]);
		expect(r.error.message).toBe(
			`This Outlit server only offers browser setup, which Mixpanel does not have, so the node did not send Mixpanel's credentials: connect Mixpanel in the Outlit web app (${env.sandbox.url}/integrations)`,
		);
		expect(JSON.stringify(env.sandbox.requests)).not.toContain(secret);
	});

	test('Automatic: Get Sync Status asks the gateway only', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: 'gong' }, { credentials: { api: 'auto' } });
		expect(r.error).toBeUndefined();
		expect(received()).toEqual([toolCall('outlit_get_integration_status', { provider: 'gong' })]);
		expect(r.items[0].json.provider).toBe('gong');
	});

	test.each(['auto', 'rest'])('API %s: Disconnect points to the web app, with no request', async (api) => {
		const r = await env.run({ operation: 'disconnect', provider: 'salesforce' }, { credentials: { api } });
		expect(received()).toEqual([]);
		expect(r.error.message).toBe(
			`Salesforce can only be disconnected in the Outlit web app (${env.sandbox.url}/integrations): Outlit's API has no Disconnect for it.`,
		);
	});

	test('Automatic on a server without a gateway: the Base URL is in doubt', async () => {
		env.sandbox.reset({ contract: 'rest' });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'mixpanel' }, { credentials: { api: 'auto' } });
		expect(received()).toEqual([{ method: 'POST', path: '/api/tools/call', query: {}, body: expect.objectContaining({ tool: 'outlit_get_integration_status' }) }]);
		expect(r.error.message).toBe(
			`Mixpanel is only on Outlit's Tools Gateway, which did not answer at ${env.sandbox.url}: check that the Base URL in the Outlit API credential is your Outlit's address.`,
		);
	});
});

describe('a rejected API key: the remedy and Outlit\'s request ID in the message, never the key', () => {
	const WRONG = 'ok_CANARY_rejected_key_5d1e';

	test('REST 401: exactly one request with the key, and the remedy (REST answers carry no request ID)', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'rest', apiKey: WRONG } });
		expect(env.sandbox.requests.map((q) => [q.method, q.path, q.headers.authorization])).toEqual([['GET', '/api/integrations', `Bearer ${WRONG}`]]);
		expect([r.error.message, r.error.description, r.error.httpCode]).toEqual([KEY_REJECTED, KEY_DESCRIPTION, '401']);
		expect(JSON.stringify(r.error, Object.getOwnPropertyNames(r.error))).not.toContain(WRONG);
	});

	test('gateway 401: the request ID of Outlit\'s answer is in the message', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools', apiKey: WRONG } });
		expect(env.sandbox.requests.map((q) => [q.path, q.body, q.headers.authorization])).toEqual([
			['/api/tools/call', { tool: 'outlit_get_integration_status', input: {} }, `Bearer ${WRONG}`],
		]);
		const { requestId } = r.error.errorResponse;
		expect(requestId).toMatch(/^req_[0-9a-f]{16}$/);
		expect(r.error.message).toBe(`${KEY_REJECTED} Outlit request ID: ${requestId}.`);
		expect(JSON.stringify(r.error, Object.getOwnPropertyNames(r.error))).not.toContain(WRONG);
	});

	test('gateway 403 TOOL_CALL_FORBIDDEN (a key without the integration grants)', async () => {
		env.sandbox.reset({ connected: ['stripe'], grants: ['customers:read'] });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' }, { credentials: { api: 'tools' } });
		expect(received()).toEqual([toolCall('outlit_get_integration_status', { provider: 'stripe' })]);
		expect(r.error.message).toBe(`${GRANT_MISSING} Outlit request ID: ${r.error.errorResponse.requestId}.`);
		expect(r.error.httpCode).toBe('403');
	});

	test('a gateway 403 with another code, and a REST 403: the key is valid, not allowed', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', status: 403, body: { code: 'TOOL_GATEWAY_ERROR', message: 'Key disabled for this workspace', retryable: false, requestId: 'req_403_gw' } });
		const gw = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools' } });
		expect(gw.error.message).toBe(
			'Outlit refused the request: Key disabled for this workspace. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan. Outlit request ID: req_403_gw.',
		);
		env.sandbox.clearFaults();
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 403, body: { error: 'Forbidden' } });
		const rest = await env.run({ operation: 'getAll' }, { credentials: { api: 'rest' } });
		expect(rest.error.message).toBe(
			'Outlit refused the request: Forbidden. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
		);
	});

	test('with Continue On Fail the error item\'s message is the whole story', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools', apiKey: WRONG }, continueOnFail: true });
		const [item] = r.items;
		expect(item.json.error).toBe(`${KEY_REJECTED} Outlit request ID: ${item.json.requestId}.`);
		expect([item.json.httpCode, item.json.code]).toEqual(['401', 'INVALID_CREDENTIALS']);
		expect(JSON.stringify(r.items)).not.toContain(WRONG);
	});
});
