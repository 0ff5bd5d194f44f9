#!/usr/bin/env node
'use strict';
/**
 * `npm run test:queue`: the package in n8n 2.41.1's queue mode — one main, two workers, real Redis
 * and PostgreSQL (Debian's packages, started here as our own processes on loopback ports and
 * stopped at the end) — against the local Outlit sandbox. Ends with "N passed, N failed".
 *
 * What it checks, with the sandbox's request log, the processes' logs and n8n's execution records:
 * - every operation runs on a worker, with the same checks as the regular-mode e2e;
 * - a Wait for Connection on a worker stops within 2 s when the execution is stopped through the
 *   main's REST API;
 * - 1,000 items under a rate limit of 100 requests/s, as two executions on the workers: none lost;
 * - the trigger polls from the main only (once per interval in total), one sync failure gives
 *   exactly one execution, and a restart of the main gives no duplicate (static data in Postgres);
 * - a worker killed in the middle of a wait leaves no execution "running" for ever, and a new run
 *   then works.
 *
 *   --only ops,stop,many,trigger,kill   run some phases only
 */
const fs = require('node:fs');
const path = require('node:path');
const { RUNTIME_ROOT } = require('@repo/devkit/n8n/n8n-versions');
const { ensureN8n } = require('@repo/devkit/n8n/n8n-install');
const { N8nInstance } = require('@repo/devkit/n8n/n8n-instance');
const { N8nRest } = require('@repo/devkit/n8n/n8n-rest');
const { buildAndPack, installPackage } = require('@repo/devkit/n8n/package');
const { freePort } = require('@repo/devkit/n8n/proc');
const setup = require('../../scripts/lib/outlit-setup');
const { startRedis, startPostgres } = require('@repo/devkit/n8n/queue-services');
const { startSandbox } = require('../sandbox');
const { Report, runDriver } = require('@repo/devkit/e2e/report');
const { makeCanaries, REST_CREDENTIAL, TOOLS_CREDENTIAL, WRONG_CREDENTIAL } = require('../e2e/lib/workflows');
const { queueWorkflows, TRIGGER_CREDENTIAL } = require('./lib/workflows');
const { runPhases } = require('./lib/phases');

const VERSION = '2.41.1';
// `--only kill,stop`: some phases (default: all, in order).
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : undefined;
const ROOT = path.join(RUNTIME_ROOT, 'queue');

async function main() {
	const report = new Report();
	const t0 = Date.now();
	fs.rmSync(ROOT, { recursive: true, force: true });
	fs.mkdirSync(ROOT, { recursive: true });
	const stops = [];
	try {
		const [tarball] = await report.time('setup: n8n install + build + pack', () =>
			Promise.all([buildAndPack({ dir: setup.PACKAGE_DIR, log: (l) => console.log(`  ${l}`) }), ensureN8n(VERSION, { log: (l) => console.log(`  [install] ${l}`), quietNpm: true })]),
		);
		const canaries = makeCanaries();
		const sb = await startSandbox({ port: 0, apiKeys: [canaries.outlitKey] });
		const triggerSb = await startSandbox({ port: 0, apiKeys: [canaries.outlitKey] });
		stops.push(() => sb.close(), () => triggerSb.close());
		const [redis, pg] = await report.time('setup: Redis + PostgreSQL', () =>
			Promise.all([
				freePort().then((port) => startRedis({ port, logFile: path.join(ROOT, 'redis.log') })),
				freePort().then((port) => startPostgres({ dir: path.join(ROOT, 'pg'), port, logFile: path.join(ROOT, 'postgres.log') })),
			]),
		);
		stops.push(() => redis.stop(), () => pg.stop());

		const queueEnv = {
			...pg.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			N8N_LOG_LEVEL: 'debug',
			N8N_LOG_OUTPUT: 'console',
		};
		const userFolder = path.join(ROOT, 'n8n');
		const main = new N8nInstance({ version: VERSION, userFolder, port: await freePort(), brokerPort: await freePort(), logFile: path.join(ROOT, 'main.log'), extraEnv: queueEnv });
		const workers = [];
		for (const n of [1, 2]) {
			workers.push(new N8nInstance({ version: VERSION, userFolder, port: await freePort(), brokerPort: await freePort(), logFile: path.join(ROOT, `worker-${n}.log`), extraEnv: queueEnv }));
		}
		stops.push(...[main, ...workers].map((p) => () => p.stop()));

		const workflows = queueWorkflows(canaries);
		await report.time('setup: package, credentials, workflows into Postgres', async () => {
			await installPackage(tarball, userFolder);
			await main.importCredentials([
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.outlitKey, ...REST_CREDENTIAL }),
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.outlitKey, ...TOOLS_CREDENTIAL }),
				setup.sandboxCredential({ baseUrl: sb.url, apiKey: canaries.wrongKey, ...WRONG_CREDENTIAL }),
				setup.sandboxCredential({ baseUrl: triggerSb.url, apiKey: canaries.outlitKey, ...TRIGGER_CREDENTIAL }),
			]);
			await main.importWorkflows(Object.values(workflows.all));
			for (const id of workflows.active) await main.activate(id);
		});
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

		const cluster = {
			main,
			workers,
			sb,
			triggerSb,
			pg,
			canaries,
			workflows,
			rest: new N8nRest(main.baseUrl),
			async startAll() {
				await main.start();
				await Promise.all(workers.map((w) => (w.server ? undefined : w.start({ args: ['worker', '--concurrency=5'], ready: 'n8n worker is now ready' }))));
			},
		};
		await report.time('start main + 2 workers', () => cluster.startAll());
		await cluster.rest.ensureOwner();
		await runPhases(report.scope(`n8n ${VERSION} queue mode`), cluster, ONLY);
	} catch (e) {
		report.fail('queue-mode run aborted', e);
	} finally {
		for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch(() => {});
	}
	console.log(`\nqueue mode total: ${((Date.now() - t0) / 1000).toFixed(1)} s (logs in ${path.relative(process.cwd(), ROOT)})`);
	report.finish();
}

runDriver(main);
