/**
 * The Outlit Trigger's decisions: previous state + one poll's observation → events + next state.
 * Pure: no I/O, `now` is passed in, the input is never mutated, the output is plain JSON. The node
 * asks `providersNeedingDetails` whose sync-status to fetch (only providers whose failure is new or
 * changed, so a healthy poll is one request), then `decide` with those bodies.
 *
 * - Failing: a status containing FAIL or ERROR (any case) or an error message with text, for a list
 *   entry and for each model alike. Watched: every listed id when `providers` is empty, else those.
 * - A provider's stored failures stand while its list entry's (syncStatus, errorMessage) does.
 * - Failures: one per failing model, else one list-level failure (model null). Their ids hash
 *   (lastSyncedAt, errorMessage), so a changed error is a new failure; syncFailed fires once per id.
 * - A stored failure that is gone recovers (syncRecovered) unless the provider still fails on its
 *   model, or it was list-level and the provider still fails: then it was replaced.
 * - Seeding: on the first poll, and for a provider the filter just added, existing failures are
 *   recorded silently unless fireOnExistingFailures; their recovery is news and fires.
 * - Contracts (REST, gateway) list different providers and identify failures differently: on the
 *   first poll after the state's contract changed, failures and connections are only recorded, and
 *   a stored failure the other contract saw is taken over silently if still failing, else dropped.
 * - A stored failure ends silently at not_connected (a disconnection; a failing new connection is
 *   news). On the gateway only `ready` is a recovery: a failure stands through setup_required and
 *   awaiting_auth.
 * - Absence is not recovery: a watched provider missing from the list keeps its entry; providers no
 *   longer watched are dropped silently. Unselected events are not emitted; the state moves on.
 * - Repeating a poll with the state it produced emits nothing (n8n may run a poll twice).
 */
import { PROVIDER_ID_PATTERN, findProvider } from '../Outlit/catalog/providers';
import { CONNECTED_READINESS } from '../Outlit/transport/capabilities';

const STATE_VERSION = 1;
/** The catalog's providers, with room for ones Outlit adds before the catalog does. */
export const MAX_PROVIDERS = 24;
export const MAX_FAILURES_PER_PROVIDER = 20;
/** Stored error messages are clipped to this length (emitted items keep them whole). */
export const STORED_TEXT_MAX = 160;
const STORED_MODEL_MAX = 100;
const ID_PART_MAX = 64;
/** FAIL / ERROR in REST's syncStatus; REQUIRES_INTERVENTION is the gateway's failing readiness. */
const FAILURE_PATTERN = /FAIL|ERROR|REQUIRES_INTERVENTION/i;

type Contract = 'rest' | 'tools';
type TriggerEvent = 'syncFailed' | 'syncRecovered' | 'integrationConnected' | 'integrationDisconnected';

/** One entry of `GET /api/integrations`, as validated by the node. */
export interface ObservedIntegration {
	id: string;
	name?: string | null;
	category?: string | null;
	status?: string | null;
	syncStatus?: string | null;
	errorMessage?: string | null;
}

/** One model in `GET /api/integrations/sync-status`. */
export interface ObservedSync {
	model: string;
	status?: string | null;
	lastSyncedAt?: string | null;
	errorMessage?: string | null;
}

export interface SyncDetails {
	syncs: readonly ObservedSync[];
}

/** One entry of the gateway's `outlit_get_integration_status`. */
export interface ObservedReadiness {
	provider: string;
	name?: string | null;
	category?: string | null;
	status: string;
}

type Integrations = readonly ObservedIntegration[];
type DetailsByProvider = Readonly<Record<string, SyncDetails | undefined>>;

interface DecideOptions {
	events: readonly string[];
	providers: readonly string[]; // watched ids; empty = all
	fireOnExistingFailures?: boolean;
	now: string; // ISO time of this poll
	contract?: Contract; // where the observation came from; 'rest' when absent
	restCheckedAt?: string; // stored as is, for the node's Automatic rule
}

interface StoredProvider {
	sig: string;
	failures: StoredFailure[];
	contract?: 'tools'; // the contract that saw the failures; 'rest' when absent
}

interface TriggerState {
	version: typeof STATE_VERSION;
	seededAt: string | null;
	scope: string[] | null; // watched ids at the last poll, sorted; null = all
	providers: Record<string, StoredProvider>; // failing providers only
	connected?: string[]; // watched ids connected at the last poll; absent in older state
	contract?: Contract; // the last poll's; 'rest' when absent
	restCheckedAt?: string;
}

/** A failure as observed now. */
interface Failure {
	id: string;
	model: string | null;
	status: string | null;
	errorMessage: string | null;
	lastSyncedAt: string | null;
}

/** What identifies a failure, what its recovery reports, and when it was first seen. */
type StoredFailure = Pick<Failure, 'id' | 'model' | 'errorMessage'> & { detectedAt: string };

interface TriggerItem extends Omit<Failure, 'id'> {
	event: TriggerEvent;
	provider: string;
	name: string;
	category: string | null;
	detectedAt: string;
	failureId: string;
}

/** A gateway entry in the REST list's terms: readiness stands in for syncStatus, with no message. */
export function fromReadiness(entry: ObservedReadiness): ObservedIntegration {
	const { provider, name, category, status } = entry;
	return { id: provider, name: name ?? null, category: category ?? null, status, syncStatus: status, errorMessage: null };
}

/** A string with visible text, else null. */
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Only provider ids (the node's own rule: ids it can send back) are used as keys in the state. */
export const isProviderId = (id: unknown): id is string => typeof id === 'string' && PROVIDER_ID_PATTERN.test(id);
export const isFailureStatus = (status: unknown) => typeof status === 'string' && FAILURE_PATTERN.test(status);
const isFailing = (status: unknown, errorMessage: unknown) => isFailureStatus(status) || text(errorMessage) !== null;
export const isFailingIntegration = (i: ObservedIntegration) => isFailing(i.syncStatus, i.errorMessage);

// Bound once: a global lookup per character is slow where globals are intercepted (jest's vm).
const imul = Math.imul;

/** cyrb53: a fast 53-bit string hash, base 36. Not cryptographic; only for compact stable ids. */
function hash(input: string): string {
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

/** Clips text for storage; null stays null. */
function clip(value: string | null, max = STORED_TEXT_MAX): string | null {
	return value === null || value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The model as stored, which stored failures are compared by. */
const modelKey = (model: string | null) => clip(model, STORED_MODEL_MAX);

/** A short, stable id part: long values keep a prefix plus a hash of the whole. */
const idPart = (value: string) => (value.length <= ID_PART_MAX ? value : `${value.slice(0, 40)}~${hash(value)}`);

export function failureIdOf(
	provider: string,
	model: string | null,
	lastSyncedAt: string | null,
	errorMessage: string | null,
): string {
	const detail = hash(JSON.stringify([lastSyncedAt, errorMessage]));
	return `${idPart(provider)}:${model === null ? '*' : idPart(model)}:${detail}`;
}

const signatureOf = (integration: ObservedIntegration) =>
	hash(JSON.stringify([str(integration.syncStatus), text(integration.errorMessage)]));

/** One per failing model (its status and message, else the list entry's), else one list-level failure. */
function failuresOf(integration: ObservedIntegration, details: SyncDetails): Failure[] {
	const provider = integration.id;
	const listError = text(integration.errorMessage);
	const listStatus = str(integration.syncStatus);
	const byId = new Map<string, Failure & { model: string }>();
	for (const sync of details.syncs) {
		if (!isFailing(sync.status, sync.errorMessage)) continue;
		const errorMessage = text(sync.errorMessage) ?? listError;
		const lastSyncedAt = str(sync.lastSyncedAt);
		const id = failureIdOf(provider, sync.model, lastSyncedAt, errorMessage);
		if (!byId.has(id)) byId.set(id, { id, model: sync.model, status: str(sync.status) ?? listStatus, errorMessage, lastSyncedAt });
	}
	if (byId.size === 0) {
		const id = failureIdOf(provider, null, null, listError);
		return [{ id, model: null, status: listStatus, errorMessage: listError, lastSyncedAt: null }];
	}
	return [...byId.values()]
		.sort((a, b) => compare(a.model, b.model) || compare(a.id, b.id))
		.slice(0, MAX_FAILURES_PER_PROVIDER);
}

/** Own keys only: a provider called `constructor` must not find Object.prototype's. */
const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A stored provider entry; its contract is written only when it is the gateway. */
function entry(sig: string, failures: StoredFailure[], contract: unknown): StoredProvider {
	return contract === 'tools' ? { sig, failures, contract: 'tools' } : { sig, failures };
}

/** The fields of stored JSON: a primitive has none that pass the checks; null has none to read. */
const fieldsOf = (value: unknown) => (value ?? {}) as Record<string, unknown>;
const nullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

function readFailure(value: unknown): StoredFailure | undefined {
	const { id, model, errorMessage, detectedAt } = fieldsOf(value);
	const valid = typeof id === 'string' && typeof detectedAt === 'string' && nullableString(model) && nullableString(errorMessage);
	return valid ? { id, model, errorMessage, detectedAt } : undefined;
}

/**
 * Reads stored state defensively (it comes from the workflow row): anything not in this version's
 * shape counts as unseeded, and damaged provider entries are dropped.
 */
export function normalizeState(raw: unknown): TriggerState {
	const state: TriggerState = { version: STATE_VERSION, seededAt: null, scope: null, providers: {} };
	const r = fieldsOf(raw);
	if (r.version !== STATE_VERSION || typeof r.seededAt !== 'string') return state;
	state.seededAt = r.seededAt;
	if (Array.isArray(r.scope) && r.scope.every((id) => typeof id === 'string')) state.scope = [...r.scope];
	if (Array.isArray(r.connected) && r.connected.every(isProviderId)) state.connected = [...r.connected];
	if (r.contract === 'rest' || r.contract === 'tools') state.contract = r.contract;
	if (typeof r.restCheckedAt === 'string') state.restCheckedAt = r.restCheckedAt;
	for (const [id, value] of Object.entries(fieldsOf(r.providers))) {
		const e = fieldsOf(value);
		if (!isProviderId(id) || typeof e.sig !== 'string' || !Array.isArray(e.failures)) continue;
		const failures = e.failures.map(readFailure);
		if (failures.every((f) => f !== undefined)) state.providers[id] = entry(e.sig, failures, e.contract);
	}
	return state;
}

/** What both phases share: the previous state, who is watched and tracked, whose details are needed. */
function plan(rawState: unknown, integrations: Integrations, providers: readonly string[]) {
	const prev = normalizeState(rawState);
	const ids = [...new Set(providers.filter((p) => typeof p === 'string' && p !== ''))].sort(compare);
	const scope = ids.length === 0 ? null : ids;
	const watched = (id: string) => scope === null || scope.includes(id);
	// Seeding applies on the first poll, and to a provider the filter just added.
	const isNew = (id: string) => prev.seededAt === null || (prev.scope !== null && !prev.scope.includes(id));
	const firstById = new Map<string, ObservedIntegration>();
	for (const integration of integrations) {
		const id = integration.id;
		if (isProviderId(id) && watched(id) && !firstById.has(id)) firstById.set(id, integration);
	}
	const tracked = [...firstById.values()].sort((a, b) => compare(a.id, b.id)).slice(0, MAX_PROVIDERS);
	const previous = (id: string) => (isNew(id) || !own(prev.providers, id) ? undefined : prev.providers[id]);
	const needsDetails = (integration: ObservedIntegration) =>
		isFailingIntegration(integration) && previous(integration.id)?.sig !== signatureOf(integration);
	return { prev, scope, watched, isNew, tracked, previous, needsDetails };
}

type Plan = ReturnType<typeof plan>;

/** Phase 1: the providers whose sync-status must be fetched before `decide` (sorted by id). */
export function providersNeedingDetails(
	state: unknown,
	integrations: Integrations,
	opts: Pick<DecideOptions, 'providers'>,
): string[] {
	const p = plan(state, integrations, opts.providers);
	return p.tracked.filter(p.needsDetails).map((i) => i.id);
}

/** An item of `integration`: its name and category from the list, else from the catalog. */
function item(event: TriggerEvent, integration: ObservedIntegration, f: Failure, detectedAt: string): TriggerItem {
	const known = findProvider(integration.id);
	return {
		event,
		provider: integration.id,
		name: text(integration.name) ?? known?.name ?? integration.id,
		category: text(integration.category) ?? known?.category ?? null,
		model: f.model,
		status: f.status,
		errorMessage: f.errorMessage,
		lastSyncedAt: f.lastSyncedAt,
		detectedAt,
		failureId: f.id,
	};
}

/** Phase 2: events and the next state. Throws if `details` lacks a provider phase 1 named. */
export function decide(state: unknown, integrations: Integrations, details: DetailsByProvider, opts: DecideOptions) {
	const p = plan(state, integrations, opts.providers);
	const { now } = opts;
	const contract = opts.contract ?? 'rest';
	// The first poll after a change of contract: the new one may list providers the old one never did
	// (Salesforce, Gong, Mixpanel are gateway-only), so what it shows is recorded, like seeding.
	const changed = p.prev.seededAt !== null && (p.prev.contract ?? 'rest') !== contract;
	const wantRecovered = opts.events.includes('syncRecovered');
	const events: TriggerItem[] = [];
	const next: Record<string, StoredProvider> = {};

	for (const integration of p.tracked) {
		const provider = integration.id;
		const old = p.previous(provider);
		// The stored error, with the model's current status when its sync-status was fetched, else the list's.
		const recovered = (f: StoredFailure, sync?: ObservedSync) => {
			const status = sync ? str(sync.status) : str(integration.syncStatus);
			const lastSyncedAt = sync ? str(sync.lastSyncedAt) : null;
			return item('syncRecovered', integration, { id: f.id, model: f.model, status, errorMessage: f.errorMessage, lastSyncedAt }, now);
		};

		// Another contract identifies failures differently (models vs readiness): what it saw is taken
		// over silently, or dropped silently if it is not failing now. Per provider: an entry kept while
		// its provider was unlisted may be older than the state's contract.
		const switched = old !== undefined && (old.contract ?? 'rest') !== contract;
		if (!isFailingIntegration(integration)) {
			// A disconnection ends the failure without a recovery (on both contracts). On the gateway only
			// `ready` is a recovery: setup_required or awaiting_auth says nothing about the failure, which
			// stands (and is not fired again if it comes back).
			if (!old || switched || integration.status === 'not_connected') continue;
			if (contract === 'tools' && integration.status !== 'ready') next[provider] = old;
			else if (wantRecovered) events.push(...old.failures.map((f) => recovered(f)));
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
		const silent = switched || changed || (p.isNew(provider) && opts.fireOnExistingFailures !== true);
		const known = new Map((old?.failures ?? []).map((f) => [f.id, f]));

		for (const f of old?.failures ?? []) {
			// Replaced, not recovered, while its model (or, list-level, the provider) still fails.
			if (switched || f.model === null || currentModels.has(f.model) || !wantRecovered) continue;
			events.push(recovered(f, body.syncs.find((s) => modelKey(s.model) === f.model)));
		}
		const kept: StoredFailure[] = [];
		for (const f of current) {
			const seen = known.get(f.id);
			kept.push(seen ?? { id: f.id, model: modelKey(f.model), errorMessage: clip(f.errorMessage), detectedAt: now });
			if (!seen && !silent && opts.events.includes('syncFailed')) events.push(item('syncFailed', integration, f, now));
		}
		next[provider] = entry(sig, kept, contract);
	}

	// Absence is not recovery: watched providers the list did not return keep their entries.
	const listed = new Set(integrations.map((i) => i.id));
	const absent = Object.keys(p.prev.providers)
		.filter((id) => !listed.has(id) && p.watched(id) && !p.isNew(id))
		.sort(compare);
	for (const id of absent.slice(0, MAX_PROVIDERS - Object.keys(next).length)) next[id] = p.prev.providers[id];

	const connected = connectionEvents(p, contract, changed, opts, events);
	// `prev` is a fresh copy (normalizeState), so the next state shares nothing with the input.
	const nextState: TriggerState = {
		version: STATE_VERSION,
		seededAt: p.prev.seededAt ?? now,
		scope: p.scope,
		providers: next,
		connected,
		contract,
		...(opts.restCheckedAt ? { restCheckedAt: opts.restCheckedAt } : {}),
	};
	return { events, state: nextState };
}

/**
 * integrationConnected / integrationDisconnected, once when a watched provider enters or leaves the
 * connected set; on the first poll, for older state, for a newly watched provider and on the first
 * poll after a change of contract it is only recorded. An unlisted provider keeps its last known
 * state. Returns the next connected set.
 */
function connectionEvents(p: Plan, contract: Contract, changed: boolean, opts: DecideOptions, events: TriggerItem[]): string[] {
	const isConnected = (i: ObservedIntegration) =>
		contract === 'tools' ? CONNECTED_READINESS.includes(String(i.status)) : i.status === 'connected';
	const before = new Set(p.prev.connected ?? []);
	const listed = new Set(p.tracked.map((i) => i.id));
	const connected = new Set(p.tracked.filter(isConnected).map((i) => i.id));
	for (const id of before) if (p.watched(id) && !listed.has(id)) connected.add(id);
	for (const integration of p.tracked) {
		const id = integration.id;
		const up = connected.has(id);
		if (p.prev.connected === undefined || p.isNew(id) || changed || before.has(id) === up) continue;
		const event = up ? 'integrationConnected' : 'integrationDisconnected';
		if (!opts.events.includes(event)) continue;
		const failureId = `${idPart(id)}:${up ? 'connected' : 'disconnected'}:${hash(opts.now)}`;
		const f = { id: failureId, model: null, status: str(integration.status), errorMessage: null, lastSyncedAt: null };
		events.push(item(event, integration, f, opts.now));
	}
	return [...connected].sort(compare).slice(0, MAX_PROVIDERS);
}

/** Manual mode: every current failure of watched providers as a `syncFailed` item, from scratch. */
export function currentFailures(
	integrations: Integrations,
	details: DetailsByProvider,
	{ providers, now }: Pick<DecideOptions, 'providers' | 'now'>,
): TriggerItem[] {
	return decide(undefined, integrations, details, { events: ['syncFailed'], providers, fireOnExistingFailures: true, now }).events;
}
