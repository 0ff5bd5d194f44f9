'use strict';
/**
 * Every error answer Outlit documents, through n8n's real engine against the sandbox: the message a
 * user (or an AI agent) reads, its description and httpCode, and what the node does about it: a
 * read whose answer is worth another try is sent again and succeeds; any other answer ends the item
 * after one request. Also what each error keeps for n8n's error details (stored with the execution),
 * the wait a 429 asks for in each form Outlit's answers take it, and no answer at all (refused, a
 * host name not found, a closed connection, a reply that is not HTTP, an untrusted certificate).
 * Inputs are the contracts' statuses, codes and bodies; expectations are literals.
 */
const net = require('node:net');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

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
		['403 connection limit without numbers', { status: 403, body: { code: 'plan_connection_limit_exceeded' } }, {
			message: "Your Outlit plan's integration connection limit is reached: disconnect an integration or upgrade the plan in the Outlit web app, then try again.",
			description: 'Plan "unknown" allows ? connected integrations and ? are in use. Disconnect an integration or upgrade the plan, then retry.',
			httpCode: '403',
		}, false],
		['403 connection limit, the numbers alone', { status: 403, body: { code: 'plan_connection_limit_exceeded', limit: 3, currentConnections: 3 } }, {
			message: "Your Outlit plan's integration connection limit is reached (3 of 3 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.",
			description: 'Plan "unknown" allows 3 connected integrations and 3 are in use. Disconnect an integration or upgrade the plan, then retry.',
			httpCode: '403',
		}, false],
		['403 without a message', { status: 403, body: {} }, {
			message: 'Outlit refused the request: forbidden. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
			description: KEY_DESCRIPTION,
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
		['plan_connection_limit_exceeded on a 409 is no plan limit', { status: 409, body: { code: 'plan_connection_limit_exceeded', error: 'Busy' } }, {
			message: "Outlit answered 409: Busy. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '409',
		}, false],
		['418 with a list, no message', { status: 418, body: [] }, {
			message: "Outlit answered 418: unexpected response. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The response was not one Outlit documents for this route.',
			httpCode: '418',
		}, false],
		['a 404 with Outlit\'s JSON error is its answer, not a retired route', { status: 404, body: { message: 'Session not found' } }, {
			message: 'Outlit could not find what the node asked for: Session not found. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.',
			description: 'Session not found',
			httpCode: '404',
		}, false],
		// n8n swaps a message that contains a system error code for generic words; Outlit's own words stay.
		['500 whose words contain a system error code', { status: 500, body: { error: 'ENOENT: no such file' } }, {
			message: 'Outlit had a server error (500: ENOENT: no such file), which is usually temporary: try again in a moment.',
			description: 'Outlit said: ENOENT: no such file. This is usually temporary: retry in a moment.',
			httpCode: '500',
		}, true],
		...[['a number', 7], ['a list', [1]], ['empty', '']].map(([kind, body]) => [`500 whose body is ${kind}: no words of Outlit's`, { status: 500, body }, {
			message: 'Outlit had a server error (500), which is usually temporary: try again in a moment.',
			description: 'This is usually temporary: retry in a moment.',
			httpCode: '500',
		}, true]),
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

describe('what a REST error keeps for n8n\'s error details', () => {
	const list = async (answer) => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', ...answer });
		return (await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } })).error;
	};

	test('only the fields Outlit documents, never anything else from the body', async () => {
		const error = await list({ status: 403, body: { error: 'No', code: 'plan_connection_limit_exceeded', plan: 'p', limit: 1, currentConnections: 1, echo: CANARY.apiKey } });
		expect(error.errorResponse).toEqual({ statusCode: 403, message: 'No', code: 'plan_connection_limit_exceeded', plan: 'p', limit: 1, currentConnections: 1 });
		expect(leakedCanaries(error)).toEqual([]);
	});

	test('no field the contract documents: the status, and Outlit\'s words where it gave some', async () => {
		expect((await list({ status: 500, body: { error: 'Down' } })).errorResponse).toEqual({ statusCode: 500, message: 'Down' });
		expect((await list({ status: 500, body: {} })).errorResponse).toEqual({ statusCode: 500 });
	});

	test('an API that does not answer, a body that is not JSON, a list without its items: the status', async () => {
		expect((await list({ status: 410, body: { error: 'Gone' } })).errorResponse).toEqual({ statusCode: 410 });
		expect((await list({ status: 200, malformed: true })).errorResponse).toEqual({ statusCode: 200 });
		const shape = await list({ status: 200, body: { nothing: [] } });
		expect([shape.errorResponse, shape.httpCode]).toEqual([{ statusCode: 200 }, '200']);
	});

	test('the failing item\'s index: the first item went through', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await env.run({ operation: 'disconnect', provider: '={{ $json.p }}' }, { credentials: { api: 'rest' }, input: [{ json: { p: 'stripe' } }, { json: { p: 'attio' } }] });
		expect([r.error.httpCode, r.error.context.itemIndex]).toEqual(['404', 1]);
	});
});

describe('a retired REST route: 405, 410, or a 404 without Outlit\'s JSON error', () => {
	test.each([
		[405, { error: 'Gone' }],
		[404, {}],
		[404, { error: 5 }],
		[404, '<html>Not Found</html>'],
	])('%i %j: what to set in the credential', async (status, body) => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status, body });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect([r.error.message, r.error.httpCode]).toEqual([
			`Outlit's REST routes did not answer (${status}) and may be retired: set "API" in the Outlit API credential to Automatic; Disconnect and webhook setup are then done in the Outlit web app (${env.sandbox.url}/integrations).`,
			String(status),
		]);
	});
});

describe('how long a 429 on a read asks to wait: the message says it, the retry waits it', () => {
	const past = new Date(Date.now() - 60_000).toUTCString();
	const NOW = { message: 'Outlit rate limit reached: try again in 0 s.', description: 'Too many requests. Retry in 0 s.', httpCode: '429' };
	const NO_WAIT = {
		message: 'Outlit rate limit reached: try again in a few seconds.',
		description: 'Too many requests. Wait a little and retry, or space requests out with batching.',
		httpCode: '429',
	};
	test.each([
		['Retry-After as an HTTP date already past', { 'Retry-After': past }, NOW],
		['X-RateLimit-Reset in seconds already past', { 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) - 10) }, NOW],
		['a blank Retry-After', { 'Retry-After': ' ' }, NO_WAIT],
		['a Retry-After that is neither seconds nor a date', { 'Retry-After': 'soon' }, NO_WAIT],
		['X-RateLimit-Reset 0', { 'X-RateLimit-Reset': '0' }, NO_WAIT],
	])('%s', async (_name, headers, expected) => {
		const r = await restList({ status: 429, body: {}, headers });
		expect(shown(r.error)).toEqual(expected);
		expect(r.retried).toBe(true);
	});

	test('X-RateLimit-Reset in milliseconds (a value too large for seconds): the message counts from it', async () => {
		const r = await restList({ status: 429, body: {}, headers: { 'X-RateLimit-Reset': String(Date.now() + 60_000) } });
		expect(r.error.description).toBe('Too many requests. Retry in 60 s.');
		expect(r.retried).toBe(false);
	});

	test('X-RateLimit-Reset in milliseconds is waited out, then the list comes back', async () => {
		const reset = Date.now() + 800;
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, body: {}, headers: { 'X-RateLimit-Reset': String(reset) } });
		const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'rest' } });
		expect(r.error).toBeUndefined();
		const [, second] = env.sandbox.requests.map((q) => Date.parse(q.at));
		expect(second).toBeGreaterThanOrEqual(reset - 50);
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
		['401 without a request ID', { status: 401, body: { code: 'INVALID_CREDENTIALS', message: 'Said so', retryable: false } }, { message: KEY_REJECTED, description: KEY_DESCRIPTION, httpCode: '401' }],
		['401 without the envelope', { status: 401, body: {} }, { message: KEY_REJECTED, description: KEY_DESCRIPTION, httpCode: '401' }],
		['INVALID_CREDENTIALS on a 400', { status: 400, body: envelope('INVALID_CREDENTIALS') }, { message: `${KEY_REJECTED} Outlit request ID: req_9.`, description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`, httpCode: '400' }],
		['403 with another code', { status: 403, body: envelope('TOOL_GATEWAY_ERROR', { message: 'Key disabled.' }) }, {
			message:
				'Outlit refused the request: Key disabled. The API key is valid but not allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan. Outlit request ID: req_9.',
			description: `${KEY_DESCRIPTION} (Outlit request ID: req_9)`,
			httpCode: '403',
		}],
		['402 without a code, with Retry-After', { status: 402, body: {}, headers: { 'Retry-After': '60' } }, {
			message: 'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.',
			description: 'Open billing in the Outlit web app. Retry in 60 s.',
			httpCode: '402',
		}],
		['plan_billing_action_required on a 403', { status: 403, body: { code: 'plan_billing_action_required', message: 'Card expired', retryable: false } }, {
			message: 'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.',
			description: 'Outlit said: Card expired. Open billing in the Outlit web app. Retry later.',
			httpCode: '403',
		}],
		['the plan limit without Outlit\'s words', { status: 429, body: { code: 'plan_api_limit_exceeded', retryable: false } }, {
			message: "Your Outlit plan's API limit is reached: try again later, or upgrade the plan in the Outlit web app.",
			description: 'Retry later. Upgrade the plan for a higher allowance.',
			httpCode: '429',
		}],
		['422 INVALID_TOOL_INPUT without details', { status: 422, body: envelope('INVALID_TOOL_INPUT') }, {
			message: "Outlit rejected the request: Said so. Check the node's parameters (the provider, its fields and any JSON config), then run it again. Outlit request ID: req_9.",
			description: 'Check the node parameters: the provider, the required fields and any JSON config. (Outlit request ID: req_9)',
			httpCode: '422',
		}],
		['400 with another code', { status: 400, body: { code: 'VALIDATION_FAILED', message: 'provider is required', retryable: false } }, {
			message: "Outlit rejected the request: provider is required. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider, the required fields and any JSON config.',
			httpCode: '400',
		}],
		['400 without anything', { status: 400, body: {} }, {
			message: "Outlit rejected the request: invalid input. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
			description: 'Check the node parameters: the provider, the required fields and any JSON config.',
			httpCode: '400',
		}],
		['INVALID_TOOL_CALL without Outlit\'s words', { status: 400, body: { code: 'INVALID_TOOL_CALL', retryable: false } }, {
			message: 'This Outlit server does not offer integration setup to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
			description: 'Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL.',
			httpCode: '400',
		}],
		['429 with Retry-After', { status: 429, body: envelope('TOOL_GATEWAY_ERROR', { retryable: true }), headers: { 'Retry-After': '2' } }, {
			message: 'Outlit rate limit reached: try again in 2 s. Outlit request ID: req_9.',
			description: 'Too many requests. Retry in 2 s. (Outlit request ID: req_9)',
			httpCode: '429',
		}],
		['409 without a message', { status: 409, body: {} }, {
			message: 'Outlit reported a conflict: conflict. Check the integration in the Outlit web app (another change may be in progress), then try again.',
			description: 'Another change to this integration is in progress or conflicts; check it in the Outlit web app.',
			httpCode: '409',
		}],
		['a request ID that is not text is not quoted', { status: 409, body: { code: 'X', message: 'Busy', requestId: 42 } }, {
			message: 'Outlit reported a conflict: Busy. Check the integration in the Outlit web app (another change may be in progress), then try again.',
			description: 'Another change to this integration is in progress or conflicts; check it in the Outlit web app.',
			httpCode: '409',
		}],
		['418 without a message', { status: 418, body: {} }, {
			message: "Outlit answered 418: unexpected response. Check the node's parameters and the Base URL in the Outlit API credential, then try again.",
			description: 'The gateway answered outlit_setup_integration with an error the node does not know.',
			httpCode: '418',
		}],
		['500, retryable', { status: 500, body: envelope('TOOL_IMPLEMENTATION_ERROR', { retryable: true }) }, {
			message: 'Outlit had a server error (500: Said so), which is usually temporary: try again in a moment. Outlit request ID: req_9.',
			description: 'Outlit said: Said so. This is usually temporary: retry in a moment. (Outlit request ID: req_9)',
			httpCode: '500',
		}],
		['500 whose words are a system error code', { status: 500, body: envelope('X', { message: 'EPERM' }) }, {
			message: 'Outlit had a server error (500: EPERM), which is usually temporary: try again in a moment. Outlit request ID: req_9.',
			description: 'Outlit said: EPERM. This is usually temporary: retry in a moment. (Outlit request ID: req_9)',
			httpCode: '500',
		}],
		['503 without an envelope', { status: 503, body: 'unavailable' }, {
			message: 'Outlit had a server error (503), which is usually temporary: try again in a moment.',
			description: 'This is usually temporary: retry in a moment.',
			httpCode: '503',
		}],
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

describe("the tools gateway's answers on the other tools", () => {
	const SESSION = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
	const tools = { credentials: { api: 'tools' } };

	test('a 404 on a session\'s status: the session words, with Outlit\'s and the request ID', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 404, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Setup session not found', retryable: false, requestId: 'req_s' } });
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: SESSION, ...NO_RETRY }, tools);
		expect(shown(r.error)).toEqual({
			message: 'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect. Outlit request ID: req_s.',
			description: 'Outlit said: Setup session not found. Sessions do not survive forever; a new one starts with Connect (Browser Session). (Outlit request ID: req_s)',
			httpCode: '404',
		});
	});

	test('INVALID_TOOL_CALL names what the tool does, never the tool', async () => {
		const unknown = { status: 400, body: { code: 'INVALID_TOOL_CALL', message: 'Unknown tool', retryable: false } };
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', ...unknown });
		const status = await env.run({ operation: 'getConnectionStatus', sessionId: SESSION, ...NO_RETRY }, tools);
		expect(status.error.message).toBe(
			'This Outlit server does not offer connection session status to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
		// An older gateway (no negotiated setup) opens browser connections with outlit_begin_integration_setup.
		env.sandbox.reset({ connected: ['stripe'], legacyGateway: true });
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_begin_integration_setup', ...unknown });
		const begin = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', ...NO_RETRY }, tools);
		expect(begin.error.message).toBe(
			'This Outlit server does not offer browser connections to the node: set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
	});

	test('a 429 whose wait Outlit gave as resetAt, beyond Max Retry Wait: until when, after one call', async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 429, body: { code: 'TOOL_GATEWAY_ERROR', message: 'Slow', retryable: true, requestId: 'req_r', resetAt: Date.UTC(2031, 5, 1) } });
		const r = await env.run({ operation: 'getAll' }, tools);
		expect(r.error.message).toBe('Outlit rate limit reached: try again after 2031-06-01T00:00:00.000Z. Outlit request ID: req_r.');
		expect(count('/api/tools/call', 'outlit_get_integration_status')).toBe(1);
	});

	test("the envelope's retryable decides, whatever the status: a read answered 409 retryable: true goes again", async () => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 409, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Busy', retryable: true } });
		const r = await env.run({ operation: 'getAll', options: { maxRetryWait: 2 } }, tools);
		expect(r.error).toBeUndefined();
		expect(count('/api/tools/call', 'outlit_get_integration_status')).toBe(2);
	});

	test.each([
		['a code', { code: 'X', message: 'Gone here', retryable: false }, "Outlit answered 404: Gone here. Check the node's parameters and the Base URL in the Outlit API credential, then try again."],
		['the older text error with details', { error: 'Gone here', details: [] }, "Outlit answered 404: Gone here. Check the node's parameters and the Base URL in the Outlit API credential, then try again."],
	])('a 404 with the envelope (%s) is Outlit\'s answer', async (_name, body, message) => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 404, body });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, tools);
		expect(r.error.message).toBe(message);
	});

	test.each([
		['a text error without details', { error: 'Gone here' }],
		['details without an error', { details: [] }],
		['an error that is not text, with details', { error: { message: 'x' }, details: [] }],
		['a page', 'Not found'],
	])('a 404 without the envelope (%s) means no gateway', async (_name, body) => {
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_status', status: 404, body });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, tools);
		expect(r.error.message).toBe(
			'This Outlit server has no tools gateway (404): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.',
		);
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

describe('no answer: the Base URL, the reason in words, the system code in the description, no HTTP status', () => {
	/** A local server that answers each connection with `answer(socket)`, counting connections. */
	async function withServer(answer, fn) {
		const sockets = [];
		const server = net.createServer((socket) => {
			sockets.push(socket);
			answer(socket);
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			return await fn(`http://127.0.0.1:${server.address().port}`, () => sockets.length);
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		}
	}

	test('refused', async () => {
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest', baseUrl: 'http://127.0.0.1:9' } });
		expect(shown(r.error)).toEqual({
			message: 'Could not reach Outlit at http://127.0.0.1:9 (the connection was refused): check the Base URL in the Outlit API credential, then try again.',
			description: 'No answer from http://127.0.0.1:9 (ECONNREFUSED). Check the Base URL in the Outlit credential and the network.',
			httpCode: 'none',
		});
		expect(r.error.errorResponse).toEqual({ networkError: 'ECONNREFUSED' });
	});

	test('a host name not found (.invalid never resolves)', async () => {
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest', baseUrl: 'http://outlit.invalid' } });
		expect([r.error.message, r.error.httpCode]).toEqual([
			'Could not reach Outlit at http://outlit.invalid (its host name was not found): check the Base URL in the Outlit API credential, then try again.',
			'none',
		]);
		// ENOTFOUND, or EAI_AGAIN where no DNS server answers: both say the host name was not found.
		expect(r.error.description).toMatch(/^No answer from http:\/\/outlit\.invalid \((ENOTFOUND|EAI_AGAIN)\)\. Check the Base URL in the Outlit credential and the network\.$/);
	});

	test('a Proxy whose host name is not found: the message names the Proxy too', async () => {
		const r = await env.run({ operation: 'getAll', requestOptions: { proxy: 'http://proxy.invalid:3128' }, ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			`Could not reach Outlit at ${env.sandbox.url} (its host name was not found): check the Base URL in the Outlit API credential and the Proxy in the node's Request Options, then try again.`,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('the connection closed without an answer: the words, and a read is sent again', async () => {
		await withServer((socket) => socket.destroy(), async (url, connections) => {
			const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest', baseUrl: url } });
			expect(shown(r.error)).toEqual({
				message: `Could not reach Outlit at ${url} (the connection was closed): check the Base URL in the Outlit API credential, then try again.`,
				description: `No answer from ${url} (ECONNRESET). Check the Base URL in the Outlit credential and the network.`,
				httpCode: 'none',
			});
			expect(connections()).toBe(1);
			await env.run({ operation: 'getAll', options: { maxRetryWait: 1 } }, { credentials: { api: 'rest', baseUrl: url } });
			expect(connections()).toBeGreaterThan(2);
		});
	});

	test('a reply that is not HTTP: "no answer", with the parser\'s code in the description', async () => {
		await withServer((socket) => socket.end('garbage\r\n\r\n'), async (url) => {
			const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest', baseUrl: url } });
			expect(shown(r.error)).toEqual({
				message: `Could not reach Outlit at ${url} (no answer): check the Base URL in the Outlit API credential, then try again.`,
				description: `No answer from ${url} (HPE_INVALID_CONSTANT). Check the Base URL in the Outlit credential and the network.`,
				httpCode: 'none',
			});
		});
	});
});
