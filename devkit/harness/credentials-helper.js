'use strict';
/**
 * In-memory ICredentialsHelper: the part of n8n's CLI (packages/cli/src/credentials-helper.ts) that
 * the engine calls while a node runs. Credential data lives in a Map instead of the database;
 * everything else follows n8n 2.41: defaults from the credential's properties are applied (and
 * unknown keys dropped) by NodeHelpers.getNodeParameters, `=` expressions in the data are resolved,
 * and `authenticate` is either the credential's function or its `generic` block, whose keys and
 * values are resolved with `workflow.expression.getSimpleParameterValue(node, v, 'internal',
 * { $credentials }, undefined, '')` exactly as n8n does.
 */
require('./env');
const { ICredentialsHelper, NodeHelpers, Workflow, isExpression } = require('n8n-workflow');
const { getAdditionalKeys } = require('n8n-core');

const MOCK_NODE = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
const MOCK_NODE_TYPES = {
	getKnownTypes: () => ({}),
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
};

class HarnessCredentialsHelper extends ICredentialsHelper {
	/** @param {import('./registry').Registry} registry */
	constructor(registry) {
		super();
		this.registry = registry;
		/** id -> { type, name, data } */
		this.store = new Map();
		this.nextId = 1;
	}

	/** Stores credential data and returns the INodeCredentialsDetails a node references it by. */
	add(type, data, name = `${type} (harness)`) {
		this.registry.getCredentialType(type); // fail early on unknown types
		const id = String(this.nextId++);
		this.store.set(id, { type, name, data: { ...data } });
		return { id, name };
	}

	getParentTypes(typeName) {
		const type = this.registry.getCredentialType(typeName);
		const parents = type.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType, nodeType) {
		const type = this.registry.findCredentialType(credentialType);
		if (!type || !type.restrictToSupportedNodes) return true;
		return this.registry.getSupportedNodes(credentialType).includes(nodeType);
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.registry.getCredentialType(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate && typeof authenticate === 'object') {
			if (!workflow || !node) throw new Error('Workflow and node are required for declarative authentication');
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			if (authenticate.type === 'generic') {
				const resolve = (v) => this.resolveValue(v, { $credentials: credentials }, workflow, node);
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue)) {
						if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
						requestOptions[outerKey][resolve(key)] = resolve(value);
					}
				}
			}
		}
		return requestOptions;
	}

	resolveValue(parameterValue, additionalKeys, workflow, node) {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(node, parameterValue, 'internal', additionalKeys, undefined, '');
		return value ? value.toString() : '';
	}

	/** Same contract as n8n: only credentials with an expirable hidden property pre-authenticate. */
	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const type = this.registry.getCredentialType(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) await this.updateCredentials(details, typeName, { ...this.store.get(details.id)?.data, ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		const type = this.registry.getCredentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) ?? undefined;
	}

	async getCredentials(nodeCredentials, type) {
		const entry = this.getEntry(nodeCredentials, type);
		return { id: nodeCredentials.id, name: entry.name, type, getData: async () => ({ ...entry.data }) };
	}

	async getDecrypted(additionalData, nodeCredentials, type, mode, executeData, raw, expressionResolveValues) {
		const data = { ...this.getEntry(nodeCredentials, type).data };
		if (raw === true) return data;
		return await this.applyDefaultsAndOverwrites(additionalData, data, type, mode, executeData, expressionResolveValues);
	}

	/** Mirrors CredentialsHelper.applyDefaultsAndOverwrites (no overwrites configured here). */
	async applyDefaultsAndOverwrites(additionalData, original, type, mode, executeData, expressionResolveValues) {
		const properties = this.getCredentialsProperties(type);
		let data = NodeHelpers.getNodeParameters(properties, original, true, false, null, null);
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			const v = expressionResolveValues;
			data = v.workflow.expression.getParameterValue(
				data, v.runExecutionData, v.runIndex, v.itemIndex, v.node.name, v.connectionInputData,
				mode, additionalKeys, executeData, false, data,
			);
		} else {
			const workflow = new Workflow({ nodes: [MOCK_NODE], connections: {}, active: false, nodeTypes: MOCK_NODE_TYPES });
			await workflow.expression.acquireIsolate();
			try {
				data = workflow.expression.getComplexParameterValue(MOCK_NODE, data, mode, additionalKeys, undefined, undefined, data);
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		return data;
	}

	async updateCredentials(nodeCredentials, type, data) {
		this.getEntry(nodeCredentials, type).data = { ...data };
	}

	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		this.getEntry(nodeCredentials, type).data.oauthTokenData = data.oauthTokenData;
	}

	getCredentialsProperties(typeName) {
		const type = this.registry.getCredentialType(typeName);
		if (type.extends === undefined) return type.properties;
		const combined = [];
		for (const parent of type.extends) NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}

	getEntry(nodeCredentials, type) {
		const entry = nodeCredentials?.id ? this.store.get(nodeCredentials.id) : undefined;
		// Same wording as n8n's CredentialNotFoundError so tests see what a user would see.
		if (!entry || entry.type !== type) {
			throw new Error(`Credential with ID "${nodeCredentials?.id}" does not exist for type "${type}".`);
		}
		return entry;
	}
}

module.exports = { HarnessCredentialsHelper };
