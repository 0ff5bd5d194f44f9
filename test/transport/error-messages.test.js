'use strict';
/**
 * Every error answer Outlit documents, mapped to the n8n error a user reads (transport/errors.ts),
 * one case per branch: message, description, httpCode, the safe context kept, and whether it is
 * worth another try. Inputs are the contract's statuses, codes and bodies; expectations are literals.
 */
const {
	restApiError,
	gatewayApiError,
	outlitNetworkError,
	contractUnavailableError,
	notJsonError,
	shapeError,
	retryAfterMs,
	isTransientStatus,
	isGatewayEnvelope,
	networkErrorCode,
} = require('../../nodes/Outlit/transport/errors');
// How the retry rules judge an error the transport threw (transport/retry.ts).
const { transientInfo } = require('../../nodes/Outlit/transport/retry');

const NODE = { id: 'n1', name: 'Outlit', type: 'n8n-nodes-outlit.outlit', typeVersion: 1, position: [0, 0], parameters: {} };
const res = (statusCode, body = {}, headers = {}) => ({ statusCode, body, headers });
// A rejected key: the remedy (and, on the gateway, Outlit's request ID) is in the message itself,
// since n8n hands an AI agent only the message. The key reached Outlit, so it starts with ok_.
const KEY_REJECTED =
	'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential.';
const KEY_DESCRIPTION =
	'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit that issued it: check Base URL in the same credential.';

function shown(error) {
	return { message: error.message, description: error.description, httpCode: error.httpCode, transient: transientInfo(error) !== undefined };
}

describe('REST errors', () => {
	test.each([
		['400 with details', res(400, { error: 'Invalid request', details: [{ path: ['config', 'apiKey'], message: 'Required' }, { path: [], message: 'Bad' }, { message: 7 }] }), undefined, {
			message: 'Outlit rejected the request: Invalid request (config.apiKey: Required; (request): Bad; (request): invalid). Correct those values in the node or in its Outlit Provider Credentials, then run it again.',
			description: 'config.apiKey: Required; (request): Bad; (request): invalid',
			httpCode: '400',
			transient: false,
		}],
		['400 without details', res(400, { message: 'Nope' }), undefined, {
			message: "Outlit rejected the request: Nope. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider ID, the required fields and any JSON config.',
			httpCode: '400',
			transient: false,
		}],
		['400 with empty details and no message', res(400, { details: [] }), undefined, {
			message: "Outlit rejected the request: invalid request. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider ID, the required fields and any JSON config.',
			httpCode: '400',
			transient: false,
		}],
		['401 (REST answers carry no request ID)', res(401, { error: 'Invalid credentials' }), undefined, { message: KEY_REJECTED, description: KEY_DESCRIPTION, httpCode: '401', transient: false }],
		['403 connection limit', res(403, { error: 'Limit', code: 'plan_connection_limit_exceeded', plan: 'starter', limit: 2, currentConnections: 2 }), undefined, {
			message:
				'Your Outlit plan\'s integration connection limit is reached (plan "starter", 2 of 2 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
			description: 'Plan "starter" allows 2 connected integrations and 2 are in use. Disconnect an integration or upgrade the plan, then retry.',
			httpCode: '403',
			transient: false,
		}],
		['403 connection limit without numbers', res(403, { code: 'plan_connection_limit_exceeded' }), undefined, {
			message: "Your Outlit plan's integration connection limit is reached: disconnect an integration or upgrade the plan in the Outlit web app, then try again.",
			description: 'Plan "unknown" allows ? connected integrations and ? are in use. Disconnect an integration or upgrade the plan, then retry.',
			httpCode: '403',
			transient: false,
		}],
		['403 other', res(403, { error: 'Forbidden domain.' }), undefined, {
			message:
				'Outlit refused the request: Forbidden domain. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
			description: KEY_DESCRIPTION,
			httpCode: '403',
			transient: false,
		}],
		['403 without a message', res(403, {}), undefined, {
			message:
				'Outlit refused the request: forbidden. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
			description: KEY_DESCRIPTION,
			httpCode: '403',
			transient: false,
		}],
		['404 on disconnect', res(404, { error: 'Integration not connected' }), 'disconnect', {
			message:
				'The integration is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.',
			description: 'Integration not connected',
			httpCode: '404',
			transient: false,
		}],
		['404 on a session', res(404, { error: 'Session not found' }), 'sessionStatus', {
			message:
				'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.',
			description: 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.',
			httpCode: '404',
			transient: false,
		}],
		['404 elsewhere', res(404, {}), undefined, {
			message: 'Outlit could not find what the node asked for: not found. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.',
			description: 'Check the provider and the Base URL in the credential.',
			httpCode: '404',
			transient: false,
		}],
		['429 with Retry-After', res(429, { error: 'Slow down' }, { 'Retry-After': '7' }), undefined, {
			message: 'Outlit rate limit reached: try again in 7 s.',
			description: 'Too many requests. Retry in 7 s.',
			httpCode: '429',
			transient: true,
		}],
		['429 without a wait', res(429, {}), undefined, {
			message: 'Outlit rate limit reached: try again in a few seconds.',
			description: 'Too many requests. Wait a little and retry, or space requests out with batching.',
			httpCode: '429',
			transient: true,
		}],
		['500 with a message', res(500, { error: 'Boom' }), undefined, {
			message: 'Outlit had a server error (500: Boom), which is usually temporary: try again in a moment.',
			description: 'Outlit said: Boom. This is usually temporary: retry in a moment.',
			httpCode: '500',
			transient: true,
		}],
		['502 without one', res(502, 'Bad gateway'), undefined, {
			message: 'Outlit had a server error (502), which is usually temporary: try again in a moment.',
			description: 'This is usually temporary: retry in a moment.',
			httpCode: '502',
			transient: true,
		}],
		['409, undocumented', res(409, { error: 'Busy' }), undefined, {
			message: "Outlit answered 409: Busy. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '409',
			transient: false,
		}],
		['418 without a message', res(418, []), undefined, {
			message: "Outlit answered 418: unexpected response. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '418',
			transient: false,
		}],
		['408 is transient', res(408, {}), undefined, {
			message: 'Outlit answered 408: unexpected response. This is usually temporary: try again in a moment.',
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '408',
			transient: true,
		}],
	])('%s', (_name, response, notFound, expected) => {
		const error = restApiError(NODE, response, 3, notFound);
		expect(shown(error)).toEqual(expected);
		expect(error.context.itemIndex).toBe(3);
	});

	test('only documented fields reach the error, never anything else from the body', () => {
		const error = restApiError(NODE, res(403, { error: 'No', code: 'plan_connection_limit_exceeded', plan: 'p', limit: 1, currentConnections: 1, echo: 'ok_secret_value' }));
		const text = JSON.stringify({ response: error.errorResponse, context: error.context, messages: error.messages, description: error.description, message: error.message });
		expect(text).not.toContain('ok_secret_value');
		expect(error.errorResponse).toEqual({ statusCode: 403, message: 'No', code: 'plan_connection_limit_exceeded', plan: 'p', limit: 1, currentConnections: 1 });
	});

	test('a 429 remembers how long Outlit asked to wait', () => {
		expect(transientInfo(restApiError(NODE, res(429, {}, { 'retry-after': '4' })))).toEqual({ retryAfterMs: 4000 });
		expect(transientInfo(restApiError(NODE, res(503, {})))).toEqual({});
	});
});

describe('gateway errors', () => {
	const envelope = (code, extra = {}) => ({ code, message: 'Said so', retryable: false, requestId: 'req_9', ...extra });
	const T = 'outlit_setup_integration';
	test.each([
		['401', res(401, envelope('INVALID_CREDENTIALS')), { message: `${KEY_REJECTED} Outlit request ID: req_9.`, description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`, httpCode: '401', transient: false }],
		['401 without a request ID', res(401, { code: 'INVALID_CREDENTIALS', message: 'Said so', retryable: false }), { message: KEY_REJECTED, description: KEY_DESCRIPTION, httpCode: '401', transient: false }],
		['INVALID_CREDENTIALS on another status', res(400, envelope('INVALID_CREDENTIALS')), { message: `${KEY_REJECTED} Outlit request ID: req_9.`, description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`, httpCode: '400', transient: false }],
		['403 TOOL_CALL_FORBIDDEN', res(403, envelope('TOOL_CALL_FORBIDDEN')), {
			message:
				'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential. Outlit request ID: req_9.',
			description: 'On the tools gateway a key needs one of these grants for integrations. (Outlit request ID: req_9)',
			httpCode: '403',
			transient: false,
		}],
		['403 with another code', res(403, envelope('TOOL_GATEWAY_ERROR', { message: 'Key disabled.' })), {
			message:
				'Outlit refused the request: Key disabled. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan. Outlit request ID: req_9.',
			description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`,
			httpCode: '403',
			transient: false,
		}],
		['429 plan limit with resetAt', res(429, envelope('plan_api_limit_exceeded', { plan: 'free', resetAt: Date.UTC(2030, 0, 1), retryable: true })), {
			message:
				'Your Outlit plan\'s API limit is reached (plan "free"): try again after 2030-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Retry after 2030-01-01T00:00:00.000Z. Upgrade the plan for a higher allowance. (Outlit request ID: req_9)',
			httpCode: '429',
			transient: true,
		}],
		['older plan limit shape', res(402, { error: 'api_limit_exceeded', details: [] }), {
			message: "Your Outlit plan's API limit is reached: try again later, or upgrade the plan in the Outlit web app.",
			description: 'Outlit said: api_limit_exceeded. Retry later. Upgrade the plan for a higher allowance.',
			httpCode: '402',
			transient: false,
		}],
		['402 billing', res(402, envelope('plan_billing_action_required', { resetAt: null })), {
			message:
				'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Open billing in the Outlit web app. Retry later. (Outlit request ID: req_9)',
			httpCode: '402',
			transient: false,
		}],
		['402 without a code', res(402, {}, { 'retry-after': '60' }), {
			message: 'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.',
			description: 'Open billing in the Outlit web app. Retry in 60 s.',
			httpCode: '402',
			transient: false,
		}],
		['400 INVALID_TOOL_INPUT with details', res(400, envelope('INVALID_TOOL_INPUT', { details: [{ path: ['credentials', 'apiKey'], message: 'Too short' }] })), {
			message:
				'Outlit rejected the request: Said so (credentials.apiKey: Too short). Correct that value in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_9.',
			description: 'credentials.apiKey: Too short (Outlit request ID: req_9)',
			httpCode: '400',
			transient: false,
		}],
		['422 INVALID_TOOL_INPUT without details', res(422, envelope('INVALID_TOOL_INPUT')), {
			message:
				"Outlit rejected the request: Said so. Check the node's parameters (the provider, its fields and any JSON config), then run it again. Outlit request ID: req_9.",
			description: 'Check the node parameters: the provider, the required fields and any JSON config. (Outlit request ID: req_9)',
			httpCode: '422',
			transient: false,
		}],
		['400 INVALID_TOOL_CALL', res(400, envelope('INVALID_TOOL_CALL')), {
			message:
				'This Outlit server does not offer integration setup to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL. (Outlit request ID: req_9)',
			httpCode: '400',
			transient: false,
		}],
		['429 rate limit', res(429, envelope('TOOL_GATEWAY_ERROR', { retryable: true }), { 'retry-after': '2' }), {
			message: 'Outlit rate limit reached: try again in 2 s. Outlit request ID: req_9.',
			description: 'Too many requests. Retry in 2 s. (Outlit request ID: req_9)',
			httpCode: '429',
			transient: true,
		}],
		['409', res(409, envelope('TOOL_IMPLEMENTATION_ERROR')), {
			message:
				'Outlit reported a conflict: Said so. Check the integration in the Outlit web app (another change may be in progress), then try again. Outlit request ID: req_9.',
			description: 'Another change to this integration is in progress or conflicts; check it in the Outlit web app. (Outlit request ID: req_9)',
			httpCode: '409',
			transient: false,
		}],
		['500, retryable', res(500, envelope('TOOL_IMPLEMENTATION_ERROR', { retryable: true })), {
			message: 'Outlit had a server error (500: Said so), which is usually temporary: try again in a moment. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. This is usually temporary: retry in a moment. (Outlit request ID: req_9)',
			httpCode: '500',
			transient: true,
		}],
		['503 without an envelope', res(503, 'unavailable'), {
			message: 'Outlit had a server error (503), which is usually temporary: try again in a moment.',
			description: 'This is usually temporary: retry in a moment.',
			httpCode: '503',
			transient: true,
		}],
		['404 with the envelope', res(404, envelope('TOOL_BINDING_MISSING')), {
			message: "Outlit answered 404: Said so. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_9.",
			description: 'The gateway answered outlit_setup_integration with an error the node does not know. (Outlit request ID: req_9)',
			httpCode: '404',
			transient: false,
		}],
	])('%s', (_name, response, expected) => {
		expect(shown(gatewayApiError(NODE, T, response, 1))).toEqual(expected);
	});

	test('resetAt sets the wait of a retryable error', () => {
		const now = Date.now();
		const info = transientInfo(gatewayApiError(NODE, T, res(429, envelope('TOOL_GATEWAY_ERROR', { retryable: true, resetAt: now + 5000 }))));
		expect(info.retryAfterMs).toBeGreaterThan(4000);
		expect(info.retryAfterMs).toBeLessThanOrEqual(5000);
	});

	test('the envelope is recognised by its code, or the older {error, details}', () => {
		expect(isGatewayEnvelope({ code: 'X' })).toBe(true);
		expect(isGatewayEnvelope({ error: 'x', details: [] })).toBe(true);
		expect(isGatewayEnvelope({ error: 'x' })).toBe(false);
		expect(isGatewayEnvelope('text')).toBe(false);
	});
});

describe('failures without an Outlit answer', () => {
	test('no answer names the Base URL and the system code, never the request', () => {
		const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', config: { headers: { Authorization: 'Bearer ok_secret' } } });
		const error = outlitNetworkError(NODE, cause, 'http://127.0.0.1:9', 2);
		expect(shown(error)).toEqual({
			message: 'Could not reach Outlit at http://127.0.0.1:9 (the connection was refused): check the Base URL in the Outlit API credential, then try again.',
			description: 'No answer from http://127.0.0.1:9 (ECONNREFUSED). Check the Base URL in the Outlit credential and the network.',
			httpCode: 'none',
			transient: true,
		});
		expect(JSON.stringify(error)).not.toContain('ok_secret');
	});

	test('the system code is found through wrapping causes, up to four deep', () => {
		expect(networkErrorCode({ cause: { cause: { code: 'ETIMEDOUT' } } })).toBe('ETIMEDOUT');
		expect(networkErrorCode({ code: 'not_a_system_code', cause: { code: 'EPIPE' } })).toBe('EPIPE');
		expect(networkErrorCode({ code: 42, cause: { code: 'ECONNRESET' } })).toBe('ECONNRESET');
		expect(networkErrorCode({ cause: { cause: { cause: { cause: { code: 'ENOTFOUND' } } } } })).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
		expect(outlitNetworkError(NODE, new Error('?'), 'https://x').description).toBe(
			'No answer from https://x (no response). Check the Base URL in the Outlit credential and the network.',
		);
	});

	test('a contract that does not answer says what to set', () => {
		expect(shown(contractUnavailableError(NODE, { contract: 'rest', statusCode: 410 }, 'https://app.outlit.ai'))).toEqual({
			message:
				'Outlit\'s REST routes did not answer (410) and may be retired: set "API" in the Outlit API credential to Automatic; Disconnect and webhook setup are then done in the Outlit web app (https://app.outlit.ai/integrations).',
			description:
				'Outlit moved integrations to its tools gateway. Set "API" in the Outlit credential to Automatic or Tools Gateway; what the gateway lacks (Disconnect, webhook setup) is done in the Outlit web app: https://app.outlit.ai/integrations.',
			httpCode: '410',
			transient: false,
		});
		expect(shown(contractUnavailableError(NODE, { contract: 'tools', statusCode: 404 }, 'https://x'))).toEqual({
			message: 'This Outlit server has no tools gateway (404): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
			description: 'Set "API" in the Outlit credential to Automatic or REST Routes (Legacy), or check the Base URL.',
			httpCode: '404',
			transient: false,
		});
	});

	test('bodies that are not the documented JSON', () => {
		expect(shown(notJsonError(NODE, res(200, '<html>')))).toEqual({
			message:
				"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
			description:
				'The Base URL may point at something other than the Outlit API (a proxy page, for example), or the response was cut off. Check the credential and retry.',
			httpCode: '200',
			transient: false,
		});
		expect(shown(shapeError(NODE, 'a list without items'))).toMatchObject({
			message: "Outlit returned a list without items, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.",
			description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
		});
	});
});

describe('what each message says to do, by situation', () => {
	test('a contract that does not answer, by the credential\'s API setting', () => {
		const contract = (contract, statusCode, situation) =>
			contractUnavailableError(NODE, { contract, statusCode }, 'https://x.example', 2, situation).message;
		expect(contract('rest', 410, { api: 'auto' })).toBe(
			"This needs Outlit's older API, which did not answer (410): do it in the Outlit web app (https://x.example/integrations).",
		);
		expect(contract('rest', 404, { api: 'auto', neither: true })).toBe(
			"Neither of Outlit's two APIs answered at https://x.example (404): check that the Base URL in the Outlit API credential is your Outlit's address.",
		);
		expect(contract('tools', 405, { api: 'auto' })).toBe(
			"Neither of Outlit's two APIs answered at https://x.example (405): check that the Base URL in the Outlit API credential is your Outlit's address.",
		);
		expect(contract('rest', 410, { api: 'auto', trigger: true })).toBe(
			'Outlit\'s REST routes did not answer (410) and may be retired: set "API" in the Outlit API credential to Tools Gateway; Disconnect and webhook setup are then done in the Outlit web app (https://x.example/integrations).',
		);
		expect(contract('tools', 404, { api: 'tools' })).toBe(
			'This Outlit server has no tools gateway (404): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
	});

	test.each([
		['ENOTFOUND', {}, 'Could not reach Outlit at https://x.example (its host name was not found): check the Base URL in the Outlit API credential, then try again.'],
		['EAI_AGAIN', { proxy: true }, "Could not reach Outlit at https://x.example (its host name was not found): check the Base URL in the Outlit API credential and the Proxy in the node's Request Options, then try again."],
		['ECONNRESET', {}, 'Could not reach Outlit at https://x.example (the connection was closed): check the Base URL in the Outlit API credential, then try again.'],
		['EPIPE', {}, 'Could not reach Outlit at https://x.example (the connection was closed): check the Base URL in the Outlit API credential, then try again.'],
		['ECONNABORTED', { timeoutMs: 200 }, "Could not reach Outlit at https://x.example (no answer within the Timeout of 200 ms): raise Timeout in the node's Request Options, or try again later."],
		['ETIMEDOUT', {}, 'Could not reach Outlit at https://x.example (no answer in time): check the Base URL in the Outlit API credential, then try again.'],
		['ESOCKETTIMEDOUT', { timeoutMs: 5000 }, "Could not reach Outlit at https://x.example (no answer within the Timeout of 5000 ms): raise Timeout in the node's Request Options, or try again later."],
		['EHOSTUNREACH', {}, 'Could not reach Outlit at https://x.example (no answer): check the Base URL in the Outlit API credential, then try again.'],
	])('no answer (%s, %j): the reason in words and what to change', (code, hints, message) => {
		const error = outlitNetworkError(NODE, { code }, 'https://x.example', 0, hints);
		expect(error.message).toBe(message);
		expect(error.description).toBe(`No answer from https://x.example (${code}). Check the Base URL in the Outlit credential and the network.`);
	});

	test('a TLS certificate n8n does not trust: the code, and Ignore SSL Issues only where Request Options exist', () => {
		const node = outlitNetworkError(NODE, { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'https://x.example', 0, { requestOptions: true });
		expect(node.message).toBe(
			"Outlit's TLS certificate at https://x.example was not accepted (DEPTH_ZERO_SELF_SIGNED_CERT): check the Base URL in the Outlit API credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in the node's Request Options.",
		);
		expect(transientInfo(node)).toBeUndefined();
		const trigger = outlitNetworkError(NODE, { code: 'CERT_HAS_EXPIRED' }, 'https://x.example');
		expect(trigger.message).toBe(
			"Outlit's TLS certificate at https://x.example was not accepted (CERT_HAS_EXPIRED): check the Base URL in the Outlit API credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA.",
		);
	});

	test('a gateway 404 on a session\'s status: the session words, with the request ID', () => {
		const error = gatewayApiError(NODE, 'outlit_get_integration_setup_status', res(404, { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Setup session not found', retryable: false, requestId: 'req_s' }));
		expect(shown(error)).toEqual({
			message:
				'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect. Outlit request ID: req_s.',
			description: 'Outlit said: Setup session not found. Sessions do not survive forever; a new one starts with Connect (Browser Session). (Outlit request ID: req_s)',
			httpCode: '404',
			transient: false,
		});
	});

	test('a 404 on Disconnect names the provider', () => {
		expect(restApiError(NODE, res(404, { message: 'Integration is not connected' }), 0, 'disconnect', 'Stripe').message).toBe(
			'Stripe is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.',
		);
	});

	test('only the plan, or only the numbers, of a connection limit', () => {
		expect(restApiError(NODE, res(403, { code: 'plan_connection_limit_exceeded', plan: 'free' })).message).toBe(
			'Your Outlit plan\'s integration connection limit is reached (plan "free"): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
		);
		expect(restApiError(NODE, res(403, { code: 'plan_connection_limit_exceeded', limit: 3, currentConnections: 3 })).message).toBe(
			"Your Outlit plan's integration connection limit is reached (3 of 3 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.",
		);
	});

	test('INVALID_TOOL_CALL names what the tool does, never the tool', () => {
		const call = (tool) => gatewayApiError(NODE, tool, res(400, { code: 'INVALID_TOOL_CALL', message: 'Unknown tool', retryable: false })).message;
		expect(call('outlit_begin_integration_setup')).toBe(
			'This Outlit server does not offer browser connections to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
		expect(call('outlit_get_integration_setup_status')).toBe(
			'This Outlit server does not offer connection session status to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
		expect(call('outlit_future_tool')).toBe(
			'This Outlit server does not offer this to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
	});

	test('a gateway 429 whose wait Outlit gave as resetAt says until when', () => {
		const error = gatewayApiError(NODE, 'outlit_get_integration_status', res(429, { code: 'TOOL_GATEWAY_ERROR', message: 'Slow', retryable: true, requestId: 'req_r', resetAt: Date.UTC(2031, 5, 1) }));
		expect(error.message).toBe('Outlit rate limit reached: try again after 2031-06-01T00:00:00.000Z. Outlit request ID: req_r.');
	});

	test('Outlit\'s words that contain a system error code do not turn the message into n8n\'s generic one', () => {
		const rest = restApiError(NODE, res(500, { error: 'ENOENT: no such file' }));
		expect(rest.message).toBe('Outlit had a server error (500: ENOENT: no such file), which is usually temporary: try again in a moment.');
		const gateway = gatewayApiError(NODE, 'outlit_get_integration_status', res(500, { code: 'X', message: 'EPERM', retryable: false, requestId: 'req_e' }));
		expect(gateway.message).toBe('Outlit had a server error (500: EPERM), which is usually temporary: try again in a moment. Outlit request ID: req_e.');
		const network = outlitNetworkError(NODE, { code: 'ECONNREFUSED' }, 'https://eacces.example');
		expect(network.message).toBe('Could not reach Outlit at https://eacces.example (the connection was refused): check the Base URL in the Outlit API credential, then try again.');
		expect(shapeError(NODE, 'an econnreset').message).toBe(
			"Outlit returned an econnreset, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.",
		);
	});
});

describe('wait hints and transient statuses', () => {
	const now = Date.UTC(2026, 10, 29, 12, 0, 0);
	test.each([
		[{ 'Retry-After': '3' }, 3000],
		[{ 'retry-after': '0' }, 0],
		[{ 'retry-after': ' ' }, undefined],
		[{ 'retry-after': 'Sun, 29 Nov 2026 12:00:05 GMT' }, 5000],
		[{ 'retry-after': 'Sun, 29 Nov 2026 11:59:00 GMT' }, 0],
		[{ 'retry-after': 'soon' }, undefined],
		[{ 'x-ratelimit-reset': String(now / 1000 + 2) }, 2000],
		[{ 'X-RateLimit-Reset': String(now + 1500) }, 1500],
		[{ 'x-ratelimit-reset': '0' }, undefined],
		[{ 'x-ratelimit-reset': String(now / 1000 - 10) }, 0],
		[{}, undefined],
	])('%j → %s ms', (headers, expected) => {
		expect(retryAfterMs(headers, now)).toBe(expected);
	});

	test('transient: 408, 425, 429 and every 5xx', () => {
		expect([400, 404, 407, 408, 409, 424, 425, 428, 429, 430, 499, 500, 503, 599].filter(isTransientStatus)).toEqual([408, 425, 429, 500, 503, 599]);
	});
});
