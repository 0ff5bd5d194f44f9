'use strict';
/**
 * The sandbox's in-memory organisation: which providers are connected, their model syncs, browser
 * connection sessions, queued faults and the log of API requests received.
 */
const { randomUUID } = require('node:crypto');
const { PROVIDERS } = require('./catalog');
const { gatewayProviderIds } = require('./contract');
const { ORG_ID, DEFAULT_API_KEY, SYNC_MODELS, GATEWAY_ONLY } = require('./fixtures');
const { byExactId } = require('./validate');
const faults = require('@repo/devkit/sandbox/faults');
const { RateLimiter, rateLimitProblem } = require('./rate-limit');

const CONTRACTS = ['both', 'tools', 'rest'];
const UNKNOWN_SESSION_ANSWERS = ['404', '400', 'expired'];
const SESSION_TTL_MS = 10 * 60 * 1000;
/** The grants a key needs for the integration tools (contracts.json apiKeyGrants). */
const INTEGRATION_GRANTS = ['integrations:connect_own', 'integrations:manage'];

/** Every provider either contract knows: the REST docs' twelve and the gateway-only three. */
const ALL_PROVIDERS = gatewayProviderIds().map(
	(id) => byExactId(id) ?? { id, ...GATEWAY_ONLY[id], setupMode: 'browser_session', fields: [], postConnectSteps: [] },
);
const anyProvider = (id) => ALL_PROVIDERS.find((p) => p.id === id);

const SESSION_STATUSES = ['pending', 'connected', 'failed', 'expired'];
const now = () => new Date().toISOString();

function requireProvider(id) {
	const provider = anyProvider(id);
	if (!provider) throw new SandboxError(`Unknown provider '${id}'`);
	return provider;
}

class SandboxError extends Error {
	constructor(message, status = 400) {
		super(message);
		this.status = status;
	}
}

function nonNegativeInt(value, name) {
	if (value === undefined || value === null) return undefined;
	if (!Number.isInteger(value) || value < 0)
		throw new SandboxError(`${name} must be a non-negative integer`);
	return value;
}

/** Options that reset() may override (apiKeys and port are fixed for the server's life). */
function normalizeScenario(o) {
	const connected = o.connected ?? [];
	if (!Array.isArray(connected))
		throw new SandboxError('connected must be an array of provider ids');
	connected.forEach(requireProvider);
	if (o.plan !== undefined && typeof o.plan !== 'string')
		throw new SandboxError('plan must be a string');
	const contract = o.contract ?? 'both';
	if (!CONTRACTS.includes(contract)) throw new SandboxError(`contract must be one of: ${CONTRACTS.join(', ')}`);
	const unknownSession = String(o.unknownSession ?? '404');
	if (!UNKNOWN_SESSION_ANSWERS.includes(unknownSession))
		throw new SandboxError(`unknownSession must be one of: ${UNKNOWN_SESSION_ANSWERS.join(', ')}`);
	const grants = o.grants ?? INTEGRATION_GRANTS;
	if (!Array.isArray(grants) || !grants.every((g) => typeof g === 'string'))
		throw new SandboxError('grants must be an array of strings');
	const rateLimit = o.rateLimit ?? undefined;
	if (rateLimit !== undefined && rateLimitProblem(rateLimit)) throw new SandboxError(rateLimitProblem(rateLimit));
	return {
		rateLimit: rateLimit && { ...rateLimit },
		connected: [...connected],
		plan: o.plan ?? 'free',
		connectionLimit: nonNegativeInt(o.connectionLimit, 'connectionLimit') ?? 5,
		autoCompleteAfterPolls: nonNegativeInt(o.autoCompleteAfterPolls, 'autoCompleteAfterPolls'),
		contract,
		legacyGateway: o.legacyGateway === true,
		unknownSession,
		grants: [...grants],
	};
}

class SandboxState {
	constructor(options = {}) {
		const keys = options.apiKeys ?? [DEFAULT_API_KEY];
		if (!Array.isArray(keys) || !keys.length || !keys.every((k) => typeof k === 'string' && k)) {
			throw new SandboxError('apiKeys must be a non-empty array of strings');
		}
		this.apiKeys = [...keys];
		this.initial = normalizeScenario(options);
		this.baseUrl = 'http://127.0.0.1';
		this.requests = [];
		// Requests being answered right now, and the most at once since the last reset.
		this.inFlight = this.inFlight ?? 0;
		this.peakInFlight = this.inFlight;
		this.reset();
	}

	/** Back to the start options (optionally overriding connected/plan/connectionLimit/autoComplete). */
	reset(overrides = {}) {
		const scenario = normalizeScenario({ ...this.initial, ...overrides });
		Object.assign(this, scenario);
		this.connections = new Map();
		this.sessions = new Map();
		this.mapped = new Set();
		this.setupErrors = new Map();
		this.handoffUrl = undefined;
		this.setupRuns = [];
		this.faults = [];
		this.requests = [];
		// Requests being answered right now, and the most at once since the last reset.
		this.inFlight = this.inFlight ?? 0;
		this.peakInFlight = this.inFlight;
		this.limiter = scenario.rateLimit ? new RateLimiter(scenario.rateLimit) : undefined;
		for (const id of scenario.connected) this.connect(id);
	}

	// --- connections -------------------------------------------------------------------------
	isConnected(id) {
		return this.connections.has(id);
	}

	connectionId(id) {
		return `${id}-${ORG_ID}`;
	}

	connect(id) {
		requireProvider(id);
		if (this.connections.has(id))
			return { connectionId: this.connectionId(id), alreadyConnected: true };
		const at = now();
		const syncs = SYNC_MODELS[id].map((model) => ({
			model,
			status: 'SUCCESS',
			lastSyncedAt: at,
			errorMessage: null,
		}));
		this.connections.set(id, { connectedAt: at, syncs });
		return { connectionId: this.connectionId(id), alreadyConnected: false };
	}

	disconnect(id) {
		this.mapped.delete(id);
		return this.connections.delete(id);
	}

	setConnected(id, connected) {
		requireProvider(id);
		if (typeof connected !== 'boolean') throw new SandboxError('connected must be a boolean');
		if (connected) this.connect(id);
		else this.disconnect(id);
	}

	/** Would connecting this provider exceed the plan? (Already connected ones never do.) */
	limitError(id) {
		if (this.isConnected(id) || this.connections.size < this.connectionLimit) return null;
		return {
			error: 'Your plan has reached its integration connection limit.',
			code: 'plan_connection_limit_exceeded',
			feature: 'integration_connections',
			plan: this.plan,
			currentConnections: this.connections.size,
			limit: this.connectionLimit,
		};
	}

	/** The Integration document (all schema fields, nulls when not connected). */
	integration(provider) {
		const conn = this.connections.get(provider.id);
		const base = { id: provider.id, name: provider.name, category: provider.category };
		if (!conn) {
			return {
				...base,
				status: 'not_connected',
				connectionId: null,
				lastDataReceivedAt: null,
				syncStatus: null,
				errorMessage: null,
			};
		}
		const failing = conn.syncs.find((s) => s.status === 'FAILED');
		const received = conn.syncs
			.filter((s) => s.status === 'SUCCESS' && s.lastSyncedAt)
			.map((s) => s.lastSyncedAt);
		return {
			...base,
			status: 'connected',
			connectionId: this.connectionId(provider.id),
			lastDataReceivedAt: received.length ? received.sort().at(-1) : null,
			syncStatus: failing ? 'FAILED' : 'SUCCESS',
			errorMessage: failing ? failing.errorMessage : null,
		};
	}

	listIntegrations(connectedOnly) {
		return PROVIDERS.map((p) => this.integration(p)).filter(
			(i) => !connectedOnly || i.status === 'connected',
		);
	}

	syncStatus(provider) {
		const conn = this.connections.get(provider.id);
		return {
			provider: provider.id,
			name: provider.name,
			category: provider.category,
			status: conn ? 'connected' : 'not_connected',
			syncs: conn ? conn.syncs.map((s) => ({ ...s })) : [],
		};
	}

	syncFor(providerId, model) {
		requireProvider(providerId);
		const conn = this.connections.get(providerId);
		if (!conn) throw new SandboxError(`${providerId} is not connected; connect it first`);
		if (model === undefined) return conn.syncs;
		const sync = conn.syncs.find((s) => s.model === model);
		if (!sync)
			throw new SandboxError(
				`Unknown model '${model}' for ${providerId}; known: ${SYNC_MODELS[providerId].join(', ')}`,
			);
		return [sync];
	}

	setSyncFailure(providerId, model, errorMessage, { lastSyncedAt } = {}) {
		if (typeof errorMessage !== 'string' || !errorMessage)
			throw new SandboxError('errorMessage must be a non-empty string');
		if (
			lastSyncedAt !== undefined &&
			(typeof lastSyncedAt !== 'string' || Number.isNaN(Date.parse(lastSyncedAt)))
		) {
			throw new SandboxError('lastSyncedAt must be an ISO date-time string');
		}
		const [sync] = this.syncFor(providerId, model);
		Object.assign(sync, { status: 'FAILED', errorMessage, lastSyncedAt: lastSyncedAt ?? now() });
	}

	clearSyncFailure(providerId, model) {
		const at = now();
		for (const sync of this.syncFor(providerId, model)) {
			if (sync.status !== 'SUCCESS')
				Object.assign(sync, { status: 'SUCCESS', errorMessage: null, lastSyncedAt: at });
		}
	}

	// --- browser sessions --------------------------------------------------------------------
	createSession(providerId, status = 'pending') {
		const id = randomUUID();
		const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
		const session = { id, provider: providerId, status, polls: 0, createdAt: now(), expiresAt };
		this.sessions.set(id, session);
		return session;
	}

	sessionView(session) {
		return session && { ...session, connectUrl: `${this.baseUrl}/connect/${session.id}` };
	}

	latestSession() {
		return this.sessionView([...this.sessions.values()].at(-1)) ?? null;
	}

	/** A status poll: counts it and applies autoCompleteAfterPolls (N pending polls, then connected). */
	pollSession(id) {
		const session = this.sessions.get(id);
		if (!session) return undefined;
		session.polls += 1;
		const n = this.autoCompleteAfterPolls;
		if (session.status === 'pending' && n !== undefined && session.polls > n)
			this.completeSession(id);
		return session;
	}

	pendingSession(id) {
		const session = this.sessions.get(id);
		if (!session) throw new SandboxError('Connection session not found', 404);
		if (session.status !== 'pending')
			throw new SandboxError(`Session is ${session.status}, not pending`, 409);
		return session;
	}

	completeSession(id) {
		const session = this.pendingSession(id);
		session.status = 'connected';
		this.connect(session.provider);
		return this.sessionView(session);
	}

	failSession(id, message = 'The user denied access') {
		if (typeof message !== 'string' || !message)
			throw new SandboxError('message must be a non-empty string');
		const session = this.pendingSession(id);
		Object.assign(session, { status: 'failed', error: message });
		return this.sessionView(session);
	}

	expireSession(id) {
		const session = this.pendingSession(id);
		session.status = 'expired';
		return this.sessionView(session);
	}

	// --- the gateway's view ------------------------------------------------------------------
	provider(id) {
		return anyProvider(id);
	}

	gatewayProviders() {
		return ALL_PROVIDERS;
	}

	/** Readiness, as outlit_get_integration_status reports it. */
	readiness(id) {
		const conn = this.connections.get(id);
		if (!conn) {
			const pending = [...this.sessions.values()].some((s) => s.provider === id && s.status === 'pending');
			return pending ? 'awaiting_auth' : 'not_connected';
		}
		if (conn.syncs.some((s) => s.status === 'FAILED')) return 'requires_intervention';
		if (['hubspot', 'attio', 'salesforce', 'mixpanel'].includes(id) && !this.mapped.has(id)) return 'setup_required';
		return 'ready';
	}

	/** The next setup call for this provider answers this error inside a 200 (once). */
	setSetupError(provider, error) {
		requireProvider(provider);
		const codes = ['OWNER_REQUIRED', 'CONNECTION_CONFLICT', 'CREDENTIAL_REQUIRED', 'CREDENTIAL_REJECTED', 'LEGACY_CONNECTION_REQUIRED', 'HANDOFF_UNAVAILABLE', 'TRANSIENT_FAILURE'];
		if (!error || !codes.includes(error.code)) throw new SandboxError(`code must be one of: ${codes.join(', ')}`);
		this.setupErrors.set(provider, { code: error.code, message: String(error.message ?? 'Setup failed'), retryable: error.retryable === true });
	}

	takeSetupError(provider) {
		const error = this.setupErrors.get(provider);
		this.setupErrors.delete(provider);
		return error;
	}

	/** Handoff URLs from now on: a template where {sessionId} is replaced (undefined = the sandbox's own page). */
	setHandoffUrl(template) {
		if (template !== undefined && template !== null && typeof template !== 'string')
			throw new SandboxError('handoffUrl must be a string or null');
		this.handoffUrl = template ?? undefined;
	}

	handoffUrlOf(session) {
		return this.handoffUrl ? this.handoffUrl.replace('{sessionId}', session.id) : `${this.baseUrl}/connect/${session.id}`;
	}

	setContract(contract) {
		Object.assign(this, normalizeScenario({ ...this.scenario(), contract }));
	}

	scenario() {
		const { plan, connectionLimit, autoCompleteAfterPolls, contract, legacyGateway, unknownSession, grants } = this;
		return { connected: [...this.connections.keys()], plan, connectionLimit, autoCompleteAfterPolls, contract, legacyGateway, unknownSession, grants };
	}

	// --- faults and observation ----------------------------------------------------------------
	injectFault(spec) {
		const fault = faults.normalize(spec, SandboxError);
		this.faults.push(fault);
		return { ...fault };
	}

	takeFault(method, path, tool) {
		return faults.take(this.faults, method, path, tool);
	}

	snapshot() {
		return {
			contract: this.contract,
			legacyGateway: this.legacyGateway,
			unknownSession: this.unknownSession,
			grants: [...this.grants],
			mapped: [...this.mapped],
			plan: this.plan,
			connectionLimit: this.connectionLimit,
			autoCompleteAfterPolls: this.autoCompleteAfterPolls ?? null,
			connected: ALL_PROVIDERS.filter((p) => this.isConnected(p.id)).map((p) => p.id),
			syncs: Object.fromEntries(
				[...this.connections].map(([id, c]) => [id, c.syncs.map((s) => ({ ...s }))]),
			),
			sessions: [...this.sessions.values()].map((s) => this.sessionView(s)),
			setupRuns: this.setupRuns.map((r) => ({ ...r })),
			faults: this.faults.map((f) => ({ ...f })),
			requestCount: this.requests.length,
		};
	}
}

module.exports = { SandboxState, SandboxError, SESSION_STATUSES, CONTRACTS };
