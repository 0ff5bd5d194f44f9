'use strict';
/**
 * runNode: one node behind a start node, run by WorkflowExecute.processRunExecutionData exactly as a
 * manual execution is (ExecutionLifecycleHooks, createRunExecutionData, executionOrder v1).
 */
require('./env');
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Workflow, createRunExecutionData } = require('n8n-workflow');
const { START_TYPE, WORKFLOW_ID, makeAdditionalData, nextExecutionId } = require('./context');

const DEFAULT_CANCEL_WAIT_MS = 5000;

function toItems(input) {
	return (input ?? [{ json: {} }]).map((item) => ('json' in item ? { ...item } : { json: item }));
}

/** After a cancel the engine's promise settles only once the node returns: bound that wait. */
function awaitWithCancel(execution, abortSignal, cancelWaitMs, canceledRun) {
	return new Promise((resolve, reject) => {
		let timer;
		const arm = () => {
			timer = setTimeout(() => resolve({ run: canceledRun(), stillRunning: true }), cancelWaitMs);
		};
		if (abortSignal.aborted) arm();
		else abortSignal.addEventListener('abort', arm, { once: true });
		execution.then(
			(run) => {
				clearTimeout(timer);
				abortSignal.removeEventListener('abort', arm);
				resolve({ run, stillRunning: abortSignal.aborted ? false : undefined });
			},
			(error) => {
				clearTimeout(timer);
				abortSignal.removeEventListener('abort', arm);
				reject(error);
			},
		);
	});
}

/**
 * @param {{ registry, credentialsHelper, buildNode }} harness
 * @returns {Promise<{items, outputs, error, executionError, status, runData, run, node, workflow, stillRunningAfterCancel}>}
 */
async function runNode(harness, options) {
	const { type, typeVersion, name, parameters, credentials, input, continueOnFail = false, onError } = options;
	const { abortSignal, cancelWaitMs = DEFAULT_CANCEL_WAIT_MS, settings, staticData } = options;
	const extra = {};
	if (continueOnFail) extra.continueOnFail = true;
	if (onError) extra.onError = onError;
	const node = harness.buildNode({ type, typeVersion, name, parameters, credentials, extra });
	const startNode = { id: 'start', name: 'Start', type: START_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [startNode, node];
	const connections = { [startNode.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } };
	const workflowSettings = { executionOrder: 'v1', ...settings };
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes: harness.registry,
		settings: workflowSettings,
		staticData,
	});

	const executionId = nextExecutionId();
	const workflowData = { id: WORKFLOW_ID, name: workflow.name, nodes, connections, active: false, settings: workflowSettings };
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	let canceledRun;
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => {
		canceledRun ??= fullRunData; // the first call is the one setupCancellation makes on cancel
	});
	const additionalData = makeAdditionalData({ credentialsHelper: harness.credentialsHelper, hooks, executionId });
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [toItems(input)] }, source: null }] },
	});

	let execution;
	try {
		execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	} catch (error) {
		// Thrown before the run starts, e.g. WorkflowHasIssuesError for a missing required parameter.
		return { items: [], outputs: [], error: undefined, executionError: error, status: 'error', runData: {}, run: undefined, node, workflow };
	}

	let run;
	let stillRunningAfterCancel;
	if (!abortSignal) {
		run = await execution;
	} else {
		const onAbort = () => execution.cancel();
		if (abortSignal.aborted) onAbort();
		else abortSignal.addEventListener('abort', onAbort, { once: true });
		try {
			({ run, stillRunning: stillRunningAfterCancel } = await awaitWithCancel(execution, abortSignal, cancelWaitMs, () => canceledRun));
		} finally {
			abortSignal.removeEventListener('abort', onAbort);
		}
	}

	const { runData } = run.data.resultData;
	const task = runData[node.name]?.[0];
	const outputs = task?.data?.main ?? [];
	return {
		items: outputs[0] ?? [],
		outputs,
		error: task?.error,
		executionError: run.data.resultData.error,
		status: run.status,
		runData,
		run,
		node,
		workflow,
		stillRunningAfterCancel,
	};
}

module.exports = { runNode };
