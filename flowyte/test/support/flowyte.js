'use strict';
/**
 * The setting the Flowyte engine tests share: the Flowyte node and its two credentials in n8n's real
 * engine (@repo/devkit/harness), talking over HTTP to the local Flowyte sandbox (test/sandbox).
 */
const { LoggerProxy } = require('n8n-workflow');
const { createHarness } = require('@repo/devkit/harness');
const { startSandbox } = require('../sandbox');
const { Flowyte } = require('../../nodes/Flowyte/Flowyte.node');
const { FlowyteApi } = require('../../credentials/FlowyteApi.credentials');
const { FlowyteConnectionSecretApi } = require('../../credentials/FlowyteConnectionSecretApi.credentials');

/** Canary secrets: if any shows up in an output, error, description or log, a secret leaked. */
const CANARY = {
	flowyteKey: 'flowyte_sk_CANARY_key_5e1f0c',
	sqlPassword: 'pw-CANARY-sql-8d2a71',
	providerKey: 'sq0-CANARY-provider-43b9e2',
	/** Held by a Flowyte Connection Secret credential (the default Secret Source). */
	credSqlPassword: 'pw-CANARY-cred-sql-3f6b20',
	credProviderKey: 'sq0-CANARY-cred-provider-9a41d7',
};

/** Flowyte Connection Secret credentials holding the canaries. */
const SECRET = {
	password: { holds: 'password', password: CANARY.credSqlPassword },
	apiKey: { holds: 'apiKey', apiKey: CANARY.credProviderKey },
};

/** The key the sandbox accepts in every suite, with the scope Connect needs. */
const SANDBOX_KEYS = { [CANARY.flowyteKey]: ['integrations:connect'] };

/** A complete SQL connection but its password (Secret Source left at its default, Credential). */
const sqlConnection = (kind, extra = {}) => ({
	kind,
	host: 'db.example.com',
	port: kind === 'mysql' ? 3306 : 5432,
	database: 'appdb',
	user: 'flowyte_readonly',
	sslmode: 'verify-full',
	...extra,
});

/** A complete SQL connection with its password typed into the node (Secret Source: Typed In). */
const sqlParameters = (kind, extra = {}) => sqlConnection(kind, { secretSource: 'typed', password: CANARY.sqlPassword, ...extra });

function flowyteEnvironment(flowyteOptions = {}) {
	const env = { harness: createHarness({ nodes: [Flowyte], credentials: [FlowyteApi, FlowyteConnectionSecretApi] }) };

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

	/**
	 * Runs one Flowyte node (resource integration, operation connect) with these parameters.
	 * `secret` attaches a Flowyte Connection Secret with that data (e.g. SECRET.password).
	 */
	env.run = (parameters, options = {}) =>
		env.harness.runNode({
			type: 'flowyte',
			parameters: { resource: 'integration', operation: 'connect', ...parameters },
			credentials: {
				// `credentials: null` runs the node with no Flowyte API credential selected.
				...(options.credentials === null ? {} : { flowyteApi: { apiKey: CANARY.flowyteKey, baseUrl: env.sandbox.url, ...options.credentials } }),
				...(options.secret ? { flowyteConnectionSecretApi: options.secret } : {}),
			},
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

/**
 * Everything n8n's logger is given from now on, one line per call with its metadata (errors with
 * their message and stack): a suite scans it for canaries.
 */
function captureLogs() {
	const logged = [];
	const errorJson = (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v);
	const capture = (level) => (message, meta) => logged.push(`${level} ${message} ${JSON.stringify(meta ?? {}, errorJson)}`);
	LoggerProxy.init({ error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), verbose: capture('verbose') });
	return logged;
}

/** A problem whose title, detail and field messages echo back the secrets the request carried. */
const echoProblem = (status, secrets) => ({
	status,
	title: `Echo ${secrets.at(-1)}`,
	detail: `got ${secrets.join(' and ')}`,
	code: 'echo',
	errors: secrets.map((secret) => ({ field: 'credentials.x', message: `wrong: ${secret}` })),
});

module.exports = { flowyteEnvironment, leakedCanaries, sqlConnection, sqlParameters, captureLogs, echoProblem, CANARY, SECRET, SANDBOX_KEYS };
