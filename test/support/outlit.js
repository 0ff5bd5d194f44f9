'use strict';
/**
 * The setting most engine tests share: the package's node, trigger and credential in n8n's real
 * engine (devkit/harness), talking over HTTP to a fresh local Outlit sandbox (test/sandbox).
 */
const { createHarness } = require('@repo/devkit/harness');
const { startSandbox } = require('../sandbox');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { OutlitProviderApi } = require('../../credentials/OutlitProviderApi.credentials');

/** Canary secrets: if any of these shows up in an output, error or log, a secret leaked. */
const CANARY = {
	apiKey: 'ok_CANARY_platform_key_7f3a9c',
	stripeKey: 'rk_live_CANARY_stripe_91b2e4',
	posthogKey: 'phx_CANARY_posthog_55d0aa',
	supabaseKey: 'eyJCANARY_supabase_role_1c9',
	pylonToken: 'pyl_CANARY_token_3e88f1',
	clerkKey: 'sk_live_CANARY_clerk_0b7d',
	webhookSecret: 'whsec_CANARY_hook_4a21',
	// Only ever inside Outlit Provider Credentials (test/node/provider-credentials.test.js).
	credStripeKey: 'rk_live_CANARY_credential_stripe_e61f',
	credPosthogKey: 'phx_CANARY_credential_posthog_0d42',
	credPylonToken: 'pyl_CANARY_credential_pylon_a7c3',
	credWebhookSecret: 'whsec_CANARY_credential_hook_19be',
};

/**
 * The hooks every engine suite registers: a harness from `build`, and one sandbox for the file,
 * started with these options and reset to them before each test. Returns `{ harness, sandbox }`
 * (the sandbox from beforeAll on).
 */
function engineEnvironment(build, sandboxOptions = {}) {
	const env = { harness: build() };
	// Built again inside each test: Stryker credits a mutant of a node class (its description, its
	// operations, the trigger's poll) only to the tests that construct it.
	beforeEach(() => {
		env.harness = build();
	});

	beforeAll(async () => {
		env.sandbox = await startSandbox({ apiKeys: [CANARY.apiKey], ...sandboxOptions });
	});
	afterAll(async () => {
		await env.sandbox?.close();
	});
	beforeEach(() => {
		env.sandbox.reset();
		env.sandbox.clearFaults();
		env.sandbox.clearRequests();
	});
	return env;
}

/**
 * @param sandboxOptions startSandbox options (connected, contract, …)
 * @param defaults.api the credential's API choice for every run of this suite ('rest', 'tools',
 *   'auto'); a run's own `credentials` override it
 */
function outlitEnvironment(sandboxOptions = {}, { api } = {}) {
	const env = engineEnvironment(
		() => createHarness({ nodes: [Outlit], credentials: [OutlitApi, OutlitProviderApi] }),
		sandboxOptions,
	);

	/**
	 * Runs one Outlit node (its one version, 1) with these parameters (resource defaults to
	 * integration). `providerCredential` attaches Outlit Provider Credentials with that data.
	 */
	env.run = (parameters, options = {}) =>
		env.harness.runNode({
			type: 'outlit',
			typeVersion: 1,
			parameters: { resource: 'integration', ...parameters },
			credentials: {
				outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, ...(api ? { api } : {}), ...options.credentials },
				...(options.providerCredential ? { outlitProviderApi: options.providerCredential } : {}),
			},
			input: options.input,
			continueOnFail: options.continueOnFail,
			onError: options.onError,
			abortSignal: options.abortSignal,
			cancelWaitMs: options.cancelWaitMs,
		});

	/** The API requests the sandbox received, as "METHOD /path". */
	env.calls = () => env.sandbox.requests.map((r) => `${r.method} ${r.path}`);
	return env;
}

/** Every canary that occurs anywhere in a value (serialised as n8n would store it). */
function leakedCanaries(value) {
	const text = typeof value === 'string' ? value : JSON.stringify(value, errorReplacer);
	return Object.values(CANARY).filter((secret) => text.includes(secret));
}

function errorReplacer(_key, value) {
	if (value instanceof Error) {
		return { ...value, message: value.message, stack: value.stack, description: value.description };
	}
	return value;
}

module.exports = { outlitEnvironment, engineEnvironment, leakedCanaries, CANARY };
