'use strict';
/**
 * One identity for n8n-nodes-flowyte. From package.json (with literals for the shape): the repository is
 * git+https://github.com/<owner>/<repo>.git with directory `flowyte`, homepage is this folder's README on
 * it and bugs sit on it, the codex file names the node `n8n-nodes-flowyte.<the node's description name>`
 * and documents it on that repository, credential documentation is either on the repository or at the
 * vendor (docs.flowyte.com).
 *
 * And the gate publish-flowyte.yml runs first (@repo/devkit's release/check-identity.mjs, run by path), on
 * temp copies of this package: with the placeholders it exits 1 and names each placeholder field and
 * file, and nothing else; once `REPLACE-WITH-OWNER` → `acme` and the author placeholders are replaced
 * everywhere it exits 0; and it refuses the other package's tag, a foreign repository, and a codex node
 * name left over from the split.
 */
const fs = require('node:fs');
const path = require('node:path');
const { identityTesting } = require('@repo/devkit/release/identity-testing');

const PACKAGE_DIR = path.join(__dirname, '..');
const pkg = require('../package.json');
const { Flowyte } = require('../nodes/Flowyte/Flowyte.node');

const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(...parts), 'utf8'));
const repoMatch = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(pkg.repository.url);
const REPO = repoMatch && `https://github.com/${repoMatch[1]}/${repoMatch[2]}`;
/** On the repository: its https URL, then the end or / # ? (so `<repo>-other` is not on it). */
const onRepo = (url) => typeof url === 'string' && url.startsWith(REPO) && /^($|[/#?])/.test(url.slice(REPO.length));
const CREDENTIAL_FILES = fs.readdirSync(path.join(PACKAGE_DIR, 'credentials')).filter((f) => f.endsWith('.credentials.ts')).sort();

describe('the package holds together', () => {
	test('name, and the repository in the shape git+https://github.com/<owner>/<repo>.git, directory flowyte', () => {
		expect(pkg.name).toBe('n8n-nodes-flowyte');
		expect(pkg.repository.type).toBe('git');
		expect(repoMatch).not.toBeNull();
		expect(pkg.repository.directory).toBe('flowyte');
	});

	test("homepage is this folder's README and bugs sit on the same repository", () => {
		expect(pkg.homepage).toBe(`${REPO}/tree/main/flowyte#readme`);
		expect(pkg.bugs.url).toBe(`${REPO}/issues`);
	});

	test('the node in package.json has a codex file naming it n8n-nodes-flowyte.<description name>', () => {
		expect(pkg.n8n.nodes).toEqual(['dist/nodes/Flowyte/Flowyte.node.js']);
		const codex = readJson(PACKAGE_DIR, 'nodes', 'Flowyte', 'Flowyte.node.json');
		expect(codex.node).toBe(`${pkg.name}.${new Flowyte().description.name}`);
		expect(codex.node).toBe('n8n-nodes-flowyte.flowyte');
	});

	test('codex: primary documentation is this folder on the repository, credential docs at the vendor', () => {
		const { resources } = readJson(PACKAGE_DIR, 'nodes', 'Flowyte', 'Flowyte.node.json');
		expect(resources.primaryDocumentation.length).toBeGreaterThan(0);
		for (const { url } of resources.primaryDocumentation) {
			expect(onRepo(url)).toBe(true);
			expect(url.startsWith(`${REPO}/tree/main/flowyte`)).toBe(true);
		}
		for (const { url } of resources.credentialDocumentation) expect(url).toMatch(/^https:\/\/docs\.flowyte\.com(\/|$)/);
	});

	test.each(CREDENTIAL_FILES)('%s: documentation on the repository (this folder) or at the vendor', (file) => {
		const exported = require(path.join(PACKAGE_DIR, 'credentials', file));
		const [Credential] = Object.values(exported);
		const url = new Credential().documentationUrl;
		if (/^https:\/\/github\.com\//.test(url)) expect(url.startsWith(`${REPO}/tree/main/flowyte`)).toBe(true);
		else expect(url).toMatch(/^https:\/\/docs\.flowyte\.com(\/|$)/);
	});

	test('FlowyteApi (the API key credential) documents at the vendor', () => {
		expect(CREDENTIAL_FILES).toContain('FlowyteApi.credentials.ts');
		const { FlowyteApi } = require('../credentials/FlowyteApi.credentials');
		expect(new FlowyteApi().documentationUrl).toMatch(/^https:\/\/docs\.flowyte\.com(\/|$)/);
	});

	test('the gate on the package as it is: ok, or held back by placeholders only', () => {
		const result = gate(PACKAGE_DIR);
		const problems = problemsOf(result);
		if (result.status === 0) expect(problems).toEqual([]);
		else {
			expect(result.status).toBe(1);
			expect(problems.length).toBeGreaterThan(0);
			for (const p of problems) expect(p).toMatch(/ is the placeholder "/);
		}
	});
});

// --- the gate, on temp copies -----------------------------------------------------------------------------
const { copyPackage, sed, ownedCopy, gate, problemsOf, fieldsOf, cleanup } = identityTesting({ packageDir: PACKAGE_DIR, tmpPrefix: 'flowyte-identity-' });
afterAll(cleanup);

test('with the placeholders: exits 1 and names each placeholder field and where, and nothing else', () => {
	const dir = copyPackage();
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(result.stdout).toBe('');
	// The credentials that document themselves on the repository carry the placeholder too.
	const credentials = CREDENTIAL_FILES.filter((f) => fs.readFileSync(path.join(dir, 'credentials', f), 'utf8').includes('REPLACE-WITH-OWNER'));
	expect(fieldsOf(dir, result)).toEqual(
		[
			...credentials.map((f) => `credentials/${f}: documentationUrl`),
			'nodes/Flowyte/Flowyte.node.json: resources.primaryDocumentation[0].url',
			'package.json: author.email',
			'package.json: author.name',
			'package.json: bugs.url',
			'package.json: homepage',
			'package.json: repository.url',
		].sort(),
	);
	expect(result.stderr).toMatch(/^n8n-nodes-flowyte is not ready to publish/);
});

test('with the placeholders and --repository: the values to set are spelled out, homepage in flowyte/', () => {
	const dir = copyPackage();
	const result = gate(dir, '--repository', 'acme/n8n-nodes-outlit');
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('set it to "git+https://github.com/acme/n8n-nodes-outlit.git"');
	expect(result.stderr).toContain('set it to "https://github.com/acme/n8n-nodes-outlit/tree/main/flowyte#readme"');
});

test('once owner and publisher are set everywhere: exits 0, with the tag and the repository the workflow passes', () => {
	const dir = ownedCopy();
	const plain = gate(dir);
	expect([plain.status, plain.stderr]).toEqual([0, '']);
	expect(plain.stdout).toContain('n8n-nodes-flowyte: identity ok (https://github.com/acme/');
	const tagged = gate(dir, '--tag', `n8n-nodes-flowyte@${pkg.version}`, '--repository', `acme/${repoMatch[2]}`);
	expect([tagged.status, tagged.stderr]).toEqual([0, '']);
});

test("refuses the Outlit package's tag and a tag with another version", () => {
	const dir = ownedCopy();
	for (const tag of [`n8n-nodes-outlit@${pkg.version}`, 'n8n-nodes-flowyte@99.0.0']) {
		const result = gate(dir, '--tag', tag);
		expect(result.status).toBe(1);
		expect(problemsOf(result)).toEqual([expect.stringContaining(`the tag "${tag}" does not match`)]);
	}
});

test('refuses to publish from a repository package.json does not name', () => {
	const dir = ownedCopy();
	const result = gate(dir, '--repository', 'acme/n8n-nodes-flowyte');
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual(['package.json: repository.url']);
});

test('refuses a codex node left named after the Outlit package, and a primary documentation off the repository', () => {
	const dir = ownedCopy();
	const file = path.join(dir, 'nodes', 'Flowyte', 'Flowyte.node.json');
	const codex = JSON.parse(fs.readFileSync(file, 'utf8'));
	codex.node = 'n8n-nodes-outlit.flowyte';
	codex.resources.primaryDocumentation = [{ url: 'https://github.com/acme/n8n-nodes-flowyte#readme' }];
	fs.writeFileSync(file, JSON.stringify(codex));
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual([
		'nodes/Flowyte/Flowyte.node.json: node',
		'nodes/Flowyte/Flowyte.node.json: resources.primaryDocumentation[0].url',
	]);
	expect(result.stderr).toContain('set it to "n8n-nodes-flowyte.flowyte"');
});
