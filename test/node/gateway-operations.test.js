'use strict';
/**
 * Every operation on Outlit's tools gateway (credential API = Tools Gateway), through n8n's real
 * engine against the sandbox: the tool and input sent (each input checked against the tool's
 * `ToolInput_*` schema in Outlit's OpenAPI), and the items that come out. Expected values are
 * literals from Outlit's contract (test/sandbox/contract/outlit-tools).
 */
const path = require('node:path');
const fs = require('node:fs');
const Ajv2020 = require('ajv/dist/2020');
const { reference } = require('../support/reference');
const addFormats = require('ajv-formats');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const OPENAPI = reference('outlit-tools', 'openapi.json');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(fs.readFileSync(OPENAPI, 'utf8')), 'tools');
const schema = (name) => ajv.getSchema(`tools#/components/schemas/${name}`);

/** The tool calls the sandbox received, each input valid for its tool. */
function toolCalls() {
	return env.sandbox.requests.map((r) => {
		expect([r.method, r.path]).toEqual(['POST', '/api/tools/call']);
		const validate = schema(`ToolInput_${r.body.tool}`);
		expect({ tool: r.body.tool, valid: validate(r.body.input), errors: validate.errors ?? null }).toEqual({ tool: r.body.tool, valid: true, errors: null });
		return [r.body.tool, r.body.input];
	});
}

const run = (parameters, options) => env.run(parameters, options);

describe('Get Many on the gateway', () => {
	test('one outlit_get_integration_status {} call; items keep Outlit\'s fields and gain connected', async () => {
		env.sandbox.reset({ connected: ['stripe', 'hubspot'] });
		const r = await run({ operation: 'getAll', returnAll: true, simplify: false });
		expect(r.error).toBeUndefined();
		expect(toolCalls()).toEqual([['outlit_get_integration_status', {}]]);
		const byId = Object.fromEntries(r.items.map((i) => [i.json.provider, i.json]));
		expect(Object.keys(byId).sort()).toEqual(['attio', 'clerk', 'fireflies', 'gong', 'google-calendar', 'google-mail', 'granola', 'hubspot', 'mixpanel', 'posthog', 'pylon', 'salesforce', 'slack', 'stripe', 'supabase']);
		expect(byId.stripe).toEqual({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true });
		// A CRM awaiting its mapping is connected, not ready.
		expect(byId.hubspot).toMatchObject({ status: 'setup_required', connected: true });
		expect(byId.slack).toMatchObject({ status: 'not_connected', connected: false });
	});

	// The contract's readiness states, one row each: what each means for `connected` (and so for Connected Only).
	test.each([
		['not_connected', false],
		['awaiting_auth', false],
		['setup_required', true],
		['ready', true],
		['requires_intervention', true],
	])('readiness %s: connected is %s, through Get Many and its Connected Only filter', async (status, connected) => {
		const integration = { provider: 'attio', name: 'Attio', category: 'crm', status };
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 200, body: { integrations: [integration] }, times: 2 });
		const all = await run({ operation: 'getAll', returnAll: true, simplify: false });
		expect(all.items.map((i) => i.json)).toEqual([{ ...integration, connected }]);
		const connectedOnly = await run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(connectedOnly.items.map((i) => i.json.provider)).toEqual(connected ? ['attio'] : []);
	});

	test('Connected Only filters on the node (the gateway has no such filter): still input {}', async () => {
		env.sandbox.reset({ connected: ['stripe', 'hubspot'] });
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Invoice sync failed');
		const r = await run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(toolCalls()).toEqual([['outlit_get_integration_status', {}]]);
		expect(r.items.map((i) => [i.json.provider, i.json.status])).toEqual([
			['hubspot', 'setup_required'],
			['stripe', 'requires_intervention'],
		]);
	});
});

describe('Get Capabilities on the gateway', () => {
	test('All Providers sends {} and gives one item per provider', async () => {
		const r = await run({ operation: 'getCapabilities', provider: 'all' });
		expect(toolCalls()).toEqual([['outlit_get_integration_capabilities', {}]]);
		expect(r.items).toHaveLength(15);
		expect(r.items.every((i) => schema('ToolOutput_outlit_get_integration_capabilities')({ providers: [i.json] }))).toBe(true);
	});

	test('the gmail alias is sent as google-mail', async () => {
		const r = await run({ operation: 'getCapabilities', provider: '={{ "gmail" }}' });
		expect(toolCalls()).toEqual([['outlit_get_integration_capabilities', { provider: 'google-mail' }]]);
		expect(r.items.map((i) => i.json.provider)).toEqual(['google-mail']);
	});
});

describe('Connect on the gateway', () => {
	const direct = (provider, fields) => ({ operation: 'connect', provider, connectionMethod: 'direct', secretSource: 'fields', ...fields });

	test.each([
		['stripe', { apiKey: CANARY.stripeKey }, { provider: 'stripe', connectionMode: 'restricted_key', credentials: { apiKey: CANARY.stripeKey } }],
		['posthog', { apiKey: CANARY.posthogKey, region: 'eu', projectId: '12345' }, { provider: 'posthog', credentials: { apiKey: CANARY.posthogKey, region: 'eu', projectId: '12345' } }],
		['pylon', { apiToken: CANARY.pylonToken }, { provider: 'pylon', credentials: { apiToken: CANARY.pylonToken } }],
		['fireflies', { apiKey: 'ff_key_1' }, { provider: 'fireflies', credentials: { apiKey: 'ff_key_1' } }],
		['granola', { apiKey: 'gr_key_1', authScope: 'enterprise', enterpriseKeyAcknowledged: true }, { provider: 'granola', credentials: { apiKey: 'gr_key_1', authScope: 'enterprise', enterpriseKeyAcknowledged: true } }],
		['mixpanel', { username: 'svc', secret: 'mp_secret_1', projectId: '99', region: 'in' }, { provider: 'mixpanel', credentials: { username: 'svc', secret: 'mp_secret_1', projectId: '99', region: 'in' } }],
	])('direct %s sends the gateway\'s credential shape and is ready', async (provider, fields, input) => {
		const r = await run(direct(provider, fields));
		expect(r.error).toBeUndefined();
		// Outlit's negotiation first, without credentials; the server prefers setup, so the fields follow.
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider }],
			['outlit_setup_integration', input],
		]);
		expect(r.items[0].json).toMatchObject({ provider, connected: provider !== 'mixpanel' });
		expect(r.items[0].json).not.toHaveProperty('error');
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test.each([
		['stripe', { apiKey: 'sk_live_not_restricted' }, 'Stripe API Key must be a restricted key that starts with rk_: change parameter "API Key" (or apiKey in Additional Config (JSON)).'],
		['posthog', { apiKey: 'phx_short', region: 'us', projectId: '1' }, 'PostHog API Key must be a personal API key that starts with phx_ (at least 10 characters): change parameter "API Key" (or apiKey in Additional Config (JSON)).'],
		['posthog', { apiKey: CANARY.posthogKey, region: 'us', projectId: 'abc' }, 'PostHog Project ID must be digits only: change parameter "Project ID" (or projectId in Additional Config (JSON)).'],
		['posthog', { apiKey: CANARY.posthogKey, region: 'apac', projectId: '1' }, 'PostHog Region must be one of us, eu: change parameter "Region" (or region in Additional Config (JSON)).'],
		['mixpanel', { username: 'svc', secret: 's', projectId: '1', region: 'apac' }, 'Mixpanel Region must be one of us, eu, in: change parameter "Region" (or region in Additional Config (JSON)).'],
		['mixpanel', { username: 'svc', projectId: '1', region: 'us' }, 'Mixpanel needs Service Account Secret: fill in "Service Account Secret" in the node, or give secret in Additional Config (JSON).'],
		['clerk', {}, 'Clerk takes no credentials through Outlit\'s API: set "Connection Method" to Browser Session, where a person finishes the setup.'],
		['supabase', {}, 'Supabase Auth takes no credentials through Outlit\'s API: set "Connection Method" to Browser Session, where a person finishes the setup.'],
	])('direct %s with a bad field fails before any request: %s', async (provider, fields, message) => {
		const r = await run(direct(provider, fields));
		expect(r.error.message).toBe(message);
		expect(r.error.description).toBeTruthy();
		expect(env.sandbox.requests).toHaveLength(0);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('browser: the handoff is flattened into sessionId, connectUrl, expiresAt and purpose', async () => {
		const r = await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'slack' }],
			['outlit_setup_integration', { provider: 'slack' }],
		]);
		const item = r.items[0].json;
		expect(item).toMatchObject({ provider: 'slack', name: 'Slack', status: 'awaiting_auth', connected: false, purpose: 'authentication' });
		expect(item.sessionId).toMatch(UUID);
		expect(item.connectUrl).toBe(`${env.sandbox.url}/connect/${item.sessionId}`);
		expect(item.next).toMatchObject({ kind: 'browser_handoff', sessionId: item.sessionId });
		expect(Number.isNaN(Date.parse(item.expiresAt))).toBe(false);
	});

	test('a provider Outlit added after this release: by expression; a server that does not know it never receives its fields', async () => {
		const r = await run({ operation: 'connect', provider: '={{ " Acme-CRM " }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"apiKey": "acme_key_1"}' }, { continueOnFail: true });
		// The negotiation asks about the provider alone; this sandbox does not know it, so nothing else is sent.
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ tool: 'outlit_get_integration_capabilities', input: { provider: 'acme-crm' } }]);
		expect(r.items[0].json).toMatchObject({ code: 'INVALID_TOOL_INPUT', httpCode: '400' });
		expect(JSON.stringify(env.sandbox.requests)).not.toContain('acme_key_1');
	});

	test('browser Stripe is the oauth connection mode', async () => {
		await run({ operation: 'connect', provider: 'stripe', connectionMethod: 'browser' });
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'stripe' }],
			['outlit_setup_integration', { provider: 'stripe', connectionMode: 'oauth' }],
		]);
	});

	test('an older gateway (no preferredSetupVersion): Direct sends nothing but the negotiation, and says what to do', async () => {
		env.sandbox.reset({ legacyGateway: true });
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }));
		expect(r.error.message).toBe(
			`This Outlit server only offers browser setup, which Pylon does not have, so the node did not send Pylon's credentials: connect Pylon in the Outlit web app (${env.sandbox.url}/integrations)`,
		);
		expect(toolCalls()).toEqual([['outlit_get_integration_capabilities', { provider: 'pylon' }]]);
		expect(JSON.stringify(env.sandbox.requests)).not.toContain(CANARY.pylonToken);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('an older gateway: its connect URL is checked like any other', async () => {
		env.sandbox.reset({ legacyGateway: true });
		env.sandbox.setHandoffUrl('https://evil.example/connect/{sessionId}');
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error.message).toBe(
			`Outlit returned a connect URL this node will not use (it is not on the Base URL's origin): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${env.sandbox.url}/integrations).`,
		);
	});

	test('an older gateway (no preferredSetupVersion): browser connect uses outlit_begin_integration_setup with the provider alone', async () => {
		env.sandbox.reset({ legacyGateway: true });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error).toBeUndefined();
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'hubspot' }],
			['outlit_begin_integration_setup', { provider: 'hubspot' }],
		]);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', state: 'handoff_ready', connected: false });
		expect(r.items[0].json.sessionId).toMatch(UUID);
	});

	test.each([
		['another origin', 'https://evil.example/connect/{sessionId}', "it is not on the Base URL's origin"],
		['a user name', 'http://user:pw@127.0.0.1:PORT/connect/{sessionId}', 'it carries a user name or password'],
		['a fragment', 'http://127.0.0.1:PORT/connect/{sessionId}#x', 'it has a fragment'],
		['a token in the query', 'http://127.0.0.1:PORT/connect/{sessionId}?token=abc', 'its query carries credential-like parameters'],
	])('a connect URL with %s is refused and never output', async (_name, template, reason) => {
		env.sandbox.setHandoffUrl(template.replace('PORT', String(env.sandbox.port)));
		const r = await run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' });
		expect(r.error.message).toBe(
			`Outlit returned a connect URL this node will not use (${reason}): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${env.sandbox.url}/integrations).`,
		);
		expect(r.error.description).toBe(
			`A connect URL must be https on the Base URL's origin (${env.sandbox.url}), without a user name, password, fragment or credential-like query. Check the Base URL in the Outlit credential.`,
		);
		expect(JSON.stringify(r.items)).not.toContain('/connect/');
	});

	test('a setup error inside a 200 is a node error naming the provider', async () => {
		env.sandbox.setSetupError('stripe', { code: 'CREDENTIAL_REJECTED', message: 'The restricted key was revoked', retryable: false });
		const r = await run(direct('stripe', { apiKey: CANARY.stripeKey }));
		expect(r.error.message).toBe(
			"Outlit rejected the Stripe credentials: The restricted key was revoked. Check Stripe's fields (API Key) in the node's provider fields: a valid, unrevoked key with the access Outlit needs. Then run the node again.",
		);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test('with Continue On Fail the setup error is an error item with its code', async () => {
		env.sandbox.setSetupError('pylon', { code: 'CONNECTION_CONFLICT', message: 'Connected by someone else', retryable: false });
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ error: expect.stringContaining('Pylon'), code: 'CONNECTION_CONFLICT', httpCode: '200' });
	});

	test('Wait Until Connected: polls the session, then asks Outlit once more without credentials and merges status and next', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout: 10 });
		expect(r.error).toBeUndefined();
		const calls = toolCalls();
		const sessionId = env.sandbox.latestSession().id;
		expect(calls).toEqual([
			['outlit_get_integration_capabilities', { provider: 'hubspot' }],
			['outlit_setup_integration', { provider: 'hubspot' }],
			['outlit_get_integration_setup_status', { sessionId }],
			['outlit_get_integration_setup_status', { sessionId }],
			['outlit_setup_integration', { provider: 'hubspot' }],
		]);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', status: 'setup_required', connected: false, polls: 2, next: { kind: 'crm_mapping' } });
		expect(r.items[0].json.next.recommendation.length).toBeGreaterThan(0);
	});
});

describe('setup negotiation: once per provider per execution, as Outlit documents', () => {
	const browser = (provider) => ({ json: { provider } });
	const connectEach = { operation: 'connect', provider: '={{ $json.provider }}', connectionMethod: 'browser' };

	test('three items, two providers: one negotiation per provider, one setup per item', async () => {
		env.sandbox.reset();
		const r = await run(connectEach, { input: [browser('slack'), browser('gong'), browser('slack')] });
		expect(r.error).toBeUndefined();
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'slack' }],
			['outlit_setup_integration', { provider: 'slack' }],
			['outlit_get_integration_capabilities', { provider: 'gong' }],
			['outlit_setup_integration', { provider: 'gong' }],
			['outlit_setup_integration', { provider: 'slack' }],
		]);
		expect(r.items.map((i) => i.json.provider)).toEqual(['slack', 'gong', 'slack']);
	});

	test('a negotiation that failed is asked again by the next item', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_capabilities', status: 403, body: { code: 'TOOL_CALL_FORBIDDEN', message: 'Not now', retryable: false, requestId: 'req_n' } });
		const r = await run(connectEach, { input: [browser('slack'), browser('slack')], continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ httpCode: '403' });
		expect(r.items[1].json).toMatchObject({ provider: 'slack', status: 'awaiting_auth' });
		expect(toolCalls().map(([tool]) => tool)).toEqual(['outlit_get_integration_capabilities', 'outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});

	test('an older gateway: Connect and Wait Until Connected ends connected, with no follow-up setup call', async () => {
		env.sandbox.reset({ legacyGateway: true, autoCompleteAfterPolls: 1 });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout: 10 });
		expect(r.error).toBeUndefined();
		const sessionId = r.items[0].json.sessionId;
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'hubspot' }],
			['outlit_begin_integration_setup', { provider: 'hubspot' }],
			['outlit_get_integration_setup_status', { sessionId }],
			['outlit_get_integration_setup_status', { sessionId }],
		]);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', sessionId, status: 'connected', polls: 2 });
	});

	test('an older gateway: a setup step is never sent there, and the error says where to finish it', async () => {
		env.sandbox.reset({ legacyGateway: true, connected: ['hubspot'] });
		const mappings = [{ pipelineId: 'p1', pipelineName: 'Sales', mappings: [] }];
		const r = await run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: JSON.stringify({ mappings }) });
		expect(r.error.message).toBe(
			`This Outlit server only offers browser setup, so the node cannot run HubSpot's "mappings" step: finish it in the Outlit web app (${env.sandbox.url}/integrations)`,
		);
		expect(toolCalls()).toEqual([['outlit_get_integration_capabilities', { provider: 'hubspot' }]]);
	});
});

describe('Get Connection Status and Wait for Connection on the gateway', () => {
	async function session() {
		const r = await run({ operation: 'connect', provider: 'gong', connectionMethod: 'browser' });
		env.sandbox.clearRequests();
		return r.items[0].json.sessionId;
	}

	test('one poll with outlit_get_integration_setup_status', async () => {
		const sessionId = await session();
		const r = await run({ operation: 'getConnectionStatus', sessionId });
		expect(toolCalls()).toEqual([['outlit_get_integration_setup_status', { sessionId }]]);
		expect(r.items[0].json).toEqual({ sessionId, status: 'pending', provider: 'gong' });
	});

	test('a session ID that is not a UUID fails before any request', async () => {
		const r = await run({ operation: 'getConnectionStatus', sessionId: 'sess_123' });
		expect(r.error.message).toBe(
			'Parameter "Session ID" must be a UUID, e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a: use the sessionId that Connect (Browser Session) returned.',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	// ToolInput_outlit_get_integration_setup_status: version digit [1-8], variant [89abAB] (or the nil / max UUID).
	test.each([
		['version 0', '0f6d0f76-1dc7-0c5c-bba5-6685f74a5e3a'],
		['variant c', '0f6d0f76-1dc7-4c5c-cba5-6685f74a5e3a'],
		['the max UUID in capitals (the schema has it in lower case only)', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
	])('a UUID Outlit\'s schema refuses (%s) fails before any request, as any other non-UUID does', async (_name, sessionId) => {
		for (const operation of ['getConnectionStatus', 'waitForConnection']) {
			const r = await run({ operation, sessionId });
			expect(r.error.message).toBe(
				'Parameter "Session ID" must be a UUID, e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a: use the sessionId that Connect (Browser Session) returned.',
			);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('the wait retries an envelope that says retryable, waiting until resetAt', async () => {
		const sessionId = await session();
		env.sandbox.injectFault({
			path: '/api/tools/call',
			tool: 'outlit_get_integration_setup_status',
			status: 429,
			body: { code: 'plan_api_limit_exceeded', message: 'Slow down', retryable: true, requestId: 'req_1', resetAt: Date.now() + 400 },
		});
		const started = Date.now();
		const [r] = await Promise.all([
			run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 10 }),
			new Promise((resolve) => setTimeout(() => resolve(env.sandbox.completeSession(sessionId)), 600)),
		]);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.status).toBe('connected');
		const polls = env.sandbox.requests.map((q) => Date.parse(q.at));
		expect(polls[1] - polls[0]).toBeGreaterThanOrEqual(300);
		expect(Date.now() - started).toBeGreaterThanOrEqual(600);
	});

	test('an envelope that says retryable: false ends the wait with its error', async () => {
		const sessionId = await session();
		env.sandbox.injectFault({ path: '/api/tools/call', status: 403, body: { code: 'TOOL_CALL_FORBIDDEN', message: 'Missing grant', retryable: false, requestId: 'req_2' } });
		const r = await run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 10 });
		expect(r.error.message).toBe(
			'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential. Outlit request ID: req_2.',
		);
		expect(r.error.description).toContain('req_2');
		expect(env.sandbox.requests).toHaveLength(1);
	});
});

describe('Run Setup Step on the gateway', () => {
	test('mappings without config returns Outlit\'s recommendation as config_required', async () => {
		env.sandbox.reset({ connected: ['hubspot'] });
		const r = await run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' });
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'hubspot' }],
			['outlit_setup_integration', { provider: 'hubspot' }],
		]);
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', step: 'mappings', status: 'config_required' });
		expect(r.items[0].json.recommendation[0]).toMatchObject({ pipelineId: expect.any(String), mappings: expect.any(Array) });
	});

	test('mappings with config are sent as a confirmed crm_mapping configuration', async () => {
		env.sandbox.reset({ connected: ['salesforce'] });
		const mappings = [{ pipelineId: 'p1', pipelineName: 'Sales', mappings: [{ outlitStage: 'Won', crmStages: [{ id: 'w', name: 'Closed Won' }] }] }];
		const r = await run({ operation: 'runSetupStep', provider: 'salesforce', step: 'mappings', setupConfig: JSON.stringify({ mappings }) });
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'salesforce' }],
			['outlit_setup_integration', { provider: 'salesforce', configuration: { kind: 'crm_mapping', mappings, confirm: true } }],
		]);
		expect(r.items[0].json).toMatchObject({ provider: 'salesforce', step: 'mappings', status: 'ready', connected: true });
	});

	test('Accept Recommendation confirms Outlit\'s recommendation in the same run (two calls)', async () => {
		env.sandbox.reset({ connected: ['attio'] });
		const r = await run({ operation: 'runSetupStep', provider: 'attio', step: 'mappings', setupConfig: '', options: { acceptRecommendation: true } });
		const calls = toolCalls();
		expect(calls).toHaveLength(3);
		expect(calls[0]).toEqual(['outlit_get_integration_capabilities', { provider: 'attio' }]);
		expect(calls[1]).toEqual(['outlit_setup_integration', { provider: 'attio' }]);
		expect(calls[2][1]).toMatchObject({ provider: 'attio', configuration: { kind: 'crm_mapping', confirm: true } });
		expect(r.items[0].json).toMatchObject({ status: 'ready', connected: true });
	});

	test('Mixpanel mapping is sent as a mixpanel_mapping configuration', async () => {
		env.sandbox.reset({ connected: ['mixpanel'] });
		const r = await run({ operation: 'runSetupStep', provider: 'mixpanel', step: 'mixpanelMapping', setupConfig: '{"mapping": {"mode": "email_domain"}}' });
		expect(toolCalls()).toEqual([
			['outlit_get_integration_capabilities', { provider: 'mixpanel' }],
			['outlit_setup_integration', { provider: 'mixpanel', configuration: { kind: 'mixpanel_mapping', mapping: { mode: 'email_domain' }, confirm: true } }],
		]);
		expect(r.items[0].json).toMatchObject({ status: 'ready' });
	});

	test('Mixpanel mapping without config returns the preview', async () => {
		env.sandbox.reset({ connected: ['mixpanel'] });
		const r = await run({ operation: 'runSetupStep', provider: 'mixpanel', step: 'mixpanelMapping', setupConfig: '' });
		expect(r.items[0].json).toMatchObject({ status: 'config_required', preview: { candidateAccountKeys: expect.any(Array) } });
	});

	test('webhooks are not on the gateway: an error that names the web app, no request', async () => {
		const r = await run({ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: JSON.stringify({ webhookSecret: CANARY.webhookSecret }) });
		expect(r.error.description).toContain(`${env.sandbox.url}/integrations`);
		expect(env.sandbox.requests).toHaveLength(0);
		expect(leakedCanaries(r.error)).toEqual([]);
	});
});

describe('Disconnect and Get Sync Status on the gateway', () => {
	test('Disconnect is not on the gateway: the error names the web app', async () => {
		const r = await run({ operation: 'disconnect', provider: 'stripe' });
		expect(r.error.message).toBe(
			`Disconnect is not available with "API" set to Tools Gateway: do it in the Outlit web app (${env.sandbox.url}/integrations), or set "API" in the Outlit API credential to Automatic to use Outlit's older API while it answers.`,
		);
		expect(r.error.description).toContain(`${env.sandbox.url}/integrations`);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('Get Sync Status falls back to readiness with syncs: null', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect(toolCalls()).toEqual([['outlit_get_integration_status', { provider: 'stripe' }]]);
		expect(r.items[0].json).toEqual({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true, syncs: null });
	});
});

describe('gateway errors', () => {
	const envelope = (status, code, extra = {}) => ({ path: '/api/tools/call', status, body: { code, message: `${code} happened`, retryable: false, requestId: 'req_abc', ...extra } });

	test.each([
		[401, 'INVALID_CREDENTIALS', {}, 'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential. Outlit request ID: req_abc.'],
		[403, 'TOOL_CALL_FORBIDDEN', {}, 'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential. Outlit request ID: req_abc.'],
		[429, 'plan_api_limit_exceeded', { plan: 'free', resetAt: Date.UTC(2030, 0, 1) }, 'Your Outlit plan\'s API limit is reached (plan "free"): try again after 2030-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app. Outlit request ID: req_abc.'],
		[402, 'plan_billing_action_required', {}, 'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again. Outlit request ID: req_abc.'],
		[400, 'INVALID_TOOL_INPUT', {}, "Outlit rejected the request: INVALID_TOOL_INPUT happened. Check the node's parameters (the provider, its fields and any JSON config), then run it again. Outlit request ID: req_abc."],
		[409, 'TOOL_IMPLEMENTATION_ERROR', {}, 'Outlit reported a conflict: TOOL_IMPLEMENTATION_ERROR happened. Check the integration in the Outlit web app (another change may be in progress), then try again. Outlit request ID: req_abc.'],
		[503, 'TOOL_GATEWAY_ERROR', {}, 'Outlit had a server error (503: TOOL_GATEWAY_ERROR happened), which is usually temporary: try again in a moment. Outlit request ID: req_abc.'],
	])('%i %s gives a readable error whose message says what to do and carries the request ID', async (status, code, extra, message) => {
		env.sandbox.injectFault(envelope(status, code, extra));
		const r = await run({ operation: 'getAll' }, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ error: message, httpCode: String(status), code, requestId: 'req_abc' });
		expect(r.items[0].json.description).toContain('req_abc');
	});

	test('the plan limit says when to retry, from resetAt', async () => {
		env.sandbox.injectFault(envelope(429, 'plan_api_limit_exceeded', { resetAt: Date.UTC(2030, 0, 1) }));
		const r = await run({ operation: 'getAll' });
		expect(r.error.description).toContain('Retry after 2030-01-01T00:00:00.000Z');
	});

	test('the older error shape {error, details} is read too', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', status: 429, body: { error: 'api_limit_exceeded', details: [] } });
		const r = await run({ operation: 'getAll' });
		expect(r.error.message).toBe("Your Outlit plan's API limit is reached: try again later, or upgrade the plan in the Outlit web app.");
	});

	test('the sandbox\'s own 401 for a wrong key is the API-key message, and the key never shows', async () => {
		const r = await run({ operation: 'getAll' }, { credentials: { apiKey: 'ok_CANARY_wrong_key_1234' } });
		expect(r.error.message).toMatch(/^Outlit did not accept the API key\. .* Outlit request ID: req_[0-9a-f]{16}\.$/);
		expect(JSON.stringify(r.error)).not.toContain('ok_CANARY_wrong_key_1234');
	});
});
