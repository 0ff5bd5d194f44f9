'use strict';
/**
 * loadOptions: one of a node's `methods.loadOptions` run as the n8n editor runs it, in n8n-core's
 * LoadOptionsContext (its getCredentials and HTTP helpers), on a one-node workflow.
 */
const { LoadOptionsContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { WORKFLOW_ID, makeAdditionalData, nextExecutionId } = require('./context');

async function loadOptions(harness, { type, typeVersion, parameters, credentials, method, path = 'parameters.provider' }) {
	const { registry, credentialsHelper } = harness;
	const node = harness.buildNode({ type, typeVersion, parameters, credentials });
	const workflow = new Workflow({ id: WORKFLOW_ID, nodes: [node], connections: {}, active: false, nodeTypes: registry });
	const additionalData = makeAdditionalData({ credentialsHelper, executionId: nextExecutionId('harness-load-options') });
	const context = new LoadOptionsContext(workflow, node, additionalData, path);
	const nodeType = registry.getByNameAndVersion(node.type, node.typeVersion);
	return await nodeType.methods.loadOptions[method].call(context);
}

module.exports = { loadOptions };
