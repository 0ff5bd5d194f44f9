'use strict';
/**
 * The queue-mode checks, in order, on one running cluster (main + 2 workers + Redis + Postgres).
 * Every wait is bounded; execution records come from Postgres, request counts from the sandbox.
 */
const path = require('node:path');
const { versionInfo } = require('@repo/devkit/n8n/n8n-versions');
const { nodeItems } = require('@repo/devkit/n8n/n8n-db');
const { waitFor, sleep } = require('@repo/devkit/n8n/proc');
const { SYNC_MODELS } = require('../../sandbox/fixtures');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { checkOps } = require('../../e2e/lib/ops-checks');
const { checkGatewayOps } = require('../../e2e/lib/gateway-checks');

const FINAL = ['success', 'error', 'crashed', 'canceled'];
const { parse } = require(path.join(versionInfo('2.41.1').nodeModules, 'flatted'));

async function executions(pg, workflowId) {
	const rows = await pg.query(
		`SELECT e.id, e.status, e.mode, e.finished, e."startedAt", e."stoppedAt", d.data FROM execution_entity e
		 LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${workflowId}' ORDER BY e.id`,
	);
	return rows.map((r) => ({ ...r, id: String(r.id), data: r.data ? parse(r.data) : null }));
}

async function staticData(pg, workflowId) {
	const [row] = await pg.query(`SELECT "staticData" FROM workflow_entity WHERE id = '${workflowId}'`);
	const value = row && row.staticData;
	return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}

async function webhook(main, pathName, body = {}) {
	const res = await fetch(`${main.baseUrl}/webhook/${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30000) });
	if (res.status !== 200) throw new Error(`webhook ${pathName} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

/** The one new execution of a workflow after `known` ones, once it is in one of `statuses`. */
async function nextExecution(pg, workflowId, known, statuses = FINAL, timeoutMs = 120000) {
	return waitFor(
		`execution of ${workflowId} in ${statuses.join('/')}`,
		async () => {
			const all = await executions(pg, workflowId);
			const fresh = all.slice(known);
			return fresh.length > 0 && statuses.includes(fresh[0].status) ? fresh[0] : false;
		},
		{ timeoutMs, intervalMs: 300 },
	);
}

/** Which worker (1-based) logged starting this execution; the main must not have run it. */
function workerOf(cluster, executionId) {
	const started = new RegExp(`Worker started execution ${executionId}\\b`);
	const on = cluster.workers.map((w, i) => (started.test(w.logText()) ? i + 1 : 0)).filter(Boolean);
	return on;
}

async function opsOnWorkers(scope, cluster) {
	const { main, sb, pg, workflows, canaries } = cluster;
	for (const [key, check] of [
		['ops', (run) => checkOps(scope, run, sb.requests, { canaries, syncModels: SYNC_MODELS, sandboxUrl: sb.url })],
		['gatewayOps', (run) => checkGatewayOps(scope, run, sb.requests, { canaries, sandboxUrl: sb.url })],
	]) {
		const id = workflows.ids[key];
		const known = (await executions(pg, id)).length;
		sb.reset({ connectionLimit: 20, autoCompleteAfterPolls: 1 });
		await scope.time(`${key}: webhook → worker → finished`, async () => {
			await webhook(main, workflows.paths[key]);
			const exec = await nextExecution(pg, id, known);
			await scope.check(`${key}: execution ${exec.id} ran on exactly one worker, not on the main`, () => {
				assertEqual(workerOf(cluster, exec.id).length, 1, 'workers that started it');
				assert(main.logText().includes(`Enqueued execution ${exec.id}`), 'the main enqueued it');
			});
			// The same checks as the regular-mode e2e: same output, same requests.
			await check({ status: exec.status, data: exec.data });
		});
	}
}

const sessionPolls = (sb) => sb.requests.filter((r) => r.path === '/api/integrations/connect/status').length;

async function startWait(cluster) {
	const { main, sb, pg, workflows } = cluster;
	const id = workflows.ids.wait;
	const known = (await executions(pg, id)).length;
	sb.reset({ connected: [] });
	await webhook(main, workflows.paths.wait);
	const exec = await nextExecution(pg, id, known, ['running']);
	await waitFor('the wait to poll', () => sessionPolls(sb) >= 2, { timeoutMs: 30000, intervalMs: 100 });
	return exec;
}

async function stopWait(scope, cluster) {
	const { sb, pg, rest } = cluster;
	const exec = await startWait(cluster);
	const stoppedAt = Date.now();
	await rest.ok('POST', `/rest/executions/${exec.id}/stop`);
	const done = await waitFor(
		'the stopped execution to end',
		async () => (await executions(pg, cluster.workflows.ids.wait)).find((e) => e.id === exec.id && FINAL.includes(e.status)),
		{ timeoutMs: 30000, intervalMs: 100 },
	);
	const endedMs = Date.now() - stoppedAt;
	const pollsAtEnd = sessionPolls(sb);
	await sleep(2000);
	await scope.check(`stopping a wait on a worker through the main's REST API ends it within 2 s (${endedMs} ms, ${done.status})`, () => {
		assert(['canceled', 'error'].includes(done.status), `status ${done.status}`);
		assert(endedMs < 2000, `ended after ${endedMs} ms`);
		assertEqual(sessionPolls(sb), pollsAtEnd, 'polls after the stop');
	});
}

const listPolls = (sb) => sb.requests.filter((r) => r.method === 'GET' && r.path === '/api/integrations');

/**
 * n8n polls at activation and then every minute (its shortest interval), from the main only.
 * Across the phase, the list polls must number about one per elapsed minute (plus the activation
 * poll of each start), never one per worker.
 */
async function triggerOnce(scope, cluster) {
	const { triggerSb: sb, pg, workflows, main } = cluster;
	const id = workflows.ids.trigger;
	const failure = { provider: 'stripe', model: 'StripeInvoice', message: 'Invoice sync failed (queue mode)' };
	const seeded = await waitFor('the trigger to seed its state', async () => (await staticData(pg, id))?.['node:Outlit Trigger']?.seededAt, { timeoutMs: 90000, intervalMs: 1000 });
	const known = (await executions(pg, id)).length;
	const from = Date.now();
	// Stripe connected and seen healthy by one poll, then its sync fails.
	sb.setConnected(failure.provider, true);
	const healthy = listPolls(sb).length;
	await waitFor('a poll that sees Stripe connected', () => listPolls(sb).length > healthy, { timeoutMs: 90000, intervalMs: 250 });
	sb.setSyncFailure(failure.provider, failure.model, failure.message);
	const exec = await nextExecution(pg, id, known, FINAL, 90000);
	const pollsSoFar = listPolls(sb).length;
	await waitFor('one more poll with the failure still open', () => listPolls(sb).length > pollsSoFar, { timeoutMs: 90000, intervalMs: 250 });
	await sleep(3000);
	await scope.check('one sync failure gives exactly one execution, on a worker', async () => {
		assertEqual((await executions(pg, id)).length - known, 1, 'executions');
		assertEqual(exec.status, 'success', 'status');
		const items = nodeItems(exec.data.resultData.runData, 'Outlit Trigger');
		assertEqual(items.map((i) => [i.provider, i.model]), [[failure.provider, failure.model]], 'trigger items');
		assertEqual(workerOf(cluster, exec.id).length, 1, 'workers that ran it');
	});
	const stored = await staticData(pg, id);
	await scope.check("the trigger's static data is in Postgres", () => {
		assertEqual(stored['node:Outlit Trigger'].seededAt, seeded, 'seededAt');
	});
	const beforeRestart = listPolls(sb).length;
	await scope.time('restart the main', async () => {
		await main.stop();
		await main.start();
	});
	await cluster.rest.ensureOwner();
	await waitFor('the activation poll and one minute poll after the restart', () => listPolls(sb).length >= beforeRestart + 2, { timeoutMs: 150000, intervalMs: 250 });
	await sleep(3000);
	await scope.check('a restart of the main fires no duplicate, and keeps the static data', async () => {
		assertEqual((await executions(pg, id)).length - known, 1, 'executions');
		const after = await staticData(pg, id);
		assertEqual(after['node:Outlit Trigger'].seededAt, seeded, 'seededAt');
	});
	const polls = listPolls(sb).filter((r) => Date.parse(r.at) >= from).length;
	const minutes = (Date.now() - from) / 60000;
	await scope.check(`the trigger polls once per minute in total, not once per worker (${polls} polls in ${minutes.toFixed(1)} min, with a restart of the main)`, () => {
		// One per started minute, plus the restart's startup polls (activation, re-publication) and
		// one of slack; three pollers (main + 2 workers) would give about three times the minutes.
		assert(polls <= Math.ceil(minutes) + 3, `${polls} polls`);
		assert(polls >= Math.floor(minutes), `${polls} polls`);
	});
}

async function killWorkerMidWait(scope, cluster) {
	const { sb, pg, workflows } = cluster;
	const exec = await startWait(cluster);
	const [n] = workerOf(cluster, exec.id);
	const worker = cluster.workers[n - 1];
	process.kill(-worker.server.pid, 'SIGKILL');
	const killedAt = Date.now();
	const ended = await waitFor(
		'the killed execution to leave "running"',
		async () => (await executions(pg, workflows.ids.wait)).find((e) => e.id === exec.id && e.status !== 'running' && e.status !== 'new'),
		{ timeoutMs: 180000, intervalMs: 1000 },
	).catch(() => undefined);
	await scope.check(`a worker killed in the middle of a wait leaves the execution failed or crashed, not running (${ended ? `${ended.status} after ${Math.round((Date.now() - killedAt) / 1000)} s` : 'still running after 180 s'})`, () => {
		assert(ended, 'still running');
		assert(['crashed', 'error', 'canceled'].includes(ended.status), `status ${ended.status}`);
	});
	worker.server = null;
	await worker.start({ args: ['worker', '--concurrency=5'], ready: 'n8n worker is now ready' });
	const known = (await executions(pg, workflows.ids.wait)).length;
	sb.reset({ connected: [], autoCompleteAfterPolls: 1 });
	await fetch(`${cluster.main.baseUrl}/webhook/${workflows.paths.wait}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
	const again = await nextExecution(pg, workflows.ids.wait, known, FINAL, 60000);
	await scope.check('running it again works', () => {
		assertEqual(again.status, 'success', 'status');
		assertEqual(nodeItems(again.data.resultData.runData, 'Wait for Slack')[0].status, 'connected', 'wait item');
	});
}

/**
 * 1,000 items of Get Sync Status against the sandbox's limit of 100 requests a second, as two
 * executions of 500 sent at once (so both workers can take one): no item may fail. The throughput
 * (the ideal time for the requests beyond the burst, over the time they took) is reported.
 */
async function manyItems(scope, cluster) {
	const { sb, pg, workflows } = cluster;
	const id = workflows.ids.many;
	const perSecond = 100;
	const known = (await executions(pg, id)).length;
	sb.reset({ connected: ['stripe'], rateLimit: { perSecond } });
	const items = Array.from({ length: 500 }, (_, i) => i);
	await Promise.all([webhook(cluster.main, workflows.paths.many, { items }), webhook(cluster.main, workflows.paths.many, { items })]);
	const runs = await waitFor(
		'both executions to finish',
		async () => {
			const fresh = (await executions(pg, id)).slice(known);
			return fresh.length === 2 && fresh.every((e) => FINAL.includes(e.status)) ? fresh : false;
		},
		{ timeoutMs: 120000, intervalMs: 500 },
	);
	const calls = sb.requests.filter((r) => r.path === '/api/integrations/sync-status').map((r) => Date.parse(r.at));
	const counts = sb.rateLimitCounts();
	const seconds = (Math.max(...calls) - Math.min(...calls)) / 1000;
	const ideal = (counts.allowed - perSecond) / perSecond;
	const workersUsed = new Set(runs.flatMap((e) => workerOf(cluster, e.id)));
	await scope.check(`1,000 items under 100 requests/s on ${workersUsed.size} worker(s): none lost (throughput ${(ideal / seconds * 100).toFixed(0)}% of the limit, ${counts.limited} requests answered 429)`, () => {
		assertEqual(runs.map((e) => e.status), ['success', 'success'], 'statuses');
		const out = runs.flatMap((e) => nodeItems(e.data.resultData.runData, 'Stripe sync status'));
		assertEqual(out.length, 1000, 'items out');
		assertEqual(out.filter((i) => i.provider !== 'stripe' || i.error), [], 'failed items');
		assertEqual(counts.allowed, 1000, 'requests answered');
	});
	sb.reset();
}

const PHASES = {
	ops: ['every operation on a worker', opsOnWorkers],
	stop: ['stop a wait on a worker', stopWait],
	many: ['1,000 items under a rate limit', manyItems],
	trigger: ['trigger in queue mode', triggerOnce],
	kill: ['kill a worker mid-wait', killWorkerMidWait],
};

/** @param only phase names to run (default: all, in order) */
async function runPhases(scope, cluster, only = Object.keys(PHASES)) {
	for (const name of only) {
		const [title, phase] = PHASES[name] ?? [];
		if (!phase) throw new Error(`Unknown phase ${name}; known: ${Object.keys(PHASES).join(', ')}`);
		await scope.time(title, () => phase(scope, cluster));
	}
}

module.exports = { runPhases };
