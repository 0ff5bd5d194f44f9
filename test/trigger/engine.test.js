'use strict';
/**
 * The Outlit Trigger in n8n's real engine (devkit/harness: PollContext through PollTriggerExecutor,
 * n8n's HTTP helpers, the credential's authenticate) against the local sandbox over real HTTP.
 * Each poll's requests are counted from the sandbox's own log.
 */
const { CANARY, leakedCanaries } = require('../support/engine');
const { triggerEnvironment } = require('../support/trigger');

const LIST = 'GET /api/integrations';
const details = (provider) => `GET /api/integrations/sync-status?provider=${provider}`;
const BOTH = ['syncFailed', 'syncRecovered'];

const env = triggerEnvironment({ connected: ['stripe', 'hubspot', 'pylon'] });
const trigger = (parameters, staticData) => env.trigger(parameters, { staticData });

/** One poll; returns the emitted items' json, the error, and the API requests it made. */
async function poll(t, options) {
	env.sandbox.clearRequests();
	const r = await t.poll(options);
	const calls = env.sandbox.requests.map(
		(q) => `${q.method} ${q.path}${q.query.provider ? `?provider=${q.query.provider}` : ''}`,
	);
	const json = r.items ? r.items[0].map((item) => item.json) : null;
	return { ...r, json, calls };
}

/** An activated trigger whose first (seeding) poll has run. */
async function activated(parameters) {
	const t = trigger(parameters);
	const first = await poll(t);
	expect(first.error).toBeUndefined();
	expect(first.json).toBeNull();
	return t;
}

describe('seeding and firing once', () => {
	test('the first poll seeds existing failures silently; quiet polls cost exactly one request', async () => {
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		const t = trigger();
		const first = await poll(t);
		expect(first).toMatchObject({ json: null, error: undefined, staticDataChanged: true });
		expect(first.calls).toEqual([LIST, details('stripe')]);
		expect(t.staticData.providers.stripe.failures).toMatchObject([{ model: 'StripeInvoice' }]);

		for (let i = 0; i < 3; i++) {
			const quiet = await poll(t);
			expect(quiet).toMatchObject({ json: null, error: undefined, staticDataChanged: false });
			expect(quiet.calls).toEqual([LIST]);
		}
	});

	test('fireOnExistingFailures fires the existing failure on activation', async () => {
		env.sandbox.setSyncFailure('pylon', 'PylonIssue', 'Token revoked');
		const t = trigger({ options: { fireOnExistingFailures: true } });
		const first = await poll(t);
		expect(first.json).toMatchObject([{ event: 'syncFailed', provider: 'pylon', model: 'PylonIssue' }]);
		expect((await poll(t)).json).toBeNull();
	});

	test('a new failure fires once with its details; repeating the poll fires nothing', async () => {
		const t = await activated();
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined', { lastSyncedAt: '2026-03-01T10:00:00.000Z' });
		const fired = await poll(t);
		expect(fired.error).toBeUndefined();
		expect(fired.calls).toEqual([LIST, details('stripe')]);
		expect(fired.json).toEqual([
			{
				event: 'syncFailed',
				provider: 'stripe',
				name: 'Stripe',
				category: 'billing',
				model: 'StripeInvoice',
				status: 'FAILED',
				errorMessage: 'Card declined',
				lastSyncedAt: '2026-03-01T10:00:00.000Z',
				detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				failureId: expect.stringMatching(/^stripe:StripeInvoice:/),
			},
		]);
		// n8n may run the same poll again: nothing new, and no detail request either.
		for (let i = 0; i < 2; i++) {
			const again = await poll(t);
			expect(again).toMatchObject({ json: null, calls: [LIST] });
		}
	});

	test('new failures in two providers: 1 + 2 requests', async () => {
		const t = await activated();
		env.sandbox.setSyncFailure('stripe', 'StripeCustomer', 'Key expired');
		env.sandbox.setSyncFailure('hubspot', 'HubspotDeal', 'Scope missing');
		const fired = await poll(t);
		expect(fired.calls.sort()).toEqual([LIST, details('hubspot'), details('stripe')].sort());
		expect(fired.json.map((e) => `${e.provider}/${e.model}`).sort()).toEqual(['hubspot/HubspotDeal', 'stripe/StripeCustomer']);
	});

	test('only watched providers are fetched and fire', async () => {
		const t = await activated({ providers: ['hubspot'] });
		env.sandbox.setSyncFailure('stripe', 'StripeCustomer', 'Key expired');
		expect(await poll(t)).toMatchObject({ json: null, calls: [LIST] });
		env.sandbox.setSyncFailure('hubspot', 'HubspotDeal', 'Scope missing');
		const fired = await poll(t);
		expect(fired.calls).toEqual([LIST, details('hubspot')]);
		expect(fired.json.map((e) => e.provider)).toEqual(['hubspot']);
	});
});

describe('recovery and re-failure', () => {
	test('recovery fires once (1 request); a failure after it fires again', async () => {
		const t = await activated({ events: BOTH });
		env.sandbox.setSyncFailure('hubspot', 'HubspotContact', 'Rate limited', { lastSyncedAt: '2026-03-01T10:00:00.000Z' });
		const failed = await poll(t);
		expect(failed.json).toHaveLength(1);

		env.sandbox.clearSyncFailure('hubspot', 'HubspotContact');
		const recovered = await poll(t);
		expect(recovered.calls).toEqual([LIST]);
		expect(recovered.json).toMatchObject([
			{
				event: 'syncRecovered',
				provider: 'hubspot',
				model: 'HubspotContact',
				status: 'SUCCESS',
				errorMessage: 'Rate limited',
				failureId: failed.json[0].failureId,
			},
		]);
		expect((await poll(t)).json).toBeNull();

		env.sandbox.setSyncFailure('hubspot', 'HubspotContact', 'Rate limited', { lastSyncedAt: '2026-03-02T10:00:00.000Z' });
		const again = await poll(t);
		expect(again.json).toMatchObject([{ event: 'syncFailed', model: 'HubspotContact' }]);
		expect(again.json[0].failureId).not.toBe(failed.json[0].failureId);
	});

	test('a disconnection ends a failure without a recovery; the failing reconnection fires again', async () => {
		const t = await activated({ events: BOTH });
		env.sandbox.setSyncFailure('pylon', 'PylonIssue', 'Token revoked');
		const failed = await poll(t);
		expect(failed.json).toMatchObject([{ event: 'syncFailed', provider: 'pylon' }]);

		env.sandbox.setConnected('pylon', false);
		const gone = await poll(t);
		expect(gone).toMatchObject({ json: null, error: undefined });
		expect(t.staticData.providers).toEqual({});

		env.sandbox.setConnected('pylon', true);
		env.sandbox.setSyncFailure('pylon', 'PylonIssue', 'Token revoked');
		expect((await poll(t)).json).toMatchObject([{ event: 'syncFailed', provider: 'pylon', model: 'PylonIssue' }]);
	});

	test('a changed error fires the new failure without a recovery', async () => {
		const t = await activated({ events: BOTH });
		env.sandbox.setSyncFailure('stripe', 'StripeCustomer', 'Key expired');
		const first = await poll(t);
		env.sandbox.setSyncFailure('stripe', 'StripeCustomer', 'Key revoked');
		const changed = await poll(t);
		expect(changed.calls).toEqual([LIST, details('stripe')]);
		expect(changed.json).toMatchObject([{ event: 'syncFailed', errorMessage: 'Key revoked' }]);
		expect(changed.json[0].failureId).not.toBe(first.json[0].failureId);
	});

	test('a changed state replaces the stored one whole: a key it no longer has is gone', async () => {
		const t = await activated({ events: BOTH });
		t.setStaticData({ ...t.staticData, leftover: 'from an older version' });
		env.sandbox.setSyncFailure('pylon', 'PylonAccount', 'Token revoked');
		const fired = await poll(t);
		expect(fired).toMatchObject({ staticDataChanged: true, json: [{ event: 'syncFailed', provider: 'pylon' }] });
		expect(t.staticData).not.toHaveProperty('leftover');
		expect(t.staticData.providers.pylon.failures).toMatchObject([{ model: 'PylonAccount' }]);
	});

	test('state survives a restart (static data read back from JSON)', async () => {
		const t = await activated({ events: BOTH });
		env.sandbox.setSyncFailure('pylon', 'PylonAccount', 'Token revoked');
		expect((await poll(t)).json).toHaveLength(1);
		t.setStaticData(JSON.parse(JSON.stringify(t.staticData)));
		expect(await poll(t)).toMatchObject({ json: null, calls: [LIST] });
		env.sandbox.clearSyncFailure('pylon');
		expect((await poll(t)).json).toMatchObject([{ event: 'syncRecovered', provider: 'pylon' }]);
	});
});

describe('outages leave the state alone; the failure fires once the API answers', () => {
	const cases = [
		['500 on the list', { path: '/api/integrations', status: 500 }, 'Outlit had a server error (500: Internal Server Error), which is usually temporary: try again in a moment.'],
		['401 on the list', { path: '/api/integrations', status: 401, body: { error: 'Invalid credentials' } }, /did not accept the API key/],
		['unparseable list body', { path: '/api/integrations', status: 200, malformed: true }, "Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again."],
		['list body of the wrong shape', { path: '/api/integrations', status: 200, body: { items: [{ name: 'no id' }] } }, "Outlit returned a malformed integration list: items[0].id is not a provider id. Check that the Base URL in the Outlit API credential points at Outlit's API; the trigger keeps its state and tries again at its next poll."],
		['503 on sync-status', { path: '/api/integrations/sync-status', status: 503 }, 'Outlit had a server error (503: Service Unavailable), which is usually temporary: try again in a moment.'],
		['sync-status body of the wrong shape', { path: '/api/integrations/sync-status', status: 200, body: { provider: 'stripe', syncs: 'none' } }, 'Outlit returned a malformed sync status for "stripe": "syncs" is not an array. Check that the Base URL in the Outlit API credential points at Outlit\'s API; the trigger keeps its state and tries again at its next poll.'],
	];

	test.each(cases)('%s', async (_name, fault, message) => {
		const t = await activated();
		env.sandbox.setSyncFailure('stripe', 'StripeSubscription', 'Webhook secret invalid');
		const before = t.staticData;
		env.sandbox.injectFault(fault);

		const failed = await poll(t);
		expect(failed.error).toBeDefined();
		if (typeof message === 'string') expect(failed.error.message).toBe(message);
		else expect(failed.error.message).toMatch(message);
		expect(failed.calls[0]).toBe(LIST);
		expect(failed.json).toBeNull();
		expect(failed.staticDataChanged).toBe(false);
		expect(t.staticData).toEqual(before);
		expect(leakedCanaries(failed.error)).toEqual([]);

		const recovered = await poll(t);
		expect(recovered.error).toBeUndefined();
		expect(recovered.calls).toEqual([LIST, details('stripe')]);
		expect(recovered.json).toMatchObject([{ event: 'syncFailed', provider: 'stripe', model: 'StripeSubscription' }]);
		expect(await poll(t)).toMatchObject({ json: null, calls: [LIST] });
	});

	test('network failure (connection refused)', async () => {
		const t = await activated();
		env.sandbox.setSyncFailure('stripe', 'StripeSubscription', 'Webhook secret invalid');
		const before = t.staticData;
		// The same stored state, polled through a credential whose Base URL nothing listens on.
		const offline = env.harness.pollTrigger({
			type: 'outlitTrigger',
			parameters: { events: ['syncFailed'] },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: 'http://127.0.0.1:1' } },
			staticData: before,
		});
		const failed = await poll(offline);
		// n8n's own NodeApiError for ECONNREFUSED, or the transport's wording for other network errors.
		expect(failed.error.message).toMatch(/refused the connection|Could not reach Outlit/);
		expect(failed.calls).toEqual([]);
		expect(offline.staticData).toEqual(before);
		expect(leakedCanaries(failed.error)).toEqual([]);
		t.setStaticData(offline.staticData);
		expect((await poll(t)).json).toMatchObject([{ provider: 'stripe', model: 'StripeSubscription' }]);
	});

	test('an outage on the very first poll leaves the trigger unseeded', async () => {
		const t = trigger();
		env.sandbox.injectFault({ path: '/api/integrations', status: 500 });
		const failed = await poll(t);
		expect(failed.error).toBeDefined();
		expect(t.staticData).toEqual({});
		expect(await poll(t)).toMatchObject({ json: null, error: undefined });
		expect(t.staticData.seededAt).toEqual(expect.any(String));
	});
});

describe('manual mode (Fetch test event)', () => {
	test('returns the current failures and leaves the stored state alone', async () => {
		const t = await activated({ events: BOTH });
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		expect((await poll(t)).json).toHaveLength(1); // fired and stored
		const stored = t.staticData;

		const manual = await poll(t, { mode: 'manual' });
		expect(manual.error).toBeUndefined();
		expect(manual.calls).toEqual([LIST, details('stripe')]);
		expect(manual.json).toMatchObject([{ event: 'syncFailed', provider: 'stripe', model: 'StripeInvoice' }]);
		expect(manual.staticDataChanged).toBe(false);
		expect(t.staticData).toEqual(stored);
	});

	test('a manual run before activation does not seed, so the first real poll still seeds', async () => {
		env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
		const t = trigger();
		const manual = await poll(t, { mode: 'manual' });
		expect(manual.json).toHaveLength(1);
		expect(t.staticData).toEqual({});
		expect(await poll(t)).toMatchObject({ json: null, error: undefined });
	});

	test('with nothing failing it returns one clearly marked sample item', async () => {
		const t = trigger({ providers: ['pylon'] });
		const manual = await poll(t, { mode: 'manual' });
		expect(manual.calls).toEqual([LIST]);
		expect(manual.json).toEqual([
			expect.objectContaining({ sample: true, failureId: 'sample', provider: 'pylon', event: 'syncFailed' }),
		]);
		expect(manual.json[0].errorMessage).toMatch(/^Sample data/);
		expect(t.staticData).toEqual({});
	});

	test('the sample item in full: the first event chosen, the first provider watched', async () => {
		const t = trigger({ events: ['integrationConnected', 'syncFailed'], providers: ['pylon', 'stripe'] });
		const manual = await poll(t, { mode: 'manual' });
		expect(manual.json).toEqual([
			{
				event: 'integrationConnected',
				provider: 'pylon',
				name: 'Pylon',
				category: 'support',
				model: null,
				status: 'FAILED',
				errorMessage: 'Sample data: no watched integration is failing right now. Real items have this shape.',
				lastSyncedAt: null,
				detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
				failureId: 'sample',
				sample: true,
			},
		]);
	});

	test('the sample item with no event and no provider chosen: Sync Failed, and Salesforce (the catalog\'s first)', async () => {
		const t = trigger({ events: [], providers: [] });
		const manual = await poll(t, { mode: 'manual' });
		expect(manual.json).toEqual([
			expect.objectContaining({ event: 'syncFailed', provider: 'salesforce', name: 'Salesforce', category: 'crm', sample: true }),
		]);
	});

	test('manual errors surface as errors', async () => {
		const t = trigger();
		env.sandbox.injectFault({ path: '/api/integrations', status: 500 });
		const manual = await poll(t, { mode: 'manual' });
		expect(manual.error.message).toBe('Outlit had a server error (500: Internal Server Error), which is usually temporary: try again in a moment.');
	});
});
