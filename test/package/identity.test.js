'use strict';
/**
 * One identity for n8n-nodes-outlit. From package.json (with literals for the shape): the repository is
 * git+https://github.com/<owner>/<repo>.git, homepage and bugs sit on it, each codex file names its node
 * `n8n-nodes-outlit.<the node's description name>` and documents it on that repository, the provider
 * credential's documentation is the repository's README (#credentials), the vendor docs stay vendor
 * docs, and flowyte/package.json names the same repository.
 *
 * And the gate both publish workflows run first (devkit/release/check-identity.mjs), on temp copies of
 * this package: with the placeholders it exits 1 and names each placeholder field and file, and nothing
 * else; once `REPLACE-WITH-OWNER` → `acme` and the author placeholders are replaced everywhere it exits
 * 0; and it refuses a wrong tag, a foreign repository, a codex node name or documentation URL that does
 * not hold together.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { identityTesting } = require('@repo/devkit/release/identity-testing');

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = require.resolve('@repo/devkit/release/check-identity.mjs');
const pkg = require('../../package.json');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { OutlitProviderApi } = require('../../credentials/OutlitProviderApi.credentials');

const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(...parts), 'utf8'));
const repoMatch = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(pkg.repository.url);
const REPO = repoMatch && `https://github.com/${repoMatch[1]}/${repoMatch[2]}`;
/** On the repository: its https URL, then the end or / # ? (so `<repo>-other` is not on it). */
const onRepo = (url) => typeof url === 'string' && url.startsWith(REPO) && /^($|[/#?])/.test(url.slice(REPO.length));

describe('the root package holds together', () => {
	test('name, and the repository in the shape git+https://github.com/<owner>/<repo>.git', () => {
		expect(pkg.name).toBe('n8n-nodes-outlit');
		expect(pkg.repository.type).toBe('git');
		expect(repoMatch).not.toBeNull();
		expect(pkg.repository.directory).toBeUndefined();
	});

	test('homepage and bugs are on the same repository', () => {
		expect(pkg.homepage).toBe(`${REPO}#readme`);
		expect(pkg.bugs.url).toBe(`${REPO}/issues`);
	});

	test('flowyte/package.json names the same repository (one repository, two packages)', () => {
		const flowyte = readJson(ROOT, 'flowyte', 'package.json');
		expect(flowyte.repository.url).toBe(pkg.repository.url);
		expect(flowyte.bugs.url).toBe(pkg.bugs.url);
	});

	test('each node in package.json has a codex file naming it n8n-nodes-outlit.<description name>', () => {
		const classes = { 'dist/nodes/Outlit/Outlit.node.js': Outlit, 'dist/nodes/OutlitTrigger/OutlitTrigger.node.js': OutlitTrigger };
		expect([...pkg.n8n.nodes].sort()).toEqual(Object.keys(classes).sort());
		const names = pkg.n8n.nodes.map((entry) => {
			const codex = readJson(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.json'));
			expect(codex.node).toBe(`${pkg.name}.${new classes[entry]().description.name}`);
			return codex.node;
		});
		expect(names.sort()).toEqual(['n8n-nodes-outlit.outlit', 'n8n-nodes-outlit.outlitTrigger']);
	});

	test.each(['Outlit', 'OutlitTrigger'])('%s codex: primary documentation on the repository, credential docs at the vendor', (node) => {
		const codex = readJson(ROOT, 'nodes', node, `${node}.node.json`);
		expect(codex.resources.primaryDocumentation.length).toBeGreaterThan(0);
		for (const { url } of codex.resources.primaryDocumentation) expect(onRepo(url)).toBe(true);
		for (const { url } of codex.resources.credentialDocumentation) expect(url).toMatch(/^https:\/\/docs\.outlit\.ai\//);
	});

	test("credentials: the provider credential's docs are the repository's README, Outlit's API docs stay at the vendor", () => {
		expect(new OutlitProviderApi().documentationUrl).toBe(`${REPO}#credentials`);
		expect(new OutlitApi().documentationUrl).toMatch(/^https:\/\/docs\.outlit\.ai\//);
	});

	test('the gate on the repository as it is: ok, or held back by placeholders only', () => {
		const result = gate(ROOT);
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
const { copyPackage, sed, ownedCopy, gate, problemsOf, fieldsOf, cleanup } = identityTesting({ packageDir: ROOT, tmpPrefix: 'outlit-identity-' });
afterAll(cleanup);

test('the gate is the devkit script both workflows run', () => {
	expect(SCRIPT).toBe(fs.realpathSync(path.join(ROOT, 'devkit', 'release', 'check-identity.mjs')));
});

test('with the placeholders: exits 1 and names each placeholder field and where, and nothing else', () => {
	const dir = copyPackage();
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(result.stdout).toBe('');
	expect(fieldsOf(dir, result)).toEqual([
		'credentials/OutlitProviderApi.credentials.ts: documentationUrl',
		'nodes/Outlit/Outlit.node.json: resources.primaryDocumentation[0].url',
		'nodes/OutlitTrigger/OutlitTrigger.node.json: resources.primaryDocumentation[0].url',
		'package.json: author.email',
		'package.json: author.name',
		'package.json: bugs.url',
		'package.json: homepage',
		'package.json: repository.url',
	]);
	expect(result.stderr).toContain('REPLACE-WITH-OWNER');
	expect(result.stderr).toMatch(/set it to "git\+https:\/\/github\.com\/<owner>\/<repo>\.git"/);
	expect(result.stderr).toMatch(/Nothing was published/);
});

test('with the placeholders and --repository: the values to set are spelled out', () => {
	const dir = copyPackage();
	const result = gate(dir, '--repository', 'acme/n8n-nodes-outlit');
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('repository.url is the placeholder "git+https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit.git"; set it to "git+https://github.com/acme/n8n-nodes-outlit.git"');
	expect(result.stderr).toContain('homepage is the placeholder "https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit#readme"; set it to "https://github.com/acme/n8n-nodes-outlit#readme"');
});

test('once owner and publisher are set everywhere: exits 0, with the tag and the repository the workflow passes', () => {
	const dir = ownedCopy();
	const plain = gate(dir);
	expect([plain.status, plain.stderr]).toEqual([0, '']);
	expect(plain.stdout).toContain('n8n-nodes-outlit: identity ok (https://github.com/acme/n8n-nodes-outlit)');
	const tagged = gate(dir, '--tag', `n8n-nodes-outlit@${pkg.version}`, '--repository', 'acme/n8n-nodes-outlit');
	expect([tagged.status, tagged.stderr]).toEqual([0, '']);
});

test("an author left as the placeholder alone still refuses (owner set, publisher not)", () => {
	const dir = copyPackage();
	sed(dir, 'REPLACE-WITH-OWNER', 'acme');
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual(['package.json: author.email', 'package.json: author.name']);
});

test("refuses the other package's tag and a tag with another version", () => {
	const dir = ownedCopy();
	for (const tag of [`n8n-nodes-flowyte@${pkg.version}`, 'n8n-nodes-outlit@99.0.0', pkg.version]) {
		const result = gate(dir, '--tag', tag);
		expect(result.status).toBe(1);
		expect(problemsOf(result)).toEqual([expect.stringContaining(`the tag "${tag}" does not match`)]);
	}
});

test('refuses to publish from a repository package.json does not name (provenance would be refused)', () => {
	const dir = ownedCopy();
	const result = gate(dir, '--repository', 'someone-else/n8n-nodes-outlit');
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual(['package.json: repository.url']);
	expect(result.stderr).toContain('set it to "git+https://github.com/someone-else/n8n-nodes-outlit.git"');
});

test("refuses a codex node named after the other package, and names the value to set", () => {
	const dir = ownedCopy();
	sed(path.join(dir, 'nodes', 'OutlitTrigger'), '"n8n-nodes-outlit.outlitTrigger"', '"n8n-nodes-flowyte.outlitTrigger"');
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual(['nodes/OutlitTrigger/OutlitTrigger.node.json: node']);
	expect(result.stderr).toContain('set it to "n8n-nodes-outlit.outlitTrigger"');
});

test('refuses documentation on another repository (codex and credentials), not vendor docs', () => {
	const dir = ownedCopy();
	sed(path.join(dir, 'nodes', 'Outlit'), 'https://github.com/acme/n8n-nodes-outlit#readme', 'https://github.com/acme/n8n-nodes-outlit-old#readme');
	sed(path.join(dir, 'credentials'), 'https://github.com/acme/n8n-nodes-outlit#credentials', 'https://github.com/outlit/n8n-nodes-outlit#credentials');
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual([
		'credentials/OutlitProviderApi.credentials.ts: documentationUrl',
		'nodes/Outlit/Outlit.node.json: resources.primaryDocumentation[0].url',
	]);
});

test('refuses homepage or bugs on another repository, and a node without its codex file', () => {
	const dir = ownedCopy();
	const file = path.join(dir, 'package.json');
	const owned = JSON.parse(fs.readFileSync(file, 'utf8'));
	owned.homepage = 'https://github.com/other/n8n-nodes-outlit#readme';
	owned.bugs.url = 'https://github.com/acme/n8n-nodes-flowyte/issues';
	fs.writeFileSync(file, JSON.stringify(owned));
	fs.rmSync(path.join(dir, 'nodes', 'Outlit', 'Outlit.node.json'));
	const result = gate(dir);
	expect(result.status).toBe(1);
	expect(fieldsOf(dir, result)).toEqual(['package.json: bugs.url', 'package.json: homepage', 'unparsed']);
	expect(result.stderr).toContain('nodes/Outlit/Outlit.node.json: missing');
});

test('usage errors exit 2', () => {
	expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' }).status).toBe(2);
	expect(gate(os.tmpdir() + '/no-such-package-here').status).toBe(2);
	expect(gate(ROOT, '--tag').status).toBe(2);
});
