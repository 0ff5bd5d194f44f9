'use strict';
/**
 * Every error answer Outlit documents, through n8n's real engine against the sandbox: the message a
 * user (or an AI agent) reads, its description and httpCode, and what the node does about it: a
 * read whose answer is worth another try is sent again and succeeds; any other answer ends the item
 * after one request. Inputs are the contracts' statuses, codes and bodies; expectations are literals.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

const KEY_REJECTED =
	'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential.';
const KEY_DESCRIPTION =
	'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit that issued it: check Base URL in the same credential.';
const NO_RETRY = { options: { retryTransientErrors: false } };

const shown = (error) => ({ message: error.message, description: error.description, httpCode: error.httpCode });
const count = (path, tool) => env.sandbox.requests.filter((q) => q.path === path && (!tool || q.body?.tool === tool)).length;

/** Get Many on the REST routes with this answer once: the error with retries off, then what a retry does. */
async function restList(answer) {
	env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', ...answer });
	const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
	env.sandbox.clearRequests();
	env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', ...answer });
	const again = await env.run({ operation: 'getAll', options: { maxRetryWait: 2 } }, { credentials: { api: 'rest' } });
	return { error: r.error, retried: again.error === undefined && count('/api/integrations') === 2 };
}

describe('REST answers, on Get Many', () => {
	test.each([
		['400 with details', { status: 400, body: { error: 'Invalid request', details: [{ path: ['config', 'apiKey'], message: 'Required' }, { path: [], message: 'Bad' }, { message: 7 }] } }, {
			message: 'Outlit rejected the request: Invalid request (config.apiKey: Required; (request): Bad; (request): invalid). Correct those values in the node or in its Outlit Provider Credentials, then run it again.',
			description: 'config.apiKey: Required; (request): Bad; (request): invalid',
			httpCode: '400',
		}, false],
		['400 without details', { status: 400, body: { message: 'Nope' } }, {
			message: "Outlit rejected the request: Nope. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider ID, the required fields and any JSON config.',
			httpCode: '400',
		}, false],
		['400 with empty details and no message', { status: 400, body: { details: [] } }, {
			message: "Outlit rejected the request: invalid request. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider ID, the required fields and any JSON config.',
			httpCode: '400',
		}, false],
		['401', { status: 401, body: { error: 'Invalid credentials' } }, { message: KEY_REJECTED, description: KEY_DESCRIPTION, httpCode: '401' }, false],
		['403 connection limit', { status: 403, body: { error: 'Limit', code: 'plan_connection_limit_exceeded', plan: 'starter', limit: 2, currentConnections: 2 } }, {
			message: 'Your Outlit plan\'s integration connection limit is reached (plan "starter", 2 of 2 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
			description: 'Plan "starter" allows 2 connected integrations and 2 are in use. Disconnect an integration or upgrade the plan, then retry.',
			httpCode: '403',
		}, false],
		['403 other', { status: 403, body: { error: 'Forbidden domain.' } }, {
			message: 'Outlit refused the request: Forbidden domain. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
			description: KEY_DESCRIPTION,
			httpCode: '403',
		}, false],
		['429 without a wait', { status: 429, body: {} }, {
			message: 'Outlit rate limit reached: try again in a few seconds.',
			description: 'Too many requests. Wait a little and retry, or space requests out with batching.',
			httpCode: '429',
		}, true],
		['500 with a message', { status: 500, body: { error: 'Boom' } }, {
			message: 'Outlit had a server error (500: Boom), which is usually temporary: try again in a moment.',
			description: 'Outlit said: Boom. This is usually temporary: retry in a moment.',
			httpCode: '500',
		}, true],
		['502 without one', { status: 502, body: 'Bad gateway' }, {
			message: 'Outlit had a server error (502), which is usually temporary: try again in a moment.',
			description: 'This is usually temporary: retry in a moment.',
			httpCode: '502',
		}, true],
		['409, undocumented', { status: 409, body: { error: 'Busy' } }, {
			message: "Outlit answered 409: Busy. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '409',
		}, false],
		['408', { status: 408, body: {} }, {
			message: 'Outlit answered 408: unexpected response. This is usually temporary: try again in a moment.',
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '408',
		}, true],
	])('%s', async (_name, answer, expected, retried) => {
		const r = await restList(answer);
		expect(shown(r.error)).toEqual(expected);
		expect(r.retried).toBe(retried);
	});

	test('a 429 that asks for longer than Max Retry Wait is not waited out: the message says how long', async () => {
		const r = await restList({ status: 429, body: { error: 'Slow down' }, headers: { 'Retry-After': '7' } });
		expect(shown(r.error)).toEqual({ message: 'Outlit rate limit reached: try again in 7 s.', description: 'Too many requests. Retry in 7 s.', httpCode: '429' });
		expect(r.retried).toBe(false);
	});

	test('a 404 on a provider names it', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status: 404, body: { error: 'Integration not found' } });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(shown(r.error)).toEqual({
			message: 'Outlit could not find Stripe: Integration not found. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.',
			description: 'Integration not found',
			httpCode: '404',
		});
	});

	test('a 404 on Disconnect names the provider; on a session, the Session ID', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/disconnect', status: 404, body: { message: 'Integration is not connected' } });
		const disconnect = await env.run({ operation: 'disconnect', provider: 'stripe', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(disconnect.error.message).toBe(
			'Stripe is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.',
		);
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 404, body: { error: 'Session not found' } });
		const session = await env.run({ operation: 'getConnectionStatus', sessionId: '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(shown(session.error)).toEqual({
			message: 'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.',
			description: 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.',
			httpCode: '404',
		});
	});
});

describe("the tools gateway's answers, on Connect (Browser Session)", () => {
	const T = 'outlit_setup_integration';
	const envelope = (code, extra = {}) => ({ code, message: 'Said so', retryable: false, requestId: 'req_9', ...extra });
	const connect = async (answer, options = NO_RETRY.options) => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: T, ...answer });
		return await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', options }, { credentials: { api: 'tools' } });
	};

	test.each([
		['401', { status: 401, body: envelope('INVALID_CREDENTIALS') }, { message: `${KEY_REJECTED} Outlit request ID: req_9.`, description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`, httpCode: '401' }],
		['403 TOOL_CALL_FORBIDDEN', { status: 403, body: envelope('TOOL_CALL_FORBIDDEN') }, {
			message:
				'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential. Outlit request ID: req_9.',
			description: 'On the tools gateway a key needs one of these grants for integrations. (Outlit request ID: req_9)',
			httpCode: '403',
		}],
		['429 plan limit with resetAt', { status: 429, body: envelope('plan_api_limit_exceeded', { plan: 'free', resetAt: Date.UTC(2030, 0, 1), retryable: true }) }, {
			message: 'Your Outlit plan\'s API limit is reached (plan "free"): try again after 2030-01-01T00:00:00.000Z, or upgrade the plan in the Outlit web app. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Retry after 2030-01-01T00:00:00.000Z. Upgrade the plan for a higher allowance. (Outlit request ID: req_9)',
			httpCode: '429',
		}],
		['the older plan limit', { status: 402, body: { error: 'api_limit_exceeded', details: [] } }, {
			message: "Your Outlit plan's API limit is reached: try again later, or upgrade the plan in the Outlit web app.",
			description: 'Outlit said: api_limit_exceeded. Retry later. Upgrade the plan for a higher allowance.',
			httpCode: '402',
		}],
		['402 billing', { status: 402, body: envelope('plan_billing_action_required', { resetAt: null }) }, {
			message: 'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Open billing in the Outlit web app. Retry later. (Outlit request ID: req_9)',
			httpCode: '402',
		}],
		['400 INVALID_TOOL_INPUT with details', { status: 400, body: envelope('INVALID_TOOL_INPUT', { details: [{ path: ['credentials', 'apiKey'], message: 'Too short' }] }) }, {
			message: 'Outlit rejected the request: Said so (credentials.apiKey: Too short). Correct that value in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_9.',
			description: 'credentials.apiKey: Too short (Outlit request ID: req_9)',
			httpCode: '400',
		}],
		['400 INVALID_TOOL_CALL', { status: 400, body: envelope('INVALID_TOOL_CALL') }, {
			message: 'This Outlit server does not offer integration setup to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL. (Outlit request ID: req_9)',
			httpCode: '400',
		}],
		['409', { status: 409, body: envelope('TOOL_IMPLEMENTATION_ERROR') }, {
			message: 'Outlit reported a conflict: Said so. Check the integration in the Outlit web app (another change may be in progress), then try again. Outlit request ID: req_9.',
			description: 'Another change to this integration is in progress or conflicts; check it in the Outlit web app. (Outlit request ID: req_9)',
			httpCode: '409',
		}],
		['404 with the envelope', { status: 404, body: envelope('TOOL_BINDING_MISSING') }, {
			message: "Outlit answered 404: Said so. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_9.",
			description: 'The gateway answered outlit_setup_integration with an error the node does not know. (Outlit request ID: req_9)',
			httpCode: '404',
		}],
	])('%s: its message, after one call', async (_name, answer, expected) => {
		const r = await connect(answer);
		expect(shown(r.error)).toEqual(expected);
		expect(count('/api/tools/call', T)).toBe(1);
	});

	test.each([
		['a 429 (not done, so even a write goes again)', { status: 429, body: envelope('TOOL_GATEWAY_ERROR', { retryable: true }) }, 2],
		['a 503 without an envelope (not done)', { status: 503, body: 'unavailable' }, 2],
		['a retryable 500 (it may have been done: a write is never sent twice)', { status: 500, body: envelope('TOOL_IMPLEMENTATION_ERROR', { retryable: true }) }, 1],
	])('%s', async (_name, answer, calls) => {
		const r = await connect(answer, { maxRetryWait: 2 });
		expect(count('/api/tools/call', T)).toBe(calls);
		expect(r.error === undefined).toBe(calls === 2);
	});
});

describe('answers that are not the documented JSON, and APIs that do not answer', () => {
	test('a 200 that is not a JSON object, and one without the list', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 200, malformed: true });
		const notJson = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(shown(notJson.error)).toEqual({
			message: "Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
			description: 'The Base URL may point at something other than the Outlit API (a proxy page, for example), or the response was cut off. Check the credential and retry.',
			httpCode: '200',
		});
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 200, body: { nothing: [] } });
		const shape = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(shape.error.message).toMatch(/^Outlit returned .+, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again\.$/);
	});

	test('REST routes that answer as retired: with "API" on REST Routes (Legacy), what to set', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 410, body: { error: 'Gone' } });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(shown(r.error)).toEqual({
			message: `Outlit's REST routes did not answer (410) and may be retired: set "API" in the Outlit API credential to Automatic; Disconnect and webhook setup are then done in the Outlit web app (${env.sandbox.url}/integrations).`,
			description: `Outlit moved integrations to its tools gateway. Set "API" in the Outlit credential to Automatic or Tools Gateway; what the gateway lacks (Disconnect, webhook setup) is done in the Outlit web app: ${env.sandbox.url}/integrations.`,
			httpCode: '410',
		});
	});

	test('no tools gateway, with "API" on Tools Gateway: what to set', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 404, body: { error: 'Not found' } });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'tools' } });
		expect(shown(r.error)).toEqual({
			message: 'This Outlit server has no tools gateway (404): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
			description: 'Set "API" in the Outlit credential to Automatic or REST Routes (Legacy), or check the Base URL.',
			httpCode: '404',
		});
	});
});
