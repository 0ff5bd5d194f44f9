'use strict';
/**
 * Flowyte's `POST /api/v1/integrations/{kind}/connect`, played from its contract
 * (flowyte-contract.js): Bearer keys with scopes, the ApiResponse envelope on success, RFC 9457
 * problem+json on errors, and controls for tests (forced problems, kinds that take an API key,
 * kinds not available). Mounted by server.js for every path under the contract's base path.
 *
 * What the contract leaves open, and what the sandbox does:
 * - which non-SQL kinds take an API key: none unless `apiKeyKinds` names them; the others answer
 *   with an OAuth URL and ignore `credentials` (as the contract says of oauth2 providers);
 * - the problem `type`s, `code`s and `detail`s: the sandbox's own words;
 * - validation errors come as problem+json, or as the envelope with `validationStyle: 'envelope'`
 *   (the contract documents both for 400);
 * - a wrong key answers 401 and a key without the operation's scope 403, before anything else;
 * - `ca_pem` is not checked (the contract gives it no rule).
 */
const { randomUUID } = require('node:crypto');
const faults = require('@repo/devkit/sandbox/faults');
const { CONTRACT } = require('./flowyte-contract');

const DEFAULT_KEY = `${CONTRACT.keyPrefix}sandbox_local_key`;
const PROBLEM = { 'Content-Type': 'application/problem+json' };
const TYPE_BASE = 'https://sandbox.flowyte.invalid/problems/';
const ROUTE = new RegExp(`^${CONTRACT.basePath}${CONTRACT.route.replace('{kind}', '([^/]+)')}$`);

class FlowyteSandboxError extends Error {}

function problem(status, code, title, detail, errors) {
	return {
		status,
		headers: PROBLEM,
		body: { type: `${TYPE_BASE}${code}`, title, status, detail, code, ...(errors ? { errors } : {}) },
	};
}

function stringList(value, name, allowed) {
	if (value === undefined) return [];
	if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new FlowyteSandboxError(`${name} must be an array of strings`);
	const unknown = allowed ? value.filter((v) => !allowed.includes(v)) : [];
	if (unknown.length) throw new FlowyteSandboxError(`${name}: unknown kind(s) ${unknown.join(', ')}`);
	return [...value];
}

/** keys: { key: [scopes] }; default: one key holding the operation's scope. */
function normalize(o = {}) {
	const keys = o.keys ?? { [DEFAULT_KEY]: [CONTRACT.scope] };
	if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw new FlowyteSandboxError('keys must map keys to scope lists');
	for (const [key, scopes] of Object.entries(keys)) stringList(scopes, `keys.${key}`);
	const providerKinds = CONTRACT.kinds.filter((k) => !CONTRACT.sqlKinds.includes(k));
	const validationStyle = o.validationStyle ?? 'problem';
	if (!['problem', 'envelope'].includes(validationStyle)) throw new FlowyteSandboxError('validationStyle must be problem or envelope');
	return {
		keys: Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, [...v]])),
		apiKeyKinds: stringList(o.apiKeyKinds, 'apiKeyKinds', providerKinds),
		unavailableKinds: stringList(o.unavailableKinds, 'unavailableKinds', CONTRACT.kinds),
		validationStyle,
	};
}

class FlowyteState {
	constructor(options) {
		this.initial = normalize(options);
		this.reset();
	}

	reset(overrides = {}) {
		Object.assign(this, normalize({ ...this.initial, ...overrides }));
		/** kind → how it was connected; only the credential keys are kept, never their values. */
		this.connections = new Map();
		this.authorizations = [];
		this.forced = [];
	}

	/** The next `times` connect calls (of `kind`, or any) answer this instead: a problem, or a raw body. */
	failNext({ kind, times = 1, status, title, detail, code, errors, body, contentType } = {}) {
		const spec = faults.normalize({ path: '/', status, times }, FlowyteSandboxError);
		this.forced.push({ kind, times: spec.times, status, title, detail, code, errors, body, contentType });
	}

	takeForced(kind) {
		const i = this.forced.findIndex((f) => f.kind === undefined || f.kind === kind);
		if (i < 0) return undefined;
		const f = this.forced[i];
		if (--f.times === 0) this.forced.splice(i, 1);
		if (f.body !== undefined) {
			const text = typeof f.body === 'string' ? f.body : JSON.stringify(f.body);
			return { status: f.status, headers: { 'Content-Type': f.contentType ?? 'application/problem+json' }, body: text };
		}
		const r = problem(f.status, f.code ?? `status_${f.status}`, f.title ?? `Status ${f.status}`, f.detail ?? 'Forced by the sandbox.', f.errors);
		return f.contentType ? { ...r, headers: { 'Content-Type': f.contentType } } : r;
	}

	validation(errors) {
		if (this.validationStyle === 'envelope') {
			return { status: 400, body: { success: false, message: 'Validation failed', errors, data: null } };
		}
		return problem(400, 'validation_error', 'Validation failed', 'The request is invalid; see errors.', errors);
	}

	snapshot() {
		return {
			keys: Object.keys(this.keys),
			apiKeyKinds: [...this.apiKeyKinds],
			unavailableKinds: [...this.unavailableKinds],
			validationStyle: this.validationStyle,
			connections: Object.fromEntries(this.connections),
			authorizations: this.authorizations.map((a) => ({ ...a })),
			forced: this.forced.length,
		};
	}
}

const isFlowytePath = (path) => path === CONTRACT.basePath || path.startsWith(`${CONTRACT.basePath}/`);

function bearerKey(headers) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	return m ? m[1] : undefined;
}

/** The connect body's checks, from IntegrationConnectRequest. Never echoes a value. */
function bodyErrors(parsed, rawText) {
	if (rawText.trim() === '') return { credentials: undefined };
	if (!parsed || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
		return { errors: [{ field: '(body)', message: 'must be a JSON object' }] };
	}
	const { credentials } = parsed.value;
	if (credentials === undefined) return { credentials: undefined };
	if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) {
		return { errors: [{ field: 'credentials', message: 'must be an object' }] };
	}
	// additionalProperties: type string
	const notStrings = Object.keys(credentials).filter((k) => typeof credentials[k] !== 'string');
	if (notStrings.length) return { errors: notStrings.map((k) => ({ field: `credentials.${k}`, message: 'must be a string' })) };
	return { credentials };
}

function sqlErrors(credentials = {}) {
	const errors = CONTRACT.fields
		.filter((f) => f.required && !(typeof credentials[f.key] === 'string' && credentials[f.key].trim() !== ''))
		.map((f) => ({ field: `credentials.${f.key}`, message: 'is required' }));
	const mode = credentials.sslmode;
	if (mode === CONTRACT.refusedSslMode) {
		errors.push({ field: 'credentials.sslmode', message: `'${mode}' is refused; use one of ${CONTRACT.sslModes.join(', ')}` });
	} else if (typeof mode === 'string' && mode !== '' && !CONTRACT.sslModes.includes(mode)) {
		errors.push({ field: 'credentials.sslmode', message: `must be one of ${CONTRACT.sslModes.join(', ')}` });
	}
	return errors;
}

/**
 * One request under the base path. `parsed` is `{value}` when the body was JSON, else undefined.
 * Returns `{status, headers?, body}` (body: an object, or text sent as is).
 */
function handleFlowyte(state, { method, path, headers, rawText, parsed, baseUrl }) {
	const match = ROUTE.exec(path);
	if (!match) return problem(404, 'not_found', 'Not Found', 'No such route.');
	if (method !== 'POST') return { ...problem(405, 'method_not_allowed', 'Method Not Allowed', 'Use POST.'), headers: { ...PROBLEM, Allow: 'POST' } };
	const key = bearerKey(headers);
	const scopes = key === undefined ? undefined : state.keys[key];
	if (!scopes) return problem(401, 'unauthorized', 'Unauthorized', 'Missing or invalid API key.');
	if (!scopes.includes(CONTRACT.scope)) return problem(403, 'insufficient_scope', 'Forbidden', `This API key lacks the ${CONTRACT.scope} scope.`);

	const kind = decodeURIComponent(match[1]);
	const forced = state.takeForced(kind);
	if (forced) return forced;
	if (!CONTRACT.kinds.includes(kind)) return problem(404, 'not_found', 'Not Found', `Unknown integration kind '${kind}'.`);
	if (state.unavailableKinds.includes(kind)) {
		return problem(404, 'integration_unavailable', 'Not Found', `The integration '${kind}' is not yet available to connect.`);
	}
	const { credentials, errors } = bodyErrors(parsed, rawText);
	if (errors) return state.validation(errors);

	if (CONTRACT.sqlKinds.includes(kind)) {
		const problems = sqlErrors(credentials);
		if (problems.length) return state.validation(problems);
	} else if (state.apiKeyKinds.includes(kind)) {
		const value = credentials?.[CONTRACT.apiKeyField];
		if (typeof value !== 'string' || value.trim() === '') {
			return state.validation([{ field: `credentials.${CONTRACT.apiKeyField}`, message: 'is required' }]);
		}
	} else {
		// oauth2: credentials are ignored; the user is sent to authorize.
		const stateToken = randomUUID();
		state.authorizations.push({ kind, state: stateToken });
		return { status: 200, body: { success: true, data: { oauthUrl: `${baseUrl}/oauth/${kind}/authorize?state=${stateToken}` } } };
	}
	state.connections.set(kind, { credentialKeys: Object.keys(credentials ?? {}).sort() });
	return { status: 200, body: { success: true, message: 'Integration connected.', data: { status: 'connected' } } };
}

/** The programmatic controls `startSandbox()` exposes as `sandbox.flowyte`. */
function flowyteControls(state, sandboxState) {
	return {
		defaultKey: DEFAULT_KEY,
		contract: CONTRACT,
		/** Back to the start options, or these overrides: keys, apiKeyKinds, unavailableKinds, validationStyle. */
		reset: (overrides) => state.reset(overrides),
		failNext: (spec) => state.failNext(spec),
		state: () => state.snapshot(),
		/** The Flowyte requests in the sandbox's request log (method, path, headers, body). */
		requests: () => sandboxState.requests.filter((r) => isFlowytePath(r.path)).map((r) => ({ ...r })),
	};
}

module.exports = { FlowyteState, handleFlowyte, flowyteControls, isFlowytePath, DEFAULT_KEY, FlowyteSandboxError };
