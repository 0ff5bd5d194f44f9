'use strict';
/** Shared pieces for one harness: additionalData, the helper node types, execution ids. */
require('./env');

/** Plays the Manual Trigger's part: emits the harness input items (each gets pairedItem). */
const START_TYPE = 'n8n-nodes-harness.start';
const startNodeType = {
	description: {
		displayName: 'Harness Start',
		name: START_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Emits the input items given to runNode',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

/** The node n8n's CredentialsTester builds a credential's `test` request on. */
const NOOP_TYPE = 'n8n-nodes-base.noOp';
const noOpNodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: NOOP_TYPE,
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
};

const WORKFLOW_ID = 'harness-workflow';
let executionCounter = 0;
const nextExecutionId = (prefix = 'harness') => `${prefix}-${++executionCounter}`;

/** IWorkflowExecuteAdditionalData with everything the engine reads while running a node. */
function makeAdditionalData({ credentialsHelper, hooks, executionId, workflowId = WORKFLOW_ID }) {
	const base = 'http://127.0.0.1:5678'; // never contacted; the URLs must only parse (a missing one => Invalid URL)
	const unsupported = (what) => async () => {
		throw new Error(`${what} is not supported by the test harness`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formTestBaseUrl: `${base}/form-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('startRunnerTask'),
	};
}

module.exports = { START_TYPE, startNodeType, NOOP_TYPE, noOpNodeType, WORKFLOW_ID, nextExecutionId, makeAdditionalData };
