'use strict';
/**
 * Secrets the node did not put into a message but that reach it anyway, through n8n's real engine
 * against the sandbox: Outlit's own words echoing the API key or a provider secret the request
 * carried (an error answer, a success answer), a Base URL with a query or fragment (a proxy token),
 * and a Proxy in Request Options with a password. None may reach an item, an error (message,
 * description, context, Continue On Fail item) or the node copy n8n stores with the execution.
 */
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment();
const NO_RETRY = { options: { retryTransientErrors: false } };
const stored = (r) => leakedCanaries({ items: r.items, runData: r.runData, executionError: r.executionError });

describe("Outlit's words echoing a secret the request carried: masked", () => {
	test('REST: a server error that repeats the API key', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 500, body: { error: `Key ${CANARY.apiKey} failed` } });
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe('Outlit had a server error (500: Key [redacted] failed), which is usually temporary: try again in a moment.');
		expect(r.error.description).toBe('Outlit said: Key [redacted] failed. This is usually temporary: retry in a moment.');
		expect(stored(r)).toEqual([]);
	});

	test('gateway: a rejected Stripe key typed into the node, in the message and in details', async () => {
		env.sandbox.injectFault({
			path: '/api/tools/call',
			tool: 'outlit_setup_integration',
			status: 400,
			body: {
				code: 'INVALID_TOOL_INPUT',
				message: `Invalid key ${CANARY.stripeKey}`,
				retryable: false,
				requestId: 'req_echo_1',
				details: [{ path: ['credentials', 'apiKey'], message: `${CANARY.stripeKey} is not a restricted key` }],
			},
		});
		const r = await env.run(
			{ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey, ...NO_RETRY },
			{ credentials: { api: 'tools' }, continueOnFail: true },
		);
		expect(r.items[0].json).toEqual({
			error:
				'Outlit rejected the request: Invalid key [redacted] (credentials.apiKey: [redacted] is not a restricted key). Correct that value in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_echo_1.',
			description: 'credentials.apiKey: [redacted] is not a restricted key (Outlit request ID: req_echo_1)',
			httpCode: '400',
			code: 'INVALID_TOOL_INPUT',
			requestId: 'req_echo_1',
		});
		expect(stored(r)).toEqual([]);
	});

	test('a secret under 8 characters is masked as a whole word only: the words and IDs around it stay whole', async () => {
		env.sandbox.injectFault({
			method: 'POST',
			path: '/api/integrations/connect',
			status: 400,
			body: { error: 'Token Q7z rejected: Q7zz, xQ7z and pylon-Q7z-org are other words', details: [{ path: ['config', 'apiToken'], message: 'Q7z is too short' }] },
		});
		const r = await env.run(
			{ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', ...NO_RETRY },
			{ credentials: { api: 'rest' }, providerCredential: { provider: 'pylon', apiToken: 'Q7z' } },
		);
		expect(r.error.message).toBe(
			'Outlit rejected the request: Token [redacted] rejected: Q7zz, xQ7z and pylon-Q7z-org are other words (config.apiToken: [redacted] is too short). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
	});

	test('a secret repeated URL-encoded is masked too', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		env.sandbox.injectFault({
			method: 'POST',
			path: '/api/integrations/setup-step',
			status: 200,
			body: { status: 'completed', provider: 'stripe', step: 'webhooks', url: 'https://hooks.example/in?s=whsec%20CANARY%2F%C3%BC%2B5&x=1' },
		});
		const r = await env.run(
			{ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', webhookSecret: 'whsec CANARY/ü+5' },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ url: 'https://hooks.example/in?s=[redacted]&x=1' });
	});

	test('a secret sent with spaces around it is masked where Outlit repeats it without them', async () => {
		const secret = '  acme CANARY secret 42 ';
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: 'clientSecret "acme CANARY secret 42" rejected' } });
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ clientSecret: secret }), ...NO_RETRY },
			{ credentials: { api: 'rest' } },
		);
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ provider: 'acme-crm', config: { clientSecret: secret } }]);
		expect(r.error.message).toBe(
			"Outlit rejected the request: clientSecret \"[redacted]\" rejected. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
	});

	test('a secret inside a longer one is masked with it, and a long secret inside a word is masked too', async () => {
		const short = 'acme_CANARY_tok_1';
		const long = `${short}_and_more`;
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: `clientSecret ${long} rejected; key x${short}y unknown` } });
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ apiToken: short, clientSecret: long }), ...NO_RETRY },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toBe(
			"Outlit rejected the request: clientSecret [redacted] rejected; key x[redacted]y unknown. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
	});

	test('a key named like a secret that holds an object is looked into, not taken for a secret', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: 'accessToken acme_CANARY_nested_5 expired' } });
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ accessToken: { clientSecret: 'acme_CANARY_nested_5', ttl: 3600 } }), ...NO_RETRY },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toBe(
			"Outlit rejected the request: accessToken [redacted] expired. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
	});

	test('only a key whose name ends like a secret counts: a tokenType value is not masked', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: 'tokenType bearer is not supported; use tokenType basic' } });
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ tokenType: 'bearer', apiToken: 'acme_CANARY_token_99' }), ...NO_RETRY },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toBe(
			"Outlit rejected the request: tokenType bearer is not supported; use tokenType basic. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
	});

	test('REST: a rejected Pylon token from Outlit Provider Credentials', async () => {
		env.sandbox.injectFault({
			method: 'POST',
			path: '/api/integrations/connect',
			status: 400,
			body: { error: `Pylon refused ${CANARY.credPylonToken}`, details: [{ path: ['config', 'apiToken'], message: `bad token ${CANARY.credPylonToken}` }] },
		});
		const r = await env.run(
			{ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', ...NO_RETRY },
			{ credentials: { api: 'rest' }, providerCredential: { provider: 'pylon', apiToken: CANARY.credPylonToken } },
		);
		expect(r.error.message).toBe(
			'Outlit rejected the request: Pylon refused [redacted] (config.apiToken: bad token [redacted]). Correct that value in the node or in its Outlit Provider Credentials, then run it again.',
		);
		expect(stored(r)).toEqual([]);
		expect(leakedCanaries(r.error)).toEqual([]);
	});

	test("REST: a provider this release does not know, its secret in Additional Config under the provider's own name", async () => {
		const secret = 'acme_CANARY_client_secret_77';
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: `clientSecret ${secret} rejected for region eu` } });
		const r = await env.run(
			{ operation: 'connect', provider: '={{ "acme-crm" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: JSON.stringify({ clientSecret: secret, region: 'eu' }), ...NO_RETRY },
			{ credentials: { api: 'rest' } },
		);
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ provider: 'acme-crm', config: { clientSecret: secret, region: 'eu' } }]);
		expect(r.error.message).toBe(
			"Outlit rejected the request: clientSecret [redacted] rejected for region eu. Check the node's parameters (the provider, its fields and any JSON config), then run it again.",
		);
		expect(JSON.stringify({ runData: r.runData, executionError: r.executionError })).not.toContain(secret);
	});

	test('REST: a webhook step whose answer repeats the webhook secret: the item has it masked', async () => {
		env.sandbox.reset({ connected: ['stripe'] });
		env.sandbox.injectFault({
			method: 'POST',
			path: '/api/integrations/setup-step',
			status: 200,
			body: { status: 'completed', provider: 'stripe', step: 'webhooks', webhookSecret: CANARY.webhookSecret },
		});
		const r = await env.run(
			{ operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', webhookSecret: CANARY.webhookSecret },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ provider: 'stripe', step: 'webhooks', config: { webhookSecret: CANARY.webhookSecret } }]);
		expect(r.items[0].json).toMatchObject({ status: 'completed', webhookSecret: '[redacted]' });
		expect(stored(r)).toEqual([]);
	});
});

describe('a connect URL carrying the API key: refused, never output', () => {
	test.each([
		['in its query', `/connect/{sessionId}?k=${CANARY.apiKey}`],
		['in its path', `/connect/${CANARY.apiKey}`],
	])('%s', async (_where, path) => {
		env.sandbox.setHandoffUrl(`${env.sandbox.url}${path}`);
		const r = await env.run({ operation: 'connect', provider: 'attio', connectionMethod: 'browser' }, { credentials: { api: 'tools' } });
		expect(r.error.message).toBe(
			`Outlit returned a connect URL this node will not use (it carries the API key or a provider secret): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${env.sandbox.url}/integrations).`,
		);
		expect(JSON.stringify(r.items)).not.toContain('/connect/');
		expect(stored(r)).toEqual([]);
	});
});

describe('a Base URL with a query or fragment: refused before any request, never shown', () => {
	test.each([
		['a query (a proxy token)', (url) => `${url}/outlit?token=${CANARY.apiKey}`],
		['a fragment', (url) => `${url}/#${CANARY.apiKey}`],
	])('%s', async (_what, baseUrl) => {
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'auto', baseUrl: baseUrl(env.sandbox.url) } });
		expect(r.error.message).toBe(
			"The Base URL in the Outlit API credential has a query (?…) or fragment (#…), which the node cannot add Outlit's paths to: set it to https://app.outlit.ai or your proxy's URL without them.",
		);
		expect(r.error.description).toBe("Set Base URL in the Outlit credential to https://app.outlit.ai or your proxy's URL, without a query or fragment.");
		expect(env.sandbox.requests).toEqual([]);
		expect(stored(r)).toEqual([]);
	});

	test('an unreachable one as well (it used to be named in the network error)', async () => {
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api: 'rest', baseUrl: `http://127.0.0.1:9/outlit?token=${CANARY.apiKey}` } });
		expect(r.error.message).toMatch(/^The Base URL in the Outlit API credential has a query/);
		expect(stored(r)).toEqual([]);
	});
});

describe('a Base URL with a user name or password: refused before any request', () => {
	// n8n's HTTP client sends a URL's user name and password as Basic authorization instead of the
	// Bearer API key: Outlit never got the key, and the node said to replace the key.
	test.each(['rest', 'tools'])('%s: nothing sent (neither the key nor the password), and the message says what to remove', async (api) => {
		const baseUrl = env.sandbox.url.replace('http://', `http://proxyuser:${CANARY.stripeKey}@`);
		const r = await env.run({ operation: 'getAll', ...NO_RETRY }, { credentials: { api, baseUrl } });
		expect(r.error.message).toBe(
			"The Base URL in the Outlit API credential has a user name or password, which would be sent instead of the API key: set it to https://app.outlit.ai or your proxy's URL without them.",
		);
		expect(r.error.description).toBe(
			"Outlit takes the API key as a Bearer token; a user name or password in Base URL would replace it. Set Base URL in the Outlit credential to https://app.outlit.ai or your proxy's URL, without them.",
		);
		expect(env.sandbox.requests).toEqual([]);
		expect(stored(r)).toEqual([]);
	});
});

describe("a Proxy in Request Options with a password: the error's node copy masks it", () => {
	test('a proxy that does not answer', async () => {
		const r = await env.run(
			{ operation: 'getAll', ...NO_RETRY, requestOptions: { proxy: `http://svc:${CANARY.apiKey}@127.0.0.1:9` } },
			{ credentials: { api: 'rest' } },
		);
		expect(r.error.message).toBe(
			`Could not reach Outlit at ${env.sandbox.url} (the connection was refused): check the Base URL in the Outlit API credential and the Proxy in the node's Request Options, then try again.`,
		);
		expect(r.error.node.parameters.requestOptions).toEqual({ proxy: 'http://[redacted]@127.0.0.1:9' });
		expect(stored(r)).toEqual([]);
	});

	test('a proxy without a port, written without a scheme', async () => {
		const r = await env.run({ operation: 'getAll', requestOptions: { proxy: `svc:${CANARY.apiKey}@myproxy` } }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe("The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.");
		expect(r.error.node.parameters.requestOptions).toEqual({ proxy: '[redacted]@myproxy' });
		expect(stored(r)).toEqual([]);
	});

	test('a proxy whose scheme has a digit keeps its scheme', async () => {
		const r = await env.run({ operation: 'getAll', requestOptions: { proxy: `socks5://svc:${CANARY.apiKey}@myproxy` } }, { credentials: { api: 'rest' } });
		expect(r.error.node.parameters.requestOptions).toEqual({ proxy: 'socks5://[redacted]@myproxy' });
		expect(stored(r)).toEqual([]);
	});

	test('a proxy without a password is kept as typed', async () => {
		const r = await env.run({ operation: 'getAll', requestOptions: { proxy: 'http://myproxy' } }, { credentials: { api: 'rest' } });
		expect(r.error.node.parameters.requestOptions).toEqual({ proxy: 'http://myproxy' });
	});
});
