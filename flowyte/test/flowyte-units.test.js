'use strict';
/**
 * The Flowyte node's pure parts, one behaviour per test, with literal expectations from the
 * contract: the catalog, the Base URL's /api/v1, the SQL descriptor checks, problem reading, masking,
 * the error item, and what the editor shows (subtitle, fields, credential).
 */
const fs = require('node:fs');
const path = require('node:path');
const { NodeOperationError } = require('n8n-workflow');
const { KINDS, findKind, kindsOf, SQL_FIELDS, SSL_MODES, VERIFYING_SSL_MODES, MASKED_PARAMETERS } = require('../nodes/Flowyte/catalog/kinds');
const { apiRoot, validApiRoot } = require('../nodes/Flowyte/transport/baseUrl');
const { credentialProblem } = require('../nodes/Flowyte/transport/connection');
const { readProblem, isProblemAnswer, flowyteApiError, flowyteNetworkError, networkErrorCode, bodyObject, unexpectedResultError } = require('../nodes/Flowyte/transport/errors');
const { postConnect } = require('../nodes/Flowyte/transport/request');
const { portText, pemProblem, sqlCredentials, isRefusal, normalizePem } = require('../nodes/Flowyte/shared/sql');
const { redactNode, scrub } = require('../nodes/Flowyte/shared/redact');
const { asNodeError, errorItem } = require('../nodes/Flowyte/shared/errors');
const { Flowyte } = require('../nodes/Flowyte/Flowyte.node');
const { FlowyteApi } = require('../credentials/FlowyteApi.credentials');
const { CA_PEM } = require('./support/flowyte-pem');

const NODE = { id: 'n', name: 'Flowyte', type: 'n8n-nodes-flowyte.flowyte', typeVersion: 1, position: [0, 0], parameters: {} };

describe('catalog (the contract\'s IntegrationKind and IntegrationConnectRequest)', () => {
	test('the nine documented kinds, in the contract\'s order, SQL ones named by the contract', () => {
		expect(KINDS.map((k) => k.value)).toEqual(['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify', 'postgres', 'mysql']);
		expect(kindsOf('sql')).toEqual(['postgres', 'mysql']);
		expect(kindsOf('provider')).toEqual(['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify']);
		expect(KINDS.map((k) => k.name)).toEqual(['Google Calendar', 'Google Sheets', 'Calendly', 'HubSpot', 'Square', 'OpenTable', 'Shopify', 'PostgreSQL', 'MySQL']);
		expect(KINDS.filter((k) => k.defaultPort).map((k) => [k.value, k.defaultPort])).toEqual([['postgres', 5432], ['mysql', 3306]]);
	});

	test('the descriptor, SSL modes and the masked parameters', () => {
		expect(SQL_FIELDS.map((f) => f.key)).toEqual(['host', 'port', 'database', 'user', 'password', 'sslmode']);
		expect(SSL_MODES).toEqual(['require', 'verify-ca', 'verify-full']);
		expect(VERIFYING_SSL_MODES).toEqual(['verify-ca', 'verify-full']);
		expect(MASKED_PARAMETERS).toEqual(['password', 'providerApiKey', 'caPem']);
	});

	test.each([
		['postgres', 'postgres'],
		[' MySQL ', 'mysql'],
		['HUBSPOT', 'hubspot'],
		['google-calendar', undefined],
		['', undefined],
		[5432, undefined],
		[undefined, undefined],
	])('findKind(%j) is %j', (input, expected) => {
		expect(findKind(input)?.value).toBe(expected);
	});
});

describe('Base URL → API root', () => {
	test.each([
		['https://flowyte.example.com', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/', 'https://flowyte.example.com/api/v1'],
		[' https://flowyte.example.com// ', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/api/v1', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/api/v1/', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/API/V1', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/Api/V1/', 'https://flowyte.example.com/api/v1'],
		['https://flowyte.example.com/API', 'https://flowyte.example.com/API/api/v1'],
		['https://flowyte.example.com/api/v2', 'https://flowyte.example.com/api/v2/api/v1'],
		['https://flowyte.example.com/api/v10', 'https://flowyte.example.com/api/v10/api/v1'],
		['http://127.0.0.1:8080/proxy', 'http://127.0.0.1:8080/proxy/api/v1'],
	])('%j → %j', (baseUrl, root) => {
		expect(apiRoot(baseUrl)).toBe(root);
		expect(validApiRoot(baseUrl)).toEqual({ root, shown: root });
	});

	test('a user name or password in the URL gives no root: it would replace the Bearer key', () => {
		expect(validApiRoot('https://u:p@flowyte.example.com')).toBeUndefined();
		expect(validApiRoot('https://u@flowyte.example.com')).toBeUndefined();
	});

	test.each(['', '  ', 'flowyte.example.com', 'ftp://flowyte.example.com', 'https://', 'https:///api/v1', 'https://flow yte.example.com', 'https://[::1', null, undefined, 'https://h/#x', 'https://h/?t=1', 'https://h?t=1', 'https://h/api/v1#'])('%j is not valid', (baseUrl) => {
		expect(validApiRoot(baseUrl)).toBeUndefined();
	});
});

describe('credential checks before any request', () => {
	test('a flowyte_sk_ key and an https Base URL pass', () => {
		expect(credentialProblem('flowyte_sk_live_x', 'https://flowyte.example.com')).toBeUndefined();
		expect(credentialProblem('  flowyte_sk_x  ', 'http://localhost:3000')).toBeUndefined();
	});

	test.each(['ok_abc', 'flowyte_pk_abc', 'Flowyte_sk_abc', '', undefined, 'x flowyte_sk_abc'])('key %j is refused first', (apiKey) => {
		expect(credentialProblem(apiKey, 'nonsense')?.message).toBe('The Flowyte API key must start with "flowyte_sk_"');
	});

	test('then the Base URL', () => {
		expect(credentialProblem('flowyte_sk_x', 'nonsense')?.message).toBe('The Flowyte Base URL is not a valid http(s) URL');
	});

	test.each(['https://u:p@h', 'https://u@h/api/v1', 'http://:p@127.0.0.1:8080', '\u00a0https://u:p@h\u00a0'])('a Base URL with a user name or password (%j) is refused as such', (baseUrl) => {
		expect(credentialProblem('flowyte_sk_x', baseUrl)?.message).toBe('The Flowyte Base URL must not contain a user name or password');
	});

	test.each(['https://h/#x', 'https://h/?t=1', 'nonsense?'])('a Base URL with "?" or "#" (%j) is refused as such', (baseUrl) => {
		expect(credentialProblem('flowyte_sk_x', baseUrl)?.message).toBe('The Flowyte Base URL must not contain "?" or "#"');
	});
});

describe('port', () => {
	test.each([
		[5432, '5432'],
		['5432', '5432'],
		[' 3306 ', '3306'],
		['05432', '5432'],
		[1, '1'],
		[65535, '65535'],
	])('%j is sent as %j', (input, sent) => expect(portText(input)).toBe(sent));

	test.each([0, 65536, 99999, 123456, -1, 1.5, '1.5', '', 'abc', '0x10', '1e3', NaN, Infinity, null, undefined, true])('%j is refused', (input) => {
		expect(portText(input)).toBeUndefined();
	});
});

describe('CA certificate (PEM)', () => {
	const body = CA_PEM.split('\n').slice(1, -1).join('\n');
	test.each([
		['one certificate', CA_PEM, undefined],
		['two certificates', `${CA_PEM}\n${CA_PEM}`, undefined],
		['CRLF line ends', CA_PEM.replace(/\n/g, '\r\n'), undefined],
		['text around the block (openssl output)', `subject=CN = Flowyte Test CA\n${CA_PEM}\n`, undefined],
		['no block', 'hello', 'noBlock'],
		['BEGIN only', `-----BEGIN CERTIFICATE-----\n${body}`, 'unterminated'],
		['one good block and a BEGIN only', `${CA_PEM}\n-----BEGIN CERTIFICATE-----\nMII`, 'unterminated'],
		['a private key', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----', 'privateKey'],
		['an RSA private key beside a certificate', `${CA_PEM}\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----`, 'privateKey'],
		['an EC private key', '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----', 'privateKey'],
		['a public key', `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`, 'notCertificate'],
		['END label differs', `-----BEGIN CERTIFICATE-----\n${body}\n-----END TRUSTED CERTIFICATE-----`, 'notCertificate'],
		['BEGIN label differs', `-----BEGIN TRUSTED CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`, 'notCertificate'],
		['empty body', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----', 'badBase64'],
		['length not a multiple of 4', '-----BEGIN CERTIFICATE-----\nMIIBi\n-----END CERTIFICATE-----', 'badBase64'],
		['not starting with M', '-----BEGIN CERTIFICATE-----\nNIIB\n-----END CERTIFICATE-----', 'badBase64'],
		['padding in the middle', '-----BEGIN CERTIFICATE-----\nMI==MIIB\n-----END CERTIFICATE-----', 'badBase64'],
		['three padding characters', '-----BEGIN CERTIFICATE-----\nMIIBi===\n-----END CERTIFICATE-----', 'badBase64'],
		['a bad character', '-----BEGIN CERTIFICATE-----\nMII-\n-----END CERTIFICATE-----', 'badBase64'],
	])('%s → %j', (_name, pem, problem) => {
		expect(pemProblem(pem)).toBe(problem);
	});
});

describe('a CA certificate with literal \\n sequences', () => {
	test.each([
		['-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
		['-----BEGIN CERTIFICATE-----\\r\\nMIIB\\r\\n-----END CERTIFICATE-----\\n', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
		['  a\r\nb  ', 'a\r\nb'],
	])('%j reads as %j', (pem, normal) => {
		expect(normalizePem(pem)).toBe(normal);
	});

	test('then passes the PEM check', () => {
		expect(pemProblem(normalizePem(CA_PEM.split('\n').join('\\n')))).toBeUndefined();
		expect(pemProblem(CA_PEM.split('\n').join('\\n'))).toBe('badBase64');
	});
});

describe('the SQL descriptor', () => {
	const postgres = findKind('postgres');
	const full = { host: 'h', port: 5432, database: 'd', user: 'u', password: 'p', sslmode: 'verify-full' };

	test('a complete descriptor is built with string values, no ca_pem when none is given', () => {
		expect(sqlCredentials(postgres, full)).toEqual({ host: 'h', port: '5432', database: 'd', user: 'u', password: 'p', sslmode: 'verify-full' });
		expect(sqlCredentials(postgres, { ...full, caPem: '  ' })).not.toHaveProperty('ca_pem');
	});

	test('a CA certificate that an expression gives as null is no certificate, not the text "null"', () => {
		expect(sqlCredentials(postgres, { ...full, caPem: null })).toEqual({ host: 'h', port: '5432', database: 'd', user: 'u', password: 'p', sslmode: 'verify-full' });
	});

	test.each([['verify-ca', true], ['verify-full', true], ['require', false]])('with %s, a CA certificate is sent: %s', (sslmode, sent) => {
		const result = sqlCredentials(postgres, { ...full, sslmode, caPem: ` ${CA_PEM} ` });
		expect(result.ca_pem).toBe(sent ? CA_PEM : undefined);
	});

	test('numbers from expressions become strings', () => {
		expect(sqlCredentials(postgres, { ...full, host: 10, database: 7, user: 0, password: 123 })).toMatchObject({ host: '10', database: '7', user: '0', password: '123' });
	});

	test('refusals are recognised as such', () => {
		expect(isRefusal(sqlCredentials(postgres, { ...full, host: '' }))).toBe(true);
		expect(isRefusal(sqlCredentials(postgres, full))).toBe(false);
	});
});

describe('reading an error answer', () => {
	test('problem+json: detail first, the fields, the documented keys as context', () => {
		const p = readProblem({ type: 'https://x/p', title: 'T', status: 400, detail: 'D', instance: '/i', code: 'c', errors: [{ field: 'a', message: 'm' }], extra: 'dropped' });
		expect(p).toEqual({
			said: 'D',
			code: 'c',
			fields: ['a: m'],
			context: { type: 'https://x/p', title: 'T', detail: 'D', instance: '/i', code: 'c', status: 400, errors: [{ field: 'a', message: 'm' }] },
		});
	});

	test('the envelope: its message', () => {
		expect(readProblem({ success: false, message: 'M', errors: [] })).toMatchObject({ said: 'M', fields: [] });
	});

	test('the title when nothing else, blank strings ignored', () => {
		expect(readProblem({ title: 'T', detail: '  ', message: '' }).said).toBe('T');
	});

	test.each([
		[{ error: 'Not found' }, 'application/json', false],
		[{ message: 'Not Found', statusCode: 404 }, 'application/json', false],
		[{ title: 'Not Found' }, 'application/json', false],
		[{ title: 'Not Found', status: 400 }, 'application/json', false],
		[{ title: 'Not Found', status: '404' }, 'application/json', false],
		[{ status: 404 }, undefined, false],
		['<html>', 'text/html', false],
		['<html>', 'application/problem+json', false],
		[undefined, 'application/problem+json', false],
		[[{ title: 'x' }], 'application/problem+json', false],
		[{}, 'application/problem+json', true],
		[{ detail: 'x' }, 'Application/Problem+JSON; charset=utf-8', true],
		[{ detail: 'x' }, 'application/problem+jsonx', false],
		[{ detail: 'x' }, 'x-application/problem+json', false],
		[null, 'application/problem+json', false],
		[{ title: 'Not Found', status: 404 }, 'application/json', true],
		[{ title: 'Not Found', status: 404 }, undefined, true],
	])('a 404 with %j as %j is a problem answer: %s', (body, contentType, expected) => {
		expect(isProblemAnswer({ statusCode: 404, body, contentType })).toBe(expected);
	});

	test('field entries that are not objects or lack parts still read', () => {
		expect(readProblem({ errors: ['x', { field: 'f' }, { message: 'm' }, { field: '', message: ' ' }] }).fields).toEqual([
			'(request): invalid',
			'f: invalid',
			'(request): m',
			'(request): invalid',
		]);
	});

	test('a 400 that lists fields but says nothing else asks only to correct them', () => {
		const error = flowyteApiError(NODE, { statusCode: 400, body: { errors: [{ field: 'credentials.port', message: 'must be a string' }] } }, { kindName: 'PostgreSQL', shown: 'https://h/api/v1', secrets: [] });
		expect(error.message).toBe('Flowyte rejected the request as invalid: credentials.port: must be a string');
		expect(error.description).toBe('Correct the fields named and run the node again.');
	});

	test('only a JSON object is a body: null, arrays and text read as {}', () => {
		expect(bodyObject(null)).toEqual({});
		expect(bodyObject([{ a: 1 }])).toEqual({});
		expect(bodyObject('text')).toEqual({});
		expect(bodyObject({ a: 1 })).toEqual({ a: 1 });
	});

	test('texts are trimmed, and nothing is masked when there are no secrets', () => {
		const p = readProblem({ detail: '  Stryker was here  ', title: ' T ' });
		expect(p.said).toBe('Stryker was here');
		expect(p.context).toEqual({ detail: 'Stryker was here', title: 'T' });
	});

	test('secrets are masked in every kept text, short ones as whole tokens', () => {
		const p = readProblem({ title: 'k SECRET', detail: 'SECRET and abc, abcd', code: 'SECRET', errors: [{ field: 'SECRET', message: 'SECRET' }] }, ['SECRET', 'abc']);
		expect(p.said).toBe('[redacted] and [redacted], abcd');
		expect(JSON.stringify(p)).not.toContain('SECRET');
	});

	test.each([
		['4+ characters: everywhere', 'wxyz wxyzwxyz', ['wxyz'], '[redacted] [redacted][redacted]'],
		['1-3 characters: as a whole token', 'abc xyz', ['xyz'], 'abc [redacted]'],
		['1-3 characters: not inside a word or number', 'xyzzy 1xyz xyz2 _xyz_', ['xyz'], 'xyzzy 1xyz xyz2 _[redacted]_'],
		['a 1-character secret', 'pw=7; port 5432; 7', ['7'], 'pw=[redacted]; port 5432; [redacted]'],
		['an empty secret is skipped', 'text - more: 1, 2', [''], 'text - more: 1, 2'],
		['no secrets', 'text', [], 'text'],
		['URL-encoded (a DSN)', 'postgres://ro:p%40ss%2Fw@db/appdb', ['p@ss/w'], 'postgres://ro:[redacted]@db/appdb'],
		['JSON-escaped (a quoted body)', '{"password":"a\\"b\\\\c"}', ['a"b\\c'], '{"password":"[redacted]"}'],
		['regular-expression characters are literal', 'x a.b+c x', ['a.b+c'], 'x [redacted] x'],
		['the longer of two secrets wins', 'key secret-long', ['secret', 'secret-long'], 'key [redacted]'],
		['a secret that looks like the mask is not masked twice', 'redacted', ['redacted'], '[redacted]'],
	])('%s', (_name, text, secrets, masked) => {
		expect(scrub(text, secrets)).toBe(masked);
	});

	test('the NodeApiError keeps only the documented keys, masked', () => {
		const error = flowyteApiError(NODE, { statusCode: 500, body: { title: 'T', detail: 'pw SECRET', stack: 'at x' } }, { kindName: 'X', shown: 'https://h/api/v1', secrets: ['SECRET'] });
		expect(error.errorResponse).toEqual({ statusCode: 500, title: 'T', detail: 'pw [redacted]' });
		expect(error.message).toBe('Flowyte had a server error (500)');
	});

	test('status boundaries: 499 is not a server error, 599 is', () => {
		const at = (statusCode) => flowyteApiError(NODE, { statusCode, body: {} }, { kindName: 'X', shown: 's', secrets: [] }).message;
		expect(at(499)).toBe('Flowyte answered 499: unexpected response');
		expect(at(599)).toBe('Flowyte had a server error (599)');
	});

	test('no answer without a system code says "no response"', () => {
		const error = flowyteNetworkError(NODE, new Error('socket hang up'), 'https://h.example/api/v1', 3);
		expect({ message: error.message, description: error.description, httpCode: error.httpCode, itemIndex: error.context.itemIndex }).toEqual({
			message: 'Could not reach Flowyte',
			description: 'No answer from https://h.example/api/v1 (no response). Check Base URL in the Flowyte API credential and the network.',
			httpCode: 'none',
			itemIndex: 3,
		});
		// What n8n keeps as the error's response (shown under the error's details).
		expect(error.errorResponse).toEqual({ networkError: 'no response' });
		expect(flowyteNetworkError(NODE, { cause: { code: 'ECONNREFUSED' } }, 's').errorResponse).toEqual({ networkError: 'ECONNREFUSED' });
	});

	test('a TLS refusal and an unexpected 2xx carry what n8n shows as the response: the code, the status', () => {
		const tls = flowyteNetworkError(NODE, { cause: { code: 'CERT_HAS_EXPIRED' } }, 's');
		expect([tls.errorResponse, tls.httpCode]).toEqual([{ networkError: 'CERT_HAS_EXPIRED' }, 'none']);
		const unexpected = unexpectedResultError(NODE, 'a response that is not a JSON object', 1);
		expect([unexpected.errorResponse, unexpected.httpCode, unexpected.context.itemIndex]).toEqual([{ statusCode: 200 }, '200', 1]);
	});

	test('the cause chain is followed four levels deep, and a cyclic chain ends', () => {
		const chain = (depth, code) => (depth === 0 ? { code } : { cause: chain(depth - 1, code) });
		expect(networkErrorCode(chain(3, 'ETIMEDOUT'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(chain(4, 'ETIMEDOUT'))).toBeUndefined();
		const cyclic = { message: 'x' };
		cyclic.cause = cyclic;
		expect(networkErrorCode(cyclic)).toBeUndefined();
	});

	test('network error codes are found through wrapping', () => {
		expect(networkErrorCode({ cause: { cause: { code: 'ECONNRESET' } } })).toBe('ECONNRESET');
		expect(networkErrorCode({ code: 'bad_code' })).toBeUndefined();
		expect(networkErrorCode({ code: '_X' })).toBeUndefined();
		expect(networkErrorCode({ code: 'X_' })).toBeUndefined();
		expect(networkErrorCode({ code: '404' })).toBeUndefined();
		expect(networkErrorCode({ code: 42 })).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
	});

	test.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID'])(
		'TLS code %s is found and points at the certificate',
		(code) => {
			expect(networkErrorCode({ message: 'x', cause: { code } })).toBe(code);
			const error = flowyteNetworkError(NODE, { cause: { code } }, 'https://h.example/api/v1');
			expect({ message: error.message, description: error.description }).toEqual({
				message: "Flowyte's TLS certificate was not accepted",
				description: `https://h.example/api/v1 presented a certificate n8n does not trust (${code}): self-signed, expired, issued for another host name, or signed by a private CA. Fix the certificate on the Flowyte host, or start n8n with NODE_EXTRA_CA_CERTS set to the CA that signed it, and check Base URL in the Flowyte API credential.`,
			});
		},
	);

	test('a system code that is not about certificates stays a network error', () => {
		const error = flowyteNetworkError(NODE, { code: 'ETIMEDOUT' }, 'https://h.example/api/v1');
		expect([error.message, error.description]).toEqual(['Could not reach Flowyte', 'No answer from https://h.example/api/v1 (ETIMEDOUT). Check Base URL in the Flowyte API credential and the network.']);
	});

	test('a message naming a system error code is kept as written', () => {
		const body = { errors: [{ field: 'credentials.host', message: 'connect ECONNREFUSED 10.0.0.5:5432' }] };
		expect(flowyteApiError(NODE, { statusCode: 400, body }, { kindName: 'X', shown: 's', secrets: [] }).message).toBe(
			'Flowyte rejected the request as invalid: credentials.host: connect ECONNREFUSED 10.0.0.5:5432',
		);
	});
});

describe('masking the node copy', () => {
	test('secret parameters are masked, others kept; a node without them is returned as is', () => {
		const node = { ...NODE, parameters: { kind: 'postgres', password: 'pw', providerApiKey: '', caPem: 'pem', host: 'h' } };
		expect(redactNode(node).parameters).toEqual({ kind: 'postgres', password: '[redacted]', providerApiKey: '', caPem: '[redacted]', host: 'h' });
		expect(node.parameters.password).toBe('pw');
		expect(redactNode(NODE)).toBe(NODE);
	});
});

describe('errors from outside the node', () => {
	const ctx = { getNode: () => ({ ...NODE, parameters: { password: 'pw' } }) };

	test('an error with a description (an ExpressionError) keeps it, the node copy masked', () => {
		const error = Object.assign(new Error('Referenced node doesn\'t exist'), { description: 'Check the node name in the expression' });
		const wrapped = asNodeError(ctx, error, 2);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect([wrapped.message, wrapped.description, wrapped.context.itemIndex, wrapped.node.parameters.password]).toEqual([
			"Referenced node doesn't exist",
			'Check the node name in the expression',
			2,
			'[redacted]',
		]);
	});

	test('an n8n error is kept, its node copy masked; one without a node copy is kept as it is', () => {
		const error = new NodeOperationError({ ...NODE, parameters: { password: 'pw' } }, 'Nope');
		expect(asNodeError(ctx, error, 0)).toBe(error);
		expect(error.node.parameters.password).toBe('[redacted]');
		const bare = new NodeOperationError(NODE, 'Nope');
		bare.node = undefined;
		expect(asNodeError(ctx, bare, 0)).toBe(bare);
		expect(bare.node).toBeUndefined();
	});

	test.each([new Error('plain'), 'a string'])('%j without a description gets none', (error) => {
		expect(asNodeError(ctx, error, 0).description).toBeFalsy();
	});
});

describe('the answer as the node reads it', () => {
	const connection = { root: 'https://h.example/api/v1', shown: 'https://h.example/api/v1', credentials: {}, secrets: [] };
	const answering = (response) => ({
		getNode: () => NODE,
		helpers: { httpRequestWithAuthentication: async () => response },
	});

	test('Content-Type is found under any name case and in any place; JSON text is parsed', async () => {
		const ctx = answering({ statusCode: 400, headers: { date: 'Sun, 29 Nov 2026 20:00:00 GMT', 'Content-type': 'application/problem+json' }, body: '{"title":"Bad"}' });
		expect(await postConnect(ctx, connection, 'hubspot', undefined, 0)).toEqual({ statusCode: 400, body: { title: 'Bad' }, contentType: 'application/problem+json' });
	});

	test('no Content-Type header gives none; text that is not JSON stays text', async () => {
		const ctx = answering({ statusCode: 502, headers: { date: 'Sun, 29 Nov 2026 20:00:00 GMT' }, body: '<html>Bad gateway</html>' });
		expect(await postConnect(ctx, connection, 'hubspot', undefined, 0)).toEqual({ statusCode: 502, body: '<html>Bad gateway</html>', contentType: undefined });
	});
});

describe('the Continue On Fail item', () => {
	test('facts beside the message, or under details for the error output', () => {
		const error = flowyteApiError(NODE, { statusCode: 400, body: { detail: 'D', code: 'c', errors: [{ field: 'f', message: 'm' }] } }, { kindName: 'X', shown: 's', secrets: [] });
		const facts = { description: 'Flowyte said: D. Correct the fields named and run the node again.', httpCode: '400', code: 'c', errors: [{ field: 'f', message: 'm' }] };
		expect(errorItem(error)).toEqual({ error: 'Flowyte rejected the request as invalid: f: m', ...facts });
		expect(errorItem(error, 'continueErrorOutput')).toEqual({ error: 'Flowyte rejected the request as invalid: f: m', details: facts });
	});

	test('an error without a description or status gives only its message, no empty keys', () => {
		expect(Object.keys(errorItem(new NodeOperationError(NODE, 'Nope')))).toEqual(['error']);
		expect(errorItem(new NodeOperationError(NODE, 'Nope'), 'continueErrorOutput')).toStrictEqual({ error: 'Nope', details: {} });
	});
});

describe('what the editor shows', () => {
	const { description } = new Flowyte();
	const property = (name) => description.properties.filter((p) => p.name === name);

	test.each([
		['google_calendar', 'Connect: Google Calendar'],
		['google_sheets', 'Connect: Google Sheets'],
		['calendly', 'Connect: Calendly'],
		['hubspot', 'Connect: HubSpot'],
		['square', 'Connect: Square'],
		['opentable', 'Connect: OpenTable'],
		['shopify', 'Connect: Shopify'],
		['postgres', 'Connect: PostgreSQL'],
		['mysql', 'Connect: MySQL'],
		['something_new', 'Connect: something_new'],
	])('the subtitle for kind %s is %j', (kind, expected) => {
		const body = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		expect(new Function('$parameter', `return (${body});`)({ kind })).toBe(expected);
	});

	test('the node source refers only to test files that exist', () => {
		const source = fs.readFileSync(path.join(__dirname, '../nodes/Flowyte/Flowyte.node.ts'), 'utf8');
		const referenced = [...source.matchAll(/test\/[\w./-]+\.test\.js/g)].map((m) => m[0]);
		expect(referenced).toEqual(['test/flowyte-units.test.js']);
		for (const file of referenced) expect(fs.existsSync(path.join(__dirname, '..', file))).toBe(true);
	});

	test('node: usable as a tool, its own icons, the credential tested by its function', () => {
		expect(description).toMatchObject({
			name: 'flowyte',
			usableAsTool: true,
			icon: { light: 'file:flowyte.svg', dark: 'file:flowyte.dark.svg' },
			credentials: [
				{ name: 'flowyteApi', required: true, testedBy: 'flowyteApiTest' },
				{ name: 'flowyteConnectionSecretApi', required: true, testedBy: 'flowyteConnectionSecretTest' },
			],
		});
		expect(typeof new Flowyte().methods.credentialTest.flowyteApiTest).toBe('function');
		expect(typeof new Flowyte().methods.credentialTest.flowyteConnectionSecretTest).toBe('function');
	});

	test('kinds are listed alphabetically; fields by family', () => {
		expect(property('kind')[0].options.map((o) => o.name)).toEqual(['Calendly', 'Google Calendar', 'Google Sheets', 'HubSpot', 'MySQL', 'OpenTable', 'PostgreSQL', 'Shopify', 'Square']);
		expect(property('connectWith')[0].displayOptions.show.kind).toEqual(['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify']);
		expect(property('providerApiKey')[0]).toMatchObject({ typeOptions: { password: true }, displayOptions: { show: { connectWith: ['apiKey'] } } });
		for (const name of ['host', 'database', 'user', 'password', 'sslmode']) expect(property(name)[0].displayOptions.show.kind).toEqual(['postgres', 'mysql']);
		expect(property('password')[0].typeOptions).toEqual({ password: true });
		expect(property('port').map((p) => [p.displayOptions.show.kind, p.default])).toEqual([[['postgres'], 5432], [['mysql'], 3306]]);
		expect(property('sslmode')[0].options.map((o) => o.value)).toEqual(['require', 'verify-ca', 'verify-full']);
		expect(property('caPem')[0].displayOptions.show.sslmode).toEqual(['verify-ca', 'verify-full']);
	});

	test('placeholders read "e.g. …"', () => {
		const placeholders = Object.fromEntries(description.properties.filter((p) => p.placeholder).map((p) => [p.name, p.placeholder]));
		expect(placeholders).toEqual({ host: 'e.g. db.example.com', database: 'e.g. appdb', user: 'e.g. flowyte_readonly', caPem: 'e.g. -----BEGIN CERTIFICATE-----' });
	});

	test('the User field suggests a least-privilege, read-only role', () => {
		expect(property('user')[0].description).toContain('least-privilege, read-only role');
	});

	test('credential: Flowyte API, a password key, a required host, no test request but a notice', () => {
		const credential = new FlowyteApi();
		expect([credential.name, credential.displayName]).toEqual(['flowyteApi', 'Flowyte API']);
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.apiKey).toMatchObject({ type: 'string', typeOptions: { password: true }, required: true, placeholder: 'e.g. flowyte_sk_...' });
		expect(byName.baseUrl).toMatchObject({ type: 'string', required: true, default: '', placeholder: 'e.g. https://flowyte.example.com' });
		expect(byName.testNotice).toMatchObject({
			type: 'notice',
			displayName:
				"The contract this node implements specifies only Flowyte's Connect call, so testing this credential checks the key's form and the Base URL locally and sends nothing. Flowyte checks the key itself on the first Connect.",
		});
		expect(credential.test).toBeUndefined();
	});

	test('credential: the key goes as a Bearer token, trimmed', async () => {
		const options = await new FlowyteApi().authenticate({ apiKey: ' flowyte_sk_x ' }, { url: 'u', headers: { Accept: 'a' } });
		expect(options).toEqual({ url: 'u', headers: { Accept: 'a', Authorization: 'Bearer flowyte_sk_x' } });
	});
});

describe("the package's README", () => {
	const section = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8').replace(/\s+/g, ' ');

	test('says what the credential test does without claiming Flowyte has no read-only call', () => {
		expect(section).toContain('The contract this node implements specifies only Connect, so **Test** checks the key\'s form and the Base URL locally and sends nothing');
		expect(section).not.toMatch(/no read-only call/);
	});

	test('says 429 and 5xx are not retried, and warns about Retry On Fail', () => {
		expect(section).toContain('429 and 5xx are reported, **not retried**');
		expect(section).toContain("n8n's **Retry On Fail** setting would send it again, and may start a second OAuth flow");
		expect(section).not.toContain('read as for Outlit');
	});
});
