'use strict';
/**
 * The trigger's pure decision logic, case by case (see the header of nodes/OutlitTrigger/decide.ts
 * for the semantics these tests pin down). The randomized counterpart is test/trigger/model.test.js.
 */
const {
	decide,
	providersNeedingDetails,
	currentFailures,
	normalizeState,
	isFailureStatus,
	isFailingIntegration,
	failureIdOf,
	MAX_FAILURES_PER_PROVIDER,
	MAX_PROVIDERS,
	STORED_TEXT_MAX,
	fromReadiness,
} = require('../../nodes/OutlitTrigger/decide.ts');
/** Outlit's gateway providers (ToolOutput_outlit_setup_integration's enum). */
const GATEWAY_IDS = ['salesforce', 'hubspot', 'attio', 'slack', 'google-calendar', 'google-mail', 'granola', 'gong', 'fireflies', 'pylon', 'stripe', 'mixpanel', 'posthog', 'supabase', 'clerk'];

const T0 = '2026-01-01T00:00:00.000Z';
const at = (minute) => new Date(Date.parse(T0) + minute * 60000).toISOString();
const BOTH = ['syncFailed', 'syncRecovered'];

function integration(id, syncStatus = 'SUCCESS', errorMessage = null) {
	return { id, name: `${id} name`, category: 'cat', status: 'connected', syncStatus, errorMessage };
}
const sync = (model, status = 'SUCCESS', errorMessage = null, lastSyncedAt = '2026-01-01T00:00:00Z') => ({
	model,
	status,
	errorMessage,
	lastSyncedAt,
});

/**
 * One poll the way the node runs it: phase 1 names the providers, `world.details` answers them
 * (recording which were asked), phase 2 decides. Returns the events, next state and the asks.
 */
function poll(state, world, opts = {}) {
	const options = { events: ['syncFailed'], providers: [], now: at(opts.minute ?? 1), ...opts };
	const asked = providersNeedingDetails(state, world.list, options);
	const details = {};
	for (const id of asked) details[id] = { syncs: (world.details ?? {})[id] ?? [] };
	const { events, state: next } = decide(state, world.list, details, options);
	return { events, state: JSON.parse(JSON.stringify(next)), asked };
}

/** Polls from an unseeded state once (seeding) and returns the seeded state. */
function seeded(world, opts) {
	const r = poll(undefined, world, { ...opts, minute: 0 });
	expect(r.events).toEqual([]);
	return r.state;
}

function deepFreeze(value) {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

describe('what counts as failing', () => {
	test.each(['FAILED', 'ERROR', 'failed', 'sync_failed', 'Errored', 'PARTIAL_FAILURE', 'error'])(
		'status %s is a failure',
		(status) => expect(isFailureStatus(status)).toBe(true),
	);
	test.each(['SUCCESS', 'PENDING', 'RUNNING', '', null, undefined, 42])('status %p is not', (status) =>
		expect(isFailureStatus(status)).toBe(false),
	);
	test('an error message alone makes an integration failing; a blank one does not', () => {
		expect(isFailingIntegration(integration('stripe', 'SUCCESS', 'token revoked'))).toBe(true);
		expect(isFailingIntegration(integration('stripe', 'SUCCESS', '   '))).toBe(false);
		expect(isFailingIntegration(integration('stripe', null, null))).toBe(false);
	});
});

describe('seeding and firing once', () => {
	const failing = {
		list: [integration('stripe', 'FAILED', 'token revoked'), integration('slack')],
		details: { stripe: [sync('StripeCustomer', 'FAILED', 'token revoked'), sync('StripeInvoice')] },
	};

	test('the first poll records existing failures and fires nothing', () => {
		const r = poll(undefined, failing);
		expect(r.asked).toEqual(['stripe']);
		expect(r.events).toEqual([]);
		expect(r.state.seededAt).toBe(at(1));
		expect(r.state.providers.stripe.failures.map((f) => f.model)).toEqual(['StripeCustomer']);
		// …and the next poll of the same world costs no detail request and fires nothing.
		const again = poll(r.state, failing, { minute: 2 });
		expect(again.asked).toEqual([]);
		expect(again.events).toEqual([]);
	});

	test('fireOnExistingFailures fires them on the first poll only', () => {
		const r = poll(undefined, failing, { fireOnExistingFailures: true });
		expect(r.events).toEqual([
			{
				event: 'syncFailed',
				provider: 'stripe',
				name: 'stripe name',
				category: 'cat',
				model: 'StripeCustomer',
				status: 'FAILED',
				errorMessage: 'token revoked',
				lastSyncedAt: '2026-01-01T00:00:00Z',
				detectedAt: at(1),
				failureId: 'stripe:StripeCustomer:1d6zqnthgdy',
			},
		]);
		expect(poll(r.state, failing, { fireOnExistingFailures: true, minute: 2 }).events).toEqual([]);
	});

	test('a failure after seeding fires once, then nothing while it persists', () => {
		const healthy = { list: [integration('stripe'), integration('slack')] };
		let state = seeded(healthy);
		const h = poll(state, healthy);
		expect(h).toMatchObject({ asked: [], events: [] });
		const r = poll(state, failing, { minute: 2 });
		expect(r.asked).toEqual(['stripe']);
		expect(r.events.map((e) => [e.event, e.provider, e.model])).toEqual([['syncFailed', 'stripe', 'StripeCustomer']]);
		state = r.state;
		for (let minute = 3; minute < 6; minute++) {
			const again = poll(state, failing, { minute });
			expect(again).toMatchObject({ asked: [], events: [] });
			state = again.state;
		}
		expect(state.providers.stripe.failures[0].detectedAt).toBe(at(2));
	});

	test('unnamed catalog fields fall back to the catalog, unknown ids to the id', () => {
		const world = {
			list: [{ id: 'hubspot', syncStatus: 'ERROR' }, { id: 'acme', syncStatus: 'ERROR' }],
		};
		const r = poll(undefined, world, { fireOnExistingFailures: true });
		expect(r.events.map((e) => [e.provider, e.name, e.category, e.model])).toEqual([
			['acme', 'acme', null, null],
			['hubspot', 'HubSpot', 'crm', null],
		]);
	});
});

describe('recovery and re-failure', () => {
	const failing = {
		list: [integration('stripe', 'FAILED', 'boom')],
		details: { stripe: [sync('StripeCustomer', 'FAILED', 'boom')] },
	};
	const healthy = { list: [integration('stripe', 'SUCCESS')] };

	test('recovery fires once with the failure id; a new failure after it fires again', () => {
		let state = seeded(healthy);
		const failed = poll(state, failing, { events: BOTH, minute: 2 });
		expect(failed.events).toHaveLength(1);
		const recovered = poll(failed.state, healthy, { events: BOTH, minute: 3 });
		expect(recovered.asked).toEqual([]);
		expect(recovered.events).toEqual([
			{
				event: 'syncRecovered',
				provider: 'stripe',
				name: 'stripe name',
				category: 'cat',
				model: 'StripeCustomer',
				status: 'SUCCESS',
				errorMessage: 'boom',
				lastSyncedAt: null,
				detectedAt: at(3),
				failureId: failed.events[0].failureId,
			},
		]);
		expect(recovered.state.providers).toEqual({});
		expect(poll(recovered.state, healthy, { events: BOTH, minute: 4 }).events).toEqual([]);
		state = recovered.state;
		const again = poll(state, failing, { events: BOTH, minute: 5 });
		expect(again.events.map((e) => e.event)).toEqual(['syncFailed']);
		expect(again.events[0].failureId).toBe(failed.events[0].failureId);
	});

	test('without syncRecovered the recovery is silent but still clears the state', () => {
		const failed = poll(seeded(healthy), failing, { minute: 2 });
		const recovered = poll(failed.state, healthy, { minute: 3 });
		expect(recovered.events).toEqual([]);
		expect(recovered.state.providers).toEqual({});
		expect(poll(recovered.state, failing, { minute: 4 }).events).toHaveLength(1);
	});

	test('only syncRecovered selected: failures are tracked silently, recoveries fire', () => {
		const failed = poll(seeded(healthy), failing, { events: ['syncRecovered'], minute: 2 });
		expect(failed.events).toEqual([]);
		const recovered = poll(failed.state, healthy, { events: ['syncRecovered'], minute: 3 });
		expect(recovered.events.map((e) => e.event)).toEqual(['syncRecovered']);
	});

	test('REST: a disconnection ends a failure without a recovery; a failing new connection is news', () => {
		const gone = { list: [{ id: 'stripe', name: 'stripe name', category: 'cat', status: 'not_connected', syncStatus: null, errorMessage: null }] };
		const failed = poll(seeded(healthy), failing, { events: BOTH, minute: 2 });
		const disconnected = poll(failed.state, gone, { events: BOTH, minute: 3 });
		expect(disconnected.events).toEqual([]);
		expect(disconnected.state.providers).toEqual({});
		const back = poll(disconnected.state, failing, { events: BOTH, minute: 4 });
		expect(back.events.map((e) => [e.event, e.provider, e.failureId])).toEqual([['syncFailed', 'stripe', failed.events[0].failureId]]);
	});

	test('a failure recorded while seeding fires its recovery', () => {
		const state = seeded(failing);
		const r = poll(state, healthy, { events: BOTH, minute: 2 });
		expect(r.events.map((e) => [e.event, e.model])).toEqual([['syncRecovered', 'StripeCustomer']]);
	});
});

describe('changed failures', () => {
	const listWith = (status, message) => [integration('hubspot', status, message)];

	test('a changed error replaces the old failure: the new one fires, no recovery', () => {
		const first = {
			list: listWith('FAILED', 'quota'),
			details: { hubspot: [sync('Contact', 'FAILED', 'quota'), sync('Deal', 'FAILED', 'quota')] },
		};
		const changed = {
			list: listWith('FAILED', 'token expired'),
			details: { hubspot: [sync('Contact', 'FAILED', 'token expired'), sync('Deal', 'FAILED', 'quota')] },
		};
		const a = poll(seeded({ list: listWith('SUCCESS') }), first, { events: BOTH, minute: 2 });
		expect(a.events.map((e) => e.model)).toEqual(['Contact', 'Deal']);
		const b = poll(a.state, changed, { events: BOTH, minute: 3 });
		expect(b.asked).toEqual(['hubspot']);
		expect(b.events.map((e) => [e.event, e.model, e.errorMessage])).toEqual([
			['syncFailed', 'Contact', 'token expired'],
		]);
		// Deal's failure persisted through the refetch: same id, first detection kept.
		const deal = b.state.providers.hubspot.failures.find((f) => f.model === 'Deal');
		expect(deal.detectedAt).toBe(at(2));
	});

	test('a model that stops failing recovers while the provider still fails', () => {
		const both = {
			list: listWith('FAILED', 'x'),
			details: { hubspot: [sync('Contact', 'FAILED', 'x'), sync('Deal', 'FAILED', 'x')] },
		};
		const oneLeft = {
			list: listWith('FAILED', 'y'),
			details: { hubspot: [sync('Contact', 'SUCCESS', null, 'later'), sync('Deal', 'FAILED', 'x')] },
		};
		const a = poll(seeded({ list: listWith('SUCCESS') }), both, { events: BOTH, minute: 2 });
		const b = poll(a.state, oneLeft, { events: BOTH, minute: 3 });
		expect(b.events.map((e) => [e.event, e.model, e.status, e.lastSyncedAt])).toEqual([
			['syncRecovered', 'Contact', 'SUCCESS', 'later'],
		]);
	});

	test('list-level failure (no failing model) is model null, and is replaced by a model failure', () => {
		const listOnly = { list: listWith('ERROR', 'sync stalled'), details: { hubspot: [sync('Contact')] } };
		const a = poll(seeded({ list: listWith('SUCCESS') }), listOnly, { events: BOTH, minute: 2 });
		expect(a.events).toMatchObject([
			{ event: 'syncFailed', model: null, status: 'ERROR', errorMessage: 'sync stalled', lastSyncedAt: null },
		]);
		expect(a.events[0].failureId).toBe('hubspot:*:22nyetxphw7');
		const named = {
			list: listWith('FAILED', 'sync stalled'),
			details: { hubspot: [sync('Contact', 'FAILED', null)] },
		};
		const b = poll(a.state, named, { events: BOTH, minute: 3 });
		// The model inherits the list's message; the list-level failure is replaced, not recovered.
		expect(b.events.map((e) => [e.event, e.model, e.errorMessage])).toEqual([
			['syncFailed', 'Contact', 'sync stalled'],
		]);
		// Back to list-level only: Contact recovered, the list-level failure fires.
		const c = poll(b.state, { ...listOnly, list: listWith('ERROR', 'other') }, { events: BOTH, minute: 4 });
		expect(c.events.map((e) => [e.event, e.model])).toEqual([
			['syncRecovered', 'Contact'],
			['syncFailed', null],
		]);
	});

	test('a status-only change refetches but the same failure does not fire again', () => {
		const failed = { list: listWith('FAILED', 'x'), details: { hubspot: [sync('Contact', 'FAILED', 'x')] } };
		const a = poll(seeded({ list: listWith('SUCCESS') }), failed, { minute: 2 });
		const b = poll(a.state, { ...failed, list: listWith('ERROR', 'x') }, { minute: 3 });
		expect(b.asked).toEqual(['hubspot']);
		expect(b.events).toEqual([]);
	});

	test('model changes behind an unchanged list entry are not fetched (healthy poll = 1 request)', () => {
		const failed = { list: listWith('FAILED', 'x'), details: { hubspot: [sync('Contact', 'FAILED', 'x')] } };
		const a = poll(seeded({ list: listWith('SUCCESS') }), failed, { minute: 2 });
		const hidden = { ...failed, details: { hubspot: [sync('Deal', 'FAILED', 'x')] } };
		expect(poll(a.state, hidden, { minute: 3 })).toMatchObject({ asked: [], events: [] });
	});
});

describe('provider filters and absent providers', () => {
	const world = {
		list: [integration('stripe', 'FAILED', 's'), integration('slack', 'FAILED', 'k'), integration('pylon')],
		details: { stripe: [], slack: [] },
	};

	test('unwatched providers are neither fetched nor emitted', () => {
		const state = seeded({ list: world.list.map((i) => integration(i.id)) }, { providers: ['stripe'] });
		const r = poll(state, world, { providers: ['stripe'], minute: 2 });
		expect(r.asked).toEqual(['stripe']);
		expect(r.events.map((e) => e.provider)).toEqual(['stripe']);
		expect(Object.keys(r.state.providers)).toEqual(['stripe']);
	});

	test('a provider dropped from the filter loses its entry silently', () => {
		const both = poll(seeded({ list: [] }), world, { events: BOTH, minute: 2 });
		expect(both.events.map((e) => e.provider)).toEqual(['slack', 'stripe']);
		const narrowed = poll(both.state, world, { events: BOTH, providers: ['slack'], minute: 3 });
		expect(narrowed.events).toEqual([]);
		expect(Object.keys(narrowed.state.providers)).toEqual(['slack']);
		expect(narrowed.state.scope).toEqual(['slack']);
	});

	test('a provider added to the filter is seeded silently (or fired with fireOnExistingFailures)', () => {
		const state = seeded(world, { providers: ['slack'] });
		const widened = poll(state, world, { providers: ['slack', 'stripe'], minute: 2 });
		expect(widened.asked).toEqual(['stripe']);
		expect(widened.events).toEqual([]);
		const fired = poll(state, world, { providers: [], fireOnExistingFailures: true, minute: 2 });
		expect(fired.events.map((e) => e.provider)).toEqual(['stripe']);
		// Once watched, a new failure of it fires normally.
		const changed = {
			list: [integration('stripe', 'FAILED', 'new'), ...world.list.slice(1)],
			details: world.details,
		};
		expect(poll(widened.state, changed, { providers: ['slack', 'stripe'], minute: 3 }).events).toHaveLength(1);
	});

	test('a watched provider missing from the list keeps its entry; it recovers when it is back healthy', () => {
		const a = poll(seeded({ list: [integration('stripe')] }), world, { events: BOTH, providers: ['stripe'], minute: 2 });
		const gone = poll(a.state, { list: [] }, { events: BOTH, providers: ['stripe'], minute: 3 });
		expect(gone.events).toEqual([]);
		expect(gone.state.providers).toEqual(a.state.providers);
		const back = poll(gone.state, world, { events: BOTH, providers: ['stripe'], minute: 4 });
		expect(back).toMatchObject({ asked: [], events: [] });
		const healthy = poll(back.state, { list: [integration('stripe')] }, { events: BOTH, providers: ['stripe'], minute: 5 });
		expect(healthy.events.map((e) => e.event)).toEqual(['syncRecovered']);
	});

	// Stored state comes from the workflow row and may have been edited, and its keys are in the order
	// they were written (listed providers first, then absent ones): an entry the stored scope did not
	// watch is not trusted, and absent ones are taken in id order.
	const oldFailure = { id: 'stripe:Old:x', model: 'Old', errorMessage: 'gone', detectedAt: T0 };
	const outsideScope = { version: 1, seededAt: T0, scope: ['slack'], providers: { slack: { sig: 's', failures: [] }, stripe: { sig: 'old', failures: [oldFailure] } } };

	test('a stored entry outside the stored scope is not trusted: the provider, newly watched, is seeded silently', () => {
		const failing = { list: [integration('slack'), integration('stripe', 'FAILED', 's')], details: { stripe: [sync('M', 'FAILED', 's')] } };
		const r = poll(outsideScope, failing, { events: BOTH, providers: ['slack', 'stripe'], minute: 2 });
		// Neither the new failure nor a recovery of the stored one, which was never announced.
		expect(r.events).toEqual([]);
		expect(r.state.providers.stripe.failures.map((f) => f.model)).toEqual(['M']);
	});

	test('a stored entry outside the stored scope is not carried over when that provider is absent', () => {
		const slackFailing = { list: [integration('slack', 'FAILED', 'k')], details: { slack: [sync('M', 'FAILED', 'k')] } };
		const r = poll(outsideScope, slackFailing, { providers: ['slack', 'stripe'], minute: 2 });
		expect(Object.keys(r.state.providers)).toEqual(['slack']);
	});

	test('absent providers fill the room left under MAX_PROVIDERS (24) in id order, whatever the stored order', () => {
		const entry = { sig: 's', failures: [] };
		const listed = Array.from({ length: 22 }, (_, i) => `m${String(i).padStart(2, '0')}`);
		// Stored keys in reverse id order: zb before za.
		const stored = { version: 1, seededAt: T0, scope: null, providers: Object.fromEntries([...listed, 'zb', 'za'].map((id) => [id, entry])) };
		// Listed providers keep an entry while they fail.
		const failing = (ids) => ({ list: ids.map((id) => integration(id, 'FAILED', 'e')), details: Object.fromEntries(ids.map((id) => [id, [sync('M', 'FAILED', 'e')]])) });
		const oneRoom = poll(stored, failing([...listed, 'n22']), { minute: 2 });
		expect(Object.keys(oneRoom.state.providers).sort()).toEqual([...listed, 'n22', 'za']);
		const noRoom = poll(stored, failing([...listed, 'n22', 'n23', 'n24']), { minute: 2 });
		expect(Object.keys(noRoom.state.providers).sort()).toEqual([...listed, 'n22', 'n23']);
	});

	test('ids that are not provider slugs are ignored; `constructor` is an ordinary id', () => {
		const world = {
			list: [integration('__proto__', 'FAILED', 'x'), integration('a b', 'FAILED', 'x'), integration('constructor', 'FAILED', 'x')],
			details: { constructor: [sync('M', 'FAILED', 'x')] },
		};
		const r = poll(undefined, world, { fireOnExistingFailures: true });
		expect(r.asked).toEqual(['constructor']);
		expect(r.events.map((e) => [e.provider, e.model])).toEqual([['constructor', 'M']]);
		expect(Object.keys(r.state.providers)).toEqual(['constructor']);
		expect(Object.getPrototypeOf(r.state.providers)).toBe(Object.prototype);
		expect(() => decide(r.state, [integration('constructor', 'ERROR', 'y')], {}, { events: BOTH, providers: [], now: T0 })).toThrow(/constructor/);
	});

	test('a provider listed twice counts once (the first entry)', () => {
		const dup = { list: [integration('stripe', 'FAILED', 'a'), integration('stripe', 'SUCCESS')], details: { stripe: [] } };
		const r = poll(seeded({ list: [] }), dup, { minute: 2 });
		expect(r.events.map((e) => e.errorMessage)).toEqual(['a']);
	});
});

describe('state: purity, bounds, robustness', () => {
	test('decide does not mutate its inputs and returns plain JSON', () => {
		const world = deepFreeze({
			list: [integration('stripe', 'FAILED', 'x')],
			details: { stripe: [sync('A', 'FAILED', 'x')] },
		});
		const state = deepFreeze(seeded({ list: [integration('stripe')] }));
		const details = deepFreeze({ stripe: { syncs: world.details.stripe } });
		const opts = deepFreeze({ events: BOTH, providers: [], now: at(2) });
		const r = decide(state, world.list, details, opts);
		expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
		expect(r.events).toHaveLength(1);
	});

	test('decide refuses to run without the details phase 1 asked for', () => {
		const list = [integration('stripe', 'FAILED', 'x')];
		expect(() => decide(undefined, list, {}, { events: BOTH, providers: [], now: T0 })).toThrow(/stripe/);
	});

	test('failures per provider, providers and stored texts are bounded', () => {
		// Every text at its worst: long ids, models, statuses, timestamps and messages.
		const long = (c, n = 5000) => c.repeat(n);
		const models = Array.from({ length: 35 }, (_, i) =>
			sync(`${long('M', 300)}${String(i).padStart(2, '0')}`, `FAILED${long('S', 300)}`, long('e'), long('t', 300) + i),
		);
		// The longest provider ids Outlit allows: 80 characters.
		const ids = Array.from({ length: MAX_PROVIDERS + 10 }, (_, i) => `${long('p', 77)}${String(i).padStart(3, '0')}`);
		const world = {
			list: ids.map((id) => integration(id, 'FAILED', long('e'))),
			details: Object.fromEntries(ids.map((id) => [id, models])),
		};
		const r = poll(undefined, world, { fireOnExistingFailures: true });
		expect(r.asked).toHaveLength(MAX_PROVIDERS);
		expect(Object.keys(r.state.providers)).toHaveLength(MAX_PROVIDERS);
		expect(r.events).toHaveLength(MAX_PROVIDERS * MAX_FAILURES_PER_PROVIDER);
		// Emitted items keep the full texts; the state keeps clipped copies.
		expect(r.events[0].errorMessage).toBe(long('e'));
		expect(r.events[0].model).toBe(models[0].model);
		const failures = Object.values(r.state.providers).flatMap((p) => p.failures);
		expect(Math.max(...failures.map((f) => f.errorMessage.length))).toBeLessThanOrEqual(STORED_TEXT_MAX);
		const recordBytes = Math.max(...failures.map((f) => JSON.stringify(f).length));
		expect(recordBytes).toBeLessThan(500);
		const providerKeyBytes = Math.max(...Object.keys(r.state.providers).map((k) => k.length));
		expect(JSON.stringify(r.state).length).toBeLessThan(MAX_PROVIDERS * (MAX_FAILURES_PER_PROVIDER * 500 + providerKeyBytes + 50));
		// The same world again: nothing is re-fired even though the bounds cut some failures off.
		expect(poll(r.state, world, { fireOnExistingFailures: true, minute: 2 })).toMatchObject({ asked: [], events: [] });
	});

	test('typical state is small', () => {
		// Healthy: the header, plus the ids of the connected integrations (for the connection events).
		const healthy = seeded({ list: GATEWAY_IDS.map((id) => integration(id)) });
		expect(JSON.stringify(healthy).length).toBeLessThan(120 + GATEWAY_IDS.join('","').length + 4);
		const world = {
			list: [integration('stripe', 'FAILED', 'Card declined'), integration('slack')],
			details: { stripe: [sync('StripeCustomer', 'FAILED', 'Card declined'), sync('StripeInvoice', 'FAILED', 'Card declined')] },
		};
		const r = poll(healthy, world);
		// The healthy state, plus about 160 bytes per failing model.
		expect(JSON.stringify(r.state).length - JSON.stringify(healthy).length).toBeLessThan(2 * 160);
	});

	test('unreadable stored state counts as unseeded; damaged entries are dropped', () => {
		for (const raw of [undefined, null, 'x', 42, [], {}, { version: 2, seededAt: T0 }, { version: 1 }]) {
			expect(normalizeState(raw)).toEqual({ version: 1, seededAt: null, scope: null, providers: {} });
		}
		const good = { sig: 's', failures: [{ id: 'a', model: null, errorMessage: null, detectedAt: T0 }] };
		const state = normalizeState({
			version: 1,
			seededAt: T0,
			scope: ['stripe', 7],
			providers: { stripe: good, slack: { sig: 1, failures: [] }, pylon: { sig: 's', failures: [{ id: 'x' }] } },
		});
		expect(state).toEqual({ version: 1, seededAt: T0, scope: null, providers: { stripe: good } });
	});

	test('failure ids are stable for the same failure and differ when anything identifying changes', () => {
		// Pinned: stored state holds these ids, so any change to them re-fires every open failure.
		const id = 'stripe:Customer:1w9gcxjfee8';
		expect(failureIdOf('stripe', 'Customer', T0, 'boom')).toBe(id);
		const others = [
			failureIdOf('slack', 'Customer', T0, 'boom'),
			failureIdOf('stripe', 'Invoice', T0, 'boom'),
			failureIdOf('stripe', null, T0, 'boom'),
			failureIdOf('stripe', 'Customer', at(1), 'boom'),
			failureIdOf('stripe', 'Customer', T0, 'boom!'),
			failureIdOf('stripe', 'Customer', null, 'boom'),
		];
		expect(new Set([id, ...others]).size).toBe(others.length + 1);
		expect(failureIdOf('stripe', 'M'.repeat(1000), T0, 'e'.repeat(1000)).length).toBeLessThan(120);
	});
});

describe('failure records: order, duplicates, clipping, ids, stored shape', () => {
	const failingStripe = (syncs) => ({ list: [integration('stripe', 'FAILED', 'x')], details: { stripe: syncs } });
	const fired = (syncs) => poll(seeded({ list: [integration('stripe')] }), failingStripe(syncs), { events: BOTH });

	test('failures come out sorted by model, whatever order Outlit lists them in', () => {
		const r = fired([sync('Zeta', 'FAILED', 'z'), sync('Alpha', 'FAILED', 'a'), sync('Mid', 'FAILED', 'm')]);
		expect(r.events.map((e) => e.model)).toEqual(['Alpha', 'Mid', 'Zeta']);
		expect(r.state.providers.stripe.failures.map((f) => f.model)).toEqual(['Alpha', 'Mid', 'Zeta']);
	});

	test('failures of one model are ordered by failure id, the same for every input order', () => {
		const three = [sync('M', 'FAILED', 'e', '2026-01-01T00:00:00Z'), sync('M', 'FAILED', 'e', '2026-01-02T00:00:00Z'), sync('M', 'FAILED', 'e', '2026-01-03T00:00:00Z')];
		const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
		const outputs = orders.map((order) => fired(order.map((i) => three[i])).events.map((e) => e.failureId));
		const ids = outputs[0];
		expect(ids).toHaveLength(3);
		expect(ids).toEqual([...ids].sort());
		for (const output of outputs) expect(output).toEqual(ids);
	});

	test('the same failure listed twice fires once, with the first listing\'s status', () => {
		const r = fired([sync('A', 'FAILED', 'x'), sync('A', 'ERROR', 'x')]);
		expect(r.events).toHaveLength(1);
		expect(r.events[0]).toMatchObject({ model: 'A', status: 'FAILED', errorMessage: 'x' });
	});

	test('stored error texts: 160 characters are kept whole, 161 are clipped to 159 and an ellipsis', () => {
		const r = fired([sync('A', 'FAILED', 'a'.repeat(160)), sync('B', 'FAILED', 'b'.repeat(161))]);
		const [a, b] = r.state.providers.stripe.failures;
		expect(a.errorMessage).toBe('a'.repeat(160));
		expect(b.errorMessage).toBe(`${'b'.repeat(159)}…`);
		expect(r.events[1].errorMessage).toBe('b'.repeat(161));
	});

	test('ids: a model of 64 characters is kept in the id; a longer one keeps 40 and a hash of the whole', () => {
		const m64 = 'm'.repeat(64);
		expect(failureIdOf('stripe', m64, T0, 'e').startsWith(`stripe:${m64}:`)).toBe(true);
		const m65 = 'm'.repeat(65);
		const long = failureIdOf('stripe', m65, T0, 'e');
		expect(long).toMatch(new RegExp(`^stripe:${'m'.repeat(40)}~[0-9a-z]+:[0-9a-z]+$`));
		// Two long models sharing the first 40 characters still get different ids.
		expect(failureIdOf('stripe', `${'m'.repeat(40)}${'x'.repeat(30)}`, T0, 'e')).not.toBe(long);
		const p65 = 'p'.repeat(65);
		expect(failureIdOf(p65, null, T0, 'e')).toMatch(new RegExp(`^${'p'.repeat(40)}~[0-9a-z]+:\\*:[0-9a-z]+$`));
	});

	test('stored providers: entries under a bad id, null, or not an object are dropped; the rest are read back', () => {
		const good = { sig: 's', failures: [{ id: 'a', model: null, errorMessage: null, detectedAt: T0 }] };
		const read = (providers) => normalizeState({ version: 1, seededAt: T0, providers }).providers;
		expect(read({ 'not a provider!': good, stripe: good, slack: null, pylon: 'x', hubspot: 7, attio: undefined })).toEqual({ stripe: good });
		for (const providers of [null, undefined, 'stripe', 42, []]) expect(read(providers)).toEqual({});
	});

	test('the watched scope: empty and non-string entries are ignored, duplicates collapse; nothing left means all', () => {
		const world = { list: [integration('stripe'), integration('slack')] };
		expect(poll(undefined, world, { providers: ['', 'stripe', 7, null, 'stripe'] }).state.scope).toEqual(['stripe']);
		expect(poll(undefined, world, { providers: ['slack', 'stripe'] }).state.scope).toEqual(['slack', 'stripe']);
		expect(poll(undefined, world, { providers: ['stripe', 'slack'] }).state.scope).toEqual(['slack', 'stripe']);
		expect(poll(undefined, world, { providers: ['', 7] }).state.scope).toBeNull();
	});

	test('stored failures: well-formed ones are read back; a provider with any malformed one is dropped', () => {
		const ok = { id: 'a', model: 'M', errorMessage: 'e', detectedAt: T0 };
		const read = (failures) => normalizeState({ version: 1, seededAt: T0, providers: { stripe: { sig: 's', failures } } }).providers;
		expect(read([ok, { id: 'b', model: null, errorMessage: null, detectedAt: T0 }])).toEqual({
			stripe: { sig: 's', failures: [ok, { id: 'b', model: null, errorMessage: null, detectedAt: T0 }] },
		});
		for (const bad of [null, undefined, 42, 'a', { ...ok, id: 7 }, { ...ok, detectedAt: null }, { ...ok, model: 7 }, { ...ok, errorMessage: {} }]) {
			expect(read([ok, bad])).toEqual({});
		}
	});
});

describe('manual mode helper', () => {
	test('currentFailures lists every current failure of watched providers, state-free', () => {
		const world = {
			list: [integration('stripe', 'FAILED', 'a'), integration('slack', 'ERROR'), integration('pylon')],
			details: { stripe: [sync('Customer', 'FAILED', 'a')], slack: [] },
		};
		const asked = providersNeedingDetails(undefined, world.list, { providers: ['stripe', 'slack'] });
		expect(asked).toEqual(['slack', 'stripe']);
		const details = Object.fromEntries(asked.map((id) => [id, { syncs: world.details[id] }]));
		const items = currentFailures(world.list, details, { providers: ['stripe', 'slack'], now: T0 });
		expect(items.map((e) => [e.event, e.provider, e.model])).toEqual([
			['syncFailed', 'slack', null],
			['syncFailed', 'stripe', 'Customer'],
		]);
	});
});

describe('the tools gateway: readiness instead of sync detail', () => {
	const ready = (provider, status = 'ready') => ({ provider, name: `${provider} name`, category: 'cat', status });
	const tools = (list) => list.map(fromReadiness);
	const gw = (state, list, opts = {}) => poll(state, { list: tools(list) }, { contract: 'tools', ...opts });

	test('entering requires_intervention fires one syncFailed with no model, message or time', () => {
		const state = gw(undefined, [ready('stripe'), ready('slack')], { minute: 0 }).state;
		const r = gw(state, [ready('stripe', 'requires_intervention'), ready('slack')]);
		expect(r.events).toEqual([
			{
				event: 'syncFailed',
				provider: 'stripe',
				name: 'stripe name',
				category: 'cat',
				model: null,
				status: 'requires_intervention',
				errorMessage: null,
				lastSyncedAt: null,
				detectedAt: at(1),
				failureId: 'stripe:*:1fq5gg11a6u',
			},
		]);
		expect(gw(r.state, [ready('stripe', 'requires_intervention'), ready('slack')], { minute: 2 }).events).toEqual([]);
	});

	test('a failure recovers when the integration is ready again, not when it is disconnected', () => {
		const opts = { events: BOTH };
		let state = gw(undefined, [ready('stripe'), ready('pylon')], { ...opts, minute: 0 }).state;
		state = gw(state, [ready('stripe', 'requires_intervention'), ready('pylon', 'requires_intervention')], { ...opts, minute: 1 }).state;
		const r = gw(state, [ready('stripe'), ready('pylon', 'not_connected')], { ...opts, minute: 2 });
		expect(r.events.map((e) => [e.event, e.provider, e.status])).toEqual([['syncRecovered', 'stripe', 'ready']]);
		expect(r.state.providers).toEqual({});
	});

	test('a disconnection ends a failure: a new connection that fails is news, one that is ready is no recovery', () => {
		const opts = { events: BOTH };
		const state = gw(undefined, [ready('pylon'), ready('stripe')], { ...opts, minute: 0 }).state;
		const failed = gw(state, [ready('pylon', 'requires_intervention'), ready('stripe', 'requires_intervention')], { ...opts, minute: 1 }).state;
		const gone = gw(failed, [ready('pylon', 'not_connected'), ready('stripe', 'not_connected')], { ...opts, minute: 2 });
		expect(gone.events).toEqual([]);
		const back = gw(gone.state, [ready('pylon', 'requires_intervention'), ready('stripe')], { ...opts, minute: 3 });
		expect(back.events.map((e) => [e.event, e.provider, e.failureId])).toEqual([['syncFailed', 'pylon', 'pylon:*:1fq5gg11a6u']]);
	});

	test('a failure stands through setup_required: its recovery fires on the return to ready', () => {
		const opts = { events: BOTH };
		const state = gw(undefined, [ready('hubspot')], { ...opts, minute: 0 }).state;
		const failed = gw(state, [ready('hubspot', 'requires_intervention')], { ...opts, minute: 1 });
		expect(failed.events.map((e) => [e.event, e.provider])).toEqual([['syncFailed', 'hubspot']]);
		const waiting = gw(failed.state, [ready('hubspot', 'setup_required')], { ...opts, minute: 2 });
		expect(waiting.events).toEqual([]);
		const r = gw(waiting.state, [ready('hubspot')], { ...opts, minute: 3 });
		expect(r.events.map((e) => [e.event, e.provider, e.status, e.failureId])).toEqual([['syncRecovered', 'hubspot', 'ready', 'hubspot:*:1fq5gg11a6u']]);
	});

	test('a failure that comes back from awaiting_auth to requires_intervention does not fire again', () => {
		const opts = { events: BOTH };
		const state = gw(undefined, [ready('hubspot')], { ...opts, minute: 0 }).state;
		const failed = gw(state, [ready('hubspot', 'requires_intervention')], { ...opts, minute: 1 });
		expect(failed.events.map((e) => [e.event, e.failureId])).toEqual([['syncFailed', 'hubspot:*:1fq5gg11a6u']]);
		const auth = gw(failed.state, [ready('hubspot', 'awaiting_auth')], { ...opts, minute: 2 });
		expect(auth.events).toEqual([]);
		expect(gw(auth.state, [ready('hubspot', 'requires_intervention')], { ...opts, minute: 3 }).events).toEqual([]);
	});

	test('the gateway asks for no details (one request per poll)', () => {
		const state = gw(undefined, [ready('stripe')], { minute: 0 }).state;
		const r = gw(state, [ready('stripe', 'requires_intervention')]);
		expect(r.asked).toEqual(['stripe']); // answered by the node with no request: { syncs: [] }
		expect(r.events).toHaveLength(1);
	});
});

describe('integrationConnected and integrationDisconnected', () => {
	const EVENTS = ['integrationConnected', 'integrationDisconnected'];
	const rest = (id, status) => ({ id, name: `${id} name`, category: 'cat', status, syncStatus: status === 'connected' ? 'SUCCESS' : null, errorMessage: null });
	const ready = (provider, status) => fromReadiness({ provider, name: `${provider} name`, category: 'cat', status });

	test('REST: fires once when an integration becomes connected, and once when it stops', () => {
		let state = poll(undefined, { list: [rest('hubspot', 'not_connected')] }, { events: EVENTS, minute: 0 }).state;
		let r = poll(state, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 1 });
		expect(r.events.map((e) => [e.event, e.provider, e.status, e.model, e.detectedAt])).toEqual([['integrationConnected', 'hubspot', 'connected', null, at(1)]]);
		state = r.state;
		expect(poll(state, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 2 }).events).toEqual([]);
		r = poll(state, { list: [rest('hubspot', 'not_connected')] }, { events: EVENTS, minute: 3 });
		expect(r.events.map((e) => [e.event, e.provider, e.status])).toEqual([['integrationDisconnected', 'hubspot', 'not_connected']]);
	});

	test('a connection event\'s id names the provider and the change, and differs per moment', () => {
		const state = poll(undefined, { list: [rest('hubspot', 'not_connected')] }, { events: EVENTS, minute: 0 }).state;
		const connected = poll(state, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 1 });
		const [{ failureId: on }] = connected.events;
		expect(on).toMatch(/^hubspot:connected:[0-9a-z]+$/);
		const [{ failureId: off }] = poll(connected.state, { list: [rest('hubspot', 'not_connected')] }, { events: EVENTS, minute: 2 }).events;
		expect(off).toMatch(/^hubspot:disconnected:[0-9a-z]+$/);
		const [{ failureId: later }] = poll(state, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 5 }).events;
		expect(later).toMatch(/^hubspot:connected:/);
		expect(later).not.toBe(on);
	});

	test('gateway: connected is ready, setup_required or requires_intervention (a CRM awaiting its mapping counts)', () => {
		const state = poll(undefined, { list: [ready('hubspot', 'awaiting_auth'), ready('stripe', 'not_connected')] }, { events: EVENTS, contract: 'tools', minute: 0 }).state;
		const r = poll(state, { list: [ready('hubspot', 'setup_required'), ready('stripe', 'ready')] }, { events: EVENTS, contract: 'tools', minute: 1 });
		expect(r.events.map((e) => [e.event, e.provider, e.status])).toEqual([
			['integrationConnected', 'hubspot', 'setup_required'],
			['integrationConnected', 'stripe', 'ready'],
		]);
		// setup_required → ready is the same connection: nothing more.
		expect(poll(r.state, { list: [ready('hubspot', 'ready'), ready('stripe', 'ready')] }, { events: EVENTS, contract: 'tools', minute: 2 }).events).toEqual([]);
	});

	test('the first poll and state from before these events only record who is connected', () => {
		expect(poll(undefined, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 0 }).events).toEqual([]);
		const before = { version: 1, seededAt: T0, scope: null, providers: {} };
		const r = poll(before, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 1 });
		expect(r.events).toEqual([]);
		expect(r.state.connected).toEqual(['hubspot']);
	});

	test('the connected set is kept in id order and to MAX_PROVIDERS (24) ids, absent ones included', () => {
		const stored = (connected) => ({ version: 1, seededAt: T0, scope: null, providers: {}, connected });
		const r = poll(stored(['attio', 'zendesk']), { list: [rest('zendesk', 'connected')] }, { events: EVENTS, minute: 1 });
		expect(r.state.connected).toEqual(['attio', 'zendesk']);
		const absent = Array.from({ length: 24 }, (_, i) => `c${String(i).padStart(2, '0')}`);
		const full = poll(stored(absent), { list: [rest('a0', 'connected')] }, { events: EVENTS, minute: 1 });
		expect(full.state.connected).toEqual(['a0', ...absent.slice(0, 23)]);
	});

	test('a provider dropped from the filter leaves the connected set, listed or not', () => {
		const state = poll(undefined, { list: [rest('hubspot', 'connected'), rest('slack', 'connected')] }, { events: EVENTS, minute: 0 }).state;
		expect(state.connected).toEqual(['hubspot', 'slack']);
		for (const list of [[rest('hubspot', 'connected'), rest('slack', 'connected')], [rest('slack', 'connected')]]) {
			const r = poll(state, { list }, { events: EVENTS, providers: ['slack'], minute: 1 });
			expect(r.events).toEqual([]);
			expect(r.state.connected).toEqual(['slack']);
		}
	});

	test('a provider missing from the list keeps its state: absence is not a disconnection', () => {
		const state = poll(undefined, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 0 }).state;
		const r = poll(state, { list: [] }, { events: EVENTS, minute: 1 });
		expect(r.events).toEqual([]);
		expect(r.state.connected).toEqual(['hubspot']);
	});

	test('not selected: the state still moves on', () => {
		const state = poll(undefined, { list: [rest('hubspot', 'not_connected')] }, { events: ['syncFailed'], minute: 0 }).state;
		const r = poll(state, { list: [rest('hubspot', 'connected')] }, { events: ['syncFailed'], minute: 1 });
		expect(r.events).toEqual([]);
		expect(poll(r.state, { list: [rest('hubspot', 'connected')] }, { events: EVENTS, minute: 2 }).events).toEqual([]);
	});
});

describe('a switch of contract fires nothing already fired', () => {
	const ALL = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'];
	const restFailing = { id: 'stripe', name: 'Stripe', category: 'billing', status: 'connected', syncStatus: 'FAILED', errorMessage: 'Card declined' };
	const gatewayFailing = fromReadiness({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'requires_intervention' });
	const gatewayReady = fromReadiness({ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready' });
	const details = { stripe: [sync('StripeInvoice', 'FAILED', 'Card declined')] };

	test('REST → gateway with an open failure: no syncFailed, no syncRecovered, no connection event', () => {
		let state = poll(undefined, { list: [{ ...restFailing, syncStatus: 'SUCCESS', errorMessage: null }] }, { events: ALL, minute: 0 }).state;
		const fired = poll(state, { list: [restFailing], details }, { events: ALL, minute: 1 });
		expect(fired.events.map((e) => [e.event, e.model])).toEqual([['syncFailed', 'StripeInvoice']]);
		state = fired.state;
		const switched = poll(state, { list: [gatewayFailing] }, { events: ALL, minute: 2, contract: 'tools' });
		expect(switched.events).toEqual([]);
		expect(switched.state.contract).toBe('tools');
		// Its real recovery, later, fires once.
		const recovered = poll(switched.state, { list: [gatewayReady] }, { events: ALL, minute: 3, contract: 'tools' });
		expect(recovered.events.map((e) => e.event)).toEqual(['syncRecovered']);
	});

	test('gateway → REST (the daily re-check) with an open failure: nothing fires', () => {
		let state = poll(undefined, { list: [gatewayReady] }, { events: ALL, minute: 0, contract: 'tools' }).state;
		state = poll(state, { list: [gatewayFailing] }, { events: ALL, minute: 1, contract: 'tools' }).state;
		const back = poll(state, { list: [restFailing], details }, { events: ALL, minute: 2, contract: 'rest' });
		expect(back.events).toEqual([]);
		expect(Object.keys(back.state.providers)).toEqual(['stripe']);
	});

	test('a failure first seen at the switch is recorded, not fired (the other API cannot tell how old it is); its recovery fires', () => {
		const state = poll(undefined, { list: [{ ...restFailing, syncStatus: 'SUCCESS', errorMessage: null }] }, { events: ALL, minute: 0 }).state;
		const r = poll(state, { list: [gatewayFailing] }, { events: ALL, minute: 1, contract: 'tools' });
		expect(r.events).toEqual([]);
		const recovered = poll(r.state, { list: [gatewayReady] }, { events: ALL, minute: 2, contract: 'tools' });
		expect(recovered.events.map((e) => [e.event, e.status])).toEqual([['syncRecovered', 'ready']]);
	});

	test('restCheckedAt and contract survive normalizeState', () => {
		const state = { version: 1, seededAt: T0, scope: null, providers: {}, connected: ['stripe'], contract: 'tools', restCheckedAt: T0 };
		expect(normalizeState(state)).toEqual(state);
		const rest = { ...state, contract: 'rest' };
		expect(normalizeState(rest)).toEqual(rest);
		expect(normalizeState({ ...state, contract: 'soap' })).not.toHaveProperty('contract');
	});
});

describe('a real restart: the stored state read by a second Node.js process', () => {
	test('the other process computes the same failure ids and fires nothing already fired', () => {
		const { execFileSync } = require('node:child_process');
		const path = require('node:path');
		const world = { list: [integration('stripe', 'FAILED', 'Card declined')], details: { stripe: [sync('StripeInvoice', 'FAILED', 'Card declined')] } };
		const first = poll(poll(undefined, { list: [integration('stripe')] }, { minute: 0 }).state, world, { minute: 1 });
		expect(first.events.map((e) => e.failureId)).toEqual(['stripe:StripeInvoice:uh0u1h969e']);
		const script = `
			require(${JSON.stringify(path.join(__dirname, '..', 'support', 'register-ts'))});
			const { decide, providersNeedingDetails } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'nodes', 'OutlitTrigger', 'decide.ts'))});
			const [state, list, details] = JSON.parse(process.argv[1]);
			const opts = { events: ['syncFailed', 'syncRecovered'], providers: [], now: '2026-01-01T00:05:00.000Z' };
			const asked = providersNeedingDetails(state, list, opts);
			const body = Object.fromEntries(asked.map((p) => [p, { syncs: details[p] }]));
			const r = decide(state, list, body, opts);
			process.stdout.write(JSON.stringify({ asked, events: r.events, ids: r.state.providers.stripe.failures.map((f) => f.id) }));
		`;
		const out = JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify([first.state, world.list, world.details])], { encoding: 'utf8', timeout: 30000 }));
		expect(out).toEqual({ asked: [], events: [], ids: ['stripe:StripeInvoice:uh0u1h969e'] });
	});
});
