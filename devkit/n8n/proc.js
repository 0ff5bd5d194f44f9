'use strict';
/** Small process helpers shared by start.js and the e2e driver (bounded waits only). */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

/** Runs a command; resolves { code, stdout, stderr }. `onLine` sees every output line as it comes. */
function run(cmd, args, { cwd, env, onLine, timeoutMs = 30 * 60 * 1000, input } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		const split = (stream, sink) => {
			let buf = '';
			stream.on('data', (d) => {
				const s = d.toString();
				sink(s);
				if (!onLine) return;
				buf += s;
				const lines = buf.split('\n');
				buf = lines.pop();
				for (const l of lines) onLine(l);
			});
			stream.on('end', () => onLine && buf && onLine(buf));
		};
		split(child.stdout, (s) => (stdout += s));
		split(child.stderr, (s) => (stderr += s));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

async function runOk(cmd, args, opts) {
	const r = await run(cmd, args, opts);
	if (r.code !== 0) {
		const tail = (r.stderr || r.stdout).split('\n').slice(-30).join('\n');
		throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${tail}`);
	}
	return r;
}

/** True when something accepts TCP connections on host:port. */
function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host });
		sock.setTimeout(1000);
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('timeout', () => {
			sock.destroy();
			resolve(false);
		});
		sock.once('error', () => resolve(false));
	});
}

/** Asks the OS for a free port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function pidAlive(pid) {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
async function waitFor(what, check, { timeoutMs = 60000, intervalMs = 500 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastErr;
	while (Date.now() < deadline) {
		try {
			const v = await check();
			if (v) return v;
		} catch (e) {
			lastErr = e;
		}
		await sleep(intervalMs);
	}
	throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
}

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

function fmtDuration(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

module.exports = { run, runOk, portInUse, freePort, pidAlive, sleep, waitFor, readJson, fmtDuration };
