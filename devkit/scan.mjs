#!/usr/bin/env node
/**
 * `npm run scan` (in a package's folder): n8n's community-package scanner (@n8n/scan-community-package), offline, on the
 * packed tarball and on the sources. The scanner itself only takes a published name, so this calls
 * its own ESLint configuration (buildScanConfig) on the unpacked `npm pack` output and on the source
 * files it would check out (SOURCE_FILE_PATTERNS), counting errors and warnings: both must be 0.
 *
 * Then it proves the scan bites: a scratch copy of the sources with `process.env` planted in a node
 * file must fail it. Provenance (the scanner's first check) comes from the registry for a published
 * version; the publish workflow is what satisfies it (README, Releasing).
 *
 * The scanner is installed once into .cache/scanner (npm, --ignore-scripts), pinned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The package scanned is the one in the working folder (npm runs a package's scripts there).
const ROOT = process.cwd();
const SCANNER = { name: '@n8n/scan-community-package', version: '0.32.0' };
// One scanner install for the repository's packages, beside the n8n installs.
const PREFIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'scanner');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function ensureScanner() {
	const pkg = path.join(PREFIX, 'node_modules', SCANNER.name, 'package.json');
	if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).version === SCANNER.version) return;
	console.log(`Installing ${SCANNER.name}@${SCANNER.version} into .cache/scanner…`);
	fs.mkdirSync(PREFIX, { recursive: true });
	fs.writeFileSync(path.join(PREFIX, 'package.json'), JSON.stringify({ private: true }));
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `${SCANNER.name}@${SCANNER.version}`], { cwd: PREFIX, stdio: 'inherit' });
}

async function loadScanner() {
	ensureScanner();
	const dir = path.join(PREFIX, 'node_modules', SCANNER.name, 'scanner');
	const scanner = await import(pathToFileURL(path.join(dir, 'scanner.mjs')).href);
	const requireFromScanner = createRequire(path.join(dir, 'scanner.mjs'));
	const { ESLint } = requireFromScanner('eslint');
	const glob = requireFromScanner('fast-glob');
	return { ...scanner, ESLint, glob };
}

/** Errors and warnings of the scanner's ESLint config on `patterns` under `dir`. */
async function scan(s, dir, patterns) {
	const eslint = new s.ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await s.buildScanConfig() });
	// The repository root is also the workspace root: its other packages are scanned on their own.
	const others = (PKG.workspaces ?? []).map((w) => `${w}/**`);
	const files = s.glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json', ...others] });
	if (files.length === 0) throw new Error(`no files to scan in ${dir}`);
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	const warnings = results.reduce((n, r) => n + r.warningCount, 0);
	const text = errors + warnings ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { files: files.length, errors, warnings, text };
}

function packed() {
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	const dir = path.join(dest, 'package');
	fs.mkdirSync(dir);
	execFileSync('tar', ['-xzf', path.join(dest, filename), '-C', dir, '--strip-components=1']);
	return { dest, dir };
}

/** The sources the scanner would check out, with a forbidden global planted in the node. */
function plantedCopy() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-planted-'));
	for (const entry of ['package.json', 'nodes', 'credentials']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
	// The source of the package's first node: dist/nodes/X/X.node.js → nodes/X/X.node.ts.
	const file = path.join(dir, PKG.n8n.nodes[0].replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	fs.appendFileSync(file, '\nexport const plantedBaseUrl = process.env.PLANTED_BASE_URL;\n');
	return dir;
}

function report(label, r) {
	console.log(`${label}: ${r.files} files, ${r.errors} errors, ${r.warnings} warnings`);
	if (r.text) console.log(r.text);
}

async function main() {
	const s = await loadScanner();
	if (fs.readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true }).length === 0) throw new Error('dist/ is empty: run npm run build');
	const tarball = packed();
	let failed = false;
	try {
		const onTarball = await scan(s, tarball.dir, ['**/*.js', '**/*.ts', '**/*.json']);
		report(`${PKG.name}, packed tarball`, onTarball);
		const onSources = await scan(s, ROOT, s.SOURCE_FILE_PATTERNS);
		report('sources', onSources);
		failed = onTarball.errors + onTarball.warnings + onSources.errors + onSources.warnings > 0;
	} finally {
		fs.rmSync(tarball.dest, { recursive: true, force: true });
	}
	const planted = plantedCopy();
	try {
		const r = await scan(s, planted, s.SOURCE_FILE_PATTERNS);
		const bites = r.errors > 0 && /process|restricted|global/i.test(r.text);
		console.log(`self-check, process.env planted in a scratch copy: ${r.errors} errors (${bites ? 'the scan bites' : 'NOT CAUGHT'})`);
		if (!bites) {
			console.log(r.text);
			failed = true;
		}
	} finally {
		fs.rmSync(planted, { recursive: true, force: true });
	}
	console.log(failed ? 'scan FAILED' : 'scan passed: 0 errors, 0 warnings');
	process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
	console.error(e.stack || e.message);
	process.exit(1);
});
