'use strict';
/**
 * What both packages' identity tests (test/package/identity.test.js, flowyte/test/identity.test.js) use to run
 * the identity gate (./check-identity.mjs) on temp copies of their package:
 *
 *   const { copyPackage, sed, ownedCopy, gate, problemsOf, fieldsOf, cleanup } =
 *     identityTesting({ packageDir: path.join(__dirname, '..'), tmpPrefix: 'outlit-identity-' });
 *   afterAll(cleanup);
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** The gate both publish workflows run first. */
const SCRIPT = path.join(__dirname, 'check-identity.mjs');

/** What a sed over every file would do: `from` → `to` (literal, every occurrence). */
function sed(dir, from, to) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath ?? entry.path, entry.name);
		const text = fs.readFileSync(file, 'utf8');
		if (text.includes(from)) fs.writeFileSync(file, text.split(from).join(to));
	}
}

/** The gate on `dir` with `args`, outside GitHub Actions: spawnSync's result (status, stdout, stderr). */
function gate(dir, ...args) {
	const env = { ...process.env };
	delete env.GITHUB_ACTIONS;
	return spawnSync(process.execPath, [SCRIPT, dir, ...args], { encoding: 'utf8', env });
}

/** The problems the gate printed, one per `  - ` line. */
const problemsOf = (result) => result.stderr.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));

/** "<file relative to dir>: <field>" of each problem. */
const fieldsOf = (dir, result) =>
	problemsOf(result)
		.map((p) => /^(.*?)(?::\d+)?: (\S+) is /.exec(p.startsWith(dir) ? p.slice(dir.length + 1) : p))
		.map((m) => (m ? `${m[1]}: ${m[2]}` : 'unparsed'))
		.sort();

/**
 * The temp-copy helpers for the package in `packageDir`, its copies made under the OS temp folder
 * with `tmpPrefix`; `cleanup()` removes every copy made so far (call it from afterAll).
 * @param {{ packageDir: string, tmpPrefix: string }} options
 */
function identityTesting({ packageDir, tmpPrefix }) {
	const tmpDirs = [];

	/** A temp copy of the package as the gate sees it: package.json, nodes/, credentials/. */
	function copyPackage() {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
		tmpDirs.push(dir);
		fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(dir, 'package.json'));
		for (const sub of ['nodes', 'credentials']) fs.cpSync(path.join(packageDir, sub), path.join(dir, sub), { recursive: true });
		return dir;
	}

	/** The package with its owner and publisher set: REPLACE-WITH-OWNER → acme, the author's placeholders → real-looking values. */
	function ownedCopy() {
		const dir = copyPackage();
		sed(dir, 'REPLACE-WITH-OWNER', 'acme');
		sed(dir, 'REPLACE-WITH-PUBLISHER', 'Acme Automation');
		sed(dir, 'replace-with-publisher-email@example.com', 'npm@acme.dev');
		return dir;
	}

	function cleanup() {
		for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
	}

	return { copyPackage, ownedCopy, sed, gate, problemsOf, fieldsOf, cleanup };
}

module.exports = { identityTesting, SCRIPT, sed, gate, problemsOf, fieldsOf };
