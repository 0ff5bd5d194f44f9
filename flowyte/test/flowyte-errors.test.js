'use strict';
/**
 * Flowyte's error answers through n8n's real engine against the sandbox: RFC 9457 problem+json (and
 * the ApiResponse envelope the contract also allows for 400) become NodeApiErrors with literal
 * messages that list each `field: message`; odd 2xx answers and no answer at all read well too; and
 * no secret (the Flowyte key, a SQL password, a provider API key) reaches an output, error or log.
 */
const https = require('node:https');
const { flowyteEnvironment, sqlParameters, leakedCanaries, captureLogs, echoProblem, CANARY } = require('./support/flowyte');
const { TLS_KEY, TLS_CERT } = require('@repo/devkit/support/self-signed-tls');

const env = flowyteEnvironment();

const KEY_401 =
	'Open the Flowyte API credential and paste an active secret key (it starts with flowyte_sk_) that holds the integrations:connect scope. A revoked key, or a Base URL that points at another Flowyte instance, is refused the same way.';
const SCOPE_403 =
	'Connecting a data source ingests credentials, so Flowyte asks for integrations:connect, a separate scope that read and authoring keys need not carry. Create a key that holds it in the Flowyte dashboard and put it in the Flowyte API credential.';

const shown = (r) => ({ message: r.error?.message, description: r.error?.description, httpCode: r.error?.httpCode });

describe('answers the sandbox gives by itself', () => {
	test('400 problem+json: an API-key kind sent without a key lists the field', async () => {
		env.sandbox.flowyte.reset({ apiKeyKinds: ['square'] });
		const r = await env.run({ kind: 'square', connectWith: 'oauth' });
		expect(env.last().body).toBeUndefined();
		expect(shown(r)).toEqual({
			message: 'Flowyte rejected the request as invalid: credentials.apiKey: is required',
			description: 'Flowyte said: The request is invalid; see errors. Correct the fields named and run the node again.',
			httpCode: '400',
		});
	});

	test('400 as the ApiResponse envelope (application/json) reads the same way', async () => {
		env.sandbox.flowyte.reset({ apiKeyKinds: ['opentable'], validationStyle: 'envelope' });
		const r = await env.run({ kind: 'opentable' });
		expect(shown(r)).toEqual({
			message: 'Flowyte rejected the request as invalid: credentials.apiKey: is required',
			description: 'Flowyte said: Validation failed. Correct the fields named and run the node again.',
			httpCode: '400',
		});
	});

	test('401: a key Flowyte does not know points at the key and its scope', async () => {
		const r = await env.run({ kind: 'hubspot' }, { credentials: { apiKey: 'flowyte_sk_revoked_0000' } });
		expect(shown(r)).toEqual({
			message: 'Flowyte did not accept the API key',
			description: `${KEY_401} Flowyte said: Missing or invalid API key.`,
			httpCode: '401',
		});
		expect(env.last().headers.authorization).toBe('Bearer flowyte_sk_revoked_0000');
	});

	test('403: a key without integrations:connect points at the scope', async () => {
		env.sandbox.flowyte.reset({ keys: { [CANARY.flowyteKey]: ['integrations:read', 'integrations:write'] } });
		const r = await env.run(sqlParameters('postgres'));
		expect(shown(r)).toEqual({
			message: 'Flowyte refused the connect: the API key needs the integrations:connect scope',
			description: `${SCOPE_403} Flowyte said: This API key lacks the integrations:connect scope.`,
			httpCode: '403',
		});
	});

	test('404: a kind Flowyte does not offer yet is "not available to connect"', async () => {
		env.sandbox.flowyte.reset({ unavailableKinds: ['mysql'] });
		const r = await env.run(sqlParameters('mysql'));
		expect(shown(r)).toEqual({
			message: 'MySQL is not available to connect on Flowyte',
			description:
				"Flowyte may not offer this integration to your organization yet: choose another kind, or ask Flowyte to enable it. Flowyte said: The integration 'mysql' is not yet available to connect.",
			httpCode: '404',
		});
	});
});

describe('forced problem+json answers', () => {
	const force = (spec) => env.sandbox.flowyte.failNext(spec);

	test('400 with several errors lists each field: message, in order', async () => {
		force({ status: 400, title: 'Bad Request', detail: 'Two fields are wrong', errors: [
			{ field: 'credentials.host', message: 'is not reachable' },
			{ field: 'credentials.port', message: 'is closed' },
			{ message: 'body rejected' },
			{ field: 'credentials.user' },
		] });
		const r = await env.run(sqlParameters('postgres'));
		expect(shown(r)).toEqual({
			message:
				'Flowyte rejected the request as invalid: credentials.host: is not reachable; credentials.port: is closed; (request): body rejected; credentials.user: invalid',
			description: 'Flowyte said: Two fields are wrong. Correct the fields named and run the node again.',
			httpCode: '400',
		});
	});

	test('400 without errors[] gives its detail', async () => {
		force({ status: 400, title: 'Bad Request', detail: 'Malformed body' });
		const r = await env.run({ kind: 'hubspot' });
		expect(shown(r)).toEqual({
			message: 'Flowyte rejected the request as invalid: Malformed body',
			description: 'Check the kind and the connection details, then run the node again.',
			httpCode: '400',
		});
	});

	test('400 with nothing to say still reads', async () => {
		force({ status: 400, body: {} });
		const r = await env.run({ kind: 'hubspot' });
		expect(r.error.message).toBe('Flowyte rejected the request as invalid: validation failed');
	});

	test('401 and 403 forced on a well-scoped key read as for the real ones', async () => {
		force({ status: 401, title: 'Unauthorized', detail: 'Key expired' });
		expect(shown(await env.run({ kind: 'hubspot' }))).toEqual({ message: 'Flowyte did not accept the API key', description: `${KEY_401} Flowyte said: Key expired.`, httpCode: '401' });
		force({ status: 403, body: { type: 'about:blank', title: 'Forbidden', status: 403 } });
		expect(shown(await env.run({ kind: 'hubspot' }))).toEqual({
			message: 'Flowyte refused the connect: the API key needs the integrations:connect scope',
			description: `${SCOPE_403} Flowyte said: Forbidden.`,
			httpCode: '403',
		});
	});

	test('404 problem names the kind; the title is used when there is no detail', async () => {
		force({ status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } });
		expect(shown(await env.run({ kind: 'google_sheets' }))).toEqual({
			message: 'Google Sheets is not available to connect on Flowyte',
			description: 'Flowyte may not offer this integration to your organization yet: choose another kind, or ask Flowyte to enable it. Flowyte said: Not Found.',
			httpCode: '404',
		});
	});

	const WRONG_BASE_URL = (root) => ({
		message: "Flowyte's connect route was not found: the Base URL may be wrong",
		description: `${root} answered 404 without Flowyte's problem+json, so it may not be the Flowyte API. Set Base URL in the Flowyte API credential to your Flowyte host, e.g. https://flowyte.example.com (the node adds /api/v1).`,
		httpCode: '404',
	});

	test('404 that is not a problem (an HTML page) says the Base URL may be wrong', async () => {
		force({ status: 404, body: '<!DOCTYPE html><h1>404</h1>', contentType: 'text/html' });
		expect(shown(await env.run({ kind: 'hubspot' }))).toEqual(WRONG_BASE_URL(`${env.sandbox.url}/api/v1`));
	});

	test.each([
		['another API\'s {message, statusCode}', { message: 'Cannot POST /api/v1/integrations/hubspot/connect', statusCode: 404, error: 'Not Found' }],
		['a {title} without status', { title: 'Not Found' }],
		['a problem-like body whose status is not 404', { title: 'Not Found', status: 400 }],
		['an {error}', { error: 'Not found' }],
	])('404 as application/json with %s is not Flowyte\'s: the Base URL may be wrong', async (_name, body) => {
		force({ status: 404, body, contentType: 'application/json' });
		expect(shown(await env.run({ kind: 'hubspot' }))).toEqual(WRONG_BASE_URL(`${env.sandbox.url}/api/v1`));
	});

	test.each([
		['application/problem+json with only a detail', { detail: 'Not offered.' }, 'application/problem+json; charset=utf-8', 'Flowyte said: Not offered.'],
		['application/json with the problem members (title, status 404)', { title: 'Not Found', status: 404 }, 'application/json', 'Flowyte said: Not Found.'],
	])('404 as %s is Flowyte\'s: the kind is not available', async (_name, body, contentType, said) => {
		force({ status: 404, body, contentType });
		expect(shown(await env.run({ kind: 'calendly' }))).toEqual({
			message: 'Calendly is not available to connect on Flowyte',
			description: `Flowyte may not offer this integration to your organization yet: choose another kind, or ask Flowyte to enable it. ${said}`,
			httpCode: '404',
		});
	});

	describe('Flowyte\'s words survive n8n\'s rewording of messages that name a system error code', () => {
		test('400 whose field message is "connect ECONNREFUSED …" keeps the field list', async () => {
			force({ status: 400, title: 'Validation failed', detail: 'The database did not answer.', errors: [
				{ field: 'credentials.host', message: 'connect ECONNREFUSED 10.0.0.5:5432' },
				{ field: 'credentials.port', message: 'connect ETIMEDOUT' },
			] });
			expect(shown(await env.run(sqlParameters('postgres')))).toEqual({
				message: 'Flowyte rejected the request as invalid: credentials.host: connect ECONNREFUSED 10.0.0.5:5432; credentials.port: connect ETIMEDOUT',
				description: 'Flowyte said: The database did not answer. Correct the fields named and run the node again.',
				httpCode: '400',
			});
		});

		test('400 without fields whose detail is "getaddrinfo ENOTFOUND …" keeps it', async () => {
			force({ status: 400, title: 'Bad Request', detail: 'getaddrinfo ENOTFOUND db.internal' });
			expect((await env.run(sqlParameters('mysql'))).error.message).toBe('Flowyte rejected the request as invalid: getaddrinfo ENOTFOUND db.internal');
		});

		test('an undocumented status whose detail names EACCES keeps it', async () => {
			force({ status: 409, title: 'Conflict', detail: 'connect EACCES 10.0.0.5:3306' });
			expect((await env.run(sqlParameters('mysql'))).error.message).toBe('Flowyte answered 409: connect EACCES 10.0.0.5:3306');
		});

		test('200 success: false whose field message is "connect ECONNREFUSED …" keeps the field list', async () => {
			force({ status: 200, contentType: 'application/json', body: { success: false, message: 'Not connected', errors: [{ field: 'credentials.host', message: 'connect ECONNREFUSED 10.0.0.5:5432' }] } });
			expect(shown(await env.run(sqlParameters('postgres')))).toEqual({
				message: 'Flowyte did not connect PostgreSQL: credentials.host: connect ECONNREFUSED 10.0.0.5:5432',
				description: 'Flowyte answered 200 with success: false.',
				httpCode: '200',
			});
		});
	});

	test.each([
		[429, { title: 'Too Many Requests', detail: 'Slow down' }, 'Flowyte rate limit reached', 'Too many requests: wait a little and retry, or space the items out. Flowyte said: Slow down.'],
		[500, { title: 'Internal Server Error', detail: 'Database unavailable' }, 'Flowyte had a server error (500)', 'This is usually temporary: retry in a moment. Flowyte said: Database unavailable.'],
		[503, { body: 'Service Unavailable', contentType: 'text/plain' }, 'Flowyte had a server error (503)', 'This is usually temporary: retry in a moment.'],
		[409, { title: 'Conflict', detail: 'Already connecting!' }, 'Flowyte answered 409: Already connecting!', 'Flowyte documents 200, 400 and 404 for this call, and 401/403 for the key.'],
		[418, { body: {} }, 'Flowyte answered 418: unexpected response', 'Flowyte documents 200, 400 and 404 for this call, and 401/403 for the key.'],
	])('%i', async (status, spec, message, description) => {
		force({ status, ...spec });
		expect(shown(await env.run({ kind: 'hubspot' }))).toEqual({ message, description, httpCode: String(status) });
	});

	test('the problem code and errors are kept on Continue On Fail, the request is sent once', async () => {
		force({ status: 400, code: 'invalid_credentials', title: 'Bad', detail: 'No', errors: [{ field: 'credentials.password', message: 'wrong' }] });
		const r = await env.run(sqlParameters('postgres'), { continueOnFail: true });
		expect(r.items[0].json).toMatchObject({ httpCode: '400', code: 'invalid_credentials', errors: [{ field: 'credentials.password', message: 'wrong' }] });
		expect(env.requests()).toHaveLength(1);
	});
});

describe('2xx answers that are not the documented result', () => {
	const answer = (body) => env.sandbox.flowyte.failNext({ status: 200, body, contentType: 'application/json' });
	const UNEXPECTED =
		'Expected {success: true, data: {oauthUrl} or {status: "connected"}}. Check that Base URL in the Flowyte API credential points at the Flowyte API.';

	test.each([
		['text', 'OK', 'Flowyte returned a response that is not a JSON object'],
		['an array', [{ status: 'connected' }], 'Flowyte returned a response that is not a JSON object'],
		['JSON null', null, 'Flowyte returned a response that is not a JSON object'],
		['no data', { success: true }, 'Flowyte returned neither an oauthUrl nor status "connected"'],
		['another status', { success: true, data: { status: 'pending' } }, 'Flowyte returned neither an oauthUrl nor status "connected"'],
		['both results (never both, says the contract)', { success: true, data: { oauthUrl: 'https://x.example/a', status: 'connected' } }, 'Flowyte returned neither an oauthUrl nor status "connected"'],
		['an oauthUrl that is not a web URL', { success: true, data: { oauthUrl: 'javascript:alert(1)' } }, 'Flowyte returned an oauthUrl that is not an http(s) URL'],
		['an oauthUrl that is not a URL at all', { success: true, data: { oauthUrl: 'not a url' } }, 'Flowyte returned an oauthUrl that is not an http(s) URL'],
	])('%s', async (_name, body, message) => {
		answer(body);
		const r = await env.run({ kind: 'hubspot' });
		expect({ message: r.error.message, description: r.error.description }).toEqual({ message, description: UNEXPECTED });
	});

	test('an http (not https) oauthUrl is handed on as it is', async () => {
		answer({ success: true, data: { oauthUrl: 'http://127.0.0.1:9/oauth/hubspot' } });
		const r = await env.run({ kind: 'hubspot' });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({ kind: 'hubspot', oauthUrl: 'http://127.0.0.1:9/oauth/hubspot' });
	});

	test('success: false with Continue On Fail: the error item carries Flowyte\'s code and fields', async () => {
		answer({ success: false, message: 'Provider refused', code: 'provider_refused', errors: [{ field: 'credentials.apiKey', message: 'revoked' }] });
		const r = await env.run({ kind: 'shopify' }, { continueOnFail: true });
		expect(r.items[0].json).toEqual({
			error: 'Flowyte did not connect Shopify: credentials.apiKey: revoked',
			description: 'Flowyte answered 200 with success: false.',
			httpCode: '200',
			code: 'provider_refused',
			errors: [{ field: 'credentials.apiKey', message: 'revoked' }],
		});
	});

	test('success: false with no errors and no message says so', async () => {
		answer({ success: false });
		const r = await env.run({ kind: 'shopify' });
		expect(r.error.message).toBe('Flowyte did not connect Shopify: success is false');
	});

	test('success: false inside a 200 lists the errors', async () => {
		answer({ success: false, message: 'Provider refused', errors: [{ field: 'credentials.apiKey', message: 'revoked' }] });
		const r = await env.run({ kind: 'shopify' });
		expect(shown(r)).toEqual({
			message: 'Flowyte did not connect Shopify: credentials.apiKey: revoked',
			description: 'Flowyte answered 200 with success: false.',
			httpCode: '200',
		});
	});

	test('success: false with several errors lists them all, separated by "; "', async () => {
		answer({ success: false, errors: [{ field: 'credentials.apiKey', message: 'revoked' }, { field: 'credentials.shop', message: 'unknown' }] });
		expect((await env.run({ kind: 'shopify' })).error.message).toBe('Flowyte did not connect Shopify: credentials.apiKey: revoked; credentials.shop: unknown');
	});

	test('success: false without errors gives the message', async () => {
		answer({ success: false, message: 'Provider refused' });
		expect((await env.run({ kind: 'shopify' })).error.message).toBe('Flowyte did not connect Shopify: Provider refused');
		answer({ success: false });
		expect((await env.run({ kind: 'shopify' })).error.message).toBe('Flowyte did not connect Shopify: success is false');
	});

	test('the 2xx range ends at 299: a 299 with a result is one, a 300 is an error', async () => {
		env.sandbox.flowyte.failNext({ status: 299, body: { success: true, data: { status: 'connected' } }, contentType: 'application/json' });
		expect((await env.run({ kind: 'square' })).items.map((i) => i.json)).toEqual([{ kind: 'square', status: 'connected' }]);
		env.sandbox.flowyte.failNext({ status: 300, body: { success: true, data: { status: 'connected' } }, contentType: 'application/json' });
		// A 3xx is the redirection class: not followed, and read as a redirect (flowyte-redirects.test.js).
		expect(shown(await env.run({ kind: 'square' }))).toEqual({
			message: "Flowyte's Base URL answered with a redirect (300), which the node does not follow: set Base URL in the Flowyte API credential to the Flowyte host itself",
			description: `Following it would send the signed request and the connection's secrets to another address. ${env.sandbox.url}/api/v1 redirected, so it may be an old address or a proxy in front of Flowyte.`,
			httpCode: '300',
		});
	});

	test('an envelope without success but with a result is accepted', async () => {
		answer({ data: { oauthUrl: 'https://accounts.example.com/o/authorize?x=1' } });
		const r = await env.run({ kind: 'google_sheets' });
		expect(r.items.map((i) => i.json)).toEqual([{ kind: 'google_sheets', oauthUrl: 'https://accounts.example.com/o/authorize?x=1' }]);
	});
});

describe('a TLS certificate n8n does not trust', () => {
	let server;
	let url;
	beforeAll(async () => {
		server = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, (_req, res) => res.end('{}'));
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `https://127.0.0.1:${server.address().port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	test('a self-signed certificate points at the certificate, with its code', async () => {
		const r = await env.run({ kind: 'hubspot' }, { credentials: { baseUrl: url } });
		expect(shown(r)).toEqual({
			message: "Flowyte's TLS certificate was not accepted",
			description: `${url}/api/v1 presented a certificate n8n does not trust (DEPTH_ZERO_SELF_SIGNED_CERT): self-signed, expired, issued for another host name, or signed by a private CA. Fix the certificate on the Flowyte host, or start n8n with NODE_EXTRA_CA_CERTS set to the CA that signed it, and check Base URL in the Flowyte API credential.`,
			httpCode: 'none',
		});
	});
});

describe('errors raised outside the node', () => {
	test('an expression error keeps its description', async () => {
		const r = await env.run({ kind: "={{ $('Start').itemMatching(7).json.kind }}" });
		expect({ message: r.error.message, description: r.error.description }).toEqual({
			message: 'Can’t get data for expression',
			description: 'Some intermediate nodes between ‘<strong>Start</strong>‘ and  ‘<strong>Flowyte</strong>‘ have not executed yet.',
		});
		expect(env.requests()).toEqual([]);
	});
});

test('no answer at all: the API root and the error code, nothing from the request', async () => {
	const r = await env.run(sqlParameters('postgres'), { credentials: { baseUrl: 'http://127.0.0.1:9' } });
	expect(shown(r)).toEqual({
		message: 'Could not reach Flowyte',
		description: 'No answer from http://127.0.0.1:9/api/v1 (ECONNREFUSED). Check Base URL in the Flowyte API credential and the network.',
		httpCode: 'none',
	});
});

describe('secrets never leave the node', () => {
	let logged = [];
	beforeAll(() => {
		logged = captureLogs();
	});
	const echo = echoProblem;
	const SQL = [CANARY.flowyteKey, CANARY.sqlPassword];
	const KEYS = [CANARY.flowyteKey, CANARY.providerKey];
	const API_KEY_KIND = { kind: 'square', connectWith: 'apiKey', secretSource: 'typed', providerApiKey: CANARY.providerKey };

	const scenarios = [
		['SQL connect', sqlParameters('postgres'), { sent: CANARY.sqlPassword }],
		['SQL connect, 400 echoing the password', sqlParameters('mysql'), { sent: CANARY.sqlPassword, force: echo(400, SQL) }],
		['SQL connect, 500 echoing it', sqlParameters('postgres'), { sent: CANARY.sqlPassword, force: echo(500, SQL) }],
		['API-key connect', API_KEY_KIND, { sent: CANARY.providerKey, apiKeyKinds: ['square'] }],
		['API-key connect, 401 echoing the keys', API_KEY_KIND, { sent: CANARY.providerKey, force: echo(401, KEYS) }],
		['API-key connect, 404 echoing the keys', API_KEY_KIND, { sent: CANARY.providerKey, force: echo(404, KEYS) }],
		['API-key connect, 200 success:false echoing the keys', API_KEY_KIND, { sent: CANARY.providerKey, force: { status: 200, body: { success: false, message: `no ${CANARY.providerKey}`, errors: echo(200, KEYS).errors } } }],
		['OAuth connect, 403 echoing the Flowyte key', { kind: 'hubspot' }, { sent: CANARY.flowyteKey, force: echo(403, [CANARY.flowyteKey]) }],
		['OAuth connect, the Flowyte key typed with spaces around it, 403 echoing it', { kind: 'hubspot' }, { credentials: { apiKey: `  ${CANARY.flowyteKey} ` }, sent: CANARY.flowyteKey, force: echo(403, [CANARY.flowyteKey]) }],
		['SQL connect, no answer', sqlParameters('mysql'), { credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['SQL refusal (port)', sqlParameters('postgres', { port: 70000 }), {}],
		['API-key refusal (wrong Flowyte key prefix)', API_KEY_KIND, { credentials: { apiKey: `x${CANARY.flowyteKey}` } }],
	];

	test.each(scenarios)('%s: not in outputs, errors, descriptions or logs', async (_name, params, options) => {
		if (options.apiKeyKinds) env.sandbox.flowyte.reset({ apiKeyKinds: options.apiKeyKinds });
		// Each scenario runs twice: failing the node, then with Continue On Fail (the error as an item).
		if (options.force) env.sandbox.flowyte.failNext({ ...options.force, times: 2 });
		logged.length = 0;
		for (const continueOnFail of [false, true]) {
			const r = await env.run(params, { credentials: options.credentials, continueOnFail });
			// What n8n stores and shows: the node's run data (items and error) and the execution error.
			expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
			if (r.error) expect(leakedCanaries(`${r.error.message} ${r.error.description}`)).toEqual([]);
		}
		expect(leakedCanaries(logged.join('\n'))).toEqual([]);
		// The scenario really ran: the request carried the secret that must not come back.
		if (options.sent) expect(JSON.stringify(env.requests())).toContain(options.sent);
	});

	test('an echoed secret is masked, the rest of what Flowyte said is kept', async () => {
		env.sandbox.flowyte.failNext(echo(400, SQL));
		const r = await env.run(sqlParameters('postgres'));
		expect(r.error.message).toBe('Flowyte rejected the request as invalid: credentials.x: wrong: [redacted]; credentials.x: wrong: [redacted]');
		expect(r.error.description).toBe('Flowyte said: got [redacted] and [redacted]. Correct the fields named and run the node again.');
	});

	test('an echo URL-encoded (a DSN) or JSON-escaped (a quoted body) is masked too', async () => {
		const password = 'p@ss/"CANARY"\\9';
		env.sandbox.flowyte.failNext({
			status: 500,
			title: 'Internal Server Error',
			detail: `dial postgres://ro:${encodeURIComponent(password)}@db.example.com/appdb failed; body {"password":${JSON.stringify(password)}}`,
		});
		const r = await env.run(sqlParameters('postgres', { password }));
		expect(env.last().body.credentials.password).toBe(password);
		expect(r.error.description).toBe(
			'This is usually temporary: retry in a moment. Flowyte said: dial postgres://ro:[redacted]@db.example.com/appdb failed; body {"password":"[redacted]"}.',
		);
	});

	test('a password with spaces around it is masked where Flowyte echoes it without them, or at the end of what it said', async () => {
		// Sent as typed, spaces included; Flowyte's texts are read trimmed, and a server may trim the echo itself.
		const password = `  ${CANARY.sqlPassword}  `;
		env.sandbox.flowyte.failNext({
			status: 400,
			title: 'Bad Request',
			detail: `password rejected: ${password}`,
			errors: [{ field: 'credentials.password', message: `'${CANARY.sqlPassword}' is too weak` }],
		});
		const r = await env.run(sqlParameters('postgres', { password }));
		expect(env.last().body.credentials.password).toBe(password);
		expect(r.error.message).toBe("Flowyte rejected the request as invalid: credentials.password: '[redacted]' is too weak");
		expect(r.error.description).toBe('Flowyte said: password rejected:   [redacted]. Correct the fields named and run the node again.');
		expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
	});

	test('an echo JSON-escaped the way other encoders write it (non-ASCII as \\uXXXX, or <>& as \\u003c…) is masked too', async () => {
		// Python's json.dumps escapes every non-ASCII character by default; Go's encoding/json escapes <, > and &.
		const password = 'pä<ss-CANARY-6b1e';
		env.sandbox.flowyte.failNext({
			status: 500,
			title: 'Internal Server Error',
			detail: 'python {"password": "p\\u00e4<ss-CANARY-6b1e"}; go {"password":"pä\\u003css-CANARY-6b1e"}',
		});
		const r = await env.run(sqlParameters('postgres', { password }));
		expect(env.last().body.credentials.password).toBe(password);
		expect(r.error.description).toBe(
			'This is usually temporary: retry in a moment. Flowyte said: python {"password": "[redacted]"}; go {"password":"[redacted]"}.',
		);
		expect(JSON.stringify({ runData: r.runData, executionError: r.executionError })).not.toMatch(/ss-CANARY-6b1e/);
	});

	test('a short password is masked where it stands alone, not inside words', async () => {
		env.sandbox.flowyte.failNext({ status: 500, title: 'Internal Server Error', detail: 'password pw rejected (pwned list)' });
		const r = await env.run(sqlParameters('mysql', { password: 'pw' }));
		expect(r.error.description).toBe('This is usually temporary: retry in a moment. Flowyte said: password [redacted] rejected (pwned list).');
	});

	test('the canary check itself catches a leak', () => {
		expect(leakedCanaries({ json: { note: `pw ${CANARY.sqlPassword}` } })).toEqual(['sqlPassword']);
	});
});
