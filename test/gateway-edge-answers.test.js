'use strict';
/**
 * The tools gateway's less common answers, through n8n's real engine against the sandbox (Tools
 * Gateway API): every setup error code Outlit documents, answers that lack what the contract
 * promises, an older gateway's already-connected answer, steps and methods a provider does not
 * have there, and a 404 that carries Outlit's envelope. Expected values are literals.
 */
const { outlitEnvironment, CANARY } = require('./support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const run = (parameters, options) => env.run(parameters, options);
const tools = () => env.sandbox.requests.map((r) => r.body.tool);
const inputs = () => env.sandbox.requests.map((r) => r.body.input);
const direct = (provider, fields) => ({ operation: 'connect', provider, connectionMethod: 'direct', ...fields });
const answer = (tool, body) => ({ path: '/api/tools/call', tool, status: 200, body });

describe('setup errors inside a 200: each code Outlit documents says what happened and what to do', () => {
	test.each([
		['CREDENTIAL_REJECTED', 'Outlit rejected the Pylon credentials', 'Check the credential fields (a valid, unrevoked key with the access Outlit needs), then run the node again.'],
		['CREDENTIAL_REQUIRED', 'Pylon needs credentials before Outlit can connect it', 'Set "Connection Method" to Direct and fill in the credential fields.'],
		['OWNER_REQUIRED', 'Only the owner of the Pylon connection can change it', 'Ask the person who connected it, or an Outlit admin, to make this change.'],
		['CONNECTION_CONFLICT', 'Pylon is already connected in a way that conflicts with this setup', 'Disconnect the existing connection in the Outlit web app, then connect again.'],
		['LEGACY_CONNECTION_REQUIRED', 'Pylon is connected the old way and must be reconnected in the Outlit web app', 'Open Integrations in the Outlit web app and reconnect the provider there.'],
		['HANDOFF_UNAVAILABLE', 'Outlit cannot start a browser handoff for Pylon right now', 'Try again later, or connect the provider in the Outlit web app.'],
		['TRANSIENT_FAILURE', 'Outlit could not finish the Pylon setup this time', 'This is temporary: run the node again in a moment.'],
	])('%s', async (code, message, description) => {
		env.sandbox.reset();
		env.sandbox.setSetupError('pylon', { code, message: 'Outlit says so', retryable: code === 'TRANSIENT_FAILURE' });
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([{ error: `${message}: Outlit says so`, description, httpCode: '200', code }]);
	});

	test('retryable: true is not retried: a setup is a write (one call, as Outlit\'s CLI does)', async () => {
		env.sandbox.reset();
		env.sandbox.setSetupError('pylon', { code: 'TRANSIENT_FAILURE', message: 'Try again', retryable: true });
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		expect(r.items[0].json.error).toBe('Outlit could not finish the Pylon setup this time: Try again');
		expect(tools()).toEqual(['outlit_setup_integration']);
	});

	test('a code this release does not know, without a message, still reads', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_setup_integration', { provider: 'pylon', status: 'not_connected', next: null, error: { code: 'QUOTA_PAUSED', message: '', retryable: false } }));
		const r = await run(direct('pylon', { apiToken: CANARY.pylonToken }), { continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{ error: 'Outlit could not set up Pylon: no reason given', description: 'Outlit answered with setup error QUOTA_PAUSED.', httpCode: '200', code: 'QUOTA_PAUSED' },
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
				error: 'Outlit returned an integration status without "integrations"',
				description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
				httpCode: '200',
			},
		]);
	});

	test('capabilities without "providers" (Get Capabilities)', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault(answer('outlit_get_integration_capabilities', { integrations: [] }));
		const r = await run({ operation: 'getCapabilities', provider: 'stripe' });
		expect([r.error.message, r.error.httpCode]).toEqual(['Outlit returned capabilities without "providers"', '200']);
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
		expect([r.error.message, r.error.httpCode]).toEqual(['Outlit returned no status for "stripe"', '200']);
	});

	test('a refused connect URL is an error of the 200 that carried it', async () => {
		env.sandbox.reset();
		env.sandbox.setHandoffUrl('https://evil.example/connect/{sessionId}');
		const r = await run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' }, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ error: "Outlit returned a connect URL this node will not use: it is not on the Base URL's origin", httpCode: '200' });
	});
});

describe('an error status that carries Outlit\'s envelope is Outlit\'s answer, not a missing gateway', () => {
	test('404 with the envelope on Connect (Browser Session): Outlit\'s message, and no fallback tool', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', status: 404, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Provider is paused', retryable: false, requestId: 'req_404' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error.message).toBe('Outlit answered 404: Provider is paused');
		expect(r.error.description).toBe('The gateway answered outlit_setup_integration with an error the node does not know. (Outlit request ID: req_404)');
		expect(tools()).toEqual(['outlit_setup_integration']);
	});

	test('a 409 on Connect (Browser Session) is thrown as it is: only INVALID_TOOL_CALL means an older gateway', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', status: 409, body: { code: 'CONNECTION_CONFLICT', message: 'Busy', retryable: false, requestId: 'req_409' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error.message).toBe('Outlit reported a conflict: Busy');
		expect(tools()).toEqual(['outlit_setup_integration']);
	});
});

describe('a server error without the envelope', () => {
	test('a 502 page from a proxy in front of the gateway is a server error, not a missing gateway', async () => {
		env.sandbox.reset();
		env.sandbox.injectFault({ path: '/api/tools/call', status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser', retryTransientErrors: false });
		expect([r.error.message, r.error.description]).toEqual(['Outlit had a server error (502)', 'This is usually temporary: retry in a moment.']);
	});
});

describe('an older gateway (no outlit_setup_integration)', () => {
	test('an already connected provider: no connect URL to check, connected: true', async () => {
		env.sandbox.reset({ legacyGateway: true, connected: ['hubspot'] });
		const r = await run({ operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual(['outlit_setup_integration', 'outlit_begin_integration_setup']);
		expect(r.items.map((i) => i.json)).toEqual([
			{ provider: 'hubspot', state: 'already_connected', sessionId: null, connectUrl: null, expiresAt: null, connected: true },
		]);
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
		expect(r.error.message).toBe('PostHog connects with credentials (API Key, Region, Project ID), not a browser session');
	});

	test('Browser Session for a provider that connects by credentials there: names its fields, sends nothing', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'connect', provider: 'pylon', connectionMethod: 'browser' });
		expect(r.error.message).toBe('Pylon connects with credentials (API Token), not a browser session');
		expect(r.error.description).toBe('Set "Connection Method" to Direct and fill in the fields.');
		expect(tools()).toEqual([]);
	});

	test('a provider Outlit added after this release, by Browser Session: the provider alone is sent', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'connect', provider: '={{ "newcrm" }}', connectionMethod: 'browser', additionalConfig: '{"region": "eu"}' });
		expect(inputs()).toEqual([{ provider: 'newcrm' }]);
		// The contract's schema does not know it: the sandbox refuses it, and that refusal comes back as it is.
		expect(r.error.message).toBe('Outlit rejected the request: Invalid tool input at /provider: must be equal to one of the allowed values');
	});

	test.each([
		['mappings', 'stripe', 'Stripe has no "mappings" setup step on Outlit\'s tools gateway', 'Mappings are for Salesforce, HubSpot and Attio.'],
		['mixpanelMapping', 'hubspot', 'HubSpot has no "mixpanelMapping" setup step on Outlit\'s tools gateway', 'Mixpanel Mapping is for Mixpanel.'],
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
		expect(inputs()).toEqual([{ provider: 'hubspot' }]);
		expect(r.items.map((i) => i.json)).toEqual([{ provider: 'hubspot', step: 'mappings', name: 'HubSpot', category: 'crm', status: 'ready', connected: true }]);
	});

	test('a Session ID that is not a UUID: the description shows what one looks like', async () => {
		env.sandbox.reset();
		const r = await run({ operation: 'getConnectionStatus', sessionId: 'abc' });
		expect(r.error.message).toBe("The Session ID must be a UUID on Outlit's tools gateway");
		expect(r.error.description).toBe('Use the sessionId that Connect (Browser Session) returned, for example 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a.');
	});
});
