'use strict';
/**
 * A local, contract-faithful Flowyte API for tests and for trying the package by hand: Flowyte's
 * connect route (./flowyte.js) on 127.0.0.1, with a request log and test controls.
 *
 *   const { startSandbox } = require('./test/sandbox');
 *   const sb = await startSandbox({ flowyte: { keys: { flowyte_sk_…: ['integrations:connect'] } } });
 *   // … point the Flowyte credential at sb.url with sb.flowyte.defaultKey …
 *   await sb.close();
 *
 * The server never logs: requests carry keys and passwords.
 */
const http = require('node:http');
const { readBody } = require('@repo/devkit/sandbox/http');
const { FlowyteState, handleFlowyte, flowyteControls, isFlowytePath } = require('./flowyte');

const HOST = '127.0.0.1';

function send(res, { status, body, headers = {} }) {
	if (res.destroyed || res.headersSent) return;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
	res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function parseJson(text) {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

/** @param {{ port?: number, flowyte?: object }} [options] `flowyte`: FlowyteState's start options (keys, apiKeyKinds, …) */
async function startSandbox(options = {}) {
	const state = new FlowyteState(options.flowyte);
	const log = { requests: [] };
	let baseUrl;
	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url, `http://${HOST}`);
			const { text: rawText } = await readBody(req);
			const parsed = rawText.length ? parseJson(rawText) : undefined;
			log.requests.push({
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: { ...req.headers },
				body: rawText.length ? (parsed?.value ?? rawText) : undefined,
				at: new Date().toISOString(),
			});
			// Outside Flowyte's base path the host answers like any other web server, not like Flowyte.
			if (!isFlowytePath(url.pathname)) return send(res, { status: 404, body: { error: 'Not found' } });
			send(res, handleFlowyte(state, { method: req.method, path: url.pathname, headers: req.headers, rawText, parsed, baseUrl }));
		} catch {
			send(res, { status: 500, body: { error: 'Internal server error' } });
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address();
	baseUrl = `http://${HOST}:${port}`;
	let closed;
	return {
		url: baseUrl,
		port,
		/** A copy of the requests received so far. */
		get requests() {
			return log.requests.map((r) => ({ ...r }));
		},
		clearRequests: () => {
			log.requests = [];
		},
		/** Flowyte's controls (flowyte.js): defaultKey, contract, reset, failNext, state, requests. */
		flowyte: flowyteControls(state, log),
		close: () => {
			closed ??= new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
}

module.exports = { startSandbox };
