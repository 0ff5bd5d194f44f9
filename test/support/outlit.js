'use strict';
/**
 * The setting most engine tests share: the Outlit node and its two credentials in n8n's real engine
 * (devkit/harness), talking over HTTP to a fresh local Outlit sandbox (test/sandbox).
 */
const { createHarness } = require('@repo/devkit/harness');
const { engineEnvironment, leakedCanaries, CANARY } = require('./engine');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { OutlitProviderApi } = require('../../credentials/OutlitProviderApi.credentials');

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

module.exports = { outlitEnvironment, leakedCanaries, CANARY };
