'use strict';
/**
 * Builds a package the way users get it (`npm run build` + `npm pack`) and unpacks the tarball
 * where n8n looks for community packages: $N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>.
 * `dir` is the package's folder (the repository root for n8n-nodes-outlit, flowyte/ for Flowyte).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runOk } = require('./proc');

/** The package name in `dir`'s package.json: node types in n8n are `<name>.<nodeName>`. */
const packageName = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;

/** Returns the absolute path of a fresh tarball in a temp dir. */
async function buildAndPack({ dir, build = true, log = () => {} }) {
	if (build) {
		log(`Building ${packageName(dir)} (npm run build)…`);
		await runOk('npm', ['run', 'build', '--silent'], { cwd: dir, timeoutMs: 10 * 60 * 1000 });
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	const { stdout } = await runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: dir, timeoutMs: 5 * 60 * 1000 });
	// npm may print warnings before the JSON; the JSON array is the last thing on stdout.
	const info = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = path.join(dest, info[0].filename);
	log(`Packed ${info[0].filename} (${info[0].entryCount} files).`);
	return tarball;
}

/** Unpacks `tarball` as an installed community package of the n8n user folder; returns its dir. */
async function installPackage(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unpack-'));
	await runOk('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const name = packageName(staging);
	const dir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	fs.cpSync(staging, dir, { recursive: true });
	fs.rmSync(staging, { recursive: true, force: true });
	// What `npm install` would leave behind in ~/.n8n/nodes, so n8n sees a normal install.
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	m.dependencies = { ...m.dependencies, [name]: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version };
	fs.writeFileSync(manifest, JSON.stringify(m, null, 2));
	return dir;
}

module.exports = { packageName, buildAndPack, installPackage };
