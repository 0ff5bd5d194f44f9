/**
 * The Outlit Trigger's decision logic: previous state + what one poll observed → events + next
 * state. Pure: no I/O, no clock (`now` is passed in), input state never mutated, output state plain
 * JSON. The node runs it in two phases around its HTTP calls:
 *
 *   1. `providersNeedingDetails(state, integrations, opts)` → the providers whose failure is new or
 *      changed, i.e. the only ones whose `GET /api/integrations/sync-status` must be fetched.
 *   2. `decide(state, integrations, details, opts)` → `{ events, state }`, given those bodies.
 *
 * Semantics (what the tests hold the code to):
 *
 * - Failing. An integration (list entry) is failing when its `syncStatus` contains FAIL or ERROR
 *   (any case: FAILED, ERROR, sync_failed, Errored…) or its `errorMessage` has text (blank strings
 *   count as none). A sync entry (one model in sync-status) is failing by the same rule on its
 *   `status`/`errorMessage`.
 * - Watched. A provider is watched when `opts.providers` is empty (every id the list returns, also
 *   ids the catalog does not know yet) or lists it. At most MAX_PROVIDERS watched list ids are
 *   tracked (the first by id; the catalog has fewer, so this does not bind in practice).
 * - Signature. A failing provider's signature is (syncStatus, errorMessage) of its list entry. Its
 *   failure is "new or changed" when the state has no entry for it or a different signature; only
 *   then is sync-status fetched. While the signature stays the same, the stored failures stand as
 *   they are (model-level changes behind an unchanged list entry are not looked for: a healthy
 *   poll costs exactly one request).
 * - Failures of a provider (computed when its failure is new or changed): one per failing sync
 *   entry — model, status (the entry's, else syncStatus), errorMessage (the entry's, else the list
 *   entry's), lastSyncedAt (the entry's). When sync-status shows no failing model (empty `syncs`,
 *   `not_connected`, all SUCCESS) there is one list-level failure: model null, status =
 *   syncStatus, errorMessage = the list entry's, lastSyncedAt null. Sorted by model, at most
 *   MAX_FAILURES_PER_PROVIDER per provider (the rest are neither stored nor emitted).
 * - failureId = `<provider>:<model or *>:<hash(lastSyncedAt, errorMessage)>` (long ids shortened
 *   with a hash), so it is stable while the failure persists and differs when the error changes.
 * - Events, per watched provider, when its failure is new or changed:
 *   • each failure whose id is not stored fires `syncFailed` once (a changed error therefore fires
 *     as a new failure); stored ids that are observed again fire nothing and keep their detectedAt;
 *   • a stored failure that is gone is *replaced* (fires nothing) when the provider still has a
 *     failure for the same model, or when it was the list-level one (model null) and the provider
 *     is still failing; otherwise it *recovered* and fires `syncRecovered` once;
 *   when a provider stops failing, every stored failure of it fires `syncRecovered` once, and its
 *   entry is removed. A later failure after a recovery is new and fires again.
 *   Events not selected in `opts.events` are not emitted, but the state moves on all the same.
 * - Seeding. The first successful poll (no `seededAt`) records the failures that exist and fires
 *   nothing for them unless `fireOnExistingFailures`. The same holds for a provider that becomes
 *   watched because the `providers` filter grew: its existing failures are recorded silently. A
 *   silently recorded failure's recovery does fire (`syncRecovered`), since that is news.
 * - Filter shrinks: entries of providers no longer watched are dropped without events.
 * - A watched provider missing from the list keeps its entry unchanged (no recovery is inferred
 *   from absence); at most MAX_PROVIDERS entries are kept, listed providers first.
 * - Repeating a poll with the state it produced observes nothing new and emits nothing (n8n
 *   may run a poll twice). An outage (the node throws before `decide`: 401, 5xx, network,
 *   malformed body) leaves the state untouched, so a failure that is still there when the API
 *   answers again fires then, once. (One that starts and ends inside the outage is never seen.)
 * - State: `{ version: 1, seededAt, scope, providers: { [id]: { sig, failures: [{ id, model,
 *   errorMessage, detectedAt }] } } }` — only failing providers, messages clipped to
 *   STORED_TEXT_MAX and models to 100 characters, so a failure record is under 500 bytes and the
 *   whole state under MAX_PROVIDERS × MAX_FAILURES_PER_PROVIDER of them (~230 KB in the absurd
 *   worst case; about 150 bytes per failing model in practice, ~80 bytes when nothing fails).
 *   Unreadable state counts as unseeded (re-seeds silently).
 * - Recovery items: status and lastSyncedAt are the model's current values when sync-status was
 *   fetched in this poll, else the list entry's syncStatus and null; errorMessage is the error
 *   that recovered (as stored, clipped); detectedAt is when the recovery was seen.
 */
import { findProvider } from '../Outlit/catalog/providers';
import { CONNECTED_READINESS } from '../Outlit/transport/capabilities';

export const TRIGGER_EVENTS = ['syncFailed', 'syncRecovered', 'integrationConnected', 'integrationDisconnected'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const STATE_VERSION = 1;
/** Tracked providers: the catalog's, with room for providers Outlit adds before the catalog does. */
export const MAX_PROVIDERS = 24;
export const MAX_FAILURES_PER_PROVIDER = 20;
/** Stored error messages are clipped to this many characters (emitted failures keep them whole). */
export const STORED_TEXT_MAX = 160;
const STORED_MODEL_MAX = 100;
const ID_PART_MAX = 64;

/** One entry of `GET /api/integrations`, as validated by the node. */
export interface ObservedIntegration {
	id: string;
	name?: string | null;
	category?: string | null;
	status?: string | null;
	syncStatus?: string | null;
	errorMessage?: string | null;
}

/** One entry of `syncs` in `GET /api/integrations/sync-status`. */
export interface ObservedSync {
	model: string;
	status?: string | null;
	lastSyncedAt?: string | null;
	errorMessage?: string | null;
}

export interface SyncDetails {
	syncs: readonly ObservedSync[];
}

export type DetailsByProvider = Readonly<Record<string, SyncDetails | undefined>>;

export interface DecideOptions {
	events: readonly string[];
	/** Watched provider ids; empty = all. */
	providers: readonly string[];
	fireOnExistingFailures?: boolean;
	/** ISO timestamp of this poll. */
	now: string;
	/** The contract this poll's observation came from (default 'rest'). */
	contract?: 'rest' | 'tools';
	/** Stored as is, for the node's Automatic rule. */
	restCheckedAt?: string;
}

/** The readiness that is a failure, and the one a failure recovers to. */
export const FAILING_READINESS = 'requires_intervention';
export const RECOVERED_READINESS = 'ready';

/** One entry of the gateway's `outlit_get_integration_status`. */
export interface ObservedReadiness {
	provider: string;
	name?: string | null;
	category?: string | null;
	status: string;
}

/**
 * A gateway entry in the REST list's terms, so one decision logic serves both contracts: failing
 * while `requires_intervention` (no model, no message: readiness has no detail).
 */
export function fromReadiness(entry: ObservedReadiness): ObservedIntegration {
	return {
		id: entry.provider,
		name: entry.name ?? null,
		category: entry.category ?? null,
		status: entry.status,
		// Readiness stands in for syncStatus: only requires_intervention matches the failure pattern.
		syncStatus: entry.status,
		errorMessage: null,
	};
}

/** Whether a list entry (of either contract) counts as connected. */
export function isConnectedEntry(integration: ObservedIntegration, contract: 'rest' | 'tools'): boolean {
	return contract === 'tools'
		? CONNECTED_READINESS.includes(String(integration.status))
		: integration.status === 'connected';
}

/** Only what identifies a failure, what its recovery item reports, and when it was first seen. */
export interface StoredFailure {
	id: string;
	model: string | null;
	errorMessage: string | null;
	detectedAt: string;
}

export interface StoredProvider {
	sig: string;
	failures: StoredFailure[];
	/** The contract that saw these failures ('rest' when absent). */
	contract?: 'tools';
}

export interface TriggerState {
	version: typeof STATE_VERSION;
	seededAt: string | null;
	/** Watched ids at the last successful poll, sorted; null = all. */
	scope: string[] | null;
	providers: Record<string, StoredProvider>;
	/** Watched ids connected at the last poll, sorted; absent in state from before these events. */
	connected?: string[];
	/** The contract the last poll used ('rest' when absent: state from before the gateway). */
	contract?: 'rest' | 'tools';
	/** While on the gateway in Automatic mode: when the REST routes were last asked (ISO). */
	restCheckedAt?: string;
}

export interface TriggerItem {
	event: TriggerEvent;
	provider: string;
	name: string;
	category: string | null;
	model: string | null;
	status: string | null;
	errorMessage: string | null;
	lastSyncedAt: string | null;
	detectedAt: string;
	failureId: string;
}

export interface Decision {
	events: TriggerItem[];
	state: TriggerState;
}

// FAIL / ERROR in REST's syncStatus; the gateway's readiness for a failure.
const FAILURE_PATTERN = /FAIL|ERROR|REQUIRES_INTERVENTION/i;

/** A string with visible text, else null. */
function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function str(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** Provider ids are slugs (`google-mail`); anything else is not used as a key in the state. */
export function isProviderId(id: unknown): id is string {
	return typeof id === 'string' && /^[a-z0-9][a-z0-9._-]{0,99}$/i.test(id);
}

export function isFailureStatus(status: unknown): boolean {
	return typeof status === 'string' && FAILURE_PATTERN.test(status);
}

export function isFailingIntegration(integration: ObservedIntegration): boolean {
	return isFailureStatus(integration.syncStatus) || text(integration.errorMessage) !== null;
}

export function isFailingSync(sync: ObservedSync): boolean {
	return isFailureStatus(sync.status) || text(sync.errorMessage) !== null;
}

// Bound once: a global lookup per character is slow where globals are intercepted (jest's vm).
const imul = Math.imul;

/** cyrb53: a fast 53-bit string hash, base 36. Not cryptographic; only for compact stable ids. */
export function hash(input: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < input.length; i++) {
		const ch = input.charCodeAt(i);
		h1 = imul(h1 ^ ch, 2654435761);
		h2 = imul(h2 ^ ch, 1597334677);
	}
	h1 = imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function clip(value: string, max: number): string {
	return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Clips text for storage; null stays null. */
function stored(value: string | null, max = STORED_TEXT_MAX): string | null {
	return value === null ? null : clip(value, max);
}

/** A short, stable id part: long values keep a prefix plus a hash of the whole. */
function idPart(value: string): string {
	return value.length <= ID_PART_MAX ? value : `${value.slice(0, 40)}~${hash(value)}`;
}

export function failureIdOf(
	provider: string,
	model: string | null,
	lastSyncedAt: string | null,
	errorMessage: string | null,
): string {
	const detail = hash(JSON.stringify([lastSyncedAt, errorMessage]));
	return `${idPart(provider)}:${model === null ? '*' : idPart(model)}:${detail}`;
}

export function signatureOf(integration: ObservedIntegration): string {
	return hash(JSON.stringify([str(integration.syncStatus), text(integration.errorMessage)]));
}

interface Failure {
	id: string;
	model: string | null;
	status: string | null;
	errorMessage: string | null;
	lastSyncedAt: string | null;
}

/** The failures a provider has, from its list entry and its sync-status body. */
export function failuresOf(integration: ObservedIntegration, details: SyncDetails): Failure[] {
	const provider = integration.id;
	const listError = text(integration.errorMessage);
	const listStatus = str(integration.syncStatus);
	const failing = details.syncs.filter(isFailingSync);
	if (failing.length === 0) {
		const id = failureIdOf(provider, null, null, listError);
		return [{ id, model: null, status: listStatus, errorMessage: listError, lastSyncedAt: null }];
	}
	// Only model failures come here, so each has a model to sort by.
	const byId = new Map<string, Failure & { model: string }>();
	for (const sync of failing) {
		const errorMessage = text(sync.errorMessage) ?? listError;
		const lastSyncedAt = str(sync.lastSyncedAt);
		const id = failureIdOf(provider, sync.model, lastSyncedAt, errorMessage);
		if (!byId.has(id)) byId.set(id, { id, model: sync.model, status: str(sync.status) ?? listStatus, errorMessage, lastSyncedAt });
	}
	return [...byId.values()]
		.sort((a, b) => compare(a.model, b.model) || compare(a.id, b.id))
		.slice(0, MAX_FAILURES_PER_PROVIDER);
}

/** Own keys only: a provider called `constructor` must not find Object.prototype's. */
function own(record: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(record, key);
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The stored model key a failure is compared by (stored models are clipped). */
function modelKey(model: string | null): string | null {
	return stored(model, STORED_MODEL_MAX);
}

export function emptyState(): TriggerState {
	return { version: STATE_VERSION, seededAt: null, scope: null, providers: {} };
}

function readFailure(value: unknown): StoredFailure | undefined {
	// Stored state is JSON: a primitive has no string id and fails the check below; null and undefined
	// have no properties to read at all.
	if (value === null || value === undefined) return undefined;
	const f = value as Record<string, unknown>;
	const nullableString = (v: unknown) => v === null || typeof v === 'string';
	if (typeof f.id !== 'string' || typeof f.detectedAt !== 'string') return undefined;
	if (!nullableString(f.model) || !nullableString(f.errorMessage)) return undefined;
	return {
		id: f.id,
		model: f.model as string | null,
		errorMessage: f.errorMessage as string | null,
		detectedAt: f.detectedAt,
	};
}

/**
 * Reads stored state defensively (it comes from the workflow row): anything that is not this
 * version's shape counts as unseeded, and damaged provider entries are dropped.
 */
export function normalizeState(raw: unknown): TriggerState {
	const state = emptyState();
	if (!raw) return state;
	// A primitive has no `version`: the next check refuses it.
	const r = raw as Record<string, unknown>;
	if (r.version !== STATE_VERSION || typeof r.seededAt !== 'string') return state;
	state.seededAt = r.seededAt;
	if (Array.isArray(r.connected) && r.connected.every(isProviderId)) state.connected = [...(r.connected as string[])];
	if (r.contract === 'rest' || r.contract === 'tools') state.contract = r.contract;
	if (typeof r.restCheckedAt === 'string') state.restCheckedAt = r.restCheckedAt;
	state.scope =
		Array.isArray(r.scope) && r.scope.every((id) => typeof id === 'string')
			? [...(r.scope as string[])]
			: null;
	// Stored state is JSON: Object.entries of a primitive has no provider entry, only null must not reach it.
	for (const [id, entry] of Object.entries((r.providers ?? {}) as Record<string, unknown>)) {
		if (!isProviderId(id)) continue;
		const e = (entry ?? {}) as Record<string, unknown>;
		if (typeof e.sig !== 'string' || !Array.isArray(e.failures)) continue;
		const failures = e.failures.map(readFailure);
		if (failures.some((f) => f === undefined)) continue;
		state.providers[id] = { sig: e.sig, failures: failures as StoredFailure[], ...(e.contract === 'tools' ? { contract: 'tools' as const } : {}) };
	}
	return state;
}

function normalizeScope(providers: readonly string[]): string[] | null {
	const ids = [...new Set(providers.filter((p) => typeof p === 'string' && p !== ''))].sort(compare);
	return ids.length === 0 ? null : ids;
}

interface Plan {
	prev: TriggerState;
	scope: string[] | null;
	/** Watched list entries that are tracked, first per id, sorted by id. */
	tracked: ObservedIntegration[];
	/** Watched ids that start being watched at this poll (seeding applies). */
	isNewlyWatched: (id: string) => boolean;
	/** The stored entry that counts for a tracked provider. */
	previous: (id: string) => StoredProvider | undefined;
	needsDetails: (integration: ObservedIntegration) => boolean;
}

function plan(rawState: unknown, integrations: readonly ObservedIntegration[], providers: readonly string[]): Plan {
	const prev = normalizeState(rawState);
	const scope = normalizeScope(providers);
	const watched = (id: string) => scope === null || scope.includes(id);
	const isNewlyWatched = (id: string) =>
		prev.seededAt === null || (prev.scope !== null && !prev.scope.includes(id));
	const firstById = new Map<string, ObservedIntegration>();
	for (const integration of integrations) {
		if (isProviderId(integration.id) && watched(integration.id) && !firstById.has(integration.id)) {
			firstById.set(integration.id, integration);
		}
	}
	const tracked = [...firstById.values()]
		.sort((a, b) => compare(a.id, b.id))
		.slice(0, MAX_PROVIDERS);
	const previous = (id: string) =>
		isNewlyWatched(id) || !own(prev.providers, id) ? undefined : prev.providers[id];
	const needsDetails = (integration: ObservedIntegration) =>
		isFailingIntegration(integration) &&
		previous(integration.id)?.sig !== signatureOf(integration);
	return { prev, scope, tracked, isNewlyWatched, previous, needsDetails };
}

/** Phase 1: the providers whose sync-status must be fetched before `decide` (sorted by id). */
export function providersNeedingDetails(
	state: unknown,
	integrations: readonly ObservedIntegration[],
	opts: Pick<DecideOptions, 'providers'>,
): string[] {
	const p = plan(state, integrations, opts.providers);
	return p.tracked.filter(p.needsDetails).map((i) => i.id);
}

function displayName(integration: ObservedIntegration): string {
	return text(integration.name) ?? findProvider(integration.id)?.name ?? integration.id;
}

function displayCategory(integration: ObservedIntegration): string | null {
	return text(integration.category) ?? findProvider(integration.id)?.category ?? null;
}

/** Phase 2: events and the next state. Throws if `details` lacks a provider phase 1 named. */
export function decide(
	state: unknown,
	integrations: readonly ObservedIntegration[],
	details: DetailsByProvider,
	opts: DecideOptions,
): Decision {
	const p = plan(state, integrations, opts.providers);
	const { now } = opts;
	const contract = opts.contract ?? 'rest';
	const wantFailed = opts.events.includes('syncFailed');
	const wantRecovered = opts.events.includes('syncRecovered');
	const events: TriggerItem[] = [];
	const next: Record<string, StoredProvider> = {};
	// A switch of contract changes how failures are identified (models vs readiness), not whether
	// they are news: failures another contract saw are taken over silently. Per provider, because
	// an entry kept while its provider was missing from the list may date from the other contract.
	const switchedFrom = (old: StoredProvider | undefined) => old !== undefined && (old.contract ?? 'rest') !== contract;

	for (const integration of p.tracked) {
		const provider = integration.id;
		const old = p.previous(provider);
		const base = {
			provider,
			name: displayName(integration),
			category: displayCategory(integration),
		};
		const recovered = (f: StoredFailure, sync?: ObservedSync): TriggerItem => ({
			event: 'syncRecovered',
			...base,
			model: f.model,
			status: sync ? str(sync.status) : str(integration.syncStatus),
			errorMessage: f.errorMessage,
			lastSyncedAt: sync ? str(sync.lastSyncedAt) : null,
			detectedAt: now,
			failureId: f.id,
		});

		if (!isFailingIntegration(integration)) {
			// On the gateway a failure recovers when the integration is ready again; leaving it
			// for not_connected is a disconnection (its own event), not a recovery.
			const recovers = contract === 'rest' || integration.status === RECOVERED_READINESS;
			if (old && wantRecovered && recovers) events.push(...old.failures.map((f) => recovered(f)));
			continue;
		}
		const sig = signatureOf(integration);
		if (old && old.sig === sig) {
			next[provider] = old;
			continue;
		}
		const body = own(details, provider) ? details[provider] : undefined;
		if (!body) throw new Error(`decide: sync-status of "${provider}" is required but missing`);

		const current = failuresOf(integration, body);
		const currentModels = new Set(current.map((f) => modelKey(f.model)));
		const oldById = new Map((old?.failures ?? []).map((f) => [f.id, f]));
		const switched = switchedFrom(old);
		const silent = (p.isNewlyWatched(provider) && opts.fireOnExistingFailures !== true) || switched;

		for (const f of old?.failures ?? []) {
			// A failure still current is also "replaced": its model (or, at integration level, null) is current.
			const replaced = switched || f.model === null || currentModels.has(f.model);
			if (replaced || !wantRecovered) continue;
			const sync = body.syncs.find((s) => modelKey(s.model) === f.model);
			events.push(recovered(f, sync));
		}
		const kept: StoredFailure[] = [];
		for (const f of current) {
			const known = oldById.get(f.id);
			if (known) {
				kept.push(known);
				continue;
			}
			kept.push({
				id: f.id,
				model: modelKey(f.model),
				errorMessage: stored(f.errorMessage),
				detectedAt: now,
			});
			if (!silent && wantFailed) {
				events.push({
					event: 'syncFailed',
					...base,
					model: f.model,
					status: f.status,
					errorMessage: f.errorMessage,
					lastSyncedAt: f.lastSyncedAt,
					detectedAt: now,
					failureId: f.id,
				});
			}
		}
		next[provider] = { sig, failures: kept, ...(contract === 'tools' ? { contract: 'tools' as const } : {}) };
	}

	// Watched providers the list did not return keep their entries (absence is not recovery).
	const listed = new Set(integrations.map((i) => i.id));
	const absent = Object.keys(p.prev.providers)
		.filter((id) => !listed.has(id) && (p.scope === null || p.scope.includes(id)))
		.filter((id) => !p.isNewlyWatched(id))
		.sort(compare);
	for (const id of absent) {
		if (Object.keys(next).length >= MAX_PROVIDERS) break;
		next[id] = p.prev.providers[id];
	}

	const connected = connectionEvents(p, integrations, contract, opts, events);

	// `prev` is a fresh copy (normalizeState), so the next state shares nothing with the input.
	return {
		events,
		state: {
			version: STATE_VERSION,
			seededAt: p.prev.seededAt ?? now,
			scope: p.scope,
			providers: next,
			connected,
			contract,
			...(opts.restCheckedAt ? { restCheckedAt: opts.restCheckedAt } : {}),
		},
	};
}

/**
 * integrationConnected / integrationDisconnected: fired once when a watched provider enters or
 * leaves the connected set. The first poll (and state from before these events, or a provider that
 * just became watched) only records who is connected. A provider missing from the list keeps its
 * last known state. Returns the next connected set.
 */
function connectionEvents(
	p: Plan,
	integrations: readonly ObservedIntegration[],
	contract: 'rest' | 'tools',
	opts: DecideOptions,
	events: TriggerItem[],
): string[] {
	const before = new Set(p.prev.connected ?? []);
	const baseline = p.prev.connected !== undefined;
	const listed = new Set(p.tracked.map((i) => i.id));
	const now = new Set(p.tracked.filter((i) => isConnectedEntry(i, contract)).map((i) => i.id));
	for (const id of before) {
		const watched = p.scope === null || p.scope.includes(id);
		if (watched && !listed.has(id)) now.add(id);
	}
	for (const integration of p.tracked) {
		const id = integration.id;
		if (!baseline || p.isNewlyWatched(id) || before.has(id) === now.has(id)) continue;
		const event: TriggerEvent = now.has(id) ? 'integrationConnected' : 'integrationDisconnected';
		if (!opts.events.includes(event)) continue;
		events.push({
			event,
			provider: id,
			name: displayName(integration),
			category: displayCategory(integration),
			model: null,
			status: str(integration.status),
			errorMessage: null,
			lastSyncedAt: null,
			detectedAt: opts.now,
			failureId: `${idPart(id)}:${now.has(id) ? 'connected' : 'disconnected'}:${hash(opts.now)}`,
		});
	}
	return [...now].sort(compare).slice(0, MAX_PROVIDERS);
}

/**
 * Manual mode: every current failure of watched providers as a `syncFailed` item, computed from
 * scratch (`details` must cover `providersNeedingDetails(undefined, …)`); no state involved.
 */
export function currentFailures(
	integrations: readonly ObservedIntegration[],
	details: DetailsByProvider,
	opts: Pick<DecideOptions, 'providers' | 'now'>,
): TriggerItem[] {
	return decide(undefined, integrations, details, {
		events: ['syncFailed'],
		providers: opts.providers,
		fireOnExistingFailures: true,
		now: opts.now,
	}).events;
}
