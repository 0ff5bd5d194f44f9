'use strict';
/**
 * The tools gateway's less common answers, through n8n's real engine against the sandbox (Tools
 * Gateway API): every setup error code Outlit documents, answers that lack what the contract
 * promises, an older gateway's already-connected answer, steps and methods a provider does not
 * have there, and a 404 that carries Outlit's envelope. Expected values are literals.
 */
const { outlitEnvironment, CANARY } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const run = (parameters, options) => env.run(parameters, options);
const tools = () => env.sandbox.requests.map((r) => r.body.tool);
const inputs = () => env.sandbox.requests.map((r) => r.body.input);
const direct = (provider, fields) => ({ operation: 'connect', provider, connectionMethod: 'direct', secretSource: 'fields', ...fields });
const answer = (tool, body) => ({ path: '/api/tools/call', tool, status: 200, body });

describe('setup errors inside a 200: each code Outlit documents says what happened and what to do, for the node\'s own state', () => {
	const WEB_APP = () => `${env.sandbox.url}/integrations`;
	const byBrowser = (provider) => ({ operation: 'connect', provider, connectionMethod: 'browser' });
	// [code, what the node did, parameters, message before the advice, advice]
	test.each([
		['CREDENTIAL_REJECTED', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Outlit rejected the Pylon credentials', "Check Pylon's fields (API Token) in the node's provider fields: a valid, unrevoked key with the access Outlit needs. Then run the node again."],
		['CREDENTIAL_REJECTED', 'Browser Session', byBrowser('hubspot'), 'Outlit rejected the HubSpot credentials', 'Reconnect HubSpot with an account that has the access Outlit needs, then run the node again.'],
		['CREDENTIAL_REQUIRED', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Pylon needs credentials before Outlit can connect it', "Fill in every field Outlit needs (API Token) in the node's provider fields, then run the node again."],
		['CREDENTIAL_REQUIRED', 'Browser Session, a provider with fields', byBrowser('stripe'), 'Stripe needs credentials before Outlit can connect it', "Set Connection Method to Direct and give the node Stripe's fields (API Key) in an Outlit Provider Credentials credential."],
		['CREDENTIAL_REQUIRED', 'Browser Session, a browser-only provider', byBrowser('hubspot'), 'HubSpot needs credentials before Outlit can connect it', 'Connect HubSpot in the Outlit web app (WEB_APP), where Outlit asks for what it needs.'],
		['OWNER_REQUIRED', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Only the owner of the Pylon connection can change it', 'Ask the person who connected it, or an Outlit admin, to make this change.'],
		['CONNECTION_CONFLICT', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Pylon is already connected in a way that conflicts with this setup', 'Disconnect the existing connection in the Outlit web app, then connect again.'],
		['LEGACY_CONNECTION_REQUIRED', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Pylon is connected the old way and must be reconnected in the Outlit web app', 'Reconnect Pylon in the Outlit web app (WEB_APP).'],
		['HANDOFF_UNAVAILABLE', 'Browser Session, a provider with fields', byBrowser('stripe'), 'Outlit cannot start a browser handoff for Stripe right now', 'Try again later, or connect Stripe in the Outlit web app (WEB_APP), or set Connection Method to Direct.'],
		['HANDOFF_UNAVAILABLE', 'Browser Session, a browser-only provider', byBrowser('hubspot'), 'Outlit cannot start a browser handoff for HubSpot right now', 'Try again later, or connect HubSpot in the Outlit web app (WEB_APP).'],
		['TRANSIENT_FAILURE', 'Direct', direct('pylon', { apiToken: CANARY.pylonToken }), 'Outlit could not finish the Pylon setup this time', 'This is temporary: run the node again in a moment.'],
	])('%s on %s', async (code, _state, params, message, advice) => {
		env.sandbox.reset();
		env.sandbox.setSetupError(params.provider, { code, message: 'Outlit says so.', retryable: code === 'TRANSIENT_FAILURE' });
		const r = await run(params, { continueOnFail: true });
		const expected = advice.replace('WEB_APP', WEB_APP());
		// The advice is in the message itself (an AI agent gets only the message), Outlit's own period not doubled.
		expect(r.items.map((i) => i.json)).toEqual([{ error: `${message}: Outlit says so. ${expected}`, description: expected, httpCode: '200', code }]);
	});

	test('CREDENTIAL_REQUIRED with the fields from Outlit Provider Credentials names that credential', async () => {
		env.sandbox.reset();
		env.sandbox.setSetupError('pylon', { code: 'CREDENTIAL_REQUIRED', message: 'Missing token', retryable: false });
		const r = await run(
			{ operation: 'connect', provider: 'pylon', connectionMethod: 'direct' },
			{ continueOnFail: true, providerCredential: { provider: 'pylon', apiToken: CANARY.credPylonToken } },
		);
		expect(r.items[0].json.error).toBe(
			'Pylon needs credentials before Outlit can connect it: Missing token. Fill in every field Outlit needs (API Token) in the Outlit Provider Credentials "outlitProviderApi (harness)", then run the node again.',
		);
		expect(env.sandbox.requests.map((q) => q.body.input)).toEqual([{ provider: 'pylon' }, { provider: 'pylon', credentials: { apiToken: CANARY.credPylonToken } }]);
	});

	test('CREDENTIAL_REQUIRED on a setup step: connect first', async () => {
		env.sandbox.reset({ connected: ['hubspot'] });
		env.sandbox.setSetupError('hubspot', { code: 'CREDENTIAL_REQUIRED', message: 'Not connected', retryable: false });
		const r = await run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' }, { continueOnFail: true });
		expect(r.items[0].json.error).toBe('HubSpot needs credentials before Outlit can connect it: Not connected. Connect HubSpot first with the Connect operation, then run the "mappings" step again.');
	});

	test('retryable: true is not retried: a setup is a write (one call, as Outlit\'s CLI does)', async () => {
		env.sandbox.reset();
		env.sandbox.setSetupError('pylon', { code: 'TRANSIENT_FAILURE', message: 'Try again', retryable: true });
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		expect(r.items[0].json.error).toBe('Outlit could not finish the Pylon setup this time: Try again. This is temporary: run the node again in a moment.');
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});

	test.each([
		['a code this release does not know', 'QUOTA_PAUSED'],
		['a code that is the name of an object property', 'constructor'],
	])('%s, without a message, still reads', async (_name, code) => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_setup_integration', { provider: 'pylon', status: 'not_connected', next: null, error: { code, message: '', retryable: false } }));
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		const advice = `Outlit answered with setup error ${code}: try again later, or set Pylon up in the Outlit web app (${env.sandbox.url}/integrations).`;
		expect(r.items.map((i) => i.json)).toEqual([
			{ error: `Outlit could not set up Pylon: no reason given. ${advice}`, description: advice, httpCode: '200', code },
		]);
	});
});

describe('answers without what the contract promises', () => {
	test('an integration status without "integrations" (Get Many)', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_get_integration_status', { providers: [] }));
		const r = await run({ operation: 'getAll' }, { continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{
				error:
					'Outlit returned an integration status without "integrations", which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit\'s API, then try again.',
				description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
				httpCode: '200',
			},
		]);
	});

	test('capabilities without "providers" (Get Capabilities)', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_get_integration_capabilities', { integrations: [] }));
		const r = await run({ operation: 'getCapabilities', provider: 'stripe' });
		expect([r.error.message, r.error.httpCode]).toEqual(['Outlit returned capabilities without "providers", which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit\'s API, then try again.', '200']);
	});

	test('Get Sync Status takes the asked provider\'s entry, wherever it is in the list', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(
			answer('outlit_get_integration_status', {
				integrations: [
					{ provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'setup_required' },
					{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready' },
				],
			}),
		);
		const r = await run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect(r.items.map((i) => i.json)).toEqual([{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready', connected: true, syncs: null }]);
	});

	test('Get Sync Status when the list has no entry for the provider', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_get_integration_status', { integrations: [{ provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'ready' }] }));
		const r = await run({ operation: 'getSyncStatus', provider: 'stripe' });
		expect([r.error.message, r.error.httpCode]).toEqual(['Outlit returned no status for "stripe", which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit\'s API, then try again.', '200']);
	});

	test('a refused connect URL is an error of the 200 that carried it', async () => {
		env.sandbox.reset();
		env.sandbox.setHandoffUrl('https://evil.example/connect/{sessionId}');
		const r = await run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' }, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ error: `Outlit returned a connect URL this node will not use (it is not on the Base URL's origin): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${env.sandbox.url}/integrations).`, httpCode: '200' });
	});
});

describe('an error status that carries Outlit\'s envelope is Outlit\'s answer, not a missing gateway', () => {
	test('404 with the envelope on Connect (Browser Session): Outlit\'s message, and no fallback tool', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_setup_integration', status: 404, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Provider is paused', retryable: false, requestId: 'req_404' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error.message).toBe(
			"Outlit answered 404: Provider is paused. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_404.",
		);
		expect(r.error.description).toBe('The gateway answered outlit_setup_integration with an error the node does not know. (Outlit request ID: req_404)');
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});

	test('a 409 on Connect (Browser Session) is thrown as it is: no compatibility tool after a negotiated setup', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_setup_integration', status: 409, body: { code: 'CONNECTION_CONFLICT', message: 'Busy', retryable: false, requestId: 'req_409' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error.message).toBe(
			'Outlit reported a conflict: Busy. Check the integration in the Outlit web app (another change may be in progress), then try again. Outlit request ID: req_409.',
		);
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});

	test('INVALID_TOOL_CALL on a server that negotiated setup is an error, not a reason to try another tool', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_setup_integration', status: 400, body: { code: 'INVALID_TOOL_CALL', message: 'Unknown tool', retryable: false, requestId: 'req_400' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' }, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ httpCode: '400', code: 'INVALID_TOOL_CALL' });
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});
});

describe('a server error without the envelope', () => {
	test('a 502 page from a proxy in front of the gateway is a server error, not a missing gateway', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', options: { retryTransientErrors: false } });
		expect([r.error.message, r.error.description]).toEqual(['Outlit had a server error (502), which is usually temporary: try again in a moment.', 'This is usually temporary: retry in a moment.']);
	});
});

describe('an older gateway (its capabilities have no preferredSetupVersion)', () => {
	test('an already connected provider: no connect URL to check, connected: true', async () => {
		env.sandbox.reset({ legacyGateway: true, connected: ['hubspot'] });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_begin_integration_setup']);
		expect(r.items.map((i) => i.json)).toEqual([
			{ provider: 'hubspot', state: 'already_connected', sessionId: null, connectUrl: null, expiresAt: null, connected: true },
		]);
	});
});

describe('answers the node cannot act on are errors that name what Outlit returned, never success items', () => {
	const browser = { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' };
	const setupAnswer = (next) => answer('outlit_setup_integration', { provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'awaiting_auth', next, error: null });
	const handoff = { kind: 'browser_handoff', purpose: 'authentication', url: null, sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', expiresAt: null };
	const tail = () => `, so the node cannot continue: run it again, or set HubSpot up in the Outlit web app (${env.sandbox.url}/integrations)`;

	test.each([
		['a handoff without a connect URL', { ...handoff, url: null }, 'a browser handoff without a connect URL (null)'],
		['a next step of an unknown kind', { kind: 'billing_review', url: 'x' }, 'a next step of an unknown kind ("billing_review")'],
	])('negotiated setup: %s', async (_name, next, what) => {
		env.sandbox.reset();
		env.sandbox.injectFault(setupAnswer(next));
		const r = await run(browser, { continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{ error: `Outlit answered the HubSpot setup with ${what}${tail()}`, description: 'The answer is not one Outlit documents for this step; nothing was output as a success.', httpCode: '200' },
		]);
	});

	test('negotiated setup: a recovery handoff needs no session ID, and the node does not wait on it', async () => {
		env.sandbox.reset();
		const url = `${env.sandbox.url}/connect/recovery`;
		env.sandbox.injectFault(setupAnswer({ kind: 'browser_handoff', purpose: 'recovery', url, sessionId: null, expiresAt: null }));
		const r = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 5 });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', connectUrl: url, sessionId: null, purpose: 'recovery', connected: false });
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
	});

	test.each([
		['all null (the answer Outlit\'s CLI calls an invalid setup response)', { sessionId: null, connectUrl: null, expiresAt: null }, 'a browser session without a connect URL'],
		['no connect URL', { sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', connectUrl: null, expiresAt: null }, 'a browser session without a connect URL'],
	])('older gateway: handoff_ready with %s', async (_name, fields, what) => {
		env.sandbox.reset({ legacyGateway: true });
		env.sandbox.injectFault(answer('outlit_begin_integration_setup', { provider: 'hubspot', state: 'handoff_ready', ...fields }));
		const r = await run(browser, { continueOnFail: true });
		expect(r.items.map((i) => i.json.error)).toEqual([`Outlit answered the HubSpot setup with ${what}${tail()}`]);
	});

	test('older gateway: a provider it sets up only by a person gets an item that says where, and no session', async () => {
		env.sandbox.reset({ legacyGateway: true });
		env.sandbox.injectFault(
			answer('outlit_get_integration_capabilities', {
				providers: [{ provider: 'hubspot', name: 'HubSpot', category: 'crm', authType: 'oauth', setupMode: 'human_controlled', browserHandoffAvailable: false }],
			}),
		);
		const r = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 5 });
		expect(r.items.map((i) => i.json)).toEqual([{ provider: 'hubspot', status: 'human_controlled', connected: false, setupUrl: `${env.sandbox.url}/integrations` }]);
		expect(tools()).toEqual(['outlit_get_integration_capabilities']);
	});
});

describe('an older gateway: an answer without connectUrl', () => {
	test('no connect URL at all (already connected): nothing to check', async () => {
		env.sandbox.reset({ legacyGateway: true });
		env.sandbox.injectFault(answer('outlit_begin_integration_setup', { provider: 'hubspot', state: 'already_connected', sessionId: null, expiresAt: null }));
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([{ provider: 'hubspot', state: 'already_connected', sessionId: null, expiresAt: null, connected: true }]);
	});
});

describe('Stripe\'s connection mode after the wait', () => {
	test('Connect (Browser Session) and wait: the follow-up asks again in the oauth mode, without credentials', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const r = await run({ operation: 'connect', provider: 'stripe', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout: 10 });
		expect(r.error).toBeUndefined();
		const setups = env.sandbox.requests.filter((q) => q.body.tool === 'outlit_setup_integration').map((q) => q.body.input);
		expect(setups).toEqual([
			{ provider: 'stripe', connectionMode: 'oauth' },
			{ provider: 'stripe', connectionMode: 'oauth' },
		]);
	});
});

describe('methods and steps a provider does not have on the gateway', () => {
	test('Browser Session for PostHog (credentials only there): every field is named', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'connect', provider: 'posthog', connectionMethod: 'browser' });
		expect(r.error.message).toBe('PostHog connects with credentials (API Key, Region, Project ID), not a browser session: set "Connection Method" to Direct.');
	});

	test('Browser Session for a provider that connects by credentials there: names its fields, sends nothing', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'connect', provider: 'pylon', connectionMethod: 'browser' });
		expect(r.error.message).toBe('Pylon connects with credentials (API Token), not a browser session: set "Connection Method" to Direct.');
		expect(r.error.description).toBe('Set "Connection Method" to Direct and fill in the fields.');
		expect(tools()).toEqual([]);
	});

	test('a provider Outlit added after this release, by Browser Session: the provider alone is sent', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'connect', provider: '={{ "newcrm" }}', connectionMethod: 'browser', additionalConfig: '{"region": "eu"}' });
		// The negotiation asks about it alone; this server does not know it, so nothing else is sent.
		expect(env.sandbox.requests.map((q) => [q.body.tool, q.body.input])).toEqual([['outlit_get_integration_capabilities', { provider: 'newcrm' }]]);
		expect(r.error.httpCode).toBe('400');
	});

	test.each([
		['mappings', 'stripe', 'Stripe has no "mappings" setup step: Mappings are for Salesforce, HubSpot and Attio, so change "Provider" or "Step".', 'Mappings are for Salesforce, HubSpot and Attio.'],
		['mixpanelMapping', 'hubspot', 'HubSpot has no "mixpanelMapping" setup step: Mixpanel Mapping is for Mixpanel, so change "Provider" or "Step".', 'Mixpanel Mapping is for Mixpanel.'],
	])('a custom step "%s" for %s: refused before any request', async (step, provider, message, description) => {
		env.sandbox.reset({ connected: [provider] });
		const r = await run({ operation: 'runSetupStep', provider, step: 'custom', customStep: step });
		expect([r.error.message, r.error.description]).toEqual([message, description]);
		expect(tools()).toEqual([]);
	});

	test('Mappings without config once the mapping is confirmed: Outlit\'s answer as it is, no config_required', async () => {
		env.sandbox.reset({ connected: ['hubspot'] });
		const first = await run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '', options: { acceptRecommendation: true } });
		expect(first.error).toBeUndefined();
		env.sandbox.clearRequests();
		const r = await run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' });
		expect(inputs()).toEqual([{ provider: 'hubspot' }, { provider: 'hubspot' }]);
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
		expect(r.items.map((i) => i.json)).toEqual([{ provider: 'hubspot', step: 'mappings', name: 'HubSpot', category: 'crm', status: 'ready', connected: true }]);
	});

	test('a Session ID that is not a UUID: the description shows what one looks like', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'getConnectionStatus', sessionId: 'abc' });
		expect(r.error.message).toBe(
			'Parameter "Session ID" must be a UUID, e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a: use the sessionId that Connect (Browser Session) returned.',
		);
		expect(r.error.description).toBe('Use the sessionId that Connect (Browser Session) returned, for example 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a.');
	});
});
