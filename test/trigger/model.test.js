'use strict';
/**
 * Randomized model test of the trigger's decision logic. Thousands of poll sequences over a small
 * random world (failures, recoveries, changed errors, model-only changes, providers vanishing,
 * outages of the list or of sync-status, repeated polls, filter and event changes, restarts via a
 * JSON round trip of the state) are run through the real two-phase functions, and every poll is
 * compared with a reference model written separately, in a different shape: it identifies a
 * failure by its visible fields (provider, model, lastSyncedAt, errorMessage), not by failureId,
 * and keeps plain Maps instead of the stored JSON.
 *
 * Missed = an emission the reference expects that did not happen; duplicate = an emission it does
 * not expect (a repeat of a failure already fired, or anything extra). Both must be 0.
 * Reproduce a failure with OUTLIT_MODEL_SEED=<seed printed in the message>.
 */
const { prng } = require('../support/prng');
const { decide, providersNeedingDetails } = require('../../nodes/OutlitTrigger/decide.ts');

const BASE_SEED = process.env.OUTLIT_MODEL_SEED
	? Number(process.env.OUTLIT_MODEL_SEED) >>> 0
	: 0x0071e7;
// A tenth under Stryker (stryker.config.mjs sets OUTLIT_MUTATION_RUN): every decide.ts mutant runs
// this test, and 1,000 sequences already reach every branch the reference checks.
const SEQUENCES = process.env.OUTLIT_MUTATION_RUN ? 1000 : 10000;
const MIN_POLLS = 6;
const MAX_POLLS = 20;
const TIME_LIMIT_MS = 90000; // a hang guard only (the run takes ~4 s of CPU); jest waits 120 s for this test
const MINUTES = Array.from({ length: MAX_POLLS }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());

// Globals bound once: jest's sandboxed global makes each lookup costly in these hot loops.
const { floor } = Math;


const POOL = ['acme', 'hubspot', 'pylon', 'slack', 'stripe']; // acme: an id the catalog lacks
const MODELS = ['Contact', 'Customer', 'Invoice'];
const LIST_STATUSES = ['FAILED', 'ERROR', 'sync_failed', 'Errored', 'SUCCESS', 'PENDING', null];
const MODEL_STATUSES = ['FAILED', 'error', 'SUCCESS', 'PENDING', null];
const MESSAGES = [null, null, 'token expired', 'rate limited', 'quota exceeded', '   '];
const SYNCED = ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', null];

// ---------------------------------------------------------------- reference model (independent)

const hasText = (s) => typeof s === 'string' && s.trim().length > 0;
const bad = (status) => typeof status === 'string' && /fail|error/i.test(status);

class Reference {
	constructor() {
		this.seeded = false;
		this.lastWatched = 'all';
		/** provider -> { listKey, failures: [{ model, lastSyncedAt, errorMessage, status }] } */
		this.known = new Map();
	}

	/** Expected detail requests and emissions for one successful poll of `world`. */
	poll(world, opts) {
		const watching = (p) => opts.providers.length === 0 || opts.providers.includes(p);
		const startsWatching = (p) =>
			!this.seeded || (this.lastWatched !== 'all' && !this.lastWatched.has(p));
		const sameFailure = (a, b) =>
			a.model === b.model && a.lastSyncedAt === b.lastSyncedAt && a.errorMessage === b.errorMessage;
		const asks = [];
		const expected = [];
		const listed = new Set();

		for (const entry of world.list) {
			const p = entry.id;
			if (listed.has(p)) continue;
			listed.add(p);
			if (!watching(p)) continue;
			const before = startsWatching(p) ? undefined : this.known.get(p);
			if (!bad(entry.syncStatus) && !hasText(entry.errorMessage)) {
				for (const f of before ? before.failures : []) {
					expected.push({ event: 'syncRecovered', provider: p, ...f, status: entry.syncStatus ?? null, lastSyncedAt: null });
				}
				this.known.delete(p);
				continue;
			}
			const listMessage = hasText(entry.errorMessage) ? entry.errorMessage : null;
			const listKey = `${entry.syncStatus}|${listMessage}`;
			if (before && before.listKey === listKey) continue;

			asks.push(p);
			const syncs = world.details[p] ?? [];
			let now = syncs
				.filter((s) => bad(s.status) || hasText(s.errorMessage))
				.map((s) => ({
					model: s.model,
					lastSyncedAt: s.lastSyncedAt ?? null,
					errorMessage: hasText(s.errorMessage) ? s.errorMessage : listMessage,
					status: s.status ?? entry.syncStatus ?? null,
				}));
			if (now.length === 0) {
				now = [{ model: null, lastSyncedAt: null, errorMessage: listMessage, status: entry.syncStatus ?? null }];
			}
			now = now.filter((f, i) => now.findIndex((g) => sameFailure(f, g)) === i);
			const old = before ? before.failures : [];
			for (const f of old) {
				if (now.some((g) => sameFailure(f, g))) continue;
				const stillFailingModel = f.model === null || now.some((g) => g.model === f.model);
				if (stillFailingModel) continue;
				const s = syncs.find((x) => x.model === f.model);
				expected.push({
					event: 'syncRecovered',
					provider: p,
					...f,
					status: s ? s.status ?? null : entry.syncStatus ?? null,
					lastSyncedAt: s ? s.lastSyncedAt ?? null : null,
				});
			}
			const quiet = startsWatching(p) && !opts.fireOnExistingFailures;
			for (const f of now) {
				if (!quiet && !old.some((g) => sameFailure(f, g))) expected.push({ event: 'syncFailed', provider: p, ...f });
			}
			// A failure seen again keeps what was recorded first (status included).
			const kept = now.map((f) => old.find((g) => sameFailure(f, g)) ?? f);
			this.known.set(p, { listKey, failures: kept });
		}
		for (const p of [...this.known.keys()]) {
			if (!watching(p) || (!listed.has(p) && startsWatching(p))) this.known.delete(p);
		}
		this.seeded = true;
		this.lastWatched = opts.providers.length === 0 ? 'all' : new Set(opts.providers);
		return { asks: asks.sort(), expected: expected.filter((e) => opts.events.includes(e.event)) };
	}
}

// ---------------------------------------------------------------- random world

function pick(rand, list) {
	return list[floor(rand() * list.length)];
}

function randomSubset(rand, list, p = 0.5) {
	return list.filter(() => rand() < p);
}

function newWorld(rand) {
	const providers = {};
	for (const id of POOL) {
		providers[id] = {
			present: rand() < 0.85,
			syncStatus: 'SUCCESS',
			errorMessage: null,
			models: MODELS.filter(() => rand() < 0.8).map((model) => ({
				model,
				status: 'SUCCESS',
				lastSyncedAt: pick(rand, SYNCED),
				errorMessage: null,
			})),
		};
	}
	return providers;
}

function mutate(rand, world) {
	for (const w of Object.values(world)) {
		const r = rand();
		if (r < 0.45) continue;
		if (r < 0.6) {
			// A coherent failure: the list says so and some models fail.
			w.syncStatus = pick(rand, LIST_STATUSES.slice(0, 4));
			w.errorMessage = pick(rand, MESSAGES);
			for (const m of w.models) {
				const fails = rand() < 0.5;
				m.status = fails ? pick(rand, ['FAILED', 'error']) : 'SUCCESS';
				m.errorMessage = fails ? pick(rand, MESSAGES) : null;
			}
		} else if (r < 0.74) {
			// Recovery (sometimes with a blank message, which is no error).
			w.syncStatus = pick(rand, ['SUCCESS', 'PENDING', null]);
			w.errorMessage = pick(rand, [null, '  ']);
			for (const m of w.models) Object.assign(m, { status: 'SUCCESS', errorMessage: null });
		} else if (r < 0.8) {
			w.errorMessage = pick(rand, MESSAGES);
		} else if (r < 0.85) {
			w.syncStatus = pick(rand, LIST_STATUSES);
		} else if (r < 0.93 && w.models.length) {
			// A model-level change, visible only if the list entry changes too.
			const m = pick(rand, w.models);
			m.status = pick(rand, MODEL_STATUSES);
			m.errorMessage = pick(rand, MESSAGES);
			m.lastSyncedAt = pick(rand, SYNCED);
		} else if (r < 0.96) {
			w.present = !w.present;
		} else if (w.models.length) {
			pick(rand, w.models).lastSyncedAt = pick(rand, SYNCED);
		}
	}
}

/** What the API would answer: the list and each provider's sync-status body. */
function observe(world) {
	const list = [];
	const details = {};
	for (const [id, w] of Object.entries(world)) {
		details[id] = w.models.map((m) => ({ ...m }));
		if (!w.present) continue;
		list.push({ id, name: id, category: 'test', status: 'connected', syncStatus: w.syncStatus, errorMessage: w.errorMessage });
	}
	return { list, details };
}

function randomOptions(rand, previous) {
	const eventChoices = [['syncFailed'], ['syncRecovered'], ['syncFailed', 'syncRecovered'], ['syncFailed', 'syncRecovered'], []];
	return {
		events: previous && rand() < 0.9 ? previous.events : pick(rand, eventChoices),
		providers: previous && rand() < 0.9 ? previous.providers : rand() < 0.5 ? [] : randomSubset(rand, POOL),
		fireOnExistingFailures: previous ? previous.fireOnExistingFailures : rand() < 0.3,
	};
}

// ---------------------------------------------------------------- the run

const key = (e) => `${e.event}|${e.provider}|${e.model}|${e.lastSyncedAt}|${e.errorMessage}|${e.status}`;

function difference(a, b) {
	const counts = new Map();
	for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
	const out = [];
	for (const x of a) {
		const n = counts.get(x) ?? 0;
		if (n > 0) counts.set(x, n - 1);
		else out.push(x);
	}
	return out;
}

function runSequence(seed, totals) {
	const rand = prng(seed);
	const world = newWorld(rand);
	const ref = new Reference();
	let state; // as stored: JSON, undefined before the first successful poll
	let opts = randomOptions(rand);
	const polls = MIN_POLLS + floor(rand() * (MAX_POLLS - MIN_POLLS + 1));
	const log = [];
	const ids = new Map(); // visible failure -> failureId, must be one-to-one within a sequence
	const owners = new Map(); // failureId -> the syncFailed item that carried it
	const fail = (message, extra) => {
		const error = new Error(
			`seed ${seed} (OUTLIT_MODEL_SEED=${seed} reruns it first): ${message}\n` +
				JSON.stringify({ ...extra, log: log.slice(-6) }, null, 1).slice(0, 6000),
		);
		throw error;
	};

	for (let i = 0; i < polls; i++) {
		if (rand() < 0.8) mutate(rand, world);
		if (rand() < 0.08) opts = randomOptions(rand, opts);
		const now = MINUTES[i];
		const { list, details } = observe(world);
		const options = { ...opts, now };
		totals.polls++;
		log.push({ i, list, options });

		if (rand() < 0.08) {
			totals.outages++; // the list request failed: nothing runs, the state stays
			continue;
		}
		const asks = providersNeedingDetails(state, list, options);
		if (asks.length > 0 && rand() < 0.12) {
			totals.outages++; // a sync-status request failed after the list answered
			continue;
		}
		const bodies = Object.fromEntries(asks.map((p) => [p, { syncs: details[p] }]));
		const result = decide(state, list, bodies, options);
		const exp = ref.poll({ list, details }, options);
		totals.requests += 1 + asks.length;

		if (asks.join() !== exp.asks.join()) {
			fail(`poll ${i} fetched sync-status for ${JSON.stringify(asks)}, expected ${JSON.stringify(exp.asks)}`, {});
		}
		const actual = result.events.map(key);
		const expected = exp.expected.map(key);
		const missed = difference(expected, actual);
		const extra = difference(actual, expected);
		totals.checked += expected.length;
		totals.emitted += actual.length;
		totals.missed += missed.length;
		totals.duplicates += extra.length;
		if (missed.length || extra.length) fail(`poll ${i}: missed ${missed.length}, duplicate/extra ${extra.length}`, { missed, extra });

		for (const e of result.events) {
			if (e.event === 'syncFailed') {
				const visible = `${e.provider}|${e.model}|${e.lastSyncedAt}|${e.errorMessage}`;
				if (!ids.has(visible)) ids.set(visible, e.failureId);
				if (ids.get(visible) !== e.failureId) fail(`failureId of ${visible} changed`, {});
				owners.set(e.failureId, e);
			} else if (owners.has(e.failureId)) {
				// A recovery names the failure that fired (its own fields are current values).
				const f = owners.get(e.failureId);
				if (f.provider !== e.provider || f.model !== e.model || f.errorMessage !== e.errorMessage) {
					fail(`recovery ${e.failureId} does not match the failure that fired`, { f, e });
				}
			}
		}
		if (new Set(ids.values()).size !== ids.size) fail('two different failures share a failureId', {});

		state = result.state;
		if (rand() < 0.3) {
			// Stored as JSON in the workflow row; reading it back is what an n8n restart does.
			const json = JSON.stringify(state);
			totals.restarts++;
			totals.maxStateBytes = Math.max(totals.maxStateBytes, json.length);
			state = JSON.parse(json);
		}

		if (rand() < 0.15) {
			// n8n may run the same poll again (at-least-once): nothing new may come out.
			totals.repeats++;
			const again = providersNeedingDetails(state, list, options);
			const second = decide(state, list, {}, options);
			if (again.length || second.events.length) fail(`poll ${i} repeated emitted or fetched again`, { again, events: second.events });
			if (JSON.stringify(second.state) !== JSON.stringify(state)) fail(`poll ${i} repeated changed the state`, {});
		}
	}
}

test(`${SEQUENCES} random poll sequences: 0 missed and 0 duplicate emissions against the reference`, () => {
	const totals = { sequences: 0, polls: 0, outages: 0, repeats: 0, restarts: 0, requests: 0, checked: 0, emitted: 0, missed: 0, duplicates: 0, maxStateBytes: 0 };
	const started = Date.now();
	const cpu = process.cpuUsage();
	for (let s = 0; s < SEQUENCES; s++) {
		if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`time limit hit after ${s} sequences`);
		runSequence((BASE_SEED + s) >>> 0, totals);
		totals.sequences++;
	}
	const ms = Date.now() - started;
	const used = process.cpuUsage(cpu);
	const cpuMs = Math.round((used.user + used.system) / 1000);
	console.log(`trigger model: base seed ${BASE_SEED}, ${JSON.stringify(totals)}, ${ms} ms (${cpuMs} ms CPU)`);
	expect(totals.missed).toBe(0);
	expect(totals.duplicates).toBe(0);
	expect(totals.sequences).toBe(SEQUENCES);
	// The generator must actually exercise the interesting paths.
	expect(totals.checked).toBeGreaterThan(SEQUENCES * 3);
	expect(totals.outages).toBeGreaterThan(SEQUENCES);
	expect(totals.repeats).toBeGreaterThan(SEQUENCES);
}, 120000);
