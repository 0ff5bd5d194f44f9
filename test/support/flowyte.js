'use strict';
/**
 * The setting the Flowyte engine tests share: the Flowyte node and credential in n8n's real engine
 * (test/harness), talking over HTTP to the local sandbox's Flowyte route (test/sandbox/flowyte.js).
 */
const { createHarness } = require('../harness');
const { startSandbox } = require('../sandbox');
const { Flowyte } = require('../../nodes/Flowyte/Flowyte.node');
const { FlowyteApi } = require('../../credentials/FlowyteApi.credentials');

/** Canary secrets: if any shows up in an output, error, description or log, a secret leaked. */
const CANARY = {
	flowyteKey: 'flowyte_sk_CANARY_key_5e1f0c',
	sqlPassword: 'pw-CANARY-sql-8d2a71',
	providerKey: 'sq0-CANARY-provider-43b9e2',
};

/** The key the sandbox accepts in every suite, with the scope Connect needs. */
const SANDBOX_KEYS = { [CANARY.flowyteKey]: ['integrations:connect'] };

/** A complete SQL connection, as typed into the node. */
const sqlParameters = (kind, extra = {}) => ({
	kind,
	host: 'db.example.com',
	port: kind === 'mysql' ? 3306 : 5432,
	database: 'appdb',
	user: 'flowyte_readonly',
	password: CANARY.sqlPassword,
	sslmode: 'verify-full',
	...extra,
});

function flowyteEnvironment(flowyteOptions = {}) {
	const env = { harness: createHarness({ nodes: [Flowyte], credentials: [FlowyteApi] }) };

	beforeAll(async () => {
		env.sandbox = await startSandbox({ flowyte: { keys: SANDBOX_KEYS, ...flowyteOptions } });
	});
	afterAll(async () => {
		await env.sandbox?.close();
	});
	beforeEach(() => {
		env.sandbox.flowyte.reset();
		env.sandbox.clearRequests();
	});

	/** Runs one Flowyte node (resource integration, operation connect) with these parameters. */
	env.run = (parameters, options = {}) =>
		env.harness.runNode({
			type: 'flowyte',
			parameters: { resource: 'integration', operation: 'connect', ...parameters },
			// `credentials: null` runs the node with no credential selected.
			credentials: options.credentials === null ? {} : { flowyteApi: { apiKey: CANARY.flowyteKey, baseUrl: env.sandbox.url, ...options.credentials } },
			input: options.input,
			continueOnFail: options.continueOnFail,
			onError: options.onError,
		});

	/** The Flowyte requests the sandbox received. */
	env.requests = () => env.sandbox.flowyte.requests();
	env.last = () => env.requests().at(-1);
	return env;
}

/** Every canary that occurs anywhere in a value (serialised as n8n would store it). */
function leakedCanaries(value) {
	const text = typeof value === 'string' ? value : JSON.stringify(value, errorReplacer);
	return Object.entries(CANARY)
		.filter(([, secret]) => text.includes(secret))
		.map(([name]) => name);
}

function errorReplacer(_key, value) {
	if (value instanceof Error) {
		return { ...value, message: value.message, stack: value.stack, description: value.description };
	}
	return value;
}

module.exports = { flowyteEnvironment, leakedCanaries, sqlParameters, CANARY, SANDBOX_KEYS };
