'use strict';
/**
 * The `/__sandbox/…` control surface for out-of-process drivers: the same operations as the
 * programmatic API. POST bodies are JSON. Control requests are not recorded in `requests`.
 */
const { SandboxError } = require('./state');

const fields = (body) =>
	typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};

/** [method, pattern, (state, params, body) => result] */
const CONTROL_ROUTES = [
	['GET', /^\/__sandbox\/state$/, (s) => s.snapshot()],
	['GET', /^\/__sandbox\/requests$/, (s) => ({ requests: s.requests })],
	[
		'POST',
		/^\/__sandbox\/requests\/clear$/,
		(s) => {
			s.requests = [];
			return { ok: true };
		},
	],
	[
		'POST',
		/^\/__sandbox\/reset$/,
		(s, _p, b) => {
			s.reset(fields(b));
			return { ok: true };
		},
	],
	[
		'GET',
		/^\/__sandbox\/sessions\/latest$/,
		(s) => {
			const session = s.latestSession();
			if (!session) throw new SandboxError('No sessions yet', 404);
			return session;
		},
	],
	['POST', /^\/__sandbox\/sessions\/([^/]+)\/complete$/, (s, [id]) => s.completeSession(id)],
	[
		'POST',
		/^\/__sandbox\/sessions\/([^/]+)\/fail$/,
		(s, [id], b) => s.failSession(id, fields(b).message),
	],
	['POST', /^\/__sandbox\/sessions\/([^/]+)\/expire$/, (s, [id]) => s.expireSession(id)],
	[
		'POST',
		/^\/__sandbox\/sync-failure$/,
		(s, _p, b) => {
			const { provider, model, errorMessage, lastSyncedAt } = fields(b);
			s.setSyncFailure(provider, model, errorMessage, { lastSyncedAt });
			return { ok: true };
		},
	],
	[
		'POST',
		/^\/__sandbox\/sync-clear$/,
		(s, _p, b) => {
			const { provider, model } = fields(b);
			s.clearSyncFailure(provider, model);
			return { ok: true };
		},
	],
	[
		'POST',
		/^\/__sandbox\/connected$/,
		(s, _p, b) => {
			const { provider, connected } = fields(b);
			s.setConnected(provider, connected);
			return { ok: true };
		},
	],
	[
		'POST',
		/^\/__sandbox\/contract$/,
		(s, _p, b) => {
			s.setContract(fields(b).contract);
			return { ok: true, contract: s.contract };
		},
	],
	[
		'POST',
		/^\/__sandbox\/setup-error$/,
		(s, _p, b) => {
			const { provider, ...error } = fields(b);
			s.setSetupError(provider, error);
			return { ok: true };
		},
	],
	['POST', /^\/__sandbox\/faults$/, (s, _p, b) => ({ ok: true, fault: s.injectFault(b) })],
	[
		'POST',
		/^\/__sandbox\/faults\/clear$/,
		(s) => {
			s.faults = [];
			return { ok: true };
		},
	],
];

/** @returns {{status:number, body:object}} */
function handleControl(state, method, path, rawBody) {
	let body;
	if (method === 'POST' && rawBody.length) {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { status: 400, body: { error: 'Invalid JSON body' } };
		}
	}
	const byPath = CONTROL_ROUTES.filter(([, pattern]) => pattern.test(path));
	if (!byPath.length) return { status: 404, body: { error: 'Not found' } };
	const route = byPath.find(([m]) => m === method);
	if (!route)
		return {
			status: 405,
			body: { error: 'Method not allowed' },
			headers: { Allow: byPath.map(([m]) => m).join(', ') },
		};
	const params = route[1].exec(path).slice(1).map(decodeURIComponent);
	try {
		return { status: 200, body: route[2](state, params, body) };
	} catch (err) {
		if (err instanceof SandboxError) return { status: err.status, body: { error: err.message } };
		throw err;
	}
}

module.exports = { handleControl };
