'use strict';
/**
 * One real n8n: a user folder (own sqlite DB), a port, a version. Wraps the CLI commands we need
 * (import, execute, activate) and running `n8n start` as a server with bounded start/stop.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { versionInfo, n8nEnv } = require('./n8n-versions');
const { run, waitFor, sleep } = require('./proc');

class N8nInstance {
	constructor({ version, userFolder, port, brokerPort, encryptionKey = 'outlit-local-encryption-key', logFile, extraEnv = {} }) {
		this.info = versionInfo(version);
		this.version = version;
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.encryptionKey = encryptionKey;
		this.logFile = logFile || path.join(userFolder, 'n8n-output.log');
		this.extraEnv = extraEnv;
		this.server = null;
		fs.mkdirSync(userFolder, { recursive: true });
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	get dbFile() {
		return path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	env() {
		return n8nEnv(this.info, {
			userFolder: this.userFolder,
			port: this.port,
			brokerPort: this.brokerPort,
			encryptionKey: this.encryptionKey,
			extra: this.extraEnv,
		});
	}

	appendLog(title, text) {
		fs.appendFileSync(this.logFile, `\n===== ${new Date().toISOString()} ${title}\n${text}`);
	}

	/** Runs `n8n <args>`; every output goes to the log file (scanned for secrets later). */
	async cli(args, { timeoutMs = 180000, allowFail = false } = {}) {
		const r = await run(this.info.nodeBin, [this.info.n8nBin, ...args], { cwd: this.userFolder, env: this.env(), timeoutMs });
		this.appendLog(`n8n ${args.join(' ')} (exit ${r.code})`, `${r.stdout}\n--- stderr\n${r.stderr}`);
		if (r.code !== 0 && !allowFail) {
			const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
			throw new Error(`n8n ${args.join(' ')} (n8n ${this.version}) exited ${r.code}:\n${tail}`);
		}
		return r;
	}

	async importCredentials(credentials) {
		const file = path.join(this.userFolder, 'import-credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true }); // holds plain secrets
		}
	}

	/** Imports every workflow object in `workflows` (one CLI start for all of them). */
	async importWorkflows(workflows) {
		const dir = path.join(this.userFolder, 'import-workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir);
		for (const wf of workflows) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		try {
			await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true }); // node parameters may hold secrets
		}
	}

	/**
	 * `n8n execute --id --rawOutput`: resolves { ok, run, stdout } where `run` is the parsed run
	 * (IRun-like JSON) printed after n8n's log lines, or null when it printed none.
	 */
	async execute(id, { timeoutMs = 180000 } = {}) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs, allowFail: true });
		return { ok: r.code === 0, code: r.code, run: parseTrailingJson(r.stdout), stdout: r.stdout, stderr: r.stderr };
	}

	async activate(id) {
		await this.cli(this.info.activateArgs(id));
	}

	/**
	 * Starts `n8n start` and waits until the editor answers (bounded). A queue-mode worker is
	 * `start({ args: ['worker'], ready: <its log line> })`: no editor, so no health check.
	 */
	async start({ timeoutMs = 120000, args = ['start'], ready = 'Editor is now accessible' } = {}) {
		if (this.server) throw new Error('already started');
		const out = fs.openSync(this.logFile, 'a');
		fs.writeSync(out, `\n===== ${new Date().toISOString()} n8n ${args.join(' ')} (n8n ${this.version}, port ${this.port})\n`);
		// Readiness is read from this run's output only (the log file keeps earlier runs).
		const offset = fs.fstatSync(out).size;
		// detached: its own process group, so stop() can also end n8n's task-runner child.
		const child = spawn(this.info.nodeBin, [this.info.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(),
			stdio: ['ignore', out, out],
			detached: true,
		});
		fs.closeSync(out);
		this.server = child;
		let exited = null;
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			if (this.server === child) this.server = null;
		});
		await waitFor(
			`n8n ${this.version} on ${this.baseUrl}`,
			async () => {
				if (exited) throw new Error(`n8n exited early (${JSON.stringify(exited)}); see ${this.logFile}`);
				if (!this.logText(offset).includes(ready)) return false;
				if (args[0] !== 'start') return true;
				const res = await fetch(`${this.baseUrl}/healthz`);
				return res.ok;
			},
			{ timeoutMs, intervalMs: 500 },
		);
		return child;
	}

	/** The log file's text, from byte `offset` on. */
	logText(offset = 0) {
		try {
			return fs.readFileSync(this.logFile).subarray(offset).toString('utf8');
		} catch {
			return '';
		}
	}

	/** SIGTERM, then SIGKILL of the whole process group after `graceMs`. */
	async stop({ graceMs = 20000 } = {}) {
		const child = this.server;
		if (!child) return;
		const done = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		const timedOut = await Promise.race([done.then(() => false), sleep(graceMs).then(() => true)]);
		if (timedOut) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
			await done;
		}
		this.server = null;
	}
}

/**
 * `--rawOutput` pretty-prints the run as one JSON document: it opens with a line "{" and closes
 * with a line "}". Log lines may come before and after; with formatted (debug) console logging
 * the document is itself a log message: "<time> | info  | {" … "} {<log metadata>}".
 */
function parseTrailingJson(stdout) {
	const lines = stdout.split('\n');
	const isStart = (l) => l === '{' || /\|\s*info\s*\|\s*\{$/.test(l);
	const isEnd = (l) => l === '}' || l.startsWith('} {');
	let found = null;
	for (let i = 0; i < lines.length; i++) {
		if (!isStart(lines[i])) continue;
		let end = i + 1;
		while (end < lines.length && !isEnd(lines[end])) end++;
		if (end >= lines.length) break;
		try {
			found = JSON.parse(['{', ...lines.slice(i + 1, end), '}'].join('\n'));
			i = end;
		} catch {
			/* not the run document */
		}
	}
	return found;
}

module.exports = { N8nInstance, parseTrailingJson };
