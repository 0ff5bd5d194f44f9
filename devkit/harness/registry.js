'use strict';
/**
 * Node and credential types, loaded the way n8n loads them.
 *
 * Classes handed to the harness go through n8n-core's own DirectoryLoader code
 * (`loadNodeFromFile` / `loadCredentialFromFile`), so they get exactly what n8n adds at load time:
 * the declarative `requestOptions` parameter (batching/proxy/timeout) read by RoutingNode, the
 * polling parameters of poll triggers, `validateNodeDescription`, credential `supportedNodes`.
 * Only `loadClass` is swapped: it returns the instance we were given instead of requiring a file.
 * A built package can instead be loaded from disk with PackageDirectoryLoader (see loadPackage).
 *
 * The Registry is the INodeTypes the Workflow and the engine use. A node is found by its bare
 * description name (`outlit`) or by the package-prefixed name n8n gives it (`n8n-nodes-outlit.outlit`).
 */
const path = require('node:path');
require('./env');
const { DirectoryLoader, PackageDirectoryLoader } = require('n8n-core');
const { NodeHelpers } = require('n8n-workflow');

const REPO_ROOT = path.resolve(__dirname, '../..');

class InMemoryLoader extends DirectoryLoader {
	constructor(packageName, directory = REPO_ROOT) {
		super(directory);
		this.packageName = packageName;
		this.instances = new Map();
	}

	async loadAll() {}

	loadClass(sourcePath) {
		return this.instances.get(sourcePath);
	}

	addNode(classOrInstance) {
		const instance = typeof classOrInstance === 'function' ? new classOrInstance() : classOrInstance;
		// A synthetic path inside the package: icon paths are resolved against it, codex lookup misses.
		const sourcePath = `nodes/${instance.description.name}.node.js`;
		this.instances.set(sourcePath, instance);
		this.loadNodeFromFile(sourcePath);
	}

	addCredential(classOrInstance) {
		const instance = typeof classOrInstance === 'function' ? new classOrInstance() : classOrInstance;
		const sourcePath = `credentials/${instance.name}.credentials.js`;
		this.instances.set(sourcePath, instance);
		this.loadCredentialFromFile(sourcePath);
	}
}

/** Loads a package directory (its package.json `n8n` section, built dist/) exactly as n8n does. */
async function loadPackage(directory = REPO_ROOT) {
	const loader = new PackageDirectoryLoader(directory);
	await loader.loadAll();
	return loader;
}

function defaultPackageName() {
	return require(path.join(REPO_ROOT, 'package.json')).name;
}

class Registry {
	/**
	 * @param {DirectoryLoader} loader
	 * @param {Record<string, object>} builtins node types the harness itself needs, by full name
	 */
	constructor(loader, builtins = {}) {
		this.loader = loader;
		this.packageName = loader.packageName;
		this.builtins = builtins;
	}

	/** `outlit` -> `n8n-nodes-outlit.outlit`; full and builtin names are returned unchanged. */
	fullType(type) {
		if (this.builtins[type] || type.startsWith(`${this.packageName}.`)) return type;
		return `${this.packageName}.${type}`;
	}

	shortType(type) {
		const prefix = `${this.packageName}.`;
		return type.startsWith(prefix) ? type.slice(prefix.length) : type;
	}

	// --- INodeTypes ---
	getByName(type) {
		if (this.builtins[type]) return this.builtins[type];
		const entry = this.loader.nodeTypes[this.shortType(type)];
		if (!entry) throw new Error(`Unknown node type "${type}" (registered: ${Object.keys(this.loader.nodeTypes).join(', ')})`);
		return entry.type;
	}

	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}

	/** Highest version of a node type (what a new node in the editor gets). */
	latestVersion(type) {
		const nodeType = this.getByName(type);
		if ('nodeVersions' in nodeType) return nodeType.currentVersion;
		const { version } = nodeType.description;
		return Array.isArray(version) ? version[version.length - 1] : version;
	}

	// --- credentials ---
	findCredentialType(name) {
		return this.loader.credentialTypes[name]?.type;
	}

	getCredentialType(name) {
		const type = this.findCredentialType(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	/** Full node type names that list this credential (n8n's CredentialTypes.getSupportedNodes). */
	getSupportedNodes(credentialType) {
		const supported = this.loader.known.credentials[credentialType]?.supportedNodes ?? [];
		return supported.map((name) => this.fullType(name));
	}
}

module.exports = { InMemoryLoader, Registry, loadPackage, defaultPackageName, REPO_ROOT };
