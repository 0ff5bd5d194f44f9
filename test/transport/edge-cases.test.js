'use strict';
/**
 * Transport rules at their edges (transport/errors.ts, retry.ts, http.ts, rest.ts), one case per
 * rule: answers with a field missing or of another type, statuses next to the documented ones,
 * empty headers and bodies. The common cases are in test/transport/error-messages.test.js and test/transport/retry-rules.test.js.
 * Inputs are the contract's statuses, codes and bodies; expectations are literals.
 */
const {
	restApiError,
	gatewayApiError,
	outlitNetworkError,
	contractUnavailableError,
	notJsonError,
	shapeError,
	isGatewayEnvelope,
	bodyObject,
	networkErrorCode,
} = require('../../nodes/Outlit/transport/errors');
const { shouldRetryResponse, shouldRetryNetworkError, paceMs, transientInfo } = require('../../nodes/Outlit/transport/retry');
const { parseBody } = require('../../nodes/Outlit/transport/http');
const { isRetiredRoute } = require('../../nodes/Outlit/transport/rest');
const { credentialObject } = require('../../nodes/Outlit/transport/fields');

const NODE = { id: 'n1', name: 'Outlit', type: 'n8n-nodes-outlit.outlit', typeVersion: 1, position: [0, 0], parameters: {} };
const res = (statusCode, body = {}, headers = {}) => ({ statusCode, body, headers });
const TOOL = 'outlit_get_integration_status';
const gateway = (statusCode, body) => gatewayApiError(NODE, TOOL, res(statusCode, body));

describe('gateway errors beside the documented cases', () => {
	test('a 401 without the envelope is still the API-key message', () => {
		expect(gateway(401, {}).message).toBe(
			'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential.',
		);
	});

	test('plan_billing_action_required reads as billing on any status, not only 402', () => {
		expect(gateway(403, { code: 'plan_billing_action_required', message: 'Card expired', retryable: false }).message).toBe(
			'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.',
		);
	});

	test('a 400 with another code is a rejected input; without a message it says "invalid input"', () => {
		expect(gateway(400, { code: 'VALIDATION_FAILED', message: 'provider is required', retryable: false }).message).toBe(
			"Outlit rejected the request: provider is required. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
		expect(gateway(400, {}).message).toBe(
			"Outlit rejected the request: invalid input. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
	});

	test('descriptions quote Outlit only when it said something', () => {
		expect(gateway(429, { code: 'plan_api_limit_exceeded', retryable: false }).description).toBe('Retry later. Upgrade the plan for a higher allowance.');
		expect(gateway(400, { code: 'INVALID_TOOL_CALL', retryable: false }).description).toBe(
			'Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL.',
		);
	});

	test('a 409 or an unknown status without a message has a plain fallback', () => {
		expect(gateway(409, {}).message).toBe(
			'Outlit reported a conflict: conflict. Check the integration in the Outlit web app (another change may be in progress), then try again.',
		);
		expect(gateway(418, {}).message).toBe(
			"Outlit answered 418: unexpected response. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
		);
	});

	test('a request ID that is not text is not quoted', () => {
		expect(gateway(409, { code: 'X', message: 'Busy', requestId: 42 }).description).toBe(
			'Another change to this integration is in progress or conflicts; check it in the Outlit web app.',
		);
	});

	test('the envelope\'s retryable decides, whatever the status says', () => {
		expect(transientInfo(gateway(409, { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Busy', retryable: true }))).toEqual({});
		expect(transientInfo(gateway(503, { code: 'TOOL_GATEWAY_ERROR', message: 'Down', retryable: false }))).toBeUndefined();
		// Without it, the status decides.
		expect(transientInfo(gateway(503, {}))).toEqual({});
	});

	test('the envelope needs a code, or the older text error with details', () => {
		expect(isGatewayEnvelope({ details: [] })).toBe(false);
		expect(isGatewayEnvelope({ error: { message: 'x' }, details: [] })).toBe(false);
	});
});

describe('REST errors beside the documented cases', () => {
	test('plan_connection_limit_exceeded means the plan limit only on a 403', () => {
		expect(restApiError(NODE, res(409, { code: 'plan_connection_limit_exceeded', error: 'Busy' })).message).toBe(
			"Outlit answered 409: Busy. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
		);
	});

	test('no key the contract documents: the error keeps the status alone', () => {
		expect(Object.keys(restApiError(NODE, res(500, { error: 'Down' })).errorResponse)).toEqual(['statusCode', 'message']);
		expect(Object.keys(restApiError(NODE, res(500, {})).errorResponse)).toEqual(['statusCode']);
	});

	test('a retired route: 405, 410, or a 404 without Outlit\'s JSON error', () => {
		expect([405, 410].map((statusCode) => isRetiredRoute(res(statusCode, { error: 'Gone' })))).toEqual([true, true]);
		expect(isRetiredRoute(res(404, {}))).toBe(true);
		expect(isRetiredRoute(res(404, { error: 5 }))).toBe(true);
		expect(isRetiredRoute(res(404, '<html>Not Found</html>'))).toBe(true);
		expect(isRetiredRoute(res(404, { error: 'Integration not connected' }))).toBe(false);
		expect(isRetiredRoute(res(404, { message: 'Session not found' }))).toBe(false);
		expect(isRetiredRoute(res(400, {}))).toBe(false);
	});
});

describe('what an error keeps for n8n\'s error details (stored with the execution)', () => {
	test('no answer: the system code; an API that does not answer, not JSON, a wrong shape: the status', () => {
		expect(outlitNetworkError(NODE, { code: 'ECONNREFUSED' }, 'http://127.0.0.1:9').errorResponse).toEqual({ networkError: 'ECONNREFUSED' });
		expect(contractUnavailableError(NODE, { contract: 'rest', statusCode: 410 }, 'https://x').errorResponse).toEqual({ statusCode: 410 });
		expect(notJsonError(NODE, res(200, '<html>')).errorResponse).toEqual({ statusCode: 200 });
		const shape = shapeError(NODE, 'a list without items');
		expect([shape.errorResponse, shape.httpCode]).toEqual([{ statusCode: 200 }, '200']);
	});

	test('a body that is not a JSON object reads as an empty one', () => {
		expect([bodyObject('text'), bodyObject(7), bodyObject(null), bodyObject([1])]).toEqual([{}, {}, {}, {}]);
		expect(bodyObject({ code: 'X' })).toEqual({ code: 'X' });
	});
});

describe('retry rules beside the documented cases', () => {
	const READ = { method: 'POST', path: '/api/tools/call', idempotent: true };

	test('a 2xx is never retried, even one that says retryable; a 400 that says so is (for a read)', () => {
		const envelope = { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'x', retryable: true, requestId: 'r' };
		expect(shouldRetryResponse(res(200, envelope), READ)).toBe(false);
		expect(shouldRetryResponse(res(400, envelope), READ)).toBe(true);
	});

	test('the older plan-limit body with retryable: true is retried like any 429', () => {
		expect(shouldRetryResponse(res(429, { error: 'api_limit_exceeded', details: [], retryable: true }), READ)).toBe(true);
	});

	test('an empty or blank X-RateLimit-Remaining is not 0: no pacing', () => {
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '' })).toBe(0);
		expect(paceMs({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '  ' })).toBe(0);
	});
});

describe('response bodies', () => {
	test('an empty or blank body is no body; JSON is parsed; anything else stays text', () => {
		expect([parseBody(''), parseBody(' \n')]).toEqual([undefined, undefined]);
		expect(parseBody('{"ok":true}')).toEqual({ ok: true });
		expect(parseBody('<html>')).toBe('<html>');
		expect(parseBody({ already: 'parsed' })).toEqual({ already: 'parsed' });
	});
});

describe('provider credential fields', () => {
	test('optional fields left out are not checked and not sent', () => {
		const fields = [
			{ key: 'apiKey', label: 'API Key', secret: true },
			{ key: 'scope', label: 'Scope', secret: false, options: ['personal', 'enterprise'], optional: true },
			{ key: 'acknowledged', label: 'Acknowledged', secret: false, type: 'boolean', optional: true },
		];
		const provider = { id: 'newcrm', name: 'New CRM' };
		expect(credentialObject(NODE, provider, fields, { apiKey: 'k_1' }, {})).toEqual({ apiKey: 'k_1' });
	});
});

describe('certificate errors', () => {
	const READ = { method: 'GET', path: '/api/integrations', idempotent: true };

	test('TLS codes are found like system codes; lower-case codes are not codes', () => {
		expect(networkErrorCode({ cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } })).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
		expect(networkErrorCode({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
		expect(networkErrorCode({ code: 'E2BIG' })).toBe('E2BIG');
		expect(networkErrorCode({ code: 'Econnreset' })).toBeUndefined();
		expect(networkErrorCode({ code: '_LEADING' })).toBeUndefined();
	});

	test('an untrusted certificate is final, even for a read; other codes are retried for a read', () => {
		for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
			expect([code, shouldRetryNetworkError(code, READ)]).toEqual([code, false]);
		}
		expect(shouldRetryNetworkError('ECONNRESET', READ)).toBe(true);
		const error = outlitNetworkError(NODE, { code: 'CERT_HAS_EXPIRED' }, 'https://outlit.example');
		expect([error.message, error.httpCode, error.errorResponse, transientInfo(error)]).toEqual([
			"Outlit's TLS certificate at https://outlit.example was not accepted (CERT_HAS_EXPIRED): check the Base URL in the Outlit API credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA.",
			'none',
			{ networkError: 'CERT_HAS_EXPIRED' },
			undefined,
		]);
	});
});
