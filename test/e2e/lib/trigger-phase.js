'use strict';
/**
 * The Outlit Trigger in a running n8n: activation seeds silently, a new sync failure fires exactly
 * one execution, a restart neither re-fires it nor loses track, and a later failure still fires.
 * n8n polls once at activation and then every minute (at a random second), so each wait for an
 * execution is bounded by ~2 minutes.
 */
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { executionsOf, nodeItems, staticDataOf } = require('@repo/devkit/n8n/n8n-db');
const { waitFor, sleep } = require('@repo/devkit/n8n/proc');

const WORKFLOW_ID = 'outlitExSyncAlrt'; // examples/workflows/sync-failure-alert.json
const FORMAT_NODE = 'Format alert';
const TRIGGER_NODE = 'Outlit Trigger';
const POLL_WAIT_MS = 150000;

const listPolls = (sb) => sb.requests.filter((r) => r.method === 'GET' && r.path === '/api/integrations').length;
const gatewayPolls = (sb) => sb.requests.filter((r) => r.tool === 'outlit_get_integration_status').length;

async function waitForPoll(sb, after, what) {
	return waitFor(what, () => listPolls(sb) > after, { timeoutMs: POLL_WAIT_MS, intervalMs: 250 });
}

async function waitForExecutions(n8n, count, what) {
	return waitFor(
		what,
		async () => {
			const ex = await executionsOf(n8n.dbFile, WORKFLOW_ID);
			return ex.filter((e) => e.finished || e.status === 'success' || e.status === 'error').length >= count && ex;
		},
		{ timeoutMs: POLL_WAIT_MS, intervalMs: 1000 },
	);
}

function triggerItems(execution) {
	const runData = execution.data && execution.data.resultData.runData;
	return { trigger: nodeItems(runData, TRIGGER_NODE) || [], formatted: nodeItems(runData, FORMAT_NODE) || [] };
}

/**
 * @param duringFirstWait optional async fn run while waiting for the first minute poll (the
 *   browser test uses this time).
 */
async function runTriggerPhase(scope, { n8n, sb, duringFirstWait }) {
	const check = (name, fn) => scope.check(`trigger: ${name}`, fn);
	const first = { provider: 'stripe', model: 'StripeInvoice', errorMessage: 'Invoice sync failed: token expired (e2e 1)' };
	const second = { provider: 'pylon', model: 'PylonIssue', errorMessage: 'Issue sync failed: rate limited (e2e 2)' };
	sb.reset({ connected: ['stripe', 'pylon'] });

	await scope.time('trigger: activate + start n8n', async () => {
		await n8n.activate(WORKFLOW_ID);
		await n8n.start();
	});
	await waitForPoll(sb, 0, 'the activation poll');
	await check('activation polls at once and seeds without firing', async () => {
		await sleep(2000);
		const state = await waitFor('static data', () => staticDataOf(n8n.dbFile, WORKFLOW_ID), { timeoutMs: 10000 });
		const s = state[`node:${TRIGGER_NODE}`];
		assert(s && s.seededAt, `no seededAt in ${JSON.stringify(state)}`);
		assertEqual((await executionsOf(n8n.dbFile, WORKFLOW_ID)).length, 0, 'executions after seeding');
	});

	const side = duringFirstWait ? duringFirstWait() : Promise.resolve();
	sb.setSyncFailure(first.provider, first.model, first.errorMessage);
	let failureId;
	await scope.time('trigger: wait for the failure to fire', async () => {
		await check('a new sync failure fires exactly one execution carrying it', async () => {
			const ex = await waitForExecutions(n8n, 1, 'the first trigger execution');
			assertEqual(ex.length, 1, 'executions');
			assertEqual(ex[0].status, 'success', 'execution status');
			assertEqual(ex[0].mode, 'trigger', 'execution mode');
			const { trigger, formatted } = triggerItems(ex[0]);
			assertEqual(trigger.length, 1, 'trigger items');
			const t = trigger[0];
			assertEqual([t.event, t.provider, t.model, t.errorMessage], ['syncFailed', first.provider, first.model, first.errorMessage], 'trigger item');
			failureId = t.failureId;
			assertEqual(formatted.length, 1, 'formatted items');
			assert(formatted[0].message.includes(first.errorMessage) && formatted[0].message.includes('Stripe'), `message: ${formatted[0].message}`);
		});
	});
	await side;

	await scope.time('trigger: restart n8n', async () => {
		await n8n.stop();
		const before = listPolls(sb);
		await n8n.start();
		await waitForPoll(sb, before, 'the poll after the restart');
	});
	await check('after a restart the same failure does not fire again', async () => {
		await sleep(5000); // an execution, if any, is saved within a second or two of its poll
		const ex = await executionsOf(n8n.dbFile, WORKFLOW_ID);
		assertEqual(ex.length, 1, 'executions after restart');
		const s = (await staticDataOf(n8n.dbFile, WORKFLOW_ID))[`node:${TRIGGER_NODE}`];
		assert(JSON.stringify(s.providers).includes(failureId), 'stored failure kept across the restart');
	});

	sb.setSyncFailure(second.provider, second.model, second.errorMessage);
	await scope.time('trigger: wait for the second failure', async () => {
		await check('a new failure after the restart fires once; the old one never again', async () => {
			const ex = await waitForExecutions(n8n, 2, 'the second trigger execution');
			assertEqual(ex.length, 2, 'executions');
			const { trigger } = triggerItems(ex[1]);
			assertEqual(trigger.map((t) => [t.event, t.provider, t.model, t.errorMessage]), [['syncFailed', second.provider, second.model, second.errorMessage]], 'second execution items');
			const all = ex.flatMap((e) => triggerItems(e).trigger.map((t) => t.failureId));
			assertEqual(all.filter((id) => id === failureId).length, 1, 'first failure fired once in total');
		});
	});

	// Outlit retires its REST routes: the Automatic credential's trigger moves to the gateway by
	// itself. Its first poll there only records what it sees (the gateway lists providers REST never
	// did), taking the two open failures over without firing them again; a new failure then fires once.
	sb.setConnected('hubspot', true);
	sb.setContract('tools');
	const beforeSwitch = gatewayPolls(sb);
	await scope.time('trigger: wait for the first poll on the gateway', async () => {
		await check('REST retired: the trigger moves to the gateway, and its first poll there fires nothing', async () => {
			await waitFor('the first gateway poll', () => gatewayPolls(sb) > beforeSwitch, { timeoutMs: POLL_WAIT_MS, intervalMs: 250 });
			await sleep(5000);
			assertEqual((await executionsOf(n8n.dbFile, WORKFLOW_ID)).length, 2, 'executions');
		});
	});
	sb.setSyncFailure('hubspot', 'HubspotDeal', 'Deal sync failed (e2e 3)');
	await scope.time('trigger: wait for a new failure on the gateway', async () => {
		await check('on the gateway a new failure fires once', async () => {
			const ex = await waitForExecutions(n8n, 3, 'the third trigger execution (gateway)');
			assertEqual(ex.length, 3, 'executions');
			const { trigger } = triggerItems(ex[2]);
			assertEqual(trigger.map((t) => [t.event, t.provider, t.model, t.status]), [['syncFailed', 'hubspot', null, 'requires_intervention']], 'gateway execution items');
			const s = (await staticDataOf(n8n.dbFile, WORKFLOW_ID))[`node:${TRIGGER_NODE}`];
			assertEqual(s.contract, 'tools', 'stored contract');
		});
	});
	await check('on the gateway a quiet poll is one request and re-fires nothing', async () => {
		const before = gatewayPolls(sb);
		const restBefore = listPolls(sb);
		await waitFor('the next gateway poll', () => gatewayPolls(sb) > before, { timeoutMs: POLL_WAIT_MS, intervalMs: 250 });
		await sleep(5000);
		assertEqual((await executionsOf(n8n.dbFile, WORKFLOW_ID)).length, 3, 'executions');
		assertEqual(listPolls(sb), restBefore, 'REST list requests while the gateway is remembered');
	});
	await n8n.stop();
}

module.exports = { runTriggerPhase, WORKFLOW_ID };
