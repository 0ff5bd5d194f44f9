'use strict';
/**
 * Review findings on Connect / Run Setup Step's setup negotiation. Each test states what the contract
 * (test/sandbox/contract/outlit-tools) says should happen; each fails on the code at 1c57d7f.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'tools' });
const run = (parameters, options) => env.run(parameters, options);
const tools = () => env.sandbox.requests.map((r) => r.body.tool);
const answer = (tool, body) => ({ path: '/api/tools/call', tool, status: 200, body });
const browser = { operation: 'connect', provider: 'hubspot', connectionMethod: 'browser' };
const SESSION = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
const setupAnswer = (status, next) => answer('outlit_setup_integration', { provider: 'hubspot', name: 'HubSpot', category: 'crm', status, next, error: null });

describe('F1: "recovery and external-setup handoffs are terminal responses" (integrations-docs.mdx)', () => {
	test('a recovery handoff that carries a session ID is not polled by Wait Until Connected', async () => {
		env.sandbox.reset({ unknownSession: 'expired' });
		const url = `${env.sandbox.url}/connect/recovery`;
		env.sandbox.injectFault(setupAnswer('requires_intervention', { kind: 'browser_handoff', purpose: 'recovery', url, sessionId: SESSION, expiresAt: null }));
		const r = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 2, options: { continueOnUnsuccessful: true } });
		// Contract: no compatibility status poll for a recovery handoff.
		expect(tools()).toEqual(['outlit_get_integration_capabilities', 'outlit_setup_integration']);
		expect(r.items[0].json.status).toBe('requires_intervention');
	});
});

describe('F2: an authentication handoff with sessionId null is valid (schema: sessionId string|null; docs: "Only authentication handoffs with a session ID use the ... poll")', () => {
	test('negotiated setup: the URL is output, nothing to poll', async () => {
		env.sandbox.reset();
		const url = `${env.sandbox.url}/connect/x`;
		env.sandbox.injectFault(setupAnswer('awaiting_auth', { kind: 'browser_handoff', purpose: 'authentication', url, sessionId: null, expiresAt: null }));
		const r = await run(browser, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', connectUrl: url, connected: false });
	});

	test('older gateway: handoff_ready with sessionId null (ToolOutput_outlit_begin_integration_setup allows it; the CLI shows the URL)', async () => {
		env.sandbox.reset({ legacyGateway: true });
		const url = `${env.sandbox.url}/connect/x`;
		env.sandbox.injectFault(answer('outlit_begin_integration_setup', { provider: 'hubspot', state: 'handoff_ready', sessionId: null, connectUrl: url, expiresAt: null }));
		const r = await run(browser, { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ provider: 'hubspot', connectUrl: url, connected: false });
	});
});

describe('F3: older gateway, Wait Until Connected ends with status "connected" but connected: false', () => {
	test('connected matches the session status', async () => {
		env.sandbox.reset({ legacyGateway: true, autoCompleteAfterPolls: 1 });
		const r = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 10 });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.status).toBe('connected');
		expect(r.items[0].json.connected).toBe(true);
	});
});

describe('F4: after the wait, a follow-up that answers a new browser handoff keeps the used one in connectUrl/purpose', () => {
	test('the item\'s connectUrl and purpose are the new handoff\'s (or absent), not the used one\'s', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const newUrl = `${env.sandbox.url}/setup/external`;
		// First setup call: the sandbox's real authentication handoff. Second (follow-up): an external-setup handoff.
		const r0 = await run(browser);
		const usedUrl = r0.items[0].json.connectUrl;
		env.sandbox.injectFault(setupAnswer('awaiting_auth', { kind: 'browser_handoff', purpose: 'authentication', url: usedUrl, sessionId: r0.items[0].json.sessionId, expiresAt: null }));
		env.sandbox.injectFault(setupAnswer('requires_intervention', { kind: 'browser_handoff', purpose: 'external_setup', url: newUrl, sessionId: null, expiresAt: null }));
		const r = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 10, options: { continueOnUnsuccessful: true } });
		expect(r.error).toBeUndefined();
		const item = r.items[0].json;
		expect(item.next).toMatchObject({ purpose: 'external_setup', url: newUrl });
		expect({ connectUrl: item.connectUrl, purpose: item.purpose }).toEqual({ connectUrl: newUrl, purpose: 'external_setup' });
	});
});

describe('F5 (doubtful): one readiness, two "connected" values', () => {
	test('Connect + wait for HubSpot says connected: false for setup_required; Get Many says connected: true for the same status', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const c = await run({ ...browser, waitUntilConnected: true, pollInterval: 0.05, timeout: 10 });
		const g = await run({ operation: 'getAll', returnAll: true });
		const listed = g.items.map((i) => i.json).find((i) => i.provider === 'hubspot');
		expect(c.items[0].json.status).toBe(listed.status);
		expect(c.items[0].json.connected).toBe(listed.connected);
	});
});

describe('F6 (documented in docs/outlit-apis.md, but against the docs page): a server that does not negotiate still receives credentials, on its REST route', () => {
	const { CANARY } = require('../support/outlit');
	const auto = outlitEnvironment({}, { api: 'auto' });
	test('Direct Pylon on an older gateway (Automatic): no credentials are sent anywhere', async () => {
		auto.sandbox.reset({ legacyGateway: true });
		await auto.run({ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: CANARY.pylonToken }, { continueOnFail: true });
		const sentCredentials = auto.sandbox.requests.filter((r) => JSON.stringify(r.body ?? {}).includes(CANARY.pylonToken)).map((r) => `${r.method} ${r.path}`);
		expect(sentCredentials).toEqual([]);
	});
});
