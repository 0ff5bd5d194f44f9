'use strict';
/**
 * Setup negotiation at its edges, through n8n's real engine against the sandbox (Tools Gateway API):
 * a negotiation answer without "providers", a server that sets a provider up only by a person (each
 * of the two signs Outlit's capabilities give), a compatibility session in a state Outlit does not
 * document, a handoff with an empty URL, a setup error whose code is not text, Outlit's words ending
 * in more than one period or space, and the provider refusal's value shown in full or cut short.
 * Expected values are literals from Outlit's integration tools docs and the contract.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const run = (parameters, options) => env.run(parameters, options);
const tools = () => env.sandbox.requests.map((r) => r.body.tool);
const answer = (tool, body) => ({ path: '/api/tools/call', tool, status: 200, body });
const browser = (provider) => ({ operation: 'connect', provider, connectionMethod: 'browser' });
const HUBSPOT = { provider: 'hubspot', name: 'HubSpot', category: 'crm', authType: 'oauth' };

test('a negotiation answer without "providers" is an error, and nothing is set up', async () => {
	env.sandbox.injectFault(answer('outlit_get_integration_capabilities', { integrations: [], preferredSetupVersion: 1 }));
	const r = await run(browser('hubspot'), { continueOnFail: true });
	expect(r.items[0].json.error).toMatch(/^Outlit returned capabilities without "providers"/);
	expect(tools()).toEqual(['outlit_get_integration_capabilities']);
});

test.each([
	['setupMode human_controlled, with a browser handoff said to be available', { setupMode: 'human_controlled', browserHandoffAvailable: true }],
	['no browser handoff available, in browser_handoff mode', { setupMode: 'browser_handoff', browserHandoffAvailable: false }],
])('older gateway, %s: set up by a person, no session started', async (_name, signs) => {
	env.sandbox.reset({ legacyGateway: true });
	env.sandbox.injectFault(answer('outlit_get_integration_capabilities', { providers: [{ ...HUBSPOT, ...signs }] }));
	const r = await run(browser('hubspot'));
	expect(r.items.map((i) => i.json)).toEqual([{ provider: 'hubspot', status: 'human_controlled', connected: false, setupUrl: `${env.sandbox.url}/integrations` }]);
	expect(tools()).toEqual(['outlit_get_integration_capabilities']);
});

test('older gateway: a provider it does not list in its capabilities still gets a browser session', async () => {
	env.sandbox.reset({ legacyGateway: true });
	env.sandbox.injectFault(answer('outlit_get_integration_capabilities', { providers: [] }));
	const r = await run(browser('hubspot'));
	expect(r.error).toBeUndefined();
	expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_begin_integration_setup']);
	expect(r.items[0].json).toMatchObject({ provider: 'hubspot', state: 'handoff_ready', connected: false });
});

test('older gateway: a session in a state Outlit does not document is an error that names it', async () => {
	env.sandbox.reset({ legacyGateway: true });
	env.sandbox.injectFault(answer('outlit_begin_integration_setup', { provider: 'hubspot', state: 'queued', sessionId: null, connectUrl: null, expiresAt: null }));
	const r = await run(browser('hubspot'), { continueOnFail: true });
	expect(r.items[0].json.error).toMatch(/^Outlit answered the HubSpot setup with a browser session in the state "queued", so the node cannot continue/);
});

test('negotiated setup: a handoff whose URL is empty text names it', async () => {
	env.sandbox.injectFault(
		answer('outlit_setup_integration', {
			...HUBSPOT,
			status: 'awaiting_auth',
			next: { kind: 'browser_handoff', purpose: 'authentication', url: '', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', expiresAt: null },
			error: null,
		}),
	);
	const r = await run(browser('hubspot'), { continueOnFail: true });
	expect(r.items[0].json.error).toMatch(/^Outlit answered the HubSpot setup with a browser handoff without a connect URL \(""\)/);
});

test('a setup error whose code is not text: no advice table is consulted, the code is still shown', async () => {
	env.sandbox.injectFault(answer('outlit_setup_integration', { ...HUBSPOT, status: 'not_connected', next: null, error: { code: 42, message: 'Odd', retryable: false } }));
	const r = await run(browser('hubspot'), { continueOnFail: true });
	expect(r.items[0].json.error).toMatch(/^Outlit could not set up HubSpot: Odd\. Outlit answered with setup error 42/);
});

test("Outlit's words ending in periods and spaces end in exactly one period before the advice", async () => {
	env.sandbox.setSetupError('hubspot', { code: 'TRANSIENT_FAILURE', message: 'Busy right now.. ', retryable: true });
	const r = await run(browser('hubspot'), { continueOnFail: true });
	expect(r.items[0].json.error).toBe('Outlit could not finish the HubSpot setup this time: Busy right now. This is temporary: run the node again in a moment.');
});

describe('the provider refusal shows the value as given', () => {
	const refused = async (provider) => (await run({ operation: 'getSyncStatus', provider }, { continueOnFail: true })).items[0].json.error;

	test('an expression that gives nothing: "is empty"', async () => {
		for (const provider of ['={{ null }}', '={{ undefined }}', '={{ "  " }}']) {
			expect(await refused(provider)).toMatch(/^Parameter "Provider" is empty\. Use one of these 15 Outlit provider IDs: /);
		}
		expect(env.sandbox.requests).toEqual([]);
	});

	test('60 characters are shown in full, 61 are cut short', async () => {
		const sixty = `Not A Provider ${'x'.repeat(45)}`;
		expect(sixty).toHaveLength(60);
		expect(await refused(sixty)).toMatch(new RegExp(`^Parameter "Provider" is "${sixty}", which is not an Outlit provider ID`));
		expect(await refused(`${sixty}y`)).toMatch(new RegExp(`^Parameter "Provider" is "${sixty}…", which is not an Outlit provider ID`));
	});
});
