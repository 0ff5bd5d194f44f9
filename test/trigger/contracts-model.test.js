'use strict';
/**
 * Randomized model test of the trigger across Outlit's two contracts: sequences of polls whose
 * observation comes from the REST routes or the tools gateway at random (contract switches in both
 * directions), with failures starting and ending, integrations connecting and disconnecting,
 * providers missing from the list, outages, repeated polls and restarts (JSON round trips).
 * Each view lists what its contract allows: the REST routes only their 12 providers (Mixpanel is
 * gateway-only). Every poll is compared with a reference written separately, in terms of episodes: a
 * failure episode fires syncFailed once, its end fires syncRecovered once (on the gateway only when
 * the integration is ready again; until then the failure stands), and a change of connection fires
 * once. On the first poll after a change of contract, failures and connections are only recorded;
 * a failure one contract saw is taken over silently by the other, or dropped if not failing there.
 * Reproduce a failure with OUTLIT_MODEL_SEED=<seed>.
 */
const { prng } = require('../support/prng');
const { decide, providersNeedingDetails, fromReadiness } = require('../../nodes/OutlitTrigger/decide.ts');
/** The providers the REST routes take (outlit-openapi.json's ProviderId). */
const REST_IDS = require('../sandbox/contract/outlit-openapi.json').components.schemas.ProviderId.enum;

const BASE_SEED = process.env.OUTLIT_MODEL_SEED ? Number(process.env.OUTLIT_MODEL_SEED) >>> 0 : 0x5eed2;
// A tenth under Stryker (stryker.config.mjs sets OUTLIT_MUTATION_RUN), which runs it for every decide.ts mutant.
const SEQUENCES = process.env.OUTLIT_MUTATION_RUN ? 500 : 5000;
const MAX_POLLS = 24;
const TIME_LIMIT_MS = 90000; // a hang guard only
const EVENTS = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'];
const POOL = ['hubspot', 'mixpanel', 'pylon', 'stripe']; // mixpanel: on the gateway only
const listedBy = (contract, id) => contract === 'tools' || REST_IDS.includes(id);
const MINUTES = Array.from({ length: MAX_POLLS }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
const { floor } = Math;

const pick = (rand, list) => list[floor(rand() * list.length)];

// ---------------------------------------------------------------- the world, and its two views

function newWorld(rand) {
	return Object.fromEntries(
		POOL.map((id) => [id, { present: rand() < 0.9, connected: rand() < 0.6, failing: false, episode: 0, mapped: rand() < 0.5 }]),
	);
}

function mutate(rand, world) {
	for (const w of Object.values(world)) {
		const r = rand();
		if (r < 0.5) continue;
		if (r < 0.65 && w.connected && !w.failing) {
			w.failing = true;
			w.episode++; // a new failure: its own error text
		} else if (r < 0.78 && w.failing) w.failing = false;
		else if (r < 0.86) {
			w.connected = !w.connected;
			if (!w.connected) w.failing = false;
		} else if (r < 0.92) w.present = !w.present;
		else w.mapped = !w.mapped;
	}
}

/** REST: the list (one failing model per episode, its error fixed for the episode) and details. */
function restView(world) {
	const list = [];
	const details = {};
	for (const [id, w] of Object.entries(world)) {
		const message = w.failing ? `episode ${w.episode} broke` : null;
		details[id] = w.failing ? [{ model: 'Main', status: 'FAILED', errorMessage: message, lastSyncedAt: null }] : [];
		if (!w.present || !listedBy('rest', id)) continue;
		list.push({ id, name: id, category: 'test', status: w.connected ? 'connected' : 'not_connected', syncStatus: w.connected ? (w.failing ? 'FAILED' : 'SUCCESS') : null, errorMessage: message });
	}
	return { list, details };
}

/** The gateway: readiness only. */
function readinessOf(w) {
	if (!w.connected) return 'not_connected';
	if (w.failing) return 'requires_intervention';
	return w.mapped ? 'ready' : 'setup_required';
}
function toolsView(world) {
	const list = Object.entries(world)
		.filter(([, w]) => w.present)
		.map(([id, w]) => fromReadiness({ provider: id, name: id, category: 'test', status: readinessOf(w) }));
	return { list, details: {} };
}

// ---------------------------------------------------------------- reference (episodes, not ids)

class Reference {
	constructor() {
		this.seeded = false;
		this.contract = null; // the last answered poll's
		/** provider -> the contract that saw its failure, and the REST episode (null on the gateway: no detail) */
		this.failing = new Map();
		this.connected = new Set();
	}

	poll(world, contract, fireOnExisting) {
		const expected = [];
		// The new contract may show what the old one never listed: this poll only records.
		const changed = this.seeded && this.contract !== contract;
		for (const [id, w] of Object.entries(world)) {
			if (!w.present || !listedBy(contract, id)) continue; // unlisted: nothing is inferred
			const failingNow = w.failing && w.connected;
			const known = this.failing.get(id);
			const mine = known !== undefined && known.contract === contract;
			if (failingNow) {
				// REST names the error: a different one (a new episode seen only now) is a new failure.
				// A failure the other contract saw is taken over silently.
				const news = known === undefined ? this.seeded || fireOnExisting : mine && contract === 'rest' && known.episode !== w.episode;
				if (news && !changed) expected.push(`syncFailed|${id}`);
				this.failing.set(id, { contract, episode: contract === 'rest' ? w.episode : null });
			} else if (known !== undefined && !mine) {
				this.failing.delete(id); // the other contract's failure, not shown here: dropped silently
			} else if (known !== undefined && !w.connected) {
				this.failing.delete(id); // disconnected: the failure ends with the connection, no recovery
			} else if (known !== undefined && (contract === 'rest' || readinessOf(w) === 'ready')) {
				expected.push(`syncRecovered|${id}`);
				this.failing.delete(id);
			} // else on the gateway, not ready yet: the failure stands
			const connectedNow = w.connected;
			if (this.seeded && !changed && connectedNow !== this.connected.has(id)) {
				expected.push(`${connectedNow ? 'integrationConnected' : 'integrationDisconnected'}|${id}`);
			}
			if (connectedNow) this.connected.add(id);
			else this.connected.delete(id);
		}
		this.seeded = true;
		this.contract = contract;
		return expected.sort();
	}
}

// ---------------------------------------------------------------- the run

function runSequence(seed, totals) {
	const rand = prng(seed);
	const world = newWorld(rand);
	const ref = new Reference();
	const fireOnExisting = rand() < 0.3;
	let contract = rand() < 0.5 ? 'rest' : 'tools';
	let state;
	const polls = 8 + floor(rand() * (MAX_POLLS - 8));
	const fail = (message, extra) => {
		throw new Error(`seed ${seed} (OUTLIT_MODEL_SEED=${seed}): ${message}\n${JSON.stringify(extra).slice(0, 4000)}`);
	};

	for (let i = 0; i < polls; i++) {
		if (rand() < 0.8) mutate(rand, world);
		if (rand() < 0.2) {
			contract = contract === 'rest' ? 'tools' : 'rest';
			totals.switches++;
		}
		totals.polls++;
		if (rand() < 0.08) {
			totals.outages++;
			continue;
		}
		const { list, details } = contract === 'rest' ? restView(world) : toolsView(world);
		const options = { events: EVENTS, providers: [], fireOnExistingFailures: fireOnExisting, now: MINUTES[i], contract };
		const asks = providersNeedingDetails(state, list, options);
		const bodies = Object.fromEntries(asks.map((p) => [p, { syncs: details[p] ?? [] }]));
		const result = decide(state, list, bodies, options);
		const actual = result.events.map((e) => `${e.event}|${e.provider}`).sort();
		const expected = ref.poll(world, contract, fireOnExisting);
		totals.checked += expected.length;
		totals.emitted += actual.length;
		const missed = expected.filter((e, k) => expected.indexOf(e) === k && actual.filter((a) => a === e).length < expected.filter((x) => x === e).length);
		const extra = actual.filter((e, k) => actual.indexOf(e) === k && expected.filter((x) => x === e).length < actual.filter((a) => a === e).length);
		totals.missed += missed.length;
		totals.duplicates += extra.length;
		if (missed.length || extra.length) fail(`poll ${i} (${contract})`, { missed, extra, actual, expected, world });

		state = result.state;
		if (rand() < 0.3) {
			totals.restarts++;
			state = JSON.parse(JSON.stringify(state));
		}
		if (rand() < 0.15) {
			totals.repeats++;
			const again = decide(state, list, Object.fromEntries(providersNeedingDetails(state, list, options).map((p) => [p, { syncs: details[p] ?? [] }])), options);
			if (again.events.length) fail(`poll ${i} repeated emitted again`, again.events);
		}
	}
}

test(`${SEQUENCES} random sequences across contract switches: 0 missed and 0 duplicate emissions`, () => {
	const totals = { sequences: 0, polls: 0, switches: 0, outages: 0, repeats: 0, restarts: 0, checked: 0, emitted: 0, missed: 0, duplicates: 0 };
	const started = Date.now();
	for (let s = 0; s < SEQUENCES; s++) {
		if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`time limit hit after ${s} sequences`);
		runSequence((BASE_SEED + s) >>> 0, totals);
		totals.sequences++;
	}
	console.log(`trigger contracts model: base seed ${BASE_SEED}, ${JSON.stringify(totals)}, ${Date.now() - started} ms`);
	expect(totals.missed).toBe(0);
	expect(totals.duplicates).toBe(0);
	expect(totals.switches).toBeGreaterThan(SEQUENCES * 2);
	expect(totals.checked).toBeGreaterThan(SEQUENCES * 3);
}, 120000);
