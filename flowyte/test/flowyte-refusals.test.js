'use strict';
/**
 * Everything the Flowyte node refuses before any request, through n8n's real engine: each refusal's
 * literal message and description, and proof that the sandbox received nothing.
 */
const { flowyteEnvironment, sqlParameters, leakedCanaries, CANARY } = require('./support/flowyte');
const { CA_PEM, FAKE_PRIVATE_KEY } = require('./support/flowyte-pem');

const env = flowyteEnvironment();

/** Runs and expects a refusal with exactly this message and description, and no request at all. */
async function expectRefused(parameters, message, description, options) {
	const r = await env.run(parameters, options);
	expect(r.status).toBe('error');
	expect({ message: r.error.message, description: r.error.description }).toEqual({ message, description });
	expect(env.sandbox.requests).toEqual([]);
	return r;
}

describe('the credential', () => {
	const KEY = [
		'The Flowyte API key must start with "flowyte_sk_"',
		'Open the Flowyte API credential and paste a secret API key from the Flowyte dashboard. Publishable keys and provider keys do not work here.',
	];
	test.each([
		['an Outlit key', 'ok_CANARY_not_flowyte'],
		['a key with the prefix in another case', 'FLOWYTE_SK_abc'],
		['a publishable-looking key', 'flowyte_pk_abc'],
		['an empty key', ''],
	])('%s is refused', async (_name, apiKey) => {
		const r = await expectRefused({ kind: 'hubspot' }, ...KEY, { credentials: { apiKey } });
		if (apiKey) expect(JSON.stringify(r.error)).not.toContain(apiKey);
	});

	test('a key with surrounding spaces is trimmed, not refused', async () => {
		const r = await env.run({ kind: 'hubspot' }, { credentials: { apiKey: ` ${CANARY.flowyteKey} ` } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests[0].headers.authorization).toBe(`Bearer ${CANARY.flowyteKey}`);
	});

	const URL_REFUSAL = [
		'The Flowyte Base URL is not a valid http(s) URL',
		'Set Base URL in the Flowyte API credential to the address of your Flowyte host, with https://, e.g. https://flowyte.example.com (the node adds /api/v1).',
	];
	test.each(['', 'flowyte.example.com', 'ftp://127.0.0.1', 'https://', 'http://127.0.0.1 /x', 'xhttps://127.0.0.1'])('Base URL %j is refused', async (baseUrl) => {
		await expectRefused({ kind: 'hubspot' }, ...URL_REFUSAL, { credentials: { baseUrl } });
	});

	test('a credential saved without any Base URL is refused the same way', async () => {
		await expectRefused({ kind: 'hubspot' }, ...URL_REFUSAL, { credentials: { baseUrl: null } });
	});

	const QUERY_REFUSAL = [
		'The Flowyte Base URL must not contain "?" or "#"',
		'Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com: remove the query string or fragment (from the "?" or "#" on). The node adds /api/v1 and the route itself. Nothing was sent.',
	];
	// Otherwise /api/v1/… lands in the query or fragment and the POST (the SQL password with it) goes to the host's root.
	test.each(['/#x', '/?t=1', '?t=1', '/api/v1?t=1', '/api/v1#x'])('Base URL <sandbox>%s is refused before any request', async (suffix) => {
		await expectRefused(sqlParameters('postgres'), ...QUERY_REFUSAL, { credentials: { baseUrl: `${env.sandbox.url}${suffix}` } });
	});

	const USERINFO_REFUSAL = [
		'The Flowyte Base URL must not contain a user name or password',
		'Flowyte takes only the API key, as a Bearer token: a user name or password in Base URL would be sent as Basic authorization in its place. Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com. Nothing was sent.',
	];
	// The request would carry "Authorization: Basic …" (the URL's user name and password) instead of the Flowyte key.
	test.each(['me:pw-CANARY-url-71c0@', 'me@', ':pw-CANARY-url-71c0@'])('Base URL with %j before the host is refused before any request', async (userinfo) => {
		const r = await expectRefused(sqlParameters('postgres'), ...USERINFO_REFUSAL, {
			credentials: { baseUrl: env.sandbox.url.replace('http://', `http://${userinfo}`) },
		});
		expect(JSON.stringify({ runData: r.runData, executionError: r.executionError })).not.toContain('pw-CANARY-url-71c0');
	});
});

describe('the kind', () => {
	const LIST = 'Kind must be one of google_calendar, google_sheets, calendly, hubspot, square, opentable, shopify, postgres, mysql.';
	test.each([
		['salesforce', 'Unknown Flowyte integration kind: "salesforce"'],
		['google-calendar', 'Unknown Flowyte integration kind: "google-calendar"'],
		['={{ "" }}', 'Unknown Flowyte integration kind: empty'],
		['={{ 42 }}', 'Unknown Flowyte integration kind: "42"'],
		['={{ null }}', 'Unknown Flowyte integration kind: empty'],
		['  salesforce  ', 'Unknown Flowyte integration kind: "salesforce"'],
	])('%j is refused', async (kind, message) => {
		await expectRefused({ kind }, message, LIST);
	});
});

describe('provider kinds', () => {
	test('API Key with an empty key is refused, naming the kind', async () => {
		await expectRefused(
			{ kind: 'square', connectWith: 'apiKey', secretSource: 'typed', providerApiKey: '  ' },
			'The Square API key is empty',
			'Connect With is API Key: paste the Square API key, or choose OAuth. An expression may have resolved to nothing.',
		);
	});

	test.each(['={{ null }}', '={{ {} }}'])('API Key from an expression that is not text (%s) is refused as empty', async (providerApiKey) => {
		await expectRefused(
			{ kind: 'square', connectWith: 'apiKey', secretSource: 'typed', providerApiKey },
			'The Square API key is empty',
			'Connect With is API Key: paste the Square API key, or choose OAuth. An expression may have resolved to nothing.',
		);
	});

	test('an unknown Connect With from an expression is refused', async () => {
		await expectRefused({ kind: 'square', connectWith: '={{ "token" }}' }, 'Connect With must be oauth or apiKey', 'It is "token".');
	});
});

describe.each([
	['postgres', 'PostgreSQL', 5432],
	['mysql', 'MySQL', 3306],
])('%s', (kind, name, usualPort) => {
	const FILL = 'Fill in Host, Port, Database, User, Password, SSL Mode with text or a number; an expression may have resolved to nothing, or to an object, a list or true/false.';

	test.each([
		['host', 'Host'],
		['port', 'Port'],
		['database', 'Database'],
		['user', 'User'],
		['password', 'Password'],
		['sslmode', 'SSL Mode'],
	])('a missing %s is refused', async (field, label) => {
		await expectRefused(sqlParameters(kind, { [field]: '' }), `The ${name} connection is missing: ${label}`, FILL);
	});

	test('blank text and expressions that resolve to nothing count as missing, all named at once', async () => {
		await expectRefused(
			sqlParameters(kind, { host: '   ', database: '={{ $json.nothing }}', user: '={{ null }}', password: '' }),
			`The ${name} connection is missing: Host, Database, User, Password`,
			FILL,
		);
	});

	// An object, a list or a boolean from an expression is no host, database, user or password: it
	// would reach Flowyte as "[object Object]", "a,b" or "true" (the provider API key reads them as empty).
	test('expressions that give an object, a list or a boolean count as missing, all named at once', async () => {
		await expectRefused(
			sqlParameters(kind, { host: '={{ { name: "db" } }}', database: '={{ true }}', user: '={{ ["ro", "rw"] }}', password: '={{ { secret: 1 } }}' }),
			`The ${name} connection is missing: Host, Database, User, Password`,
			FILL,
		);
	});

	test.each([
		[0, 'Port is 0.'],
		[65536, 'Port is 65536.'],
		[-1, 'Port is -1.'],
		[5432.5, 'Port is 5432.5.'],
		['={{ "abc" }}', 'Port is "abc".'],
		['={{ "54 32" }}', 'Port is "54 32".'],
		['={{ "+5432" }}', 'Port is "+5432".'],
		['={{ "1e3" }}', 'Port is "1e3".'],
	])('port %j is refused', async (port, said) => {
		await expectRefused(
			sqlParameters(kind, { port }),
			`The ${name} port must be a whole number from 1 to 65535`,
			`${said} ${name} usually listens on ${usualPort}.`,
		);
	});

	test.each(['disable', '={{ "DISABLE" }}', ' disable '])('SSL Mode %j is refused with the reason', async (sslmode) => {
		await expectRefused(
			sqlParameters(kind, { sslmode }),
			'Flowyte refuses SSL Mode "disable"',
			"Flowyte connects to databases over TLS only and refuses \"disable\" at its connect boundary. Choose require, verify-ca or verify-full (verify-full also checks the server's name).",
		);
	});

	test.each(['prefer', 'allow'])('SSL Mode %j is not one Flowyte accepts', async (sslmode) => {
		await expectRefused(sqlParameters(kind, { sslmode }), 'SSL Mode must be one of require, verify-ca, verify-full', `It is "${sslmode}".`);
	});
});

describe('the CA certificate', () => {
	const SUFFIX = ' Paste the CA certificate of your database server in PEM form, or leave the field empty.';
	const body = CA_PEM.split('\n').slice(1, -1).join('\n');
	test.each([
		['plain text', 'my ca cert', 'It has no -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.'],
		['base64 without the BEGIN/END lines', body, 'It has no -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.'],
		['no END line', CA_PEM.replace('-----END CERTIFICATE-----', ''), 'A -----BEGIN----- line has no matching -----END----- line.'],
		['a second block without its END line', `${CA_PEM}\n-----BEGIN CERTIFICATE-----\n${body}`, 'A -----BEGIN----- line has no matching -----END----- line.'],
		['a public key', `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`, 'It holds a PEM block that is not a CERTIFICATE.'],
		['mismatched labels', `-----BEGIN CERTIFICATE-----\n${body}\n-----END X509 CRL-----`, 'It holds a PEM block that is not a CERTIFICATE.'],
		['not base64', '-----BEGIN CERTIFICATE-----\nMII$%^&*\n-----END CERTIFICATE-----', 'The text between the BEGIN and END lines is not a base64 certificate.'],
		['an empty body', '-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----', 'The text between the BEGIN and END lines is not a base64 certificate.'],
		['a cut-off body', CA_PEM.replace('T0NtHJI7dKFZYc7Kvg==', 'T0NtHJI7dKFZYc7Kv'), 'The text between the BEGIN and END lines is not a base64 certificate.'],
		['base64 that is not DER', '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQh\n-----END CERTIFICATE-----', 'The text between the BEGIN and END lines is not a base64 certificate.'],
	])('%s is refused (verify-ca)', async (_name, caPem, reason) => {
		await expectRefused(sqlParameters('postgres', { sslmode: 'verify-ca', caPem }), 'The CA Certificate is not a valid PEM certificate', `${reason}${SUFFIX}`);
	});

	test('a private key is refused as such, and never echoed', async () => {
		const r = await expectRefused(
			sqlParameters('mysql', { sslmode: 'verify-full', caPem: FAKE_PRIVATE_KEY }),
			'The CA Certificate field holds a private key',
			"Paste the CA certificate that signed your database server's certificate (-----BEGIN CERTIFICATE-----), never a private key. Nothing was sent to Flowyte.",
		);
		const stored = JSON.stringify({ runData: r.runData, executionError: r.executionError });
		expect(stored).not.toContain('CANARYprivatekey');
		// The node copy stored with the error has the field masked.
		expect(r.error.node.parameters.caPem).toBe('[redacted]');
	});
});

test('refusals leak no secret: the node copy stored with the error masks the password', async () => {
	const r = await expectRefused(
		sqlParameters('postgres', { port: 0 }),
		'The PostgreSQL port must be a whole number from 1 to 65535',
		'Port is 0. PostgreSQL usually listens on 5432.',
	);
	expect(r.error.node.parameters.password).toBe('[redacted]');
	expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
});
