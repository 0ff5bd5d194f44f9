'use strict';
/**
 * The package as n8n meets it: the built dist/ loaded by n8n-core's PackageDirectoryLoader (the
 * loader n8n itself uses for community packages), the credential test, and what `npm pack` ships.
 * `npm test` builds first; without dist/ these tests fail and say so.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { createHarness, loadPackage } = require('@repo/devkit/harness');
const { startSandbox } = require('../sandbox');
const { CANARY } = require('../support/outlit');

const root = path.resolve(__dirname, '..', '..');
const pkg = require('../../package.json');

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ apiKeys: [CANARY.apiKey], connected: ['stripe'] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.clearRequests());

describe('package.json follows the verified community node rules', () => {
	test('no runtime dependencies, n8n-workflow as a "*" peer, MIT, n8n paths in dist/', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(file).toMatch(/^dist\//);
	});

	test('npm pack ships only dist/, package.json, README.md and LICENSE', () => {
		const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
		const paths = files.map((f) => f.path);
		expect(paths.filter((p) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(p))).toEqual([]);
		for (const needed of ['README.md', 'LICENSE', ...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(paths).toContain(needed);
		// n8n loads the package from its n8n section; a `main` must at least exist in the tarball.
		if (pkg.main !== undefined) expect(paths).toContain(pkg.main);
		expect(paths.some((p) => p.includes('sandbox') || p.endsWith('.test.js'))).toBe(false);
		// One service per package (n8n's verification): Flowyte ships in its own package, n8n-nodes-flowyte.
		expect(paths.filter((p) => /flowyte/i.test(p))).toEqual([]);
	});
});

describe('the built package in n8n-core\'s PackageDirectoryLoader', () => {
	let loader;
	beforeAll(async () => {
		const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((f) => !fs.existsSync(path.join(root, f)));
		if (missing.length) throw new Error(`dist/ is not built (missing ${missing.join(', ')}): run npm run build`);
		loader = await loadPackage(root);
	});

	test('loads the Outlit node, the Outlit Trigger and the two Outlit credentials, and nothing else', () => {
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['outlit', 'outlitTrigger']);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['outlitApi', 'outlitProviderApi']);
	});

	test('each node has its themed icons and codex next to the compiled code', () => {
		for (const name of ['outlit', 'outlitTrigger']) {
			const { description } = loader.nodeTypes[name].type;
			// The loader turns `file:` icons into URLs under icons/<package>/ that n8n serves from disk.
			expect(Object.keys(description.iconUrl).sort()).toEqual(['dark', 'light']);
			for (const url of Object.values(description.iconUrl)) {
				expect(fs.existsSync(path.join(root, url.replace(`icons/${pkg.name}/`, '')))).toBe(true);
			}
			expect(description.codex?.categories?.length).toBeGreaterThan(0);
			expect(description.usableAsTool ?? name === 'outlitTrigger').toBe(true);
		}
	});

	test('the compiled node runs through the engine against the sandbox', async () => {
		const h = createHarness({ loader });
		const r = await h.runNode({
			type: 'outlit',
			typeVersion: 1,
			parameters: { resource: 'integration', operation: 'getAll', filters: { connectedOnly: true } },
			credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: sandbox.url } },
		});
		// Automatic on a server with both APIs: the gateway, one request.
		expect(r.items.map((i) => [i.json.provider, i.json.status, i.json.connected])).toEqual([['stripe', 'ready', true]]);
		expect(sandbox.requests.map((q) => [q.path, q.body.tool])).toEqual([['/api/tools/call', 'outlit_get_integration_status']]);
		expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${CANARY.apiKey}`);
	});

	describe('credential test (POST /api/validate-api-key)', () => {
		const test_ = (data) => createHarness({ loader }).testCredential('outlitApi', data);

		test('a valid key passes', async () => {
			expect(await test_({ apiKey: CANARY.apiKey, baseUrl: `${sandbox.url}/` })).toEqual({ status: 'OK', message: expect.any(String) });
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/api/validate-api-key' });
			expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${CANARY.apiKey}`);
		});

		test('a rejected key says what to check, true for any key typed, without echoing it', async () => {
			const message =
				'Outlit did not accept this API key. Check that it is an Outlit Platform API key (those start with ok_), that it was not revoked, and that Base URL is the Outlit it comes from, without a user name or password (those would be sent instead of the key).';
			// A key of another shape, and one of the right shape that Outlit rejects: the same words fit both.
			for (const apiKey of ['phc_public_ingest_key', 'ok_revoked_key']) {
				const result = await test_({ apiKey, baseUrl: sandbox.url });
				expect(result).toEqual({ status: 'Error', message });
				expect(result.message).not.toContain(apiKey);
			}
		});

		test('a Base URL where nothing answers as Outlit (a 404) says to set it to Outlit\'s address', async () => {
			const result = await test_({ apiKey: CANARY.apiKey, baseUrl: `${sandbox.url}/not-outlit` });
			expect(result).toEqual({
				status: 'Error',
				message: 'Nothing at this Base URL answers as Outlit. Set Base URL to https://app.outlit.ai, or to the address of the proxy in front of your Outlit, without a query (?…) or fragment (#…).',
			});
			expect(sandbox.requests.map((q) => q.path)).toEqual(['/not-outlit/api/validate-api-key']);
		});

		test('an unreachable Base URL fails the test', async () => {
			const result = await test_({ apiKey: CANARY.apiKey, baseUrl: 'http://127.0.0.1:9' });
			expect(result.status).toBe('Error');
		});
	});
});
