'use strict';
/**
 * Connect (Browser Session)'s handoffs, through n8n's real engine against the sandbox (Tools Gateway
 * API): which handoff Wait Until Connected polls, a handoff whose session ID is null, and what the
 * item says once the wait has used the handoff. The rule is Outlit's integration tools docs ("Only
 * authentication handoffs with a session ID use the compatibility status poll; recovery and
 * external-setup handoffs are terminal responses") and its schemas (a handoff's `sessionId` and
 * `handoff_ready`'s `sessionId` are string or null). Expected values are literals or the sandbox's.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const run = (parameters, options) => env.run(parameters, options);
const tools = () => env.sandbox.requests.map((r) => r.body.tool);
const answer = (tool, body) => ({ path: '/api/tools/call', tool, status: 200, body });
const HUBSPOT = { provider: 'hubspot', name: 'HubSpot', category: 'crm' };
const setupAnswer = (status, next) => answer('outlit_setup_integration', { ...HUBSPOT, status, next, error: null });
const browser = { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' };
const WAIT = { waitUntilConnected: true, pollInterval: 0.05, timeout: 5 };
const SESSION = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
/** Lets one call reach the sandbox's own handler, so the next injected answer is the one after it. */
const passThrough = (tool) => ({ path: '/api/tools/call', tool, delayMs: 0 });

describe('Wait Until Connected polls only an authentication handoff with a session ID', () => {
	test.each([
		['a recovery', 'recovery', '/connect/recovery'],
		['an external-setup', 'external_setup', '/setup/external'],
	])('%s handoff that carries a session ID is output as Outlit answered it, and not polled', async (_name, purpose, path) => {
		// A poll would be answered (expired), so a wait would show in the requests and the item.
		env.sandbox.reset({ unknownSession: 'expired' });
		const url = `${env.sandbox.url}${path}`;
		const next = { kind: 'browser_handoff', purpose, url, sessionId: SESSION, expiresAt: null };
		env.sandbox.injectFault(setupAnswer('requires_intervention', next));
		const r = await run({ ...browser, ...WAIT, options: { continueOnUnsuccessful: true } });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
		expect(r.items.map((i) => i.json)).toEqual([
			{ ...HUBSPOT, status: 'requires_intervention', connected: false, next, sessionId: SESSION, connectUrl: url, expiresAt: null, purpose },
		]);
	});
});

describe('a handoff without a session ID: the connect URL is the answer, and there is nothing to wait on', () => {
	test.each([
		['without Wait Until Connected', {}],
		['with Wait Until Connected', WAIT],
	])('negotiated setup, an authentication handoff with sessionId null, %s', async (_name, wait) => {
		env.sandbox.reset();
		const url = `${env.sandbox.url}/connect/x`;
		const next = { kind: 'browser_handoff', purpose: 'authentication', url, sessionId: null, expiresAt: null };
		env.sandbox.injectFault(setupAnswer('awaiting_auth', next));
		const r = await run({ ...browser, ...wait });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
		expect(r.items.map((i) => i.json)).toEqual([
			{ ...HUBSPOT, status: 'awaiting_auth', connected: false, next, sessionId: null, connectUrl: url, expiresAt: null, purpose: 'authentication' },
		]);
	});

	test('negotiated setup: its URL is still checked, and one on another origin is refused', async () => {
		env.sandbox.reset();
		const next = { kind: 'browser_handoff', purpose: 'authentication', url: 'https://evil.example/connect/x', sessionId: null, expiresAt: null };
		env.sandbox.injectFault(setupAnswer('awaiting_auth', next));
		const r = await run(browser, { continueOnFail: true });
		expect(r.items.map((i) => i.json)).toEqual([
			{
				error: `Outlit returned a connect URL this node will not use (it is not on the Base URL's origin): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${env.sandbox.url}/integrations).`,
				description: `A connect URL must be https on the Base URL's origin (${env.sandbox.url}), without a user name, password, fragment or credential-like query. Check the Base URL in the Outlit credential.`,
				httpCode: '200',
			},
		]);
	});

	test.each([
		['without Wait Until Connected', {}],
		['with Wait Until Connected', WAIT],
	])('older gateway: handoff_ready with sessionId null, %s', async (_name, wait) => {
		env.sandbox.reset({ legacyGateway: true });
		const url = `${env.sandbox.url}/connect/x`;
		env.sandbox.injectFault(answer('outlit_begin_integration_setup', { provider: 'hubspot', state: 'handoff_ready', sessionId: null, connectUrl: url, expiresAt: null }));
		const r = await run({ ...browser, ...wait });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_begin_integration_setup']);
		expect(r.items.map((i) => i.json)).toEqual([
			{ provider: 'hubspot', state: 'handoff_ready', sessionId: null, connectUrl: url, expiresAt: null, connected: false },
		]);
	});
});

describe('after Wait Until Connected the item says where the integration stands', () => {
	test('older gateway (no follow-up): connected is true, as the session\'s final status says', async () => {
		env.sandbox.reset({ legacyGateway: true, autoCompleteAfterPolls: 1 });
		const r = await run({ ...browser, ...WAIT });
		expect(r.error).toBeUndefined();
		const { id, connectUrl, expiresAt } = env.sandbox.latestSession();
		expect(r.items.map((i) => i.json)).toEqual([
			{ provider: 'hubspot', state: 'handoff_ready', sessionId: id, connectUrl, expiresAt, connected: true, status: 'connected', polls: 2, waitedMs: expect.any(Number) },
		]);
	});

	test('Automatic, the gateway gone during the wait (no follow-up): the used handoff is no longer `next`, and connected is true', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		// From the first status poll on, the gateway answers as a server without one does (a 404 page).
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 404, body: 'Not Found', times: 5 });
		const r = await run({ ...browser, ...WAIT }, { credentials: { api: 'auto' } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => q.body?.tool ?? `${q.method} ${q.path}`)).toEqual([
			'outlit_get_integration_capabilities',
			'outlit_setup_integration',
			'outlit_get_integration_setup_status',
			'GET /api/integrations/connect/status',
			'GET /api/integrations/connect/status',
		]);
		const [item] = r.items.map((i) => i.json);
		expect(item).not.toHaveProperty('next');
		expect(item).toMatchObject({ provider: 'hubspot', status: 'connected', connected: true, purpose: 'authentication' });
	});

	test('a follow-up without a handoff: the used handoff\'s sessionId, connectUrl, expiresAt and purpose are gone', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const r = await run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', ...WAIT });
		expect(r.error).toBeUndefined();
		expect(tools()).toEqual([
			'outlit_get_integration_capabilities',
			'outlit_setup_integration',
			'outlit_get_integration_setup_status',
			'outlit_get_integration_setup_status',
			'outlit_setup_integration',
		]);
		// Strict: the used handoff's keys are gone, not left as undefined.
		expect(r.items.map((i) => i.json)).toStrictEqual([
			{ provider: 'slack', name: 'Slack', category: 'communication', status: 'ready', connected: true, polls: 2, waitedMs: expect.any(Number) },
		]);
	});

	test('a follow-up with a new handoff (external setup): the flattened fields are the new handoff\'s', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const url = `${env.sandbox.url}/setup/external`;
		const next = { kind: 'browser_handoff', purpose: 'external_setup', url, sessionId: null, expiresAt: null };
		// The first setup call gets the sandbox's own authentication handoff; the follow-up, the new one.
		env.sandbox.injectFault(passThrough('outlit_setup_integration'));
		env.sandbox.injectFault(setupAnswer('requires_intervention', next));
		const r = await run({ ...browser, ...WAIT, options: { continueOnUnsuccessful: true } });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([
			{
				...HUBSPOT,
				status: 'requires_intervention',
				connected: false,
				polls: 2,
				waitedMs: expect.any(Number),
				next,
				sessionId: null,
				connectUrl: url,
				expiresAt: null,
				purpose: 'external_setup',
			},
		]);
	});
});
