'use strict';
/**
 * A Base URL that redirects (an old address, a proxy) is not followed: n8n's request helper would
 * send the signed request again to whatever origin the redirect names, and on a 307 or 308 the body
 * with the connection's secrets too. Through n8n's real engine, against two local servers: one that
 * redirects every request and one, elsewhere, that records what reaches it.
 */
const http = require('node:http');
const { flowyteEnvironment, sqlParameters, leakedCanaries } = require('./support/flowyte');

const env = flowyteEnvironment();

async function listen(handler) {
	const server = http.createServer(handler);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${server.address().port}` };
}
const close = async ({ server }) => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
};

let elsewhere;
let redirector;
const seen = [];
let status;
beforeAll(async () => {
	elsewhere = await listen((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			seen.push({ headers: req.headers, body });
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"data":{"status":"connected"}}');
		});
	});
	redirector = await listen((req, res) => {
		req.resume();
		res.writeHead(status, { Location: `${elsewhere.url}${req.url}` }).end();
	});
});
afterAll(async () => {
	await close(elsewhere);
	await close(redirector);
});
beforeEach(() => {
	seen.length = 0;
});

test.each([301, 302, 303, 307, 308])('a %d: nothing reaches the other origin, and the error says to fix Base URL', async (code) => {
	status = code;
	const r = await env.run(sqlParameters('postgres'), { credentials: { baseUrl: redirector.url } });
	expect(seen).toEqual([]);
	expect({ message: r.error?.message, description: r.error?.description, httpCode: r.error?.httpCode }).toEqual({
		message: `Flowyte's Base URL answered with a redirect (${code}), which the node does not follow: set Base URL in the Flowyte API credential to the Flowyte host itself`,
		description: `Following it would send the signed request and the connection's secrets to another address. ${redirector.url}/api/v1 redirected, so it may be an old address or a proxy in front of Flowyte.`,
		httpCode: String(code),
	});
	expect(leakedCanaries(r.error)).toEqual([]);
});
