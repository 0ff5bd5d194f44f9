'use strict';
/**
 * What every engine suite shares, whichever node it runs: the canary secrets, the hooks that build a
 * harness per test and keep one local Outlit sandbox (test/sandbox) per file, and the leak check.
 * Requires no node: outlit.js and trigger.js each bring their own.
 */
const { startSandbox } = require('../sandbox');

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

module.exports = { engineEnvironment, leakedCanaries, CANARY };
