'use strict';
/**
 * A throwaway HTTP server on 127.0.0.1 (random port) that records every request, for tests that
 * run nodes against a fake API. `handler(req)` gets { method, path, query, headers, body } and
 * returns { status, json, headers } (or a Promise of it; a never-settling one holds the request).
 * close() also destroys open sockets so jest can exit.
 */
const http = require('node:http');

async function startServer(handler) {
	const requests = [];
	const sockets = new Set();
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url, 'http://127.0.0.1');
			const raw = Buffer.concat(chunks).toString('utf8');
			let body = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {}
			const record = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, aborted: false };
			requests.push(record);
			res.on('close', () => {
				if (!res.writableEnded) record.aborted = true;
			});
			try {
				const { status = 200, json, headers = {} } = (await handler(record)) ?? {};
				if (res.destroyed) return;
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(json === undefined ? '' : JSON.stringify(json));
			} catch (error) {
				if (!res.destroyed) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: String(error.message) }));
				}
			}
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startServer };
