'use strict';
/**
 * What the Outlit Trigger accepts from the bodies it reads, and what it refuses, through n8n's real
 * engine (PollContext through PollTriggerExecutor) against the sandbox, which answers each row's body
 * once (injectFault). The three bodies: REST's integration list (`GET /api/integrations`), REST's
 * sync status of one provider (`GET /api/integrations/sync-status`, asked for a failure the trigger
 * has not seen), and the gateway's readiness list (`outlit_get_integration_status`, with "API" set to
 * Tools Gateway).
 * - Accepted: the poll succeeds, and its emitted items and stored state show each field read as the
 *   row says (a missing optional field is null, fields the trigger does not read are ignored).
 * - Refused: the poll fails with the trigger's message naming the reason, stores nothing, and the
 *   next normal poll behaves as if the refused one had never happened.
 * Some bodies are refused before the trigger reads them (not a JSON object, no list); a non-object
 * entry of a list reaches the trigger as an object without an id. Those rows pin the message the
 * user sees.
 */
const { triggerEnvironment } = require('../support/trigger');

const LIST = { method: 'GET', path: '/api/integrations', status: 200 };
const SYNC = { method: 'GET', path: '/api/integrations/sync-status', status: 200 };
const STATUS = { method: 'POST', path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 200 };
const ALL = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'];
const AFTER = ". Check that the Base URL in the Outlit API credential points at Outlit's API; the trigger keeps its state and tries again at its next poll.";
const NOT_JSON =
	"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.";
const unreadable = (what) =>
	`Outlit returned ${what}, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.`;

const env = triggerEnvironment({ connected: ['stripe', 'hubspot'] }, { events: ALL });
const trigger = (api, parameters) => env.trigger(parameters, { api });

async function poll(t) {
	const r = await t.poll();
	return { ...r, json: r.items ? r.items[0].map((i) => i.json) : null };
}

/** The emitted items without the two fields that vary per run, by provider then model. */
const emitted = (r) =>
	r.json
		.map(({ detectedAt, failureId, ...rest }) => rest)
		.sort((a, b) => `${a.provider}/${a.model}`.localeCompare(`${b.provider}/${b.model}`));

/** An activated trigger (first poll done, nothing fired), then `failing` starts failing on the sandbox. */
async function activatedThenFailing(api, failing) {
	const t = trigger(api);
	const first = await poll(t);
	expect(first.error).toBeUndefined();
	expect(first.json).toBeNull();
	env.sandbox.setSyncFailure(failing, 'StripeInvoice', 'Card declined');
	return t;
}

/** A refused poll stores nothing; the next normal poll fires the failure the refused one hid. */
async function expectRefusedThenNormal(t, message, expectedEvent) {
	const before = t.staticData;
	const refused = await poll(t);
	expect(refused.error).toBeDefined();
	expect(refused.error.message).toBe(message);
	expect(refused.json).toBeNull();
	expect(refused.staticDataChanged).toBe(false);
	expect(t.staticData).toEqual(before);

	const normal = await poll(t);
	expect(normal.error).toBeUndefined();
	expect(normal.json).toMatchObject([expectedEvent]);
	expect((await poll(t)).json).toBeNull();
}

describe('REST integration list', () => {
	test('reads id, name, category, status, syncStatus, errorMessage; a missing one is null; other fields are ignored', async () => {
		env.sandbox.injectFault({
			...LIST,
			body: {
				items: [
					{ id: 'stripe', name: 'Stripe Billing', category: 'payments', status: 'connected', syncStatus: 'FAILED', errorMessage: 'x', connectionId: 'c', lastDataReceivedAt: null, future: 1 },
					{ id: 'acme', errorMessage: 'boom' },
					{ id: 'hubspot', syncStatus: 'ERROR' },
					{ id: 'slack', status: 'connected' },
				],
			},
		});
		// Details are asked per failing provider, by id: acme, hubspot, stripe.
		env.sandbox.injectFault({ ...SYNC, body: { provider: 'acme', syncs: [] } });
		env.sandbox.injectFault({ ...SYNC, body: { provider: 'hubspot', syncs: [] } });
		env.sandbox.injectFault({ ...SYNC, body: { provider: 'stripe', syncs: [] } });
		const t = trigger('rest', { options: { fireOnExistingFailures: true } });
		const r = await poll(t);
		expect(r.error).toBeUndefined();
		expect(emitted(r)).toEqual([
			// No name, category or syncStatus: the id stands for the name, the rest is null.
			{ event: 'syncFailed', provider: 'acme', name: 'acme', category: null, model: null, status: null, errorMessage: 'boom', lastSyncedAt: null },
			// No errorMessage: null; syncStatus alone makes the failure.
			{ event: 'syncFailed', provider: 'hubspot', name: 'HubSpot', category: 'crm', model: null, status: 'ERROR', errorMessage: null, lastSyncedAt: null },
			// The list's name and category win over the catalog's.
			{ event: 'syncFailed', provider: 'stripe', name: 'Stripe Billing', category: 'payments', model: null, status: 'FAILED', errorMessage: 'x', lastSyncedAt: null },
		]);
		// status: only "connected" counts as connected; a missing status does not.
		expect(t.staticData.connected).toEqual(['slack', 'stripe']);
		expect(t.staticData.contract).toBe('rest');
	});

	test('a list without entries: the poll succeeds and nothing is connected', async () => {
		env.sandbox.injectFault({ ...LIST, body: { items: [] } });
		const t = trigger('rest');
		const r = await poll(t);
		expect(r).toMatchObject({ error: undefined, json: null, staticDataChanged: true });
		expect(t.staticData).toMatchObject({ providers: {}, connected: [], contract: 'rest' });
		// The real list (stripe, hubspot connected) on the next poll: both connect.
		expect(emitted(await poll(t))).toEqual([
			{ event: 'integrationConnected', provider: 'hubspot', name: 'HubSpot', category: 'crm', model: null, status: 'connected', errorMessage: null, lastSyncedAt: null },
			{ event: 'integrationConnected', provider: 'stripe', name: 'Stripe', category: 'billing', model: null, status: 'connected', errorMessage: null, lastSyncedAt: null },
		]);
	});

	test('an id of 80 characters with dots, underscores and dashes, as Outlit allows, is read', async () => {
		const id = `acme.crm_v2-${'z'.repeat(68)}`;
		env.sandbox.injectFault({ ...LIST, body: { items: [{ id, status: 'connected' }] } });
		const t = trigger('rest');
		const r = await poll(t);
		expect(r.error).toBeUndefined();
		expect(id).toHaveLength(80);
		expect(t.staticData.connected).toEqual([id]);
	});

	const malformed = (reason) => `Outlit returned a malformed integration list: ${reason}${AFTER}`;
	test.each([
		// Refused before the trigger reads it.
		['is not an object', [], NOT_JSON],
		['has no items', {}, unreadable('an integration list without "items"')],
		// A string entry reaches the trigger as an object without an id.
		['has an entry that is not an object', { items: ['stripe'] }, unreadable('an integration list with an entry that is not an object')],
		['has an entry without an id', { items: [{ name: 'Stripe' }] }, malformed('items[0].id is not a provider id')],
		['has an empty id', { items: [{ id: '' }] }, malformed('items[0].id is not a provider id')],
		['has an id that is not a string', { items: [{ id: 7 }] }, malformed('items[0].id is not a provider id')],
		['has an absurdly long id', { items: [{ id: 'x'.repeat(500) }] }, malformed('items[0].id is not a provider id')],
		['has an id longer than the 80 characters Outlit allows', { items: [{ id: 'x'.repeat(81) }] }, malformed('items[0].id is not a provider id')],
		['has an id in upper case, which no Outlit provider has', { items: [{ id: 'Stripe' }] }, malformed('items[0].id is not a provider id')],
		['has an id that is not a slug', { items: [{ id: '__proto__' }] }, malformed('items[0].id is not a provider id')],
		['has an id with spaces', { items: [{ id: 'google mail' }] }, malformed('items[0].id is not a provider id')],
		['has a syncStatus that is not a string', { items: [{ id: 'a' }, { id: 'b', syncStatus: 3 }] }, malformed('items[1].syncStatus is number, not a string')],
		['has an errorMessage that is an object', { items: [{ id: 'a', errorMessage: {} }] }, malformed('items[0].errorMessage is object, not a string')],
		['has a name that is not a string', { items: [{ id: 'a', name: 5 }] }, malformed('items[0].name is number, not a string')],
		['has a category that is not a string', { items: [{ id: 'a', category: true }] }, malformed('items[0].category is boolean, not a string')],
		['has a status that is not a string', { items: [{ id: 'a', status: ['connected'] }] }, malformed('items[0].status is object, not a string')],
	])('refuses a list that %s; the state is kept', async (_name, body, message) => {
		const t = await activatedThenFailing('rest', 'stripe');
		env.sandbox.injectFault({ ...LIST, body });
		await expectRefusedThenNormal(t, message, { event: 'syncFailed', provider: 'stripe', model: 'StripeInvoice', errorMessage: 'Card declined' });
	});
});

describe('REST sync status', () => {
	/** A list with stripe failing on the list level only (no errorMessage), then this sync status. */
	async function firstPollWith(syncBody) {
		env.sandbox.injectFault({ ...LIST, body: { items: [{ id: 'stripe', status: 'connected', syncStatus: 'FAILED' }] } });
		env.sandbox.injectFault({ ...SYNC, body: syncBody });
		const t = trigger('rest', { options: { fireOnExistingFailures: true } });
		const r = await poll(t);
		expect(r.error).toBeUndefined();
		return emitted(r);
	}

	test('reads model, status, lastSyncedAt, errorMessage of each sync; a missing one is null; other fields are ignored', async () => {
		const items = await firstPollWith({
			provider: 'stripe',
			name: 'Stripe',
			status: 'connected',
			syncs: [
				{ model: 'StripeCustomer', status: 'FAILED', lastSyncedAt: '2026-01-01T00:00:00Z', errorMessage: 'boom', future: 1 },
				{ model: 'StripeInvoice', status: 'ERROR' },
				{ model: 'StripeCharge', status: 'SUCCESS', lastSyncedAt: '2026-01-02T00:00:00Z' },
				{ model: 'StripePayout', errorMessage: 'payouts off' },
			],
		});
		const base = { event: 'syncFailed', provider: 'stripe', name: 'Stripe', category: 'billing' };
		expect(items).toEqual([
			{ ...base, model: 'StripeCustomer', status: 'FAILED', errorMessage: 'boom', lastSyncedAt: '2026-01-01T00:00:00Z' },
			{ ...base, model: 'StripeInvoice', status: 'ERROR', errorMessage: null, lastSyncedAt: null },
			// No status of its own: the list's.
			{ ...base, model: 'StripePayout', status: 'FAILED', errorMessage: 'payouts off', lastSyncedAt: null },
		]);
	});

	test('no syncs: one failure for the provider, from the list', async () => {
		expect(await firstPollWith({ provider: 'stripe', status: 'not_connected', syncs: [] })).toEqual([
			{ event: 'syncFailed', provider: 'stripe', name: 'Stripe', category: 'billing', model: null, status: 'FAILED', errorMessage: null, lastSyncedAt: null },
		]);
	});

	test('a body that does not name its provider is read', async () => {
		expect(await firstPollWith({ syncs: [{ model: 'StripeInvoice', status: 'FAILED' }] })).toEqual([
			{ event: 'syncFailed', provider: 'stripe', name: 'Stripe', category: 'billing', model: 'StripeInvoice', status: 'FAILED', errorMessage: null, lastSyncedAt: null },
		]);
	});

	const malformed = (reason) => `Outlit returned a malformed sync status for "stripe": ${reason}${AFTER}`;
	test.each([
		// Refused before the trigger reads it.
		['that is not an object', 'text', NOT_JSON],
		['that describes another provider', { provider: 'slack', syncs: [] }, malformed('it describes "slack" instead')],
		['without syncs', { provider: 'stripe' }, malformed('"syncs" is not an array')],
		['with a sync without a model', { syncs: [{ status: 'FAILED' }] }, malformed('syncs[0].model is not a model name')],
		['with a sync with an empty model', { syncs: [{ model: 'M' }, { model: '' }] }, malformed('syncs[1].model is not a model name')],
		['with a status that is not a string', { syncs: [{ model: 'M', status: false }] }, malformed('syncs[0].status is boolean, not a string')],
		['with a sync that is not an object', { syncs: [{ model: 'M' }, 42] }, malformed('syncs[1] is not an object')],
		['with a lastSyncedAt that is not a string', { syncs: [{ model: 'M', lastSyncedAt: 1767225600 }] }, malformed('syncs[0].lastSyncedAt is number, not a string')],
		['with an errorMessage that is not a string', { syncs: [{ model: 'M', errorMessage: { text: 'x' } }] }, malformed('syncs[0].errorMessage is object, not a string')],
	])('refuses a body %s; the state is kept', async (_name, body, message) => {
		const t = await activatedThenFailing('rest', 'stripe');
		env.sandbox.injectFault({ ...SYNC, body });
		await expectRefusedThenNormal(t, message, { event: 'syncFailed', provider: 'stripe', model: 'StripeInvoice', errorMessage: 'Card declined' });
	});
});

describe("the gateway's readiness list (outlit_get_integration_status)", () => {
	test('reads provider, name, category and status; a missing name or category is null; other fields are ignored', async () => {
		env.sandbox.injectFault({
			...STATUS,
			body: {
				integrations: [
					{ provider: 'stripe', name: 'Stripe Billing', category: 'payments', status: 'requires_intervention', future: 1 },
					{ provider: 'acme', status: 'requires_intervention' },
					{ provider: 'hubspot', name: 'HubSpot', category: 'crm', status: 'ready' },
					{ provider: 'pylon', status: 'not_connected' },
				],
			},
		});
		const t = trigger('tools', { options: { fireOnExistingFailures: true } });
		const r = await poll(t);
		expect(r.error).toBeUndefined();
		const base = { event: 'syncFailed', model: null, status: 'requires_intervention', errorMessage: null, lastSyncedAt: null };
		expect(emitted(r)).toEqual([
			{ ...base, provider: 'acme', name: 'acme', category: null },
			{ ...base, provider: 'stripe', name: 'Stripe Billing', category: 'payments' },
		]);
		expect(t.staticData.connected).toEqual(['acme', 'hubspot', 'stripe']);
		expect(t.staticData.contract).toBe('tools');
	});

	const malformed = (reason) => `Outlit returned a malformed integration status: ${reason}${AFTER}`;
	test.each([
		// Refused before the trigger reads it.
		['that is not an object', 'text', NOT_JSON],
		['without integrations', { items: [] }, unreadable('an integration status without "integrations"')],
		// null reaches the trigger as an object without a provider.
		['with an entry that is not an object', { integrations: [null] }, unreadable('an integration status with an entry that is not an object')],
		['with an entry without a provider id', { integrations: [{ provider: 'stripe', status: 'ready' }, { status: 'ready' }] }, malformed('integrations[1].provider is not a provider id')],
		['with an empty status', { integrations: [{ provider: 'stripe', status: '' }] }, malformed('integrations[0].status is not a readiness status')],
		['with a status that is not a string', { integrations: [{ provider: 'stripe', status: 3 }] }, malformed('integrations[0].status is not a readiness status')],
		['with a name that is not a string', { integrations: [{ provider: 'stripe', name: 5, status: 'ready' }] }, malformed('integrations[0].name is number, not a string')],
	])('refuses a body %s; the state is kept', async (_name, body, message) => {
		const t = await activatedThenFailing('tools', 'stripe');
		env.sandbox.injectFault({ ...STATUS, body });
		await expectRefusedThenNormal(t, message, { event: 'syncFailed', provider: 'stripe', status: 'requires_intervention' });
	});
});
