'use strict';
/**
 * HTTP plumbing: request recording, fault injection, auth, routing. Only the CLI
 * prints anything; the server itself never logs (requests may carry credentials).
 */
const http = require('node:http');
const { ROUTES } = require('./api');
const { handleControl } = require('./control');
const { handlePage } = require('./page');
const { replacesResponse } = require('@repo/devkit/sandbox/faults');
/** The request body, `{ text, tooLarge }`: at most 1 MiB kept, `tooLarge` past that (answered 413). */
const { readBody } = require('@repo/devkit/sandbox/http');
const { callTool, gatewayError, TOOLS_PATH } = require('./gateway');

/** What a retired route looks like: the web app's HTML 404 page, not Outlit's JSON error. */
const RETIRED_PAGE = '<!DOCTYPE html><html><head><title>404: This page could not be found</title></head><body><h1>404</h1><p>This page could not be found.</p></body></html>';
const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

const MALFORMED_JSON = '{"error": "truncat';

function send(res, status, body, headers = {}) {
	if (res.destroyed || res.headersSent) return;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(text);
}

function bearerKey(req) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	return m ? m[1] : undefined;
}

function parseJson(text) {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

function createServer(state) {
	const timers = new Set();
	const sleep = (ms) =>
		new Promise((resolve) => {
			const t = setTimeout(() => (timers.delete(t), resolve()), ms);
			timers.add(t);
		});

	async function serveFault(res, fault) {
		if (fault.delayMs) await sleep(fault.delayMs);
		if (!replacesResponse(fault)) return false;
		const status = fault.status ?? 200;
		const body = fault.malformed
			? MALFORMED_JSON
			: (fault.body ?? { error: http.STATUS_CODES[status] ?? 'Error' });
		send(res, status, body, fault.headers);
		return true;
	}

	async function handleApi(req, res, url, raw) {
		const path = url.pathname;
		const method = req.method;
		const parsed = raw.text.length ? parseJson(raw.text) : undefined;
		const tool = path === TOOLS_PATH && parsed && typeof parsed.value?.tool === 'string' ? parsed.value.tool : undefined;
		state.requests.push({
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			headers: { ...req.headers },
			body: raw.text.length ? (parsed?.value ?? raw.text) : undefined,
			...(tool ? { tool } : {}),
			at: new Date().toISOString(),
		});

		// Which contract this server speaks (the other answers like a server without it).
		const gateway = path === TOOLS_PATH;
		if (gateway && state.contract === 'rest') return send(res, 404, RETIRED_PAGE, HTML);
		if (!gateway && path.startsWith('/api/integrations') && state.contract === 'tools') return send(res, 404, RETIRED_PAGE, HTML);

		const methods = gateway ? { POST: {} } : ROUTES[path];
		if (!methods) return send(res, 404, { error: 'Not found' });
		const route = methods[method];
		if (!route)
			return send(res, 405, { error: 'Method not allowed' }, { Allow: Object.keys(methods).join(', ') });
		// Auth first, so a fault test still proves the request carried the key.
		const key = bearerKey(req);
		if (!key || !state.apiKeys.includes(key)) {
			if (gateway) {
				const e = gatewayError(401, 'INVALID_CREDENTIALS', 'Invalid API key');
				return send(res, e.status, e.body);
			}
			// apiKeyValidationFailureSchema in the gateway era; REST's ErrorResponse otherwise.
			const gatewayEra = path === '/api/validate-api-key' && state.contract !== 'rest';
			return send(res, 401, gatewayEra ? { valid: false, error: 'Invalid credentials' } : { error: 'Invalid credentials' });
		}
		// The rate limit counts authenticated calls only, per key, before anything else answers.
		const limit = state.limiter?.take(key);
		if (limit) {
			const original = res.writeHead.bind(res);
			res.writeHead = (status, headers) => original(status, { ...limit.headers, ...headers });
		}
		if (limit && !limit.allowed) {
			if (gateway) {
				const resetAt = Date.now() + Math.ceil(limit.retryAfterMs);
				const e = gatewayError(429, 'TOOL_GATEWAY_ERROR', 'Rate limit exceeded', { resetAt });
				return send(res, e.status, e.body);
			}
			return send(res, 429, { error: 'Rate limit exceeded' }, { 'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))) });
		}
		const fault = state.takeFault(method, path, tool);
		if (fault && (await serveFault(res, fault))) return;

		if (raw.tooLarge) return send(res, 413, { error: 'Request body too large' });
		if (gateway) {
			const result = callTool(state, parsed?.value);
			return send(res, result.status, result.body);
		}
		let body;
		if (route.json) {
			if (!parsed) return send(res, 400, { error: 'Invalid JSON body' });
			body = parsed.value;
		}
		const result = route.handler({ state, query: url.searchParams, body });
		send(res, result.status, result.body);
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://127.0.0.1');
		const raw = await readBody(req);
		if (url.pathname.startsWith('/__sandbox/')) {
			const r = handleControl(state, req.method, url.pathname, raw.text);
			return send(res, r.status, r.body, r.headers);
		}
		if (url.pathname.startsWith('/connect/')) {
			const r = handlePage(state, req.method, url.pathname);
			if (r.location)
				return send(res, r.status, '', {
					Location: r.location,
					'Content-Type': 'text/html; charset=utf-8',
				});
			return send(res, r.status, r.html, { 'Content-Type': 'text/html; charset=utf-8' });
		}
		return handleApi(req, res, url, raw);
	}

	const server = http.createServer((req, res) => {
		if (!req.url.startsWith('/__sandbox/')) {
			state.inFlight += 1;
			state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
			res.once('close', () => {
				state.inFlight -= 1;
			});
		}
		handle(req, res).catch(() => send(res, 500, { error: 'Internal server error' }));
	});
	server.stopTimers = () => {
		for (const t of timers) clearTimeout(t);
		timers.clear();
	};
	return server;
}

module.exports = { createServer };
