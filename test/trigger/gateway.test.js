'use strict';
/**
 * The Outlit Trigger on the tools gateway and in Automatic mode, through n8n's real engine
 * (PollContext, PollTriggerExecutor) against the sandbox: one request per poll, readiness failures,
 * the two connection events, the REST-first rule and its daily re-check, and a switch of contract
 * that fires nothing already fired and reports nothing the other API saw as recovered.
 */
const http = require('node:http');
const { CANARY, leakedCanaries } = require('../support/engine');
const { triggerEnvironment } = require('../support/trigger');

const STATUS = 'POST /api/tools/call outlit_get_integration_status';
const LIST = 'GET /api/integrations';
const ALL = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'];

const env = triggerEnvironment({ connected: ['stripe', 'hubspot'] }, { events: ALL });
const trigger = (api, parameters, staticData) => env.trigger(parameters, { api, staticData });

async function poll(t) {
	env.sandbox.clearRequests();
	const r = await t.poll();
	const calls = env.sandbox.requests.map((q) => `${q.method} ${q.path}${q.tool ? ` ${q.tool}` : ''}`);
	return { ...r, json: r.items ? r.items[0].map((i) => i.json) : null, calls };
}

describe('on the tools gateway', () => {
	test('one outlit_get_integration_status {} per poll; requires_intervention fires once, ready recovers', async () => {
		const t = trigger('tools');
		expect(await poll(t)).toMatchObject({ json: null, calls: [STATUS], error: undefined });
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		const fired = await poll(t);
		expect(fired.calls).toEqual([STATUS]);
		expect(fired.json).toEqual([
			{
				event: 'syncFailed',
				provider: 'stripe',
				name: 'Stripe',
				category: 'billing',
				model: null,
				status: 'requires_intervention',
				errorMessage: null,
				lastSyncedAt: null,
				detectedAt: expect.stringMatching(/^\d{4}-/),
				failureId: expect.stringMatching(/^stripe:\*:/),
			},
		]);
		expect((await poll(t)).json).toBeNull();
		env.sandbox.clearSyncFailure('stripe');
		expect((await poll(t)).json).toMatchObject([{ event: 'syncRecovered', provider: 'stripe', status: 'ready' }]);
	});

	test('integrationConnected fires once when a browser connection completes, hours later, with no node waiting', async () => {
		const t = trigger('tools', { events: ['integrationConnected'], providers: ['slack'] });
		await poll(t);
		const session = await sandboxSession('slack');
		expect((await poll(t)).json).toBeNull(); // awaiting_auth is not connected
		env.sandbox.completeSession(session);
		expect((await poll(t)).json).toMatchObject([{ event: 'integrationConnected', provider: 'slack', status: 'ready' }]);
		expect((await poll(t)).json).toBeNull();
	});

	test('integrationDisconnected fires once', async () => {
		const t = trigger('tools', { events: ['integrationDisconnected'] });
		await poll(t);
		env.sandbox.setConnected('hubspot', false);
		expect((await poll(t)).json).toMatchObject([{ event: 'integrationDisconnected', provider: 'hubspot', status: 'not_connected' }]);
		expect((await poll(t)).json).toBeNull();
	});

	test('a gateway error keeps the state and says so; no canary leaks', async () => {
		const t = trigger('tools');
		await poll(t);
		const before = t.staticData;
		env.sandbox.injectFault({ path: '/api/tools/call', status: 503, body: { code: 'TOOL_GATEWAY_ERROR', message: 'busy', retryable: true, requestId: 'req_t' } });
		const failed = await poll(t);
		expect(failed.error.message).toBe('Outlit had a server error (503: busy), which is usually temporary: try again in a moment. Outlit request ID: req_t.');
		expect(failed.error.description).toContain('req_t');
		expect(t.staticData).toEqual(before);
		expect(leakedCanaries(failed.error)).toEqual([]);
	});
});

/** Starts a browser session through the gateway as Connect would. */
async function sandboxSession(provider) {
	const res = await fetch(`${env.sandbox.url}/api/tools/call`, {
		method: 'POST',
		headers: { authorization: `Bearer ${CANARY.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({ tool: 'outlit_setup_integration', input: { provider } }),
	});
	return (await res.json()).next.sessionId;
}

describe('Automatic: REST while it answers, then the gateway, with a daily re-check', () => {
	test('while REST answers, one REST list per poll (it names the failing model)', async () => {
		const t = trigger('auto');
		expect((await poll(t)).calls).toEqual([LIST]);
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		const fired = await poll(t);
		expect(fired.json).toMatchObject([{ event: 'syncFailed', model: 'StripeInvoice', errorMessage: 'Card declined' }]);
		expect(t.staticData.contract).toBe('rest');
	});

	test('REST retired: the poll moves to the gateway, remembers it, and an open failure does not fire again', async () => {
		const t = trigger('auto');
		await poll(t);
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		expect((await poll(t)).json).toHaveLength(1);

		env.sandbox.setContract('tools');
		const moved = await poll(t);
		expect(moved.calls).toEqual([LIST, STATUS]);
		expect(moved.json).toBeNull();
		expect(t.staticData).toMatchObject({ contract: 'tools', restCheckedAt: expect.any(String) });

		// Remembered: a healthy poll is one gateway request.
		expect(await poll(t)).toMatchObject({ calls: [STATUS], json: null });
		// A new failure on the gateway still fires, once.
		env.sandbox.setSyncFailure('hubspot', 'HubspotDeal', 'Scope missing');
		expect((await poll(t)).json).toMatchObject([{ event: 'syncFailed', provider: 'hubspot', status: 'requires_intervention' }]);
	});

	test('REST retired: Salesforce, connected all along but never on the REST list, fires no integrationConnected on the first gateway poll', async () => {
		env.sandbox.setConnected('salesforce', true);
		const t = trigger('auto');
		await poll(t);
		expect(await poll(t)).toMatchObject({ calls: [LIST], json: null });
		env.sandbox.setContract('tools');
		const moved = await poll(t);
		expect(moved.calls).toEqual([LIST, STATUS]);
		expect(moved.json).toBeNull();
		env.sandbox.setConnected('salesforce', false);
		expect((await poll(t)).json).toMatchObject([{ event: 'integrationDisconnected', provider: 'salesforce', status: 'not_connected' }]);
	});

	test('REST retired: a failure the REST routes saw is not reported recovered by the gateway\'s ready', async () => {
		const t = trigger('auto');
		await poll(t);
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		expect((await poll(t)).json).toMatchObject([{ event: 'syncFailed', provider: 'stripe', model: 'StripeInvoice' }]);
		env.sandbox.clearSyncFailure('stripe');
		env.sandbox.setContract('tools');
		const moved = await poll(t);
		expect(moved.calls).toEqual([LIST, STATUS]);
		expect(moved.json).toBeNull();
		expect(t.staticData.providers).toEqual({});
	});

	test('after a day on the gateway, REST is asked again and used if it answers; nothing re-fires', async () => {
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		const dayAgo = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
		// A trigger that has been on the gateway (stripe's failure already known there) for a day.
		const t = trigger('tools');
		await poll(t);
		expect(t.staticData.providers.stripe).toBeDefined();
		const state = { ...t.staticData, restCheckedAt: dayAgo };
		const later = trigger('auto', {}, state);
		const back = await poll(later);
		expect(back.calls).toEqual([LIST, 'GET /api/integrations/sync-status']);
		expect(back.json).toBeNull();
		expect(later.staticData.contract).toBe('rest');
	});

	test('within the day it stays on the gateway without asking REST', async () => {
		const t = trigger('auto', {}, { version: 1, seededAt: new Date().toISOString(), scope: null, providers: {}, connected: ['hubspot', 'stripe'], contract: 'tools', restCheckedAt: new Date().toISOString() });
		expect((await poll(t)).calls).toEqual([STATUS]);
	});

	test('REST only (no gateway) with API = Tools Gateway: a readable error, the state kept', async () => {
		env.sandbox.setContract('rest');
		const t = trigger('tools');
		const r = await poll(t);
		expect(r.error.message).toBe(
			'This Outlit server has no tools gateway (404): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
	});

	test('REST retired with API = REST Routes (Legacy): the message says which API to set', async () => {
		env.sandbox.setContract('tools');
		const r = await poll(trigger('rest'));
		expect(r.error.message).toBe(
			`Outlit's REST routes did not answer (404) and may be retired: set "API" in the Outlit API credential to Automatic; Disconnect and webhook setup are then done in the Outlit web app (${env.sandbox.url}/integrations).`,
		);
	});

	test('Automatic at a Base URL where neither API answers (a web page\'s 404 for every path): check the Base URL', async () => {
		const page = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
		await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${page.address().port}`;
		try {
			const t = env.harness.pollTrigger({
				type: 'outlitTrigger',
				parameters: { events: ALL },
				credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: url, api: 'auto' } },
			});
			const r = await t.poll();
			expect(r.error.message).toBe(
				`Neither of Outlit's two APIs answered at ${url} (404): check that the Base URL in the Outlit API credential is your Outlit's address.`,
			);
		} finally {
			await new Promise((resolve) => page.close(resolve));
		}
	});
});

describe('contract choice: the exact day boundary, REST only, the list query, malformed answers', () => {
	const T = Date.parse('2026-11-29T12:00:00.000Z');
	const DAY = 24 * 3600 * 1000;
	const onGateway = (restCheckedAt) => ({ version: 1, seededAt: new Date(T - DAY).toISOString(), scope: null, providers: {}, connected: ['hubspot', 'stripe'], contract: 'tools', restCheckedAt });
	// Only Date is frozen (at T); timers and I/O run for real.
	const freezeDate = () =>
		jest.useFakeTimers({ now: T, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
	afterEach(() => jest.useRealTimers());

	test('REST is asked again when exactly a day has passed, not a millisecond before', async () => {
		freezeDate();
		const justInside = trigger('auto', {}, onGateway(new Date(T - DAY + 1).toISOString()));
		expect((await poll(justInside)).calls).toEqual([STATUS]);
		const aDay = trigger('auto', {}, onGateway(new Date(T - DAY).toISOString()));
		expect((await poll(aDay)).calls[0]).toBe(LIST);
	});

	test('a state without restCheckedAt (or an unreadable one) asks REST first', async () => {
		expect((await poll(trigger('auto', {}, onGateway(undefined)))).calls[0]).toBe(LIST);
		expect((await poll(trigger('auto', {}, onGateway('not a date')))).calls[0]).toBe(LIST);
	});

	test('the REST list is asked with connectedOnly=false: disconnected integrations are seen too', async () => {
		env.sandbox.clearRequests();
		await trigger('rest').poll();
		expect(env.sandbox.requests.map((q) => [q.path, q.query])).toEqual([['/api/integrations', { connectedOnly: 'false' }]]);
	});

	test('API = REST Routes with REST retired: a readable error, and the gateway is never asked', async () => {
		env.sandbox.setContract('tools');
		const r = await poll(trigger('rest'));
		expect(r.calls).toEqual([LIST]);
		expect(r.error).toBeDefined();
		expect(r.json).toBeNull();
	});

	test('a malformed list: the error says so, with what to check, and the state is kept', async () => {
		const t = trigger('rest');
		env.sandbox.injectFault({ path: '/api/integrations', status: 200, body: { items: [{ name: 'no id' }] } });
		const r = await poll(t);
		expect(r.error.message).toMatch(/^Outlit returned a malformed integration list: items\[0\]\.id/);
		expect(r.error.description).toBe(
			'The answer did not have the shape Outlit documents, so the trigger kept its state and retries at the next poll. Check that the Base URL in the credential points at the Outlit API.',
		);
		expect(r.error.httpCode).toBe('200');
		expect(t.staticData).toEqual({});
	});
});
