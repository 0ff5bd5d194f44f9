'use strict';
/**
 * What goes wrong, through n8n's real engine against the sandbox: each documented Outlit error
 * becomes a NodeApiError a person can act on; bad parameters fail before any request; continueOnFail
 * and pairedItem hold on every operation; and no secret reaches an output, an error or a log.
 */
const { captureLogs } = require('../support/logs');
const { outlitEnvironment, leakedCanaries, CANARY } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe', 'hubspot'] }, { api: 'rest' });

/** The node's refusal of a provider, as literals (the 15 IDs of the catalog). */
const IDS = 'salesforce, hubspot, attio, slack, google-calendar, google-mail, granola, gong, fireflies, pylon, stripe, mixpanel, posthog, supabase, clerk (or gmail, an alias of google-mail)';
const notAProvider = (shown) => `Parameter "Provider" is ${shown}, which is not an Outlit provider ID. Use one of these 15: ${IDS}.`;
const EMPTY_PROVIDER = `Parameter "Provider" is empty. Use one of these 15 Outlit provider IDs: ${IDS}.`;

describe('documented Outlit errors', () => {
	test('400 names each invalid field from details', async () => {
		env.sandbox.injectFault({
			method: 'POST', path: '/api/integrations/connect', status: 400,
			body: { error: 'Invalid request', details: [{ path: ['config', 'apiKey'], message: 'Required' }, { path: ['provider'], message: 'Unknown provider' }] },
		});
		const r = await env.run({ operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey });
		expect(r.error.message).toBe(
			'Outlit rejected the request: Invalid request (config.apiKey: Required; provider: Unknown provider). Correct those values in the node or in its Outlit Provider Credentials, then run it again.',
		);
		expect(r.error.description).toBe('config.apiKey: Required; provider: Unknown provider');
		expect(r.error.httpCode).toBe('400');
	});

	test('401 says to check the API key', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { apiKey: 'ok_revoked_key' } });
		expect(r.error.message).toBe(
			'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key into "API Key" in the Outlit API credential.',
		);
		expect(r.error.description).toBe(
			'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit that issued it: check Base URL in the same credential.',
		);
	});

	test('403 plan_connection_limit_exceeded reports plan, connections and limit', async () => {
		env.sandbox.reset({ connected: ['stripe', 'hubspot'], connectionLimit: 2, plan: 'starter' });
		const r = await env.run({ operation: 'connect', provider: 'clerk', connectionMethod: 'direct', secretSource: 'fields', secretKey: CANARY.clerkKey });
		expect(r.error.message).toBe(
			'Your Outlit plan\'s integration connection limit is reached (plan "starter", 2 of 2 connections in use): disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
		);
		expect(r.error.description).toBe(
			'Plan "starter" allows 2 connected integrations and 2 are in use. Disconnect an integration or upgrade the plan, then retry.',
		);
	});

	test('404 on disconnect says the integration is not connected', async () => {
		const r = await env.run({ operation: 'disconnect', provider: 'granola' });
		expect(r.error.message).toBe(
			'Granola is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.',
		);
		expect(r.error.httpCode).toBe('404');
	});

	test('429 says when to retry', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 429, headers: { 'Retry-After': '30' }, body: { error: 'Rate limit exceeded' } });
		const r = await env.run({ operation: 'getAll', options: { retryTransientErrors: false } });
		expect(r.error.message).toBe('Outlit rate limit reached: try again in 30 s.');
		expect(r.error.description).toBe('Too many requests. Retry in 30 s.');
	});

	test.each([500, 502, 503])('%i is reported as a temporary server error', async (status) => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/sync-status', status, body: { error: 'Internal server error' } });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe', options: { retryTransientErrors: false } });
		expect(r.error.message).toBe(`Outlit had a server error (${status}: Internal server error), which is usually temporary: try again in a moment.`);
		expect(r.error.description).toContain('retry');
	});

	test('a body that is not JSON is reported, not passed on', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/capabilities', status: 200, malformed: true });
		const r = await env.run({ operation: 'getCapabilities', provider: 'all' });
		expect(r.error.message).toBe(
			"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
		);
	});

	test('an unreachable Base URL is a clear error, after the retries allowed', async () => {
		const r = await env.run({ operation: 'getAll', options: { maxRetryWait: 1 } }, { credentials: { baseUrl: 'http://127.0.0.1:9' } });
		expect(r.status).toBe('error');
		expect(r.error.message).toMatch(/refused|reach/i);
	});
});

describe('bad parameters fail before any request, naming the parameter', () => {
	const cases = [
		['a provider that cannot be an ID, from an expression', { operation: 'getSyncStatus', provider: '={{ "Sales Force!" }}' }, notAProvider('"Sales Force!"')],
		['a provider the REST routes do not know', { operation: 'connect', provider: 'salesforce', connectionMethod: 'browser' }, 'Salesforce is not on Outlit\'s REST routes, so the node cannot reach it with "API" set to REST Routes (Legacy): set "API" in the Outlit API credential to Automatic or Tools Gateway.'],
		['an empty provider', { operation: 'disconnect', provider: '={{ "" }}' }, EMPTY_PROVIDER],
		['a provider of spaces only', { operation: 'disconnect', provider: '={{ "   " }}' }, EMPTY_PROVIDER],
		['a provider that cannot be an ID, with spaces around it', { operation: 'getSyncStatus', provider: '={{ "  Bad Id! " }}' }, notAProvider('"Bad Id!"')],
		['a known provider from an expression, with spaces around it, still has its fields checked', { operation: 'connect', provider: '={{ " PostHog " }}', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.posthogKey, region: 'us' }, 'PostHog needs Project ID: fill in "Project ID" in the node, or give projectId in Additional Config (JSON).'],
		['a direct connect missing required fields', { operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.posthogKey, region: 'us' }, 'PostHog needs Project ID: fill in "Project ID" in the node, or give projectId in Additional Config (JSON).'],
		['a region Outlit does not accept', { operation: 'connect', provider: '={{ "posthog" }}', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"apiKey":"x","projectId":"1","region":"apac"}' }, 'PostHog Region must be one of us, eu: change parameter "Region" (or region in Additional Config (JSON)).'],
		['config JSON that is not valid JSON', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: 'x', additionalConfig: '{nope' }, 'Parameter "Additional Config (JSON)" is not valid JSON: enter a JSON object such as {"key": "value"}, or leave it empty.'],
		['config JSON that is null', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: 'x', additionalConfig: 'null' }, 'Parameter "Additional Config (JSON)" must be a JSON object, not a null: wrap the values in {...}, or leave it empty.'],
		['config JSON that is an array', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '[1,2]' }, 'Parameter "Setup Config (JSON)" must be a JSON object, not an array: wrap the values in {...}, or leave it empty.'],
		['a browser session for an API-key provider', { operation: 'connect', provider: 'stripe', connectionMethod: 'browser' }, 'Stripe connects with credentials (API Key), not a browser session: set "Connection Method" to Direct.'],
		['direct credentials for a browser provider', { operation: 'connect', provider: 'hubspot', connectionMethod: 'direct', secretSource: 'fields' }, 'HubSpot connects by browser session only: set "Connection Method" to Browser Session.'],
		['a step the provider does not have', { operation: 'runSetupStep', provider: 'stripe', step: 'mappings' }, 'Stripe has no "mappings" setup step: set "Step" to one of its steps (webhooks).'],
		['an empty custom step', { operation: 'runSetupStep', provider: 'stripe', step: 'custom', customStep: ' ' }, 'Parameter "Custom Step" is empty: give it a step Get Capabilities lists for the provider, or check the expression that fills it.'],
		['the webhooks step as a custom step (it would go without its secret)', { operation: 'runSetupStep', provider: 'stripe', step: 'custom', customStep: ' webhooks ' }, 'Custom Step "webhooks" is the Webhooks step: set "Step" to Webhooks, so that the node sends its Webhook Secret.'],
		['a step from an expression that is empty', { operation: 'runSetupStep', provider: 'stripe', step: '={{ "" }}', customStep: 'backfill' }, 'Parameter "Step" is empty: give it one of mappings, mixpanelMapping, webhooks, custom, or check the expression that fills it.'],
		['an empty session ID', { operation: 'getConnectionStatus', sessionId: '={{ "" }}' }, 'Parameter "Session ID" is empty: give it the sessionId that Connect (Browser Session) returned, or check the expression that fills it.'],
	];
	test.each(cases)('%s', async (_name, params, message) => {
		const r = await env.run(params);
		expect(r.error.message).toBe(message);
		expect(r.error.description).toBeTruthy();
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('an unknown provider: the message lists the catalog\'s IDs, the description where they come from', async () => {
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ "Bad Id!" }}' });
		expect(r.error.message).toBe(notAProvider('"Bad Id!"'));
		expect(r.error.description).toBe(
			'In the editor, pick the provider from the Provider list. An expression, or an AI agent filling the parameter with $fromAI(), must give one of these IDs.',
		);
	});

	test('a step the provider lacks: the description lists its steps, or says it has none', async () => {
		const stripe = await env.run({ operation: 'runSetupStep', provider: 'stripe', step: 'mappings' });
		expect(stripe.error.description).toBe('Its post-connect steps: webhooks.');
		const slack = await env.run({ operation: 'runSetupStep', provider: 'slack', step: 'mappings' });
		expect(slack.error.message).toBe('Slack has no "mappings" setup step: it has no post-connect steps, so it needs no Run Setup Step.');
		expect(slack.error.description).toBe('Slack has no post-connect steps.');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test.each([
		['rest', { provider: 'posthog', apiKey: 'phx_1', projectId: '1', region: '={{ "apac" }}' }, 'PostHog Region must be one of us, eu: change parameter "Region" (or region in Additional Config (JSON)).', 'Parameter "Region" is not one of the values Outlit accepts.'],
		['tools', { provider: 'stripe', apiKey: 'sk_live_1' }, 'Stripe API Key must be a restricted key that starts with rk_: change parameter "API Key" (or apiKey in Additional Config (JSON)).', 'Parameter "API Key" does not have the form Outlit accepts.'],
		['tools', { provider: 'granola', apiKey: 'gr_1', additionalConfig: '{"enterpriseKeyAcknowledged": "yes"}' }, 'Granola Enterprise Key Acknowledged must be true or false: change parameter "Enterprise Key Acknowledged" (or enterpriseKeyAcknowledged in Additional Config (JSON)).', 'Parameter "Enterprise Key Acknowledged" is not a boolean.'],
	])('%s: a typed-in value Outlit would refuse names the parameter, never the value', async (api, params, message, description) => {
		const r = await env.run({ operation: 'connect', connectionMethod: 'direct', secretSource: 'fields', ...params }, { credentials: { api } });
		expect(r.error.message).toBe(message);
		expect(r.error.description).toBe(description);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test.each([
		['[1, 2]', 'an array'],
		['5', 'a number'],
		['"text"', 'a string'],
		['null', 'a null'],
	])('Setup Config %s is not a JSON object: the message and description say what it is', async (setupConfig, kind) => {
		const r = await env.run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig });
		expect(r.error.message).toBe(`Parameter "Setup Config (JSON)" must be a JSON object, not ${kind}: wrap the values in {...}, or leave it empty.`);
		expect(r.error.description).toBe(`It is ${kind}; wrap the values in {...}.`);
	});

	test('Additional Config of spaces only is no config', async () => {
		const r = await env.run({ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: CANARY.pylonToken, additionalConfig: '   ' });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests.map((q) => q.body)).toEqual([{ provider: 'pylon', config: { apiToken: CANARY.pylonToken } }]);
	});

	test('a Session ID from an expression that is not text or a number is empty', async () => {
		const r = await env.run({ operation: 'getConnectionStatus', sessionId: '={{ { id: 1 } }}' });
		expect(r.error.message).toBe('Parameter "Session ID" is empty: give it the sessionId that Connect (Browser Session) returned, or check the expression that fills it.');
		expect(r.error.description).toBe('Set "Session ID"; an expression may have resolved to nothing.');
	});

	test('an API key that is not an Outlit key', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { apiKey: 'sk_live_not_outlit' } });
		expect(r.error.message).toBe(
			'The Outlit API key must start with "ok_": put a Platform API key from Outlit (Settings → API keys) into "API Key" in the Outlit API credential.',
		);
		expect(r.error.description).toBe(
			'Open the Outlit credential and paste a Platform API key from Outlit (Settings → API keys). Public ingest keys and provider keys do not work here.',
		);
		expect(JSON.stringify(r.error)).not.toContain('sk_live_not_outlit');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a Base URL that is not http(s)', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { baseUrl: 'ftp://example.test' } });
		expect(r.error.message).toBe(
			"The Base URL in the Outlit API credential is not a valid http(s) URL: set it to https://app.outlit.ai or your proxy's URL.",
		);
		expect(r.error.description).toBe("Set Base URL in the Outlit credential to https://app.outlit.ai or your proxy's URL.");
	});

	test('an https Base URL is a valid one: the request is made (here to a closed port)', async () => {
		const r = await env.run({ operation: 'getAll', options: { retryTransientErrors: false } }, { credentials: { baseUrl: 'https://127.0.0.1:9' } });
		expect(r.error.message).toBe(
			'Could not reach Outlit at https://127.0.0.1:9 (the connection was refused): check the Base URL in the Outlit API credential, then try again.',
		);
	});

	test('an API key pasted with spaces around it is an Outlit key', async () => {
		const r = await env.run({ operation: 'getAll' }, { credentials: { apiKey: `  ${CANARY.apiKey}  ` } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests).toHaveLength(1);
	});

	test('a field Additional Config sets to spaces only is missing', async () => {
		const r = await env.run({ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', additionalConfig: '{"apiToken": "   "}' });
		expect(r.error.message).toBe('Pylon needs API Token: fill in "API Token" in the node, or give apiToken in Additional Config (JSON).');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('several missing fields: all named, and where to put them when Provider is an expression', async () => {
		const r = await env.run({ operation: 'connect', provider: 'supabase', connectionMethod: 'direct', secretSource: 'fields' }, { credentials: { api: 'rest' } });
		expect(r.error.message).toBe(
			'Supabase Auth needs Project URL, Service Role Key: fill in "Project URL", "Service Role Key" in the node, or give projectUrl, serviceRoleKey in Additional Config (JSON).',
		);
		expect(r.error.description).toBe(
			'Fill in "Project URL", "Service Role Key". When Provider comes from an expression, put them in Additional Config (JSON) as projectUrl, serviceRoleKey.',
		);
	});
});

describe('continueOnFail and pairedItem on every operation', () => {
	// Item 0 succeeds, item 1 fails; both come out, each paired to its own input.
	const cases = [
		['getCapabilities', { provider: '={{ $json.p }}' }, ['stripe', 'nope']],
		['connect', { provider: '={{ $json.p }}', connectionMethod: 'browser' }, ['slack', 'stripe']],
		['getConnectionStatus', { sessionId: '={{ $json.p }}' }, ['__session__', 'missing']],
		['waitForConnection', { sessionId: '={{ $json.p }}', pollInterval: 0.05, timeout: 2 }, ['__session__', 'missing']],
		['disconnect', { provider: '={{ $json.p }}' }, ['stripe', 'attio']],
		['getSyncStatus', { provider: '={{ $json.p }}' }, ['stripe', 'nope']],
		['runSetupStep', { provider: '={{ $json.p }}', step: 'webhooks', secretSource: 'fields' }, ['stripe', 'hubspot']],
	];
	test.each(cases)('%s', async (operation, params, values) => {
		env.sandbox.reset({ connected: ['stripe', 'hubspot'], autoCompleteAfterPolls: 0 });
		let session;
		if (values[0] === '__session__') {
			session = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json.sessionId;
		}
		const input = values.map((p) => ({ json: { p: p === '__session__' ? session : p } }));
		const r = await env.run({ operation, ...params }, { input, continueOnFail: true });
		expect(r.status).toBe('success');
		expect(r.items).toHaveLength(2);
		expect(r.items[0].json.error).toBeUndefined();
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(typeof r.items[1].json.error).toBe('string');
		expect(r.items[1].pairedItem).toEqual({ item: 1 });
	});

	test('getAll', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 503 });
		const r = await env.run({ operation: 'getAll', options: { retryTransientErrors: false } }, { continueOnFail: true });
		expect(r.status).toBe('success');
		expect(r.items).toEqual([
			{
				json: {
					error: 'Outlit had a server error (503: Service Unavailable), which is usually temporary: try again in a moment.',
					description: 'Outlit said: Service Unavailable. This is usually temporary: retry in a moment.',
					httpCode: '503',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('on the error output the facts go under details (n8n routes only {error, message, details} items there)', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations', status: 503 });
		const r = await env.run({ operation: 'getAll', options: { retryTransientErrors: false } }, { onError: 'continueErrorOutput' });
		expect(r.status).toBe('success');
		expect(r.outputs[0]).toEqual([]);
		expect(r.outputs[1].map((i) => i.json)).toEqual([
			{ error: 'Outlit had a server error (503: Service Unavailable), which is usually temporary: try again in a moment.', details: { description: 'Outlit said: Service Unavailable. This is usually temporary: retry in a moment.', httpCode: '503' } },
		]);
	});

	const stripeThen = (providers) => providers.map((p) => ({ json: { p } }));
	test.each([
		['first', ['Bad Id!', 'stripe', 'hubspot']],
		['in the middle', ['stripe', 'Bad Id!', 'hubspot']],
		['last', ['stripe', 'hubspot', 'Bad Id!']],
	])('with the failing item %s, every other item still comes out, in order and paired', async (_where, providers) => {
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input: stripeThen(providers), continueOnFail: true });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.error ?? i.json.provider])).toEqual(
			providers.map((p, i) => [i, p === 'Bad Id!' ? notAProvider('"Bad Id!"') : p]),
		);
		expect(env.sandbox.requests).toHaveLength(2);
	});

	test('several failing items each get their own error item, with their own message', async () => {
		const input = stripeThen(['Bad One!', 'stripe', 'Bad Two!']);
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input, continueOnFail: true });
		expect(r.items.map((i) => i.json.error ?? i.json.provider)).toEqual([notAProvider('"Bad One!"'), 'stripe', notAProvider('"Bad Two!"')]);
	});

	test('without Continue On Fail the first failing item stops the node with its item index', async () => {
		const input = stripeThen(['stripe', 'Bad One!', 'Bad Two!']);
		const r = await env.run({ operation: 'getSyncStatus', provider: '={{ $json.p }}' }, { input });
		expect(r.status).toBe('error');
		expect(r.error.message).toBe(notAProvider('"Bad One!"'));
		expect(r.error.context.itemIndex).toBe(1);
		expect(env.sandbox.requests).toHaveLength(1);
	});

	test.each([
		['getSyncStatus', { provider: '={{ $json.p }}' }],
		['connect', { provider: '={{ $json.p }}', connectionMethod: 'browser' }],
	])('without Continue On Fail, %s sends nothing for the items after the failing one', async (operation, params) => {
		env.sandbox.reset({ connected: ['stripe'] });
		const r = await env.run({ operation, ...params }, { input: stripeThen(['Bad One!', 'stripe', 'slack']) });
		expect(r.error.message).toBe(notAProvider('"Bad One!"'));
		expect(env.sandbox.requests).toEqual([]);
	});
});

describe('secrets never leave the node', () => {
	const logged = captureLogs();

	const scenarios = [
		['direct connect success', { operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.posthogKey, region: 'us', projectId: '1' }, { sent: CANARY.posthogKey }],
		['direct connect 400', { operation: 'connect', provider: 'supabase', connectionMethod: 'direct', secretSource: 'fields', projectUrl: 'https://x.supabase.co', serviceRoleKey: CANARY.supabaseKey }, { sent: CANARY.supabaseKey, fault: { method: 'POST', path: '/api/integrations/connect', status: 400, body: { error: 'Invalid request' } } }],
		['direct connect 500', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: CANARY.pylonToken }, { sent: CANARY.pylonToken, fault: { method: 'POST', path: '/api/integrations/connect', status: 500 } }],
		['direct connect, network failure', { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.stripeKey, options: { maxRetryWait: 1 } }, { credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['list, network failure', { operation: 'getAll', options: { maxRetryWait: 1 } }, { credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['list, wrong key', { operation: 'getAll' }, { credentials: { apiKey: `${CANARY.apiKey}x` } }],
		['missing field', { operation: 'connect', provider: 'posthog', connectionMethod: 'direct', secretSource: 'fields', apiKey: CANARY.posthogKey }],
		['webhook secret', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: { webhookSecret: CANARY.webhookSecret } }, { sent: CANARY.webhookSecret }],
		['webhook secret, 500', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: { webhookSecret: CANARY.webhookSecret } }, { sent: CANARY.webhookSecret, fault: { method: 'POST', path: '/api/integrations/setup-step', status: 500 } }],
		['webhook secret, network failure', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: { webhookSecret: CANARY.webhookSecret }, options: { maxRetryWait: 1 } }, { credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['wait, 401', { operation: 'waitForConnection', sessionId: 's', pollInterval: 0.05, timeout: 1 }, { credentials: { apiKey: `${CANARY.apiKey}x` } }],
	];
	test.each(scenarios)('%s: not in outputs, errors or logs', async (_name, params, options = {}) => {
		if (options.fault) env.sandbox.injectFault(options.fault);
		logged.length = 0;
		const r = await env.run(params, { credentials: options.credentials });
		// What n8n stores and shows: the node's run data (items and error) and the execution error.
		expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
		expect(leakedCanaries(logged.join('\n'))).toEqual([]);
		// The scenario really ran: the request carried the secret that must not come back.
		if (options.sent) expect(JSON.stringify(env.sandbox.requests)).toContain(options.sent);
	});

	test('the canary check itself catches a leak', () => {
		expect(leakedCanaries({ json: { note: `key ${CANARY.stripeKey}` } })).toEqual([CANARY.stripeKey]);
	});
});
