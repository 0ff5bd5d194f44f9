'use strict';
/**
 * Which provider the node asks Outlit about, through n8n's real engine against the sandbox:
 * - "all" means every provider only where the operation offers it (Get Capabilities); elsewhere it is
 *   an ID like any other that the catalog lacks, sent to Outlit, whose refusal the node words;
 * - an operation without a Provider (Get Many, Get Connection Status) keeps Outlit's words when Outlit
 *   refuses a provider: there is no Provider parameter to name;
 * - Connect, on a server that does not negotiate setup, reads the capability of the provider it asked
 *   about, wherever it stands in Outlit's answer.
 */
const { PROVIDERS } = require('../support/providers');
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

const IDS = `${PROVIDERS.map((p) => p.id).join(', ')} (or gmail, an alias of google-mail)`;

const NOT_A_PROVIDER = `Parameter "Provider" is "all", which is not an Outlit provider ID. Use one of these 15: ${IDS}.`;
/** The sandbox's gateway request IDs (test/sandbox/gateway.js): req_ and 16 hex digits. */
const REQUEST_ID = / Outlit request ID: req_[0-9a-f]{16}\.$/;
const askedProviders = () => env.sandbox.requests.map((q) => (q.path === '/api/tools/call' ? q.body.input.provider : q.query.provider));

test('Get Sync Status with Provider "all" on the REST routes: asked of Outlit as an ID, and its refusal is the node\'s own', async () => {
	const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "all" }}', options: { retryTransientErrors: false } }, { credentials: { api: 'rest' } });
	expect(r.error.message).toBe(NOT_A_PROVIDER);
	expect(askedProviders()).toEqual(['all']);
});

test('Get Sync Status with Provider "all" on the gateway: asked of Outlit as an ID, and its refusal is the node\'s own', async () => {
	const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "all" }}', options: { retryTransientErrors: false } }, { credentials: { api: 'tools' } });
	expect(r.error.message.startsWith(`${NOT_A_PROVIDER} Outlit request ID: req_`)).toBe(true);
	expect(r.error.message).toMatch(REQUEST_ID);
	expect(askedProviders()).toEqual(['all']);
});

describe('an operation without a Provider: Outlit\'s refusal of a provider keeps its words', () => {
	const CHECK = "Check the node's parameters (the provider, its fields and any JSON config), then run it again.";

	test('Get Many, the gateway answering "Unknown provider": Outlit\'s words and what to check, no Provider parameter named', async () => {
		env.sandbox.injectFault({
			path: '/api/tools/call',
			tool: 'outlit_get_integration_status',
			status: 400,
			body: { code: 'INVALID_TOOL_INPUT', message: 'Unknown provider', retryable: false, requestId: 'req_g' },
		});
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools' } });
		expect(r.error.message).toBe(`Outlit rejected the request: Unknown provider. ${CHECK} Outlit request ID: req_g.`);
		expect(r.error.httpCode).toBe('400');
	});

	test('Get Connection Status, the REST routes refusing the provider field: Outlit\'s words and the field', async () => {
		env.sandbox.injectFault({
			method: 'GET',
			path: '/api/integrations/connect/status',
			status: 400,
			body: { error: 'Invalid request', details: [{ path: ['provider'], message: 'Unknown provider' }] },
		});
		const r = await env.run(
			{ operation: 'getConnectionStatus', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a' },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (provider: Unknown provider). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
	});
});

test('Connect on a server that does not negotiate setup reads the capability of the provider it asked about, not the first one listed', async () => {
	// Another provider first, one without a browser handoff: were it read, the node would answer
	// "human_controlled" with the web app's URL instead of starting the session.
	env.sandbox.injectFault({
		path: '/api/tools/call',
		tool: 'outlit_get_integration_capabilities',
		status: 200,
		body: {
			providers: [
				{ provider: 'gong', name: 'Gong', category: 'calls', authType: 'api_key', setupMode: 'human_controlled', browserHandoffAvailable: false },
				{ provider: 'slack', name: 'Slack', category: 'communication', authType: 'oauth', setupMode: 'browser_handoff', browserHandoffAvailable: true },
			],
		},
	});
	const r = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, { credentials: { api: 'tools' } });
	expect(r.error).toBeUndefined();
	expect(r.items[0].json).toMatchObject({ provider: 'slack', state: 'handoff_ready', connected: false });
	expect(r.items[0].json.connectUrl).toEqual(expect.any(String));
	expect(env.sandbox.requests.map((q) => q.body.tool)).toEqual(['outlit_get_integration_capabilities', 'outlit_begin_integration_setup']);
});
