'use strict';
/**
 * The setting the Outlit Trigger's engine tests share: the trigger and its credential in n8n's real
 * engine (devkit/harness: PollContext through PollTriggerExecutor), polling a fresh local Outlit
 * sandbox (test/sandbox) over HTTP. Its own file, not in outlit.js: jest relates a suite to every
 * source file it reaches (Stryker asks for them with findRelatedTests), and the Outlit node's suites
 * have no reason to reach the trigger.
 */
const { createHarness } = require('@repo/devkit/harness');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { engineEnvironment, CANARY } = require('./engine');

/**
 * @param sandboxOptions startSandbox options (connected, contract, …): every test starts from them
 * @param defaults.events the trigger's events for every poll of this suite; a trigger's own
 *   `parameters.events` override them
 */
function triggerEnvironment(sandboxOptions = {}, { events = ['syncFailed'] } = {}) {
	// engineEnvironment builds the harness again before each test, for Stryker's per-test coverage.
	const env = engineEnvironment(() => createHarness({ nodes: [OutlitTrigger], credentials: [OutlitApi] }), sandboxOptions);

	/**
	 * An Outlit Trigger on a workflow of its own, not yet polled (`t.poll()`), with these parameters.
	 * `api` is the credential's API choice ('rest', 'tools', 'auto'; none: the credential's default),
	 * `staticData` the state it starts from (none: a newly created workflow's).
	 */
	env.trigger = (parameters = {}, { api, staticData } = {}) =>
		env.harness.pollTrigger({
			type: 'outlitTrigger',
			parameters: { events, ...parameters },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: env.sandbox.url, ...(api ? { api } : {}) } },
			staticData,
		});

	return env;
}

module.exports = { triggerEnvironment };
