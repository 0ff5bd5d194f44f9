'use strict';
/**
 * The sandbox's Flowyte route over real HTTP, without the node: it knows Flowyte only from its copy
 * of the contract, answers successes in the ApiResponse envelope and errors as problem+json, and its
 * test controls do what the engine tests rely on.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('./sandbox');
const { sandboxClient } = require('@repo/devkit/sandbox/client');
const { CONTRACT } = require('./sandbox/flowyte-contract');

let sb;
let call;
beforeAll(async () => {
	sb = await startSandbox();
	call = sandboxClient(sb.url, sb.flowyte.defaultKey);
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.flowyte.reset();
	sb.clearRequests();
});

const CONNECT = (kind) => `/api/v1/integrations/${kind}/connect`;
const SQL = { host: 'db.example.com', port: '5432', database: 'appdb', user: 'flowyte_readonly', password: 'pw', sslmode: 'verify-full' };
const problemOf = (res) => ({ status: res.status, type: res.headers.get('content-type'), body: res.json });

describe('what the sandbox knows, and from where', () => {
	test('the facts it reads from the contract', () => {
		expect(CONTRACT).toEqual({
			basePath: '/api/v1',
			route: '/integrations/{kind}/connect',
			kinds: ['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify', 'postgres', 'mysql'],
			sqlKinds: ['postgres', 'mysql'],
			fields: [
				{ key: 'host', required: true },
				{ key: 'port', required: true },
				{ key: 'database', required: true },
				{ key: 'user', required: true },
				{ key: 'password', required: true },
				{ key: 'sslmode', required: true },
				{ key: 'ca_pem', required: false },
			],
			sslModes: ['require', 'verify-ca', 'verify-full'],
			refusedSslMode: 'disable',
			apiKeyField: 'apiKey',
			scope: 'integrations:connect',
			keyPrefix: 'flowyte_sk_',
		});
	});

	test('no Flowyte sandbox file requires the package', () => {
		for (const file of ['flowyte.js', 'flowyte-contract.js']) {
			expect(fs.readFileSync(path.join(__dirname, 'sandbox', file), 'utf8')).not.toMatch(/require\([^)]*(nodes|credentials)\//);
		}
	});
});

describe('connect', () => {
	test('an OAuth kind answers the envelope with an oauthUrl and ignores credentials', async () => {
		const res = await call('POST', CONNECT('hubspot'), { body: { credentials: { apiKey: 'x' } } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.json).toEqual({ success: true, data: { oauthUrl: expect.stringMatching(new RegExp(`^${sb.url}/oauth/hubspot/authorize\\?state=`)) } });
		expect(sb.flowyte.state().authorizations).toEqual([{ kind: 'hubspot', state: expect.any(String) }]);
	});

	test('an API-key kind (when the sandbox is told which) connects with {apiKey}, never echoing it', async () => {
		sb.flowyte.reset({ apiKeyKinds: ['square'] });
		const res = await call('POST', CONNECT('square'), { body: { credentials: { apiKey: 'sq-secret-1' } } });
		expect(res.json).toEqual({ success: true, message: 'Integration connected.', data: { status: 'connected' } });
		expect(res.text).not.toContain('sq-secret-1');
		expect(sb.flowyte.state().connections).toEqual({ square: { credentialKeys: ['apiKey'] } });
	});

	test('a SQL kind connects with the full descriptor', async () => {
		const res = await call('POST', CONNECT('mysql'), { body: { credentials: { ...SQL, ca_pem: 'anything' } } });
		expect(res.json).toEqual({ success: true, message: 'Integration connected.', data: { status: 'connected' } });
		expect(sb.flowyte.state().connections.mysql.credentialKeys).toEqual(['ca_pem', 'database', 'host', 'password', 'port', 'sslmode', 'user']);
	});

	test('a SQL kind refuses missing fields, a non-string port and sslmode disable as problem+json', async () => {
		const res = await call('POST', CONNECT('postgres'), { body: { credentials: { host: 'h', sslmode: 'disable' } } });
		expect(problemOf(res)).toEqual({
			status: 400,
			type: 'application/problem+json',
			body: {
				type: 'https://sandbox.flowyte.invalid/problems/validation_error',
				title: 'Validation failed',
				status: 400,
				detail: 'The request is invalid; see errors.',
				code: 'validation_error',
				errors: [
					{ field: 'credentials.port', message: 'is required' },
					{ field: 'credentials.database', message: 'is required' },
					{ field: 'credentials.user', message: 'is required' },
					{ field: 'credentials.password', message: 'is required' },
					{ field: 'credentials.sslmode', message: "'disable' is refused; use one of require, verify-ca, verify-full" },
				],
			},
		});
		const port = await call('POST', CONNECT('postgres'), { body: { credentials: { ...SQL, port: 5432 } } });
		expect(port.json.errors).toEqual([{ field: 'credentials.port', message: 'must be a string' }]);
		const mode = await call('POST', CONNECT('postgres'), { body: { credentials: { ...SQL, sslmode: 'prefer' } } });
		expect(mode.json.errors).toEqual([{ field: 'credentials.sslmode', message: 'must be one of require, verify-ca, verify-full' }]);
	});

	test('validation errors as the envelope, when asked', async () => {
		sb.flowyte.reset({ validationStyle: 'envelope' });
		const res = await call('POST', CONNECT('postgres'), { rawBody: '[1]' });
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ success: false, message: 'Validation failed', errors: [{ field: '(body)', message: 'must be a JSON object' }], data: null });
	});

	test('401 without a known key, 403 without the scope, both before anything else', async () => {
		sb.flowyte.failNext({ status: 500 });
		expect(problemOf(await call('POST', CONNECT('hubspot'), { key: 'flowyte_sk_nope' }))).toMatchObject({ status: 401, type: 'application/problem+json', body: { code: 'unauthorized' } });
		expect(problemOf(await call('POST', CONNECT('hubspot'), { key: undefined }))).toMatchObject({ status: 401 });
		sb.flowyte.reset({ keys: { flowyte_sk_reader: ['integrations:read'] } });
		expect(problemOf(await call('POST', CONNECT('hubspot'), { key: 'flowyte_sk_reader' }))).toMatchObject({
			status: 403,
			body: { code: 'insufficient_scope', detail: 'This API key lacks the integrations:connect scope.' },
		});
	});

	test('404 for an unknown or unavailable kind, another route, or another base path; 405 for GET', async () => {
		sb.flowyte.reset({ unavailableKinds: ['shopify'] });
		expect(problemOf(await call('POST', CONNECT('salesforce')))).toMatchObject({ status: 404, body: { detail: "Unknown integration kind 'salesforce'." } });
		expect(problemOf(await call('POST', CONNECT('shopify')))).toMatchObject({ status: 404, body: { code: 'integration_unavailable' } });
		expect(problemOf(await call('POST', '/api/v1/integrations')).status).toBe(404);
		expect(problemOf(await call('GET', CONNECT('hubspot')))).toMatchObject({ status: 405, body: { code: 'method_not_allowed' } });
		expect((await call('POST', '/api/v2/integrations/hubspot/connect')).json).toEqual({ error: 'Not found' });
	});

	test('failNext answers the next calls (of one kind, or any) with a problem or a raw body, then stops', async () => {
		sb.flowyte.failNext({ kind: 'mysql', status: 503, times: 2 });
		sb.flowyte.failNext({ status: 404, body: '<html>', contentType: 'text/html' });
		expect((await call('POST', CONNECT('hubspot'))).text).toBe('<html>');
		expect(problemOf(await call('POST', CONNECT('mysql')))).toMatchObject({ status: 503, body: { code: 'status_503', detail: 'Forced by the sandbox.' } });
		expect((await call('POST', CONNECT('mysql'))).status).toBe(503);
		expect((await call('POST', CONNECT('mysql'), { body: { credentials: SQL } })).status).toBe(200);
		expect(() => sb.flowyte.failNext({ status: 99 })).toThrow('fault.status must be an integer 200-599');
	});

	test('requests are recorded with their body and headers', async () => {
		await call('POST', CONNECT('calendly'));
		await call('POST', CONNECT('mysql'), { body: { credentials: SQL } });
		expect(sb.flowyte.requests().map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', CONNECT('calendly'), undefined],
			['POST', CONNECT('mysql'), { credentials: SQL }],
		]);
		expect(sb.flowyte.requests()[0].headers.authorization).toBe(`Bearer ${sb.flowyte.defaultKey}`);
	});

	test('bad options are refused', () => {
		expect(() => sb.flowyte.reset({ apiKeyKinds: ['postgres'] })).toThrow('apiKeyKinds: unknown kind(s) postgres');
		expect(() => sb.flowyte.reset({ validationStyle: 'xml' })).toThrow('validationStyle must be problem or envelope');
		expect(() => sb.flowyte.reset({ keys: { k: 'all' } })).toThrow('keys.k must be an array of strings');
	});
});
