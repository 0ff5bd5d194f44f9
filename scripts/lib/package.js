'use strict';
/**
 * Builds the package the way users get it (`npm run build` + `npm pack`) and unpacks the tarball
 * where n8n looks for community packages: $N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT } = require('./n8n-versions');
const { runOk } = require('./proc');

const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;

/** Returns the absolute path of a fresh tarball in a temp dir. */
async function buildAndPack({ build = true, log = () => {} } = {}) {
	if (build) {
		log('Building the package (npm run build)…');
		await runOk('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, timeoutMs: 10 * 60 * 1000 });
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'outlit-pack-'));
	const { stdout } = await runOk('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO_ROOT, timeoutMs: 5 * 60 * 1000 });
	// npm may print warnings before the JSON; the JSON array is the last thing on stdout.
	const info = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = path.join(dest, info[0].filename);
	log(`Packed ${info[0].filename} (${info[0].entryCount} files).`);
	return tarball;
}

/** Unpacks `tarball` as an installed community package of the n8n user folder; returns its dir. */
async function installPackage(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	await runOk('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	// What `npm install` would leave behind in ~/.n8n/nodes, so n8n sees a normal install.
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	m.dependencies = { ...m.dependencies, [PACKAGE_NAME]: require(path.join(dir, 'package.json')).version };
	fs.writeFileSync(manifest, JSON.stringify(m, null, 2));
	return dir;
}

module.exports = { PACKAGE_NAME, buildAndPack, installPackage };
