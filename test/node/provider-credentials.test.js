'use strict';
/**
 * Provider secrets from Outlit Provider Credentials (issue 9, part 2), through n8n's real engine
 * against the sandbox on both of Outlit's APIs: the node reads Connect's and Run Setup Step's
 * secrets from the credential by default; typed-in fields stay, chosen explicitly, for items that
 * carry the secret (a Form); a missing or mismatched credential is a clear error; and
 * no canary from the credential shows up in outputs, errors or logs. Expected request bodies and
 * tool inputs are the contracts' shapes, written as literals.
 */
const { NodeHelpers } = require('n8n-workflow');
const { captureLogs } = require('../support/logs');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitProviderApi } = require('../../credentials/OutlitProviderApi.credentials');

const env = outlitEnvironment();
/** What the harness names the provider credential it stores (n8n shows the credential's name). */
const CREDENTIAL_NAME = 'outlitProviderApi (harness)';

const STRIPE = { provider: 'stripe', apiKey: CANARY.credStripeKey, webhookSecret: CANARY.credWebhookSecret };
const POSTHOG = { provider: 'posthog', apiKey: CANARY.credPosthogKey, region: 'eu', projectId: '12345' };
const PYLON = { provider: 'pylon', apiToken: CANARY.credPylonToken };

/** Runs a node on one API (rest | tools | auto) with Outlit Provider Credentials holding `credential`. */
const run = (api, parameters, credential, options = {}) =>
	env.run(parameters, { ...options, credentials: { api, ...options.credentials }, providerCredential: credential });

const connect = (provider) => ({ operation: 'connect', provider, connectionMethod: 'direct' });
const webhooks = (provider, extra = {}) => ({ operation: 'runSetupStep', provider, step: 'webhooks', ...extra });
const bodies = () => env.sandbox.requests.map((r) => r.body);
/** A gateway setup is preceded by Outlit's negotiation, which carries the provider alone; a REST body goes alone. */
const negotiated = (body) => (body.tool ? [{ tool: 'outlit_get_integration_capabilities', input: { provider: body.input.provider } }, body] : [body]);

describe('the node asks for no Provider Credentials where no provider secret is sent', () => {
	// Stripe has keys for Direct and a webhook secret, so a wrongly read credential would be missed here.
	test('tools: Browser Session Connect starts a session with the provider alone', async () => {
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'browser' }, { credentials: { api: 'tools' } });
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual(negotiated({ tool: 'outlit_setup_integration', input: { provider: 'stripe', connectionMode: 'oauth' } }));
		expect(r.items[0].json.sessionId).toEqual(expect.any(String));
	});

	test('REST: Browser Session for Stripe (direct only there) says so, not that a credential is missing', async () => {
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'browser' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe('Stripe connects with credentials (API Key), not a browser session: set "Connection Method" to Direct.');
		expect(bodies()).toEqual([]);
	});

	test('REST: a custom setup step on Stripe is sent without config', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await env.run({ operation: 'runSetupStep', provider: 'stripe', step: 'custom', customStep: 'backfill' }, { credentials: { api: 'rest' } });
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'backfill' }]);
	});
});

describe('Connect, default path (no "Provider Secrets" stored): the credential', () => {
	test.each([
		['rest', 'pylon', PYLON, { provider: 'pylon', config: { apiToken: CANARY.credPylonToken } }],
		['rest', 'posthog', POSTHOG, { provider: 'posthog', config: { apiKey: CANARY.credPosthogKey, region: 'eu', projectId: '12345' } }],
		['tools', 'stripe', STRIPE, { tool: 'outlit_setup_integration', input: { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: CANARY.credStripeKey } } }],
		['tools', 'posthog', POSTHOG, { tool: 'outlit_setup_integration', input: { provider: 'posthog', credentials: { apiKey: CANARY.credPosthogKey, region: 'eu', projectId: '12345' } } }],
		['auto', 'pylon', PYLON, { tool: 'outlit_setup_integration', input: { provider: 'pylon', credentials: { apiToken: CANARY.credPylonToken } } }],
	])('%s: %s is sent with the credential\'s fields, and nothing of them comes back', async (api, provider, credential, body) => {
		const r = await run(api, connect(provider), credential);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual(negotiated(body));
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({ provider, connected: true });
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test('REST: the output is the route\'s direct-connect answer', async () => {
		const r = await run('rest', connect('pylon'), PYLON);
		expect(r.items[0].json).toEqual({ provider: 'pylon', connected: true, connectionId: expect.any(String), alreadyConnected: false });
	});

	test('the credential is data, not auth: the Bearer header is the Outlit key and no header carries a provider key', async () => {
		await run('tools', connect('stripe'), STRIPE);
		const request = env.sandbox.requests.find((r) => r.body.tool === 'outlit_setup_integration');
		expect(request.headers.authorization).toBe(`Bearer ${CANARY.apiKey}`);
		expect(JSON.stringify(request.headers)).not.toContain(CANARY.credStripeKey);
		expect(JSON.stringify(request.headers)).not.toContain(CANARY.credWebhookSecret);
	});

	test('several items read the credential once and each connects with it', async () => {
		const decrypt = jest.spyOn(env.harness.credentialsHelper, 'getDecrypted');
		const r = await run('rest', connect('pylon'), PYLON, { input: [{ json: {} }, { json: {} }] });
		expect(decrypt.mock.calls.filter(([, , type]) => type === 'outlitProviderApi')).toHaveLength(1);
		decrypt.mockRestore();
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([0, 1]);
		expect(bodies()).toEqual([
			{ provider: 'pylon', config: { apiToken: CANARY.credPylonToken } },
			{ provider: 'pylon', config: { apiToken: CANARY.credPylonToken } },
		]);
	});

	test('a provider that connects by browser needs no credential: the contract\'s own error', async () => {
		const r = await run('rest', connect('hubspot'), undefined);
		expect(r.error.message).toBe('HubSpot connects by browser session only: set "Connection Method" to Browser Session.');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Run Setup Step webhooks, default path: the credential\'s Webhook Secret', () => {
	beforeEach(() => env.sandbox.reset({ connected: ['stripe', 'fireflies'] }));

	test.each([['rest'], ['auto']])('%s: sent as config.webhookSecret on the REST route, never echoed', async (api) => {
		const r = await run(api, webhooks('stripe'), STRIPE);
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /api/integrations/setup-step']);
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: CANARY.credWebhookSecret } }]);
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', step: 'webhooks', status: 'completed', webhookSecretStored: true });
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test('Setup Config keys go along; the credential\'s secret wins over one typed there', async () => {
		const setupConfig = JSON.stringify({ webhookSecret: 'whsec_typed_loses', note: 'n8n' });
		await run('rest', webhooks('stripe', { setupConfig }), STRIPE);
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: CANARY.credWebhookSecret, note: 'n8n' } }]);
	});

	test('a credential without a Webhook Secret asks Outlit what to set up (no config sent)', async () => {
		const r = await run('rest', webhooks('fireflies'), { provider: 'fireflies', apiKey: 'ff_key_1' });
		expect(bodies()).toEqual([{ provider: 'fireflies', step: 'webhooks' }]);
		expect(r.items[0].json).toMatchObject({ provider: 'fireflies', step: 'webhooks', status: 'manual_setup_required' });
	});

	test('tools gateway: webhooks are not there; the error names the web app and nothing is sent', async () => {
		const r = await run('tools', webhooks('stripe'), STRIPE);
		expect(r.error.message).toBe(
			`The "webhooks" setup step is not available with "API" set to Tools Gateway: do it in the Outlit web app (${env.sandbox.url}/integrations), or set "API" in the Outlit API credential to Automatic to use Outlit's older API while it answers.`,
		);
		expect(r.error.description).toContain(`${env.sandbox.url}/integrations`);
		expect(env.sandbox.requests).toHaveLength(0);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('tools gateway without Provider Credentials selected: the same web-app error, not a request for a credential', async () => {
		const r = await run('tools', webhooks('stripe'), undefined);
		expect(r.error.message).toBe(
			`The "webhooks" setup step is not available with "API" set to Tools Gateway: do it in the Outlit web app (${env.sandbox.url}/integrations), or set "API" in the Outlit API credential to Automatic to use Outlit's older API while it answers.`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	// An expression makes n8n show (and require) Custom Step too, so it is filled.
	test('a Step expression giving "webhooks" with spaces around it still sends the credential\'s Webhook Secret', async () => {
		const r = await run('rest', webhooks('stripe', { step: '={{ " webhooks " }}', customStep: 'unused' }), STRIPE);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: CANARY.credWebhookSecret } }]);
		expect(r.items[0].json).toMatchObject({ provider: 'stripe', step: 'webhooks', status: 'completed', webhookSecretStored: true });
	});

	test('Pylon\'s webhook step takes no secret: no credential needed, no config sent', async () => {
		env.sandbox.reset({ connected: ['pylon'] });
		const r = await run('rest', webhooks('pylon'), undefined);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'pylon', step: 'webhooks' }]);
	});
});

describe('Fields / Expression: the secret arrives in the incoming item (e.g. an n8n Form)', () => {
	const form = [{ json: { stripeKey: 'rk_live_from_form_1', hookSecret: 'whsec_from_form_1' } }];

	test.each([
		['rest', { provider: 'stripe', config: { apiKey: 'rk_live_from_form_1' } }],
		['tools', { tool: 'outlit_setup_integration', input: { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: 'rk_live_from_form_1' } } }],
	])('%s: Connect maps the field from the item, with no credential attached', async (api, body) => {
		const r = await run(api, { ...connect('stripe'), secretSource: 'fields', apiKey: '={{ $json.stripeKey }}' }, undefined, { input: form });
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual(negotiated(body));
	});

	test('a field copied with spaces or a line break around it is sent without them', async () => {
		const r = await run('rest', { ...connect('pylon'), secretSource: 'fields', apiToken: '={{ "  pyl_pasted_1\\n" }}' }, undefined);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'pylon', config: { apiToken: 'pyl_pasted_1' } }]);
	});

	test('Granola\'s boolean field is sent as set, false included (gateway)', async () => {
		const fields = { apiKey: 'gr_key_1', authScope: 'enterprise', enterpriseKeyAcknowledged: false };
		const r = await run('tools', { ...connect('granola'), secretSource: 'fields', ...fields }, undefined);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual(negotiated({ tool: 'outlit_setup_integration', input: { provider: 'granola', credentials: fields } }));
	});

	test('Additional Config from an expression that gives null adds nothing', async () => {
		const r = await run('rest', { ...connect('pylon'), secretSource: 'fields', apiToken: 'pyl_field', additionalConfig: '={{ null }}' }, undefined);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'pylon', config: { apiToken: 'pyl_field' } }]);
	});

	test('REST: a gateway-only field Granola shows (Auth Scope) is not sent to the REST route', async () => {
		const r = await run('rest', { ...connect('granola'), secretSource: 'fields', apiKey: 'gr_key_1', authScope: 'enterprise' }, undefined);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'granola', config: { apiKey: 'gr_key_1' } }]);
	});

	test('Additional Config still adds and overrides keys', async () => {
		await run('rest', { ...connect('pylon'), secretSource: 'fields', apiToken: 'pyl_field', additionalConfig: '{"apiToken": "pyl_json", "workspace": "acme"}' }, undefined);
		expect(bodies()).toEqual([{ provider: 'pylon', config: { apiToken: 'pyl_json', workspace: 'acme' } }]);
	});

	test('Run Setup Step: the Webhook Secret field from the item becomes config.webhookSecret', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await run('rest', webhooks('stripe', { secretSource: 'fields', webhookSecret: '={{ $json.hookSecret }}' }), undefined, { input: form });
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: 'whsec_from_form_1' } }]);
	});

	test('typed in, a Setup Config key overrides the field of the same name (as Additional Config does)', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		await run('rest', webhooks('stripe', { secretSource: 'fields', webhookSecret: 'whsec_field', setupConfig: '{"webhookSecret": "whsec_json"}' }), undefined);
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: 'whsec_json' } }]);
	});

	test('with the fields source a credential attached to the node is not read', async () => {
		await run('rest', { ...connect('pylon'), secretSource: 'fields', apiToken: 'pyl_field_only' }, PYLON);
		expect(bodies()).toEqual([{ provider: 'pylon', config: { apiToken: 'pyl_field_only' } }]);
	});
});

describe('Provider Secrets set to Fields / Expression sends what is typed in or mapped', () => {
	const TYPED = { secretSource: 'fields' };

	test.each([
		['rest', { provider: 'stripe', config: { apiKey: 'rk_live_typed_in' } }],
		['tools', { tool: 'outlit_setup_integration', input: { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: 'rk_live_typed_in' } } }],
	])('%s: Connect sends the typed-in fields, even with a credential attached', async (api, body) => {
		const r = await run(api, { ...connect('stripe'), ...TYPED, apiKey: 'rk_live_typed_in' }, STRIPE);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual(negotiated(body));
	});

	test('Run Setup Step webhooks sends Setup Config as it is', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		await run('rest', webhooks('stripe', { ...TYPED, setupConfig: '{"webhookSecret": "whsec_typed_json"}' }), undefined);
		expect(bodies()).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: 'whsec_typed_json' } }]);
	});

	test('with Provider as an expression, the typed-in fields are still read', async () => {
		await run('rest', { ...connect('={{ "pylon" }}'), ...TYPED, apiToken: 'pyl_typed_in' }, PYLON);
		expect(bodies()).toEqual([{ provider: 'pylon', config: { apiToken: 'pyl_typed_in' } }]);
	});

	test('a provider Outlit lists after this release, chosen from the list: Additional Config still goes out', async () => {
		// A server that knows the provider and negotiates setup (this sandbox knows only the contract's).
		const acme = { provider: 'acme-crm', name: 'Acme CRM', category: 'crm', authType: 'api_key', setupMode: 'browser_handoff', browserHandoffAvailable: false };
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_capabilities', status: 200, body: { providers: [acme], preferredSetupVersion: 1 } });
		await run('tools', { ...connect('acme-crm'), ...TYPED, additionalConfig: '{"apiKey": "acme_key_typed"}' }, undefined);
		expect(bodies()).toEqual(negotiated({ tool: 'outlit_setup_integration', input: { provider: 'acme-crm', credentials: { apiKey: 'acme_key_typed' } } }));
	});
});

describe('a missing or mismatched credential is a clear error, before any request', () => {
	test.each(['rest', 'tools'])('%s: no Outlit Provider Credentials on the node', async (api) => {
		const r = await run(api, connect('stripe'), undefined);
		expect(r.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'No Outlit Provider Credentials selected for Stripe: select or create them in this node, or set "Provider Secrets" to Fields / Expression.',
			description: 'Select (or create) Outlit Provider Credentials for Stripe in this node, or set "Provider Secrets" to Fields / Expression.',
		});
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test.each(['rest', 'tools'])('%s: a credential made for another provider', async (api) => {
		const r = await run(api, connect('posthog'), STRIPE);
		expect(r.error).toMatchObject({
			name: 'NodeOperationError',
			message: `The Outlit Provider Credentials "${CREDENTIAL_NAME}" are for Stripe, not PostHog: select Outlit Provider Credentials made for PostHog, or change "Provider".`,
			description: 'Select Outlit Provider Credentials made for PostHog, or change "Provider".',
		});
		expect(env.sandbox.requests).toHaveLength(0);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('a credential whose provider is not one Outlit knows', async () => {
		const r = await run('rest', connect('pylon'), { provider: 'nope', apiToken: CANARY.credPylonToken });
		expect(r.error.message).toBe(
			`The Outlit Provider Credentials "${CREDENTIAL_NAME}" are for no known provider, not Pylon: select Outlit Provider Credentials made for Pylon, or change "Provider".`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('Run Setup Step: a Stripe credential for Fireflies webhooks', async () => {
		env.sandbox.reset({ connected: ['fireflies'] });
		const r = await run('rest', webhooks('fireflies'), STRIPE);
		expect(r.error.message).toBe(
			`The Outlit Provider Credentials "${CREDENTIAL_NAME}" are for Stripe, not Fireflies.ai: select Outlit Provider Credentials made for Fireflies.ai, or change "Provider".`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test.each(['rest', 'tools'])('%s: a field the provider needs is empty in the credential', async (api) => {
		const r = await run(api, connect('posthog'), { provider: 'posthog', apiKey: CANARY.credPosthogKey, region: 'us' });
		expect(r.error).toMatchObject({
			name: 'NodeOperationError',
			message: `PostHog needs Project ID: open the Outlit Provider Credentials "${CREDENTIAL_NAME}" and fill in "Project ID".`,
			description: `Open the Outlit Provider Credentials "${CREDENTIAL_NAME}" and fill in "Project ID".`,
		});
		expect(env.sandbox.requests).toHaveLength(0);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('tools: a credential value of the wrong form names the credential\'s field, never the value', async () => {
		const r = await run('tools', connect('stripe'), { provider: 'stripe', apiKey: 'sk_live_CANARY_not_restricted' });
		expect(r.error.message).toBe(
			`Stripe API Key must be a restricted key that starts with rk_: change field "API Key" of the Outlit Provider Credentials "${CREDENTIAL_NAME}".`,
		);
		expect(r.error.description).toBe(`Field "API Key" of the Outlit Provider Credentials "${CREDENTIAL_NAME}" does not have the form Outlit accepts.`);
		expect(JSON.stringify(r.error)).not.toContain('sk_live_CANARY_not_restricted');
	});

	test('a provider Outlit lists after this release: the credential cannot hold it, Fields / Expression can', async () => {
		const refused = await run('tools', connect('acme-crm'), STRIPE);
		expect(refused.error.message).toBe(
			'Outlit Provider Credentials cannot hold the keys of "acme-crm": set "Provider Secrets" to Fields / Expression and put the keys in Additional Config (JSON).',
		);
		expect(refused.error.description).toBe('They hold the providers this node lists. Set "Provider Secrets" to Fields / Expression and put the keys in Additional Config (JSON).');
		await run('tools', { ...connect('acme-crm'), secretSource: 'fields', additionalConfig: '{"apiKey": "acme_key_1"}' }, undefined);
		// The negotiation asks first; this sandbox does not know the provider, so its fields are never sent.
		expect(bodies()).toEqual([{ tool: 'outlit_get_integration_capabilities', input: { provider: 'acme-crm' } }]);
	});

	test('a provider by expression that the credential cannot hold', async () => {
		const r = await run('tools', { ...connect('={{ "acme-crm" }}') }, STRIPE);
		expect(r.error.message).toBe(
			'Outlit Provider Credentials cannot hold the keys of "acme-crm": set "Provider Secrets" to Fields / Expression and put the keys in Additional Config (JSON).',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	// No credential selected: "select or create them" would send the user to a credential that cannot hold the provider.
	test.each([
		['Connect', connect('={{ "acme-crm" }}'), 'Additional Config (JSON)'],
		['Run Setup Step', webhooks('={{ "acme-crm" }}'), 'Setup Config (JSON)'],
	])('%s, a provider the credential cannot hold and none selected: says to use Fields / Expression', async (_op, parameters, config) => {
		const r = await run('rest', parameters, undefined);
		expect(r.error.message).toBe(
			`Outlit Provider Credentials cannot hold the keys of "acme-crm": set "Provider Secrets" to Fields / Expression and put the keys in ${config}.`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail each item gets its own error item', async () => {
		const input = [{ json: { p: 'pylon' } }, { json: { p: 'stripe' } }];
		const r = await run('rest', connect('={{ $json.p }}'), PYLON, { input, continueOnFail: true });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.error ?? i.json.connected])).toEqual([
			[0, true],
			[1, `The Outlit Provider Credentials "${CREDENTIAL_NAME}" are for Pylon, not Stripe: select Outlit Provider Credentials made for Stripe, or change "Provider".`],
		]);
	});
});

describe('canary secrets from the credential appear in no output, error or log', () => {
	const logged = captureLogs();

	const scenarios = [
		['REST connect', 'rest', connect('posthog'), POSTHOG, { sent: CANARY.credPosthogKey }],
		['gateway connect', 'tools', connect('stripe'), STRIPE, { sent: CANARY.credStripeKey }],
		['REST connect, 400', 'rest', connect('pylon'), PYLON, { sent: CANARY.credPylonToken, fault: { method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: 'Invalid request' } } }],
		['REST connect, 500', 'rest', connect('pylon'), PYLON, { sent: CANARY.credPylonToken, fault: { method: 'POST', path: '/api/integrations/connect', status: 500 } }],
		['gateway connect rejected', 'tools', connect('stripe'), STRIPE, { sent: CANARY.credStripeKey, setupError: { code: 'CREDENTIAL_REJECTED', message: 'The restricted key was revoked', retryable: false } }],
		['connect, no answer', 'rest', { ...connect('pylon'), options: { maxRetryWait: 1 } }, PYLON, { credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['mismatched credential', 'tools', connect('posthog'), STRIPE, {}],
		['missing field', 'rest', connect('posthog'), { provider: 'posthog', apiKey: CANARY.credPosthogKey }, {}],
		['REST webhooks', 'rest', webhooks('stripe'), STRIPE, { sent: CANARY.credWebhookSecret, connected: ['stripe'] }],
		['REST webhooks, 500', 'rest', webhooks('stripe'), STRIPE, { sent: CANARY.credWebhookSecret, connected: ['stripe'], fault: { method: 'POST', path: '/api/integrations/setup-step', status: 500 } }],
		['gateway webhooks', 'tools', webhooks('stripe'), STRIPE, {}],
	];
	test.each(scenarios)('%s', async (_name, api, parameters, credential, o) => {
		if (o.connected) env.sandbox.reset({ connected: o.connected });
		if (o.fault) env.sandbox.injectFault(o.fault);
		if (o.setupError) env.sandbox.setSetupError('stripe', o.setupError);
		logged.length = 0;
		const r = await run(api, parameters, credential, { credentials: o.credentials, continueOnFail: false });
		expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
		expect(leakedCanaries(logged.join('\n'))).toEqual([]);
		// The scenario really ran: the request carried the secret that must not come back.
		if (o.sent) expect(JSON.stringify(env.sandbox.requests)).toContain(o.sent);
	});

	test('the node parameters n8n keeps for a default-path node hold no secret at all', async () => {
		const r = await run('rest', connect('pylon'), PYLON);
		expect(leakedCanaries(r.workflow.nodes)).toEqual([]);
		// As the engine filled in the defaults: the source, and no key field among them.
		expect(r.workflow.nodes[r.node.name].parameters).toEqual({
			resource: 'integration',
			operation: 'connect',
			provider: 'pylon',
			connectionMethod: 'direct',
			secretSource: 'credential',
			options: {},
			requestOptions: {},
		});
	});
});

describe('what the editor shows: Credential by default', () => {
	// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
	let description;
	beforeEach(() => ({ description } = new Outlit()));
	const shown = (parameters) => {
		const node = { typeVersion: 1, parameters };
		const values = NodeHelpers.getNodeParameters(description.properties, { resource: 'integration', ...parameters }, true, false, node, description);
		const credentials = description.credentials.filter((c) => NodeHelpers.displayParameter(values, c, node, description, values)).map((c) => c.name);
		return { values, credentials };
	};

	test('the node has one version, 1', () => {
		expect(description.version).toBe(1);
		expect(description.defaultVersion).toBeUndefined();
	});

	test('Connect Direct: Credential by default, no typed key fields, the provider credential asked for', () => {
		const { values, credentials } = shown({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct' });
		expect(values.secretSource).toBe('credential');
		expect(Object.keys(values)).not.toContain('apiKey');
		expect(Object.keys(values)).not.toContain('additionalConfig');
		expect(credentials).toEqual(['outlitApi', 'outlitProviderApi']);
	});

	test('Connect Direct, Fields / Expression chosen: the key field and Additional Config, no provider credential', () => {
		const { values, credentials } = shown({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields' });
		expect(values).toMatchObject({ secretSource: 'fields', apiKey: '', additionalConfig: '{}' });
		expect(credentials).toEqual(['outlitApi']);
	});

	test('typed-in fields come with a notice that they are saved with the workflow', () => {
		const notice = description.properties.filter((p) => p.type === 'notice' && p.name === 'secretFieldsNotice');
		expect(notice.map((p) => p.displayOptions.show.operation)).toEqual([['connect'], ['runSetupStep']]);
		for (const p of notice) expect(p.displayName).toMatch(/^Keys typed in here are saved in plain text with the workflow/);
		expect(Object.keys(shown({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields' }).values)).toContain('secretFieldsNotice');
		expect(Object.keys(shown({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct' }).values)).not.toContain('secretFieldsNotice');
	});

	test('Run Setup Step: the switch for Stripe and Fireflies webhooks only', () => {
		expect(shown({ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks' }).values.secretSource).toBe('credential');
		expect(shown({ operation: 'runSetupStep', provider: 'fireflies', step: 'webhooks' }).credentials).toEqual(['outlitApi', 'outlitProviderApi']);
		expect(shown({ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields' }).values).toMatchObject({ secretSource: 'fields', webhookSecret: '' });
		for (const [provider, step] of [['pylon', 'webhooks'], ['stripe', 'mappings'], ['hubspot', 'mappings']]) {
			expect(shown({ operation: 'runSetupStep', provider, step }).credentials).toEqual(['outlitApi']);
		}
	});

	test('Provider as an expression: still Credential by default', () => {
		const direct = { operation: 'connect', provider: '={{ $json.provider }}', connectionMethod: 'direct' };
		expect(shown(direct).values.secretSource).toBe('credential');
		expect(Object.keys(shown(direct).values)).not.toContain('secretFieldsNotice');
	});

	test('a provider Outlit lists after this release gets the switch (and, typed in, Additional Config)', () => {
		expect(shown({ operation: 'connect', provider: 'acme-crm', connectionMethod: 'direct' }).credentials).toEqual(['outlitApi', 'outlitProviderApi']);
		expect(shown({ operation: 'connect', provider: 'acme-crm', connectionMethod: 'direct', secretSource: 'fields' }).values).toMatchObject({ secretSource: 'fields', additionalConfig: '{}' });
	});

	test('Connect: no switch for providers that connect by browser, nor for Browser Session', () => {
		expect(shown({ operation: 'connect', provider: 'hubspot', connectionMethod: 'direct' }).credentials).toEqual(['outlitApi']);
		expect(shown({ operation: 'connect', provider: 'stripe', connectionMethod: 'browser' }).credentials).toEqual(['outlitApi']);
	});
});

describe('the Outlit Provider Credentials type', () => {
	let type;
	beforeEach(() => {
		type = new OutlitProviderApi();
	});
	const fieldsOf = (provider) => Object.keys(NodeHelpers.getNodeParameters(type.properties, { provider }, true, false, null, null)).sort();
	const property = (name, provider) =>
		type.properties.find((p) => p.name === name && (!p.displayOptions || p.displayOptions.show.provider.includes(provider)));

	test('name, display name, no auth and no request test of its own', () => {
		expect([type.name, type.displayName]).toEqual(['outlitProviderApi', 'Outlit Provider Credentials API']);
		expect(type.authenticate).toBeUndefined();
		expect(type.test).toBeUndefined();
		expect(description().credentials.find((c) => c.name === 'outlitProviderApi').testedBy).toBe('outlitProviderFields');
	});

	test('icon, documentation link and the Provider field', () => {
		expect(type.icon).toEqual({ light: 'file:../nodes/Outlit/outlit.svg', dark: 'file:../nodes/Outlit/outlit.dark.svg' });
		expect(type.documentationUrl).toBe('https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit#credentials');
		const { options, ...provider } = property('provider');
		expect(provider).toEqual({
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			default: 'clerk',
			required: true,
			description: 'The provider these keys belong to; the Outlit node refuses them for another provider',
		});
		expect(options[0]).toEqual({ name: 'Clerk', value: 'clerk' });
		expect(property('apiKey', 'stripe').description).toBe(
			'Encrypted by n8n. The Outlit node sends it only to Outlit, to connect or set up the provider, and never outputs it.',
		);
		expect(property('username', 'mixpanel').description).toBe('Sent to Outlit when the Outlit node connects or sets up the provider');
		// A boolean's description starts with "Whether", as n8n's guidelines ask.
		expect(property('enterpriseKeyAcknowledged', 'granola').description).toBe(
			'Whether to confirm to Outlit that you mean to connect an enterprise key',
		);
	});

	test('one provider each: the providers whose setup takes fields, by name', () => {
		expect(property('provider').options.map((o) => o.value)).toEqual(['clerk', 'fireflies', 'granola', 'mixpanel', 'posthog', 'pylon', 'stripe', 'supabase']);
	});

	test.each([
		['clerk', ['provider', 'secretKey']],
		['fireflies', ['apiKey', 'provider', 'webhookSecret']],
		['granola', ['apiKey', 'authScope', 'enterpriseKeyAcknowledged', 'provider']],
		['mixpanel', ['projectId', 'provider', 'region', 'secret', 'username']],
		['posthog', ['apiKey', 'projectId', 'provider', 'region']],
		['pylon', ['apiToken', 'provider']],
		['stripe', ['apiKey', 'provider', 'webhookSecret']],
		['supabase', ['projectUrl', 'provider', 'serviceRoleKey']],
	])('%s holds %j (the route docs\' config and the gateway\'s credentials)', (provider, fields) => {
		expect(fieldsOf(provider)).toEqual(fields);
	});

	test('secrets are password fields; closed sets are the contracts\' values', () => {
		for (const [name, provider] of [['apiKey', 'stripe'], ['webhookSecret', 'stripe'], ['apiToken', 'pylon'], ['secret', 'mixpanel'], ['serviceRoleKey', 'supabase'], ['secretKey', 'clerk']]) {
			expect(property(name, provider).typeOptions).toEqual({ password: true });
		}
		for (const [name, provider] of [['username', 'mixpanel'], ['projectId', 'posthog'], ['projectUrl', 'supabase']]) {
			expect(property(name, provider).typeOptions).toBeUndefined();
		}
		expect(property('region', 'posthog').options.map((o) => o.value)).toEqual(['us', 'eu']);
		expect(property('region', 'mixpanel').options.map((o) => o.value)).toEqual(['us', 'eu', 'in']);
		expect(property('authScope', 'granola').options.map((o) => o.value)).toEqual(['personal', 'enterprise']);
	});

	test.each([
		[{ provider: 'stripe', apiKey: 'rk_live_1' }, { status: 'OK', message: 'The Stripe fields are filled in. Nothing was sent: Outlit checks the keys when the Outlit node connects Stripe.' }],
		[{ provider: 'stripe', webhookSecret: 'whsec_1' }, { status: 'OK', message: 'The Stripe fields are filled in. Nothing was sent: Outlit checks the keys when the Outlit node connects Stripe.' }],
		[{ provider: 'stripe' }, { status: 'Error', message: 'Fill in API Key or Webhook Secret for Stripe' }],
		[{ provider: 'stripe', apiKey: '   ' }, { status: 'Error', message: 'Fill in API Key or Webhook Secret for Stripe' }],
		[{ provider: 'mixpanel', username: 'svc', region: 'in' }, { status: 'Error', message: 'Fill in Service Account Secret for Mixpanel' }],
		[{ provider: 'posthog', apiKey: 'phx_1234567890', region: 'apac' }, { status: 'Error', message: 'PostHog Region must be one of us, eu: choose one in "Region"' }],
		[{ provider: 'hubspot' }, { status: 'Error', message: 'Choose the provider these keys belong to' }],
	])('the credential test on %j sends nothing and says %j', async (data, result) => {
		expect(await env.harness.testCredential('outlitProviderApi', data)).toEqual(result);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

function description() {
	return new Outlit().description;
}
