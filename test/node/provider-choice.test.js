'use strict';
/**
 * Which provider the node asks Outlit about, through n8n's real engine against the sandbox:
 * - "all" means every provider only where the operation offers it (Get Capabilities); elsewhere it is
 *   an ID like any other that the catalog lacks, sent to Outlit, whose refusal the node words;
 * - Connect, on a server that does not negotiate setup, reads the capability of the provider it asked
 *   about, wherever it stands in Outlit's answer.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

const IDS =
	'salesforce, hubspot, attio, slack, google-calendar, google-mail, granola, gong, fireflies, pylon, stripe, mixpanel, posthog, supabase, clerk (or gmail, an alias of google-mail)';

test.each([['rest'], ['tools']])('Get Sync Status with Provider "all" (%s): asked of Outlit as an ID, and its refusal is the node\'s own', async (api) => {
	const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "all" }}', options: { retryTransientErrors: false } }, { credentials: { api } });
	const { requestId } = r.error.errorResponse;
	expect(r.error.message).toBe(
		`Parameter "Provider" is "all", which is not an Outlit provider ID. Use one of these 15: ${IDS}.${requestId ? ` Outlit request ID: ${requestId}.` : ''}`,
	);
	const asked = env.sandbox.requests.map((q) => (q.path === '/api/tools/call' ? q.body.input.provider : q.query.provider));
	expect(asked).toEqual(['all']);
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
