#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: the package in real n8n — 2.41.1 (Node 24) and 1.123.81 (Node 20) side by
 * side, each with its own Outlit sandbox — plus the editor test in a headless Chromium.
 * Ends with "N passed, N failed" and exits non-zero on any failure.
 *
 *   --versions 2.41.1,1.123.81   which n8n versions (default: both)
 *   --no-editor                  skip the browser test
 *   --editor-versions <list>     where the browser test runs (default: every version tested;
 *                                screenshots of 2.41.1 go to docs/, others to .cache/e2e/<v>/)
 *   --no-build                   pack the existing dist/ instead of running npm run build
 */
const fs = require('node:fs');
const { VERSIONS } = require('@repo/devkit/n8n/n8n-versions');
const { PACKAGE_DIR } = require('../../scripts/lib/outlit-setup');
const { Report, runDriver } = require('@repo/devkit/e2e/report');
const { installAndPack } = require('@repo/devkit/e2e/setup');
const { makeCanaries } = require('./lib/workflows');
const { runVersionSuite } = require('./lib/version-suite');
const { runEditorTest } = require('./editor');

function parseArgs(argv) {
	const o = { versions: Object.keys(VERSIONS), editor: true, editorVersions: null, build: true };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		const value = () => inline ?? argv[++i];
		if (flag === '--versions') o.versions = value().split(',');
		else if (flag === '--editor-versions') o.editorVersions = value().split(',');
		else if (flag === '--no-editor') o.editor = false;
		else if (flag === '--no-build') o.build = false;
		else throw new Error(`Unknown option ${flag}`);
	}
	for (const v of o.versions) if (!VERSIONS[v]) throw new Error(`Unknown n8n version ${v}`);
	o.editorVersions ??= o.versions;
	return o;
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const report = new Report();
	const t0 = Date.now();
	console.log(`e2e: n8n ${o.versions.join(' + ')}${o.editor ? `, editor test on ${o.editorVersions.join(', ')}` : ''}`);

	// Installs (first run: minutes, network-bound) and the build run side by side.
	const tarball = await installAndPack({ versions: o.versions, dir: PACKAGE_DIR, build: o.build, report });

	if (tarball) {
		const canaries = makeCanaries();
		await report.time('suites (all versions in parallel)', () =>
			Promise.all(
				o.versions.map((version) =>
					report.time(`n8n ${version} suite`, () =>
						runVersionSuite({
							version,
							tarball,
							report,
							canaries,
							editor: o.editor && o.editorVersions.includes(version) ? runEditorTest : undefined,
						}),
					),
				),
			),
		);
		fs.rmSync(require('node:path').dirname(tarball), { recursive: true, force: true });
	}
	console.log(`\ne2e total: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	report.finish();
}

runDriver(main);
