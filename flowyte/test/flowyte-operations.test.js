'use strict';
/**
 * Flowyte Connect through n8n's real engine against the sandbox's Flowyte route: every kind family
 * (OAuth, API key, SQL with and without a CA certificate), the exact request sent (path, Bearer key,
 * body or none), the output items, pairedItem, the Base URL's /api/v1, Continue On Fail and the
 * credential test. Expected values are literals from the contract.
 */
const { flowyteEnvironment, sqlParameters, CANARY } = require('./support/flowyte');
const { CA_PEM, CA_PEM_2 } = require('./support/flowyte-pem');

const env = flowyteEnvironment();

/** The contract's IntegrationKind enum without the SQL databases. */
const PROVIDER_KINDS = ['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify'];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('OAuth kinds', () => {
	test.each(PROVIDER_KINDS)('%s: no body is sent and the item is {kind, oauthUrl}', async (kind) => {
		const r = await env.run({ kind });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1);
		expect(Object.keys(r.items[0].json)).toEqual(['kind', 'oauthUrl']);
		expect(r.items[0].json.kind).toBe(kind);
		expect(r.items[0].json.oauthUrl).toMatch(new RegExp(`^${env.sandbox.url}/oauth/${kind}/authorize\\?state=${UUID}$`));
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(env.requests()).toHaveLength(1);
		expect(env.last()).toMatchObject({ method: 'POST', path: `/api/v1/integrations/${kind}/connect`, body: undefined });
		expect(env.last().headers.authorization).toBe(`Bearer ${CANARY.flowyteKey}`);
		expect(env.last().headers['content-length'] ?? '0').toBe('0');
		// Errors come as RFC 9457 problem+json (contract), so the node asks for both.
		expect(env.last().headers.accept).toBe('application/json, application/problem+json');
	});

	test('the default kind is Google Calendar, by OAuth', async () => {
		const r = await env.run({});
		expect(r.items[0].json.kind).toBe('google_calendar');
		expect(env.last().path).toBe('/api/v1/integrations/google_calendar/connect');
	});

	test('a kind from an expression, in any case and with spaces, is sent in its contract form', async () => {
		const r = await env.run({ kind: '={{ "  HubSpot " }}' });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.kind).toBe('hubspot');
		expect(env.last().path).toBe('/api/v1/integrations/hubspot/connect');
	});

	test('a key sent for a kind Flowyte connects by OAuth is ignored by Flowyte: the item is the OAuth URL', async () => {
		const r = await env.run({ kind: 'calendly', connectWith: 'apiKey', secretSource: 'typed', providerApiKey: CANARY.providerKey });
		expect(Object.keys(r.items[0].json)).toEqual(['kind', 'oauthUrl']);
		expect(env.last().body).toEqual({ credentials: { apiKey: CANARY.providerKey } });
		// The contract's request body is application/json.
		expect(env.last().headers['content-type']).toMatch(/^application\/json/);
	});
});

describe('API-key kinds', () => {
	beforeEach(() => env.sandbox.flowyte.reset({ apiKeyKinds: PROVIDER_KINDS }));

	test.each(PROVIDER_KINDS)('%s: credentials {apiKey} are sent and the item is {kind, status: "connected"}', async (kind) => {
		const r = await env.run({ kind, connectWith: 'apiKey', secretSource: 'typed', providerApiKey: `  ${CANARY.providerKey} ` });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([{ kind, status: 'connected' }]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(env.last()).toMatchObject({ method: 'POST', path: `/api/v1/integrations/${kind}/connect` });
		expect(env.last().body).toEqual({ credentials: { apiKey: CANARY.providerKey } });
		expect(env.sandbox.flowyte.state().connections).toEqual({ [kind]: { credentialKeys: ['apiKey'] } });
	});
});

describe('SQL kinds', () => {
	test.each([
		['postgres', 5432],
		['mysql', 3306],
	])('%s without a CA certificate: the descriptor is sent, port as a string', async (kind, port) => {
		const r = await env.run(sqlParameters(kind));
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([{ kind, status: 'connected' }]);
		expect(env.last()).toMatchObject({ method: 'POST', path: `/api/v1/integrations/${kind}/connect` });
		expect(env.last().body).toEqual({
			credentials: {
				host: 'db.example.com',
				port: String(port),
				database: 'appdb',
				user: 'flowyte_readonly',
				password: CANARY.sqlPassword,
				sslmode: 'verify-full',
			},
		});
	});

	test.each([
		['postgres', 'verify-ca'],
		['mysql', 'verify-full'],
	])('%s with %s and a CA certificate: ca_pem is sent', async (kind, sslmode) => {
		const r = await env.run(sqlParameters(kind, { sslmode, caPem: `\n${CA_PEM}\n\n` }));
		expect(r.items.map((i) => i.json)).toEqual([{ kind, status: 'connected' }]);
		expect(env.last().body.credentials).toMatchObject({ sslmode, ca_pem: CA_PEM });
		expect(Object.keys(env.last().body.credentials)).toEqual(['host', 'port', 'database', 'user', 'password', 'sslmode', 'ca_pem']);
		expect(env.sandbox.flowyte.state().connections[kind].credentialKeys).toContain('ca_pem');
	});

	test('a CA certificate pasted with literal \\n sequences (from JSON) is sent with real line breaks', async () => {
		const r = await env.run(sqlParameters('postgres', { sslmode: 'verify-ca', caPem: CA_PEM.split('\n').join('\\n') }));
		expect(r.error).toBeUndefined();
		expect(env.last().body.credentials.ca_pem).toBe(CA_PEM);
		expect(env.last().body.credentials.ca_pem.split('\n')).toHaveLength(11);
	});

	test('the same with literal \\r\\n sequences', async () => {
		const r = await env.run(sqlParameters('mysql', { caPem: CA_PEM.split('\n').join('\\r\\n') }));
		expect(r.error).toBeUndefined();
		expect(env.last().body.credentials.ca_pem).toBe(CA_PEM);
	});

	test('a bundle of two CA certificates is accepted', async () => {
		const r = await env.run(sqlParameters('postgres', { caPem: `${CA_PEM}\r\n${CA_PEM_2}` }));
		expect(r.error).toBeUndefined();
		expect(env.last().body.credentials.ca_pem).toBe(`${CA_PEM}\r\n${CA_PEM_2}`);
	});

	test('with SSL Mode require a CA certificate is ignored (the field is shown only for verify-ca / verify-full)', async () => {
		const r = await env.run(sqlParameters('postgres', { sslmode: 'require', caPem: 'not a certificate at all' }));
		expect(r.items.map((i) => i.json)).toEqual([{ kind: 'postgres', status: 'connected' }]);
		expect(env.last().body.credentials).not.toHaveProperty('ca_pem');
		expect(env.last().body.credentials.sslmode).toBe('require');
	});

	test('defaults: the usual port of each database, SSL Mode verify-full', async () => {
		const { port: _p, sslmode: _s, ...mysql } = sqlParameters('mysql');
		await env.run(mysql);
		expect(env.last().body.credentials).toMatchObject({ port: '3306', sslmode: 'verify-full' });
		const { port: _q, ...postgres } = sqlParameters('postgres');
		await env.run(postgres);
		expect(env.last().body.credentials.port).toBe('5432');
	});

	test('text fields are trimmed, the password is sent exactly as typed, a port may come from an expression', async () => {
		await env.run(sqlParameters('postgres', { host: ' db.internal ', database: ' app ', user: ' ro ', password: ' p w ', port: '={{ " 6543 " }}', sslmode: 'VERIFY-CA' }));
		expect(env.last().body.credentials).toEqual({ host: 'db.internal', port: '6543', database: 'app', user: 'ro', password: ' p w ', sslmode: 'verify-ca' });
	});

	test.each([1, 65535])('port %i is in range', async (port) => {
		const r = await env.run(sqlParameters('mysql', { port }));
		expect(r.error).toBeUndefined();
		expect(env.last().body.credentials.port).toBe(String(port));
	});
});

describe('Base URL: /api/v1 is added unless the URL ends with it', () => {
	test.each([
		['the host', ''],
		['the host with a trailing slash', '/'],
		['the host with several trailing slashes', '///'],
		['the URL with /api/v1', '/api/v1'],
		['the URL with /api/v1/', '/api/v1/'],
		['the URL with /API/V1 in capitals', '/API/V1'],
		['the URL with /Api/v1/ in mixed case', '/Api/v1/'],
	])('%s', async (_name, suffix) => {
		const r = await env.run({ kind: 'shopify' }, { credentials: { baseUrl: ` ${env.sandbox.url}${suffix} ` } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => q.path)).toEqual(['/api/v1/integrations/shopify/connect']);
	});

	test('a host with a path prefix keeps it, before /api/v1', async () => {
		const r = await env.run({ kind: 'shopify' }, { credentials: { baseUrl: `${env.sandbox.url}/flowyte` } });
		expect(env.sandbox.requests.map((q) => q.path)).toEqual(['/flowyte/api/v1/integrations/shopify/connect']);
		// Nothing there answers like Flowyte (outside /api/v1 the sandbox says {"error": "Not found"}).
		expect(r.error.message).toBe("Flowyte's connect route was not found: the Base URL may be wrong");
		expect(r.error.description).toBe(
			`${env.sandbox.url}/flowyte/api/v1 answered 404 without Flowyte's problem+json, so it may not be the Flowyte API. Set Base URL in the Flowyte API credential to your Flowyte host, e.g. https://flowyte.example.com (the node adds /api/v1).`,
		);
	});
});

describe('several items, pairedItem and Continue On Fail', () => {
	const kinds = (list) => list.map((kind) => ({ json: { kind } }));

	test('three items give three items, in order, each paired to its input', async () => {
		const r = await env.run({ ...sqlParameters('postgres'), kind: '={{ $json.kind }}', sslmode: 'require' }, { input: kinds(['hubspot', 'postgres', 'mysql']) });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.kind, i.json.status ?? 'oauth'])).toEqual([
			[0, 'hubspot', 'oauth'],
			[1, 'postgres', 'connected'],
			[2, 'mysql', 'connected'],
		]);
		expect(env.requests().map((q) => q.path)).toEqual([
			'/api/v1/integrations/hubspot/connect',
			'/api/v1/integrations/postgres/connect',
			'/api/v1/integrations/mysql/connect',
		]);
	});

	const UNKNOWN = {
		error: 'Unknown Flowyte integration kind: "salesforce"',
		description: 'Kind must be one of google_calendar, google_sheets, calendly, hubspot, square, opentable, shopify, postgres, mysql.',
	};

	test.each([
		['first', ['salesforce', 'hubspot', 'calendly']],
		['in the middle', ['hubspot', 'salesforce', 'calendly']],
	])('with the failing item %s, the others still come out, in order and paired', async (_where, list) => {
		const r = await env.run({ kind: '={{ $json.kind }}' }, { input: kinds(list), continueOnFail: true });
		expect(r.status).toBe('success');
		expect(r.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(r.items.map((i) => (i.json.error ? i.json : i.json.kind))).toEqual(list.map((k) => (k === 'salesforce' ? UNKNOWN : k)));
		expect(env.requests()).toHaveLength(2);
	});

	test('an API error in the middle item becomes its error item with the status and Flowyte code', async () => {
		env.sandbox.flowyte.reset({ unavailableKinds: ['square'] });
		const r = await env.run({ kind: '={{ $json.kind }}' }, { input: kinds(['hubspot', 'square', 'calendly']), continueOnFail: true });
		expect(r.items.map((i) => i.json.error ?? i.json.kind)).toEqual(['hubspot', 'Square is not available to connect on Flowyte', 'calendly']);
		expect(r.items[1].json).toEqual({
			error: 'Square is not available to connect on Flowyte',
			description:
				"Flowyte may not offer this integration to your organization yet: choose another kind, or ask Flowyte to enable it. Flowyte said: The integration 'square' is not yet available to connect.",
			httpCode: '404',
			code: 'integration_unavailable',
		});
		expect(r.items[1].pairedItem).toEqual({ item: 1 });
	});

	test('a 400 error item carries the invalid fields', async () => {
		env.sandbox.flowyte.failNext({ status: 400, title: 'Validation failed', detail: 'Bad host.', code: 'validation_error', errors: [{ field: 'credentials.host', message: 'is not reachable' }] });
		const r = await env.run(sqlParameters('postgres'), { continueOnFail: true });
		expect(r.items[0].json).toEqual({
			error: 'Flowyte rejected the request as invalid: credentials.host: is not reachable',
			description: 'Flowyte said: Bad host. Correct the fields named and run the node again.',
			httpCode: '400',
			code: 'validation_error',
			errors: [{ field: 'credentials.host', message: 'is not reachable' }],
		});
	});

	test('on the error output the facts go under details', async () => {
		const r = await env.run({ kind: '={{ $json.kind }}' }, { input: kinds(['salesforce', 'hubspot']), onError: 'continueErrorOutput' });
		expect(r.outputs[0].map((i) => i.json.kind)).toEqual(['hubspot']);
		// n8n keeps the input item's fields on an error-output item.
		expect(r.outputs[1].map((i) => i.json)).toEqual([{ kind: 'salesforce', error: UNKNOWN.error, details: { description: UNKNOWN.description } }]);
	});

	test('without Continue On Fail the first failing item stops the node, with its item index', async () => {
		const r = await env.run({ kind: '={{ $json.kind }}' }, { input: kinds(['hubspot', 'salesforce', 'calendly']) });
		expect(r.status).toBe('error');
		expect(r.error.message).toBe(UNKNOWN.error);
		expect(r.error.context.itemIndex).toBe(1);
		expect(env.requests()).toHaveLength(1);
	});

	test('a credential error is every item\'s error, and nothing is sent', async () => {
		const r = await env.run({ kind: 'hubspot' }, { input: kinds(['a', 'b']), continueOnFail: true, credentials: { apiKey: 'sk_live_not_flowyte' } });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.error])).toEqual([
			[0, 'The Flowyte API key must start with "flowyte_sk_"'],
			[1, 'The Flowyte API key must start with "flowyte_sk_"'],
		]);
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('credential test (no request: the contract specifies only Connect)', () => {
	const test_ = (data) => env.harness.testCredential('flowyteApi', data);

	test('a well-formed key and Base URL pass, saying what was checked and that nothing was sent', async () => {
		expect(await test_({ apiKey: CANARY.flowyteKey, baseUrl: 'https://flowyte.example.com/' })).toEqual({
			status: 'OK',
			message:
				"The key's form and the Base URL are valid (API root https://flowyte.example.com/api/v1). The contract this node implements specifies only Connect, so nothing was sent: Flowyte checks the key on the first Connect.",
		});
		expect(env.sandbox.requests).toEqual([]);
	});

	test('a key without flowyte_sk_ fails, without echoing it', async () => {
		const result = await test_({ apiKey: 'ok_outlit_key_123', baseUrl: 'https://flowyte.example.com' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'The Flowyte API key must start with "flowyte_sk_". Open the Flowyte API credential and paste a secret API key from the Flowyte dashboard. Publishable keys and provider keys do not work here.',
		});
	});

	test.each(['flowyte.example.com', 'ftp://flowyte.example.com', 'https://', 'https://flowyte example.com', ''])('Base URL %j fails', async (baseUrl) => {
		const result = await test_({ apiKey: CANARY.flowyteKey, baseUrl });
		expect(result).toEqual({
			status: 'Error',
			message:
				'The Flowyte Base URL is not a valid http(s) URL. Set Base URL in the Flowyte API credential to the address of your Flowyte host, with https://, e.g. https://flowyte.example.com (the node adds /api/v1).',
		});
	});

	test.each(['https://flowyte.example.com/#x', 'https://flowyte.example.com/?t=1'])('Base URL %j fails: no query or fragment', async (baseUrl) => {
		expect(await test_({ apiKey: CANARY.flowyteKey, baseUrl })).toEqual({
			status: 'Error',
			message:
				'The Flowyte Base URL must not contain "?" or "#". Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com: remove the query string or fragment (from the "?" or "#" on). The node adds /api/v1 and the route itself. Nothing was sent.',
		});
	});

	test('/API/V1 in capitals is taken as the contract\'s /api/v1', async () => {
		expect((await test_({ apiKey: CANARY.flowyteKey, baseUrl: 'https://flowyte.example.com/API/V1' })).message).toContain('(API root https://flowyte.example.com/api/v1)');
	});

	test('user name and password in the Base URL fail (they would replace the Bearer key), and are not shown', async () => {
		const result = await test_({ apiKey: CANARY.flowyteKey, baseUrl: 'https://me:pw-CANARY-url-71c0@flowyte.example.com/api/v1' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'The Flowyte Base URL must not contain a user name or password. Flowyte takes only the API key, as a Bearer token: a user name or password in Base URL would be sent as Basic authorization in its place. Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com. Nothing was sent.',
		});
	});
});
