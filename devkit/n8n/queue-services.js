'use strict';
/**
 * Real Redis and PostgreSQL (Debian's packages) for n8n's queue mode, each started as our own
 * process on a loopback port with its data in a temporary folder, and stopped at the end. Nothing
 * goes through system services. PostgreSQL refuses to run as root, so it runs as `postgres`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { run, runOk, waitFor, sleep } = require('./proc');

function postgresBin() {
	const root = '/usr/lib/postgresql';
	const major = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => b - a)[0] : undefined;
	const bin = major && path.join(root, major, 'bin');
	if (!bin || !fs.existsSync(path.join(bin, 'postgres'))) {
		throw new Error('PostgreSQL is not installed: apt-get install postgresql (the CI script does)');
	}
	return bin;
}

function requireCommand(name, pkg) {
	const found = (process.env.PATH || '').split(':').some((d) => fs.existsSync(path.join(d, name)));
	if (!found) throw new Error(`${name} is not installed: apt-get install ${pkg} (the CI script does)`);
}

function stopper(child, what) {
	return async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const done = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const late = await Promise.race([done.then(() => false), sleep(10000).then(() => true)]);
		if (late) {
			child.kill('SIGKILL');
			await done;
		}
		return what;
	};
}

/** `redis-server` on 127.0.0.1:port, no persistence. */
async function startRedis({ port, logFile }) {
	requireCommand('redis-server', 'redis-server');
	const out = fs.openSync(logFile, 'a');
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', out, out] });
	fs.closeSync(out);
	await waitFor(`redis on ${port}`, async () => {
		if (child.exitCode !== null) throw new Error(`redis-server exited ${child.exitCode}; see ${logFile}`);
		return fs.readFileSync(logFile, 'utf8').includes('Ready to accept connections');
	}, { timeoutMs: 20000, intervalMs: 200 });
	return { port, stop: stopper(child, 'redis') };
}

/** A fresh cluster in `dir` (owned by postgres), database `n8n`, trust auth on 127.0.0.1:port. */
async function startPostgres({ dir, port, logFile, database = 'n8n' }) {
	const bin = postgresBin();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// The folder and every parent must be reachable by the postgres user.
	await runOk('chown', ['-R', 'postgres:postgres', dir]);
	for (let d = path.dirname(dir); d !== '/'; d = path.dirname(d)) fs.chmodSync(d, fs.statSync(d).mode | 0o011);
	const asPostgres = (cmd, args, opts) => runOk('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], opts);
	await asPostgres('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync'], { timeoutMs: 120000 });
	const out = fs.openSync(logFile, 'a');
	const child = spawn('runuser', ['-u', 'postgres', '--', path.join(bin, 'postgres'), '-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], { stdio: ['ignore', out, out] });
	fs.closeSync(out);
	await waitFor(`postgres on ${port}`, async () => {
		if (child.exitCode !== null) throw new Error(`postgres exited ${child.exitCode}; see ${logFile}`);
		const r = await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { timeoutMs: 10000 });
		return r.code === 0;
	}, { timeoutMs: 60000, intervalMs: 300 });
	await runOk(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);

	/** Rows of `sql` as objects (psql's JSON per row). */
	async function query(sql) {
		const wrapped = `SELECT row_to_json(t) FROM (${sql}) t`;
		const r = await runOk(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-At', '-c', wrapped], { timeoutMs: 30000 });
		return r.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
	}

	return {
		port,
		database,
		query,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: stopper(child, 'postgres'),
	};
}

module.exports = { startRedis, startPostgres };
