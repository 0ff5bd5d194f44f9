'use strict';
/**
 * Each secret-bearing field of each provider, one row each, with its own canary (never an empty
 * string): typed in (Fields / Expression) or from Outlit Provider Credentials, on each API that takes
 * it, when Outlit accepts it and when Outlit fails (500). The secret must reach Outlit and must not
 * surface in the node's items, its error (message, description, context), the execution error or
 * n8n's log. The fields are the contracts' (REST `POST /api/integrations/connect` and
 * `/setup-step` configs; the gateway's `outlit_setup_integration` credentials), written as literals.
 * Then the node copy an error carries: what is masked and what is kept, also for an error that is
 * not n8n's own node error.
 */
const { LoggerProxy } = require('n8n-workflow');
const { captureLogs } = require('../support/logs');
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment();
const logged = captureLogs();

/** [api, provider, secret field, its canary, the other fields the request needs] */
const CONNECT = [
	['rest', 'granola', 'apiKey', 'grn_CANARY_rest_granola_71c0', {}],
	['rest', 'fireflies', 'apiKey', 'ff_CANARY_rest_fireflies_2d94', {}],
	['rest', 'pylon', 'apiToken', 'pyl_CANARY_rest_pylon_8a13', {}],
	['rest', 'stripe', 'apiKey', 'rk_live_CANARY_rest_stripe_5e27', {}],
	['rest', 'posthog', 'apiKey', 'phx_CANARY_rest_posthog_c3f9', { region: 'eu', projectId: '12345' }],
	['rest', 'supabase', 'serviceRoleKey', 'eyJCANARY_rest_supabase_0b6e', { projectUrl: 'https://abc.supabase.co' }],
	['rest', 'clerk', 'secretKey', 'sk_live_CANARY_rest_clerk_9f42', {}],
	['tools', 'granola', 'apiKey', 'grn_CANARY_tools_granola_6ad1', {}],
	['tools', 'fireflies', 'apiKey', 'ff_CANARY_tools_fireflies_e07b', {}],
	['tools', 'pylon', 'apiToken', 'pyl_CANARY_tools_pylon_14c8', {}],
	['tools', 'stripe', 'apiKey', 'rk_live_CANARY_tools_stripe_b2d5', {}],
	['tools', 'posthog', 'apiKey', 'phx_CANARY_tools_posthog_f61a', { region: 'us', projectId: '12345' }],
	['tools', 'mixpanel', 'secret', 'mxp_CANARY_tools_mixpanel_3c7e', { username: 'svc-account', projectId: '12345', region: 'eu' }],
];

/** [provider, step, secret field, its canary]: the webhook steps, on the REST routes (the gateway has none). */
const STEPS = [
	['stripe', 'webhooks', 'webhookSecret', 'whsec_CANARY_step_stripe_4b90'],
	['fireflies', 'webhooks', 'webhookSecret', 'whsec_CANARY_step_fireflies_d28f'],
];

const FAILURES = {
	rest: { method: 'POST', path: '/api/integrations/connect', status: 500, body: { error: 'Internal error' } },
	tools: { path: '/api/tools/call', tool: 'outlit_setup_integration', status: 500, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Internal error', retryable: false, requestId: 'req_secret_rows' } },
	step: { method: 'POST', path: '/api/integrations/setup-step', status: 500, body: { error: 'Internal error' } },
};

/** Runs once per way the secret can arrive, and checks it went out and came back nowhere. */
async function expectKeptSecret(parameters, api, provider, secrets, fault) {
	for (const source of ['fields', 'credential']) {
		env.sandbox.clearRequests();
		if (fault) env.sandbox.injectFault(fault);
		logged.length = 0;
		const typed = source === 'fields' ? secrets : {};
		const r = await env.run(
			{ ...parameters, secretSource: source, ...typed },
			{ credentials: { api }, ...(source === 'credential' ? { providerCredential: { provider, ...secrets } } : {}) },
		);
		const secret = Object.values(secrets).find((v) => String(v).includes('CANARY'));
		expect({ source, sent: JSON.stringify(env.sandbox.requests).includes(secret) }).toEqual({ source, sent: true });
		// Which outcome ran: an item on success, the node's error (stored with the execution, with
		// the node's parameters) when Outlit failed.
		expect({ source, failed: r.error !== undefined }).toEqual({ source, failed: Boolean(fault) });
		const surfaced = JSON.stringify({ runData: r.runData, executionError: r.executionError, log: logged });
		expect({ source, surfaced: surfaced.includes(secret) }).toEqual({ source, surfaced: false });
	}
}

test("the log check reads n8n's logger: a line it writes, an error's own fields included, is captured", () => {
	logged.length = 0;
	LoggerProxy.error('probe', { error: Object.assign(new Error('probe failed'), { detail: 'own field' }) });
	expect(logged).toHaveLength(1);
	expect(logged[0]).toMatch(/^error probe .*"detail":"own field".*"message":"probe failed"/);
});

describe.each([
	['accepted', false],
	['Outlit fails (500)', true],
])('each secret-bearing field, %s: sent to Outlit, never in items, errors or logs', (_outcome, fails) => {
	test.each(CONNECT)('%s: Connect %s, field %s', async (api, provider, field, canary, others) => {
		await expectKeptSecret(
			{ operation: 'connect', provider, connectionMethod: 'direct', ...others },
			api,
			provider,
			{ [field]: canary, ...others },
			fails ? FAILURES[api] : undefined,
		);
	});

	test.each(STEPS)('rest: Run Setup Step %s %s, field %s', async (provider, step, field, canary) => {
		env.sandbox.reset({ connected: [provider] });
		await expectKeptSecret(
			{ operation: 'runSetupStep', provider, step },
			'rest',
			provider,
			{ [field]: canary },
			fails ? FAILURES.step : undefined,
		);
	});
});

describe('the node copy an error carries (n8n stores it with the execution)', () => {
	const STRIPE = { operation: 'connect', provider: 'stripe', connectionMethod: 'direct', secretSource: 'fields', apiKey: 'rk_live_CANARY_copy_stripe_4b1d' };

	test('secret fields and the JSON configs are masked; an empty one stays empty; the rest is as it was', async () => {
		env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/connect', status: 500 });
		const r = await env.run({ ...STRIPE, additionalConfig: '{"note": "x"}' }, { credentials: { api: 'rest' } });
		expect(r.error.node.parameters).toMatchObject({
			apiKey: '[redacted]',
			additionalConfig: '[redacted]',
			provider: 'stripe',
			connectionMethod: 'direct',
			secretSource: 'fields',
		});
		const setup = await env.run({ operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '[1]' }, { credentials: { api: 'rest' } });
		expect(setup.error.node.parameters).toMatchObject({ setupConfig: '[redacted]', provider: 'hubspot', step: 'mappings' });
		// The stored error still shows that nothing was filled in.
		const empty = await env.run({ operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: '' }, { credentials: { api: 'rest' } });
		expect(empty.error.node.parameters).toMatchObject({ apiToken: '', provider: 'pylon' });
	});

	// An expression that fails raises n8n's ExpressionError, which is no NodeApiError or NodeOperationError.
	const failingExpression = { ...STRIPE, provider: '={{ $json.p === "bad" ? $("Nope").item.json.p : $json.p }}' };
	const input = [{ json: { p: 'stripe' } }, { json: { p: 'bad' } }];

	test("an error that is not n8n's own node error: its message, its item, and the node copy masked", async () => {
		const r = await env.run(failingExpression, { credentials: { api: 'rest' }, input });
		expect([r.error.message, r.error.context.itemIndex, r.error.node.parameters.apiKey]).toEqual(["Referenced node doesn't exist", 1, '[redacted]']);
		expect(JSON.stringify({ runData: r.runData, executionError: r.executionError })).not.toContain(STRIPE.apiKey);
	});

	test('its Continue On Fail item is the message alone: no empty description, code or HTTP status', async () => {
		const r = await env.run(failingExpression, { credentials: { api: 'rest' }, input, continueOnFail: true });
		expect(r.items[1]).toEqual({ json: { error: "Referenced node doesn't exist" }, pairedItem: { item: 1 } });
	});
});
