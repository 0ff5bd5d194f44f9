'use strict';
/**
 * The trigger's decisions when Automatic's observation moves between Outlit's two APIs (REST routes →
 * tools gateway when REST is retired, and back on the daily re-check). The two list different
 * providers (the REST routes 12, outlit-openapi.json's ProviderId; Salesforce, Gong and Mixpanel only
 * the gateway) and see failures differently (failing models vs readiness, and Outlit says "`ready` is
 * not evidence that sync, backfill, or data ingestion is complete"). So the first poll after a switch
 * only records connections and failures, and what one API saw is never reported recovered by the other.
 */
const { decide, providersNeedingDetails, fromReadiness } = require('../../nodes/OutlitTrigger/decide.ts');

const T0 = '2026-01-01T00:00:00.000Z';
const at = (minute) => new Date(Date.parse(T0) + minute * 60000).toISOString();
const ALL = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'];

/** One poll as the node runs it (phase 1 names the providers, `details` answers them); events in brief. */
function poll(state, list, { details = {}, ...opts }) {
	const options = { events: ALL, providers: [], ...opts, now: at(opts.minute) };
	const asked = providersNeedingDetails(state, list, options);
	const bodies = Object.fromEntries(asked.map((p) => [p, { syncs: details[p] ?? [] }]));
	const r = decide(state, list, bodies, options);
	return { events: r.events.map((e) => `${e.event}|${e.provider}|${e.model}`), state: JSON.parse(JSON.stringify(r.state)) };
}
const rest = (id, syncStatus = 'SUCCESS', errorMessage = null, status = 'connected') => ({ id, name: id, category: 'c', status, syncStatus, errorMessage });
const gw = (provider, status) => fromReadiness({ provider, name: provider, category: 'c', status });
const invoiceFailing = { stripe: [{ model: 'StripeInvoice', status: 'FAILED', errorMessage: 'Stripe API key was revoked', lastSyncedAt: null }] };

describe('a failure one API saw is never reported recovered by the other', () => {
	test('a failure the REST routes saw is not reported recovered by the gateway after a switch', () => {
		const seeded = poll(undefined, [rest('stripe')], { minute: 0 }).state;
		const failed = poll(seeded, [rest('stripe', 'FAILED', 'Stripe API key was revoked')], { details: invoiceFailing, minute: 1 });
		expect(failed.events).toEqual(['syncFailed|stripe|StripeInvoice']);
		const moved = poll(failed.state, [gw('stripe', 'ready')], { contract: 'tools', minute: 2 });
		expect(moved.events).toEqual([]);
		expect(moved.state.providers).toEqual({});
		// Dropped, not kept: a later failure on the gateway is a new one and fires.
		expect(poll(moved.state, [gw('stripe', 'requires_intervention')], { contract: 'tools', minute: 3 }).events).toEqual(['syncFailed|stripe|null']);
	});

	test('a failure the gateway saw is not reported recovered by the REST routes after a switch', () => {
		const seeded = poll(undefined, [gw('hubspot', 'ready')], { contract: 'tools', minute: 0 }).state;
		const failed = poll(seeded, [gw('hubspot', 'requires_intervention')], { contract: 'tools', minute: 1 });
		expect(failed.events).toEqual(['syncFailed|hubspot|null']);
		const back = poll(failed.state, [rest('hubspot')], { contract: 'rest', minute: 2 });
		expect(back.events).toEqual([]);
		expect(back.state.providers).toEqual({});
	});
});

describe('the first poll after a switch records what the new API shows', () => {
	test('a gateway-only provider (Salesforce) connected all along fires no integrationConnected on the first gateway poll', () => {
		let state = poll(undefined, [rest('stripe')], { minute: 0 }).state;
		state = poll(state, [rest('stripe')], { minute: 1 }).state;
		const moved = poll(state, [gw('stripe', 'ready'), gw('salesforce', 'ready')], { contract: 'tools', minute: 2 });
		expect(moved.events).toEqual([]);
		expect(moved.state.connected).toEqual(['salesforce', 'stripe']);
		// Only the first poll records: on the next, a disconnection and a new failure are news.
		const next = poll(moved.state, [gw('stripe', 'requires_intervention'), gw('salesforce', 'not_connected')], { contract: 'tools', minute: 3 });
		expect(next.events).toEqual(['syncFailed|stripe|null', 'integrationDisconnected|salesforce|null']);
	});

	test('a gateway-only provider\'s long-standing requires_intervention fires no syncFailed on the first gateway poll; its recovery fires', () => {
		const state = poll(undefined, [rest('stripe')], { minute: 0 }).state;
		const moved = poll(state, [gw('stripe', 'ready'), gw('salesforce', 'requires_intervention')], { contract: 'tools', minute: 1 });
		expect(moved.events).toEqual([]);
		expect(Object.keys(moved.state.providers)).toEqual(['salesforce']);
		expect(poll(moved.state, [gw('stripe', 'ready'), gw('salesforce', 'ready')], { contract: 'tools', minute: 2 }).events).toEqual(['syncRecovered|salesforce|null']);
	});

	test('Fire on Existing Failures is for the first activation only: the first gateway poll still fires nothing', () => {
		const state = poll(undefined, [rest('stripe')], { fireOnExistingFailures: true, minute: 0 }).state;
		const moved = poll(state, [gw('mixpanel', 'requires_intervention')], { fireOnExistingFailures: true, contract: 'tools', minute: 1 });
		expect(moved.events).toEqual([]);
	});
});

test('a state from before the trigger recorded its API counts as the REST routes: no switch, a new failure there fires', () => {
	// Seeded with connected recorded but no `contract`, as the trigger stored it before it read the gateway.
	const older = { version: 1, seededAt: at(0), scope: null, providers: {}, connected: ['stripe'] };
	const r = poll(older, [rest('stripe', 'FAILED', 'Stripe API key was revoked')], { details: invoiceFailing, minute: 1 });
	expect(r.events).toEqual(['syncFailed|stripe|StripeInvoice']);
});
