'use strict';
/**
 * testCredential: n8n's CredentialsTester.testCredentials (packages/cli) over the harness's types.
 * Defaults are applied, then the credential's `test` request (or a node's `testedBy`) runs through a
 * RoutingNode on a noOp node with the credential's `authenticate`, and its `rules` judge the answer.
 */
require('./env');
const { CredentialTestContext, ExecuteContext, RoutingNode } = require('n8n-core');
const { NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');
const get = require('lodash/get');
const { noOpNodeType, makeAdditionalData } = require('./context');

function getCredentialTestFunction(registry, credentialType) {
	const type = registry.getCredentialType(credentialType);
	if (type.test) return { testRequest: type.test };
	for (const { type: nodeType } of Object.values(registry.loader.nodeTypes)) {
		const versions = 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
		for (const version of versions) {
			for (const { name, testedBy } of version.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy !== 'string') return { nodeType: version, testRequest: testedBy };
				const fn = version.methods?.credentialTest?.[testedBy];
				if (fn) return fn;
			}
		}
	}
	return undefined;
}

function errorResult(error, rules) {
	const response = error.cause?.response;
	if (response) {
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && response.status === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: error.message.toString() };
}

/** @returns {Promise<{status: 'OK'|'Error', message: string}>} */
async function testCredential({ registry, credentialsHelper }, credentialType, data) {
	const testFunction = getCredentialTestFunction(registry, credentialType);
	if (testFunction === undefined) return { status: 'Error', message: 'No testing function found for this credential.' };
	const additionalData = makeAdditionalData({ credentialsHelper });
	const credentialsDecrypted = { id: 'harness-credential-test', name: `${credentialType} (test)`, type: credentialType, data: { ...data } };
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(additionalData, credentialsDecrypted.data, credentialType, 'internal');
	} catch (error) {
		return { status: 'Error', message: error.message.toString() };
	}
	if (typeof testFunction === 'function') {
		return await testFunction.call(new CredentialTestContext(), credentialsDecrypted);
	}

	const baseType = testFunction.nodeType ?? noOpNodeType;
	const { version } = baseType.description;
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: baseType.description.name,
		typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
		position: [0, 0],
		credentials: { [credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypeCopy = {
		description: {
			...baseType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testFunction.testRequest.request }, default: '' }],
		},
	};
	const nodeTypes = {
		getKnownTypes: () => ({}),
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (_name, v) => NodeHelpers.getVersionedNodeType(nodeTypeCopy, v),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const executeData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, executeData, []);
	const { rules } = testFunction.testRequest;
	let response;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (error) {
		return errorResult(error, rules);
	}
	for (const rule of Array.isArray(rules) ? rules : []) {
		if (rule.type === 'responseSuccessBody' && get(response[0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { testCredential };
