'use strict';
/**
 * Runs this package's nodes through n8n's real execution engine (n8n-core WorkflowExecute,
 * RoutingNode, PollContext, n8n's HTTP helpers) without an n8n server. Usage: README.md here.
 *
 *   const h = createHarness({ nodes: [Outlit], credentials: [OutlitApi] });
 *   const r = await h.runNode({ type: 'outlit', parameters, credentials: { outlitApi: data }, input });
 *   await h.testCredential('outlitApi', data);          // { status: 'OK'|'Error', message }
 *   const t = h.pollTrigger({ type: 'outlitTrigger', parameters, credentials }); await t.poll();
 *   await h.loadOptions({ type: 'outlit', method: 'getProviders', credentials });  // [{ name, value }]
 */
require('./env');
const { HarnessCredentialsHelper } = require('./credentials-helper');
const { START_TYPE, startNodeType, NOOP_TYPE, noOpNodeType } = require('./context');
const { testCredential } = require('./credential-tester');
const { pollTrigger } = require('./poll-trigger');
const { loadOptions } = require('./load-options');
const { InMemoryLoader, Registry, loadPackage, defaultPackageName } = require('./registry');
const { runNode } = require('./run-node');
const { startServer } = require('./http-server');

/**
 * @param {object} options
 * @param {Function[]} [options.nodes] node classes (INodeType / IVersionedNodeType) or instances
 * @param {Function[]} [options.credentials] credential classes (ICredentialType) or instances
 * @param {string} [options.packageName] prefix of full type names (default: package.json name)
 * @param {import('n8n-core').DirectoryLoader} [options.loader] an already loaded package (loadPackage)
 */
function createHarness({ nodes = [], credentials = [], packageName, loader } = {}) {
	if (!loader) {
		loader = new InMemoryLoader(packageName ?? defaultPackageName());
		nodes.forEach((n) => loader.addNode(n)); // nodes first: credentials learn their supportedNodes
		credentials.forEach((c) => loader.addCredential(c));
	}
	const registry = new Registry(loader, { [START_TYPE]: startNodeType, [NOOP_TYPE]: noOpNodeType });
	const credentialsHelper = new HarnessCredentialsHelper(registry);

	/** An INode of `type` (full name, as n8n stores it) whose credentials point at stored data. */
	function buildNode({ type, typeVersion, name, parameters = {}, credentials: creds = {}, extra = {} }) {
		const version = typeVersion ?? registry.latestVersion(type);
		const { description } = registry.getByNameAndVersion(type, version);
		const nodeCredentials = {};
		for (const [credType, data] of Object.entries(creds)) {
			nodeCredentials[credType] = credentialsHelper.add(credType, data);
		}
		return {
			id: 'node-under-test',
			name: name ?? description.defaults?.name ?? description.displayName,
			type: registry.fullType(type),
			typeVersion: version,
			position: [250, 0],
			parameters: structuredClone(parameters),
			credentials: nodeCredentials,
			...extra,
		};
	}

	const harness = { registry, credentialsHelper, buildNode, fullType: (t) => registry.fullType(t) };
	harness.runNode = (options) => runNode(harness, options);
	harness.testCredential = (credentialType, data) => testCredential(harness, credentialType, data);
	harness.pollTrigger = (options) => pollTrigger(harness, options);
	harness.loadOptions = (options) => loadOptions(harness, options);
	return harness;
}

module.exports = { createHarness, loadPackage, startServer, START_TYPE, NOOP_TYPE };
