'use strict';
/**
 * pollTrigger: a poll trigger on one Workflow object, so its static data persists across polls as it
 * does between the polls of an active workflow.
 */
const { Container } = require('./env');
const { PollContext, PollTriggerExecutor } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { WORKFLOW_ID, makeAdditionalData, nextExecutionId } = require('./context');

const plain = (value) => JSON.parse(JSON.stringify(value ?? {}));

function pollTrigger(harness, { type, typeVersion, name, parameters, credentials, staticData }) {
	const { registry, credentialsHelper } = harness;
	const node = harness.buildNode({ type, typeVersion, name, parameters, credentials });
	let workflow;
	/** Replaces the node's static data (undefined = fresh, like a newly created workflow). */
	const setStaticData = (data) => {
		workflow = new Workflow({
			id: WORKFLOW_ID,
			name: 'Harness poll workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: registry,
			settings: { executionOrder: 'v1' },
			staticData: data === undefined ? undefined : structuredClone({ [`node:${node.name}`]: data }),
		});
	};
	setStaticData(staticData);

	return {
		node,
		get workflow() {
			return workflow;
		},
		/** The node's static data (`this.getWorkflowStaticData('node')`), as a plain copy. */
		get staticData() {
			return plain(workflow.getStaticData('node', node));
		},
		getStaticData() {
			return plain(workflow.getStaticData('node', node));
		},
		setStaticData,
		/**
		 * One poll. mode 'trigger': through n8n's PollTriggerExecutor, the active-workflow path (result
		 * emitted, errors to __emitError). mode 'manual': poll() called as WorkflowExecute.executePollNode
		 * does for "Fetch test event".
		 * @returns {Promise<{items: object[][]|null, error?: Error, staticDataChanged: boolean}>}
		 */
		async poll({ mode = 'trigger', activation = mode === 'manual' ? 'manual' : 'activate' } = {}) {
			const additionalData = makeAdditionalData({ credentialsHelper, executionId: nextExecutionId('harness-poll') });
			let items = null;
			let error;
			if (mode === 'manual') {
				const context = new PollContext(workflow, node, additionalData, mode, activation);
				try {
					items = (await registry.getByNameAndVersion(node.type, node.typeVersion).poll.call(context)) ?? null;
				} catch (e) {
					error = e;
				}
			} else {
				const emit = (data) => {
					items = data;
				};
				const emitError = (e) => {
					error = e;
				};
				const context = new PollContext(workflow, node, additionalData, mode, activation, emit, emitError);
				await Container.get(PollTriggerExecutor).create(workflow, node, context, () => true)(false);
			}
			// n8n saves static data only when flagged as changed, then clears the flag (saveStaticData).
			const staticDataChanged = workflow.staticData.__dataChanged === true;
			workflow.staticData.__dataChanged = false;
			return { items, error, staticDataChanged };
		},
	};
}

module.exports = { pollTrigger };
