'use strict';
/**
 * Queue-mode workflows. Executions that reach workers start from a webhook (n8n keeps pollers on
 * the main and sends webhook executions to the queue), so the regular-mode e2e's "every operation"
 * workflows get a Webhook node in place of their manual trigger, under the same node name.
 */
const { randomUUID } = require('node:crypto');
const { NODE_TYPE, TRIGGER_TYPE } = require('../../../scripts/lib/outlit-setup');
const { opsWorkflow, gatewayOpsWorkflow, REST_CREDENTIAL } = require('../../e2e/lib/workflows');

const IDS = { ops: 'queueOutlitOps01', gatewayOps: 'queueOutlitOpsGw', wait: 'queueOutlitWait1', trigger: 'queueOutlitTrig1', many: 'queueOutlitMany1' };
const PATHS = { ops: 'outlit-queue-ops', gatewayOps: 'outlit-queue-ops-gw', wait: 'outlit-queue-wait', many: 'outlit-queue-many' };

function webhookNode(pathName) {
	return {
		id: `q-${pathName}`,
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options: {} },
	};
}

function fromWebhook(workflow, id, pathName) {
	const nodes = workflow.nodes.map((n) => (n.name === 'Start' ? webhookNode(pathName) : n));
	return { ...workflow, id, name: `queue: ${workflow.name}`, nodes };
}

const outlit = (name, parameters, position) => ({
	id: `q-${name.replace(/\W/g, '')}`,
	name,
	type: NODE_TYPE,
	typeVersion: 1,
	position,
	parameters: { resource: 'integration', ...parameters },
	credentials: { outlitApi: { id: REST_CREDENTIAL.id, name: REST_CREDENTIAL.name } },
});

/** Connect Slack by browser session, then wait (a long timeout: the test stops or kills it). */
function waitWorkflow() {
	const nodes = [
		webhookNode(PATHS.wait),
		outlit('Start Slack session', { operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, [220, 0]),
		outlit('Wait for Slack', { operation: 'waitForConnection', sessionId: '={{ $json.sessionId }}', pollInterval: 0.5, timeout: 120 }, [440, 0]),
	];
	const connections = {
		Start: { main: [[{ node: 'Start Slack session', type: 'main', index: 0 }]] },
		'Start Slack session': { main: [[{ node: 'Wait for Slack', type: 'main', index: 0 }]] },
	};
	return { id: IDS.wait, name: 'queue: wait on a worker', nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** The webhook body's `items` array split into one item each, then Get Sync Status per item. */
function manyWorkflow() {
	const nodes = [
		webhookNode(PATHS.many),
		{ id: 'q-split', name: 'One item each', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} } },
		outlit('Stripe sync status', { operation: 'getSyncStatus', provider: 'stripe' }, [440, 0]),
	];
	const connections = {
		Start: { main: [[{ node: 'One item each', type: 'main', index: 0 }]] },
		'One item each': { main: [[{ node: 'Stripe sync status', type: 'main', index: 0 }]] },
	};
	return { id: IDS.many, name: 'queue: many items under a rate limit', nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** The trigger, every minute (n8n refuses shorter polling intervals), into a No Op. */
/** The trigger has a sandbox (and credential) of its own, so its minute polls never mix into the
 * request logs the other phases check. */
const TRIGGER_CREDENTIAL = { id: 'QueueTriggerSbx1', name: 'Outlit trigger sandbox (REST routes)', api: 'rest' };

function triggerWorkflow() {
	const nodes = [
		{
			id: 'q-trigger',
			name: 'Outlit Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: ['syncFailed'] },
			credentials: { outlitApi: { id: TRIGGER_CREDENTIAL.id, name: TRIGGER_CREDENTIAL.name } },
		},
		{ id: 'q-noop', name: 'Alert', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	];
	const connections = { 'Outlit Trigger': { main: [[{ node: 'Alert', type: 'main', index: 0 }]] } };
	return { id: IDS.trigger, name: 'queue: sync failure trigger', nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

function queueWorkflows(canaries) {
	const all = {
		ops: fromWebhook(opsWorkflow(canaries), IDS.ops, PATHS.ops),
		gatewayOps: fromWebhook(gatewayOpsWorkflow(canaries), IDS.gatewayOps, PATHS.gatewayOps),
		wait: waitWorkflow(),
		trigger: triggerWorkflow(),
		many: manyWorkflow(),
	};
	return { all, ids: IDS, paths: PATHS, active: [IDS.ops, IDS.gatewayOps, IDS.wait, IDS.trigger, IDS.many] };
}

module.exports = { queueWorkflows, TRIGGER_CREDENTIAL };
