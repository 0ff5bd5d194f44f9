'use strict';
/**
 * The Flowyte node and credential as n8n meets them: the built dist/ loaded by n8n-core's
 * PackageDirectoryLoader, with their own icons and codex, run through the engine against the sandbox.
 * `npm test` builds first; without dist/ these tests fail and say so.
 */
const fs = require('node:fs');
const path = require('node:path');
const { createHarness, loadPackage } = require('@repo/devkit/harness');
const { startSandbox } = require('./sandbox');
const { CANARY, SECRET, SANDBOX_KEYS } = require('./support/flowyte');

const root = path.resolve(__dirname, '..');
const pkg = require('../package.json');

let sandbox;
let loader;
beforeAll(async () => {
	for (const file of ['dist/nodes/Flowyte/Flowyte.node.js', 'dist/credentials/FlowyteApi.credentials.js', 'dist/credentials/FlowyteConnectionSecretApi.credentials.js']) {
		if (!fs.existsSync(path.join(root, file))) throw new Error(`dist/ is not built (missing ${file}): run npm run build`);
	}
	sandbox = await startSandbox({ flowyte: { keys: SANDBOX_KEYS } });
	loader = await loadPackage(root);
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.clearRequests());

test('package.json lists the Flowyte node and credential in dist/', () => {
	expect(pkg.n8n.nodes).toContain('dist/nodes/Flowyte/Flowyte.node.js');
	expect(pkg.n8n.credentials).toContain('dist/credentials/FlowyteApi.credentials.js');
});

test('package.json registers the Flowyte Connection Secret credential, and n8n loads it from dist/', () => {
	expect(pkg.n8n.credentials).toContain('dist/credentials/FlowyteConnectionSecretApi.credentials.js');
	const credential = loader.credentialTypes.flowyteConnectionSecretApi?.type;
	expect(credential?.displayName).toBe('Flowyte Connection Secret API');
	expect(credential.iconUrl).toEqual({ light: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.svg`, dark: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.dark.svg` });
});

test('the compiled node sends the compiled credential\'s password (the default Secret Source)', async () => {
	const r = await createHarness({ loader }).runNode({
		type: 'flowyte',
		parameters: { resource: 'integration', operation: 'connect', kind: 'mysql', host: 'db.example.com', database: 'appdb', user: 'ro', sslmode: 'require' },
		credentials: { flowyteApi: { apiKey: CANARY.flowyteKey, baseUrl: sandbox.url }, flowyteConnectionSecretApi: SECRET.password },
	});
	expect(r.items.map((i) => i.json)).toEqual([{ kind: 'mysql', status: 'connected' }]);
	expect(sandbox.flowyte.requests().map((q) => q.body)).toEqual([
		{ credentials: { host: 'db.example.com', port: '3306', database: 'appdb', user: 'ro', password: CANARY.credSqlPassword, sslmode: 'require' } },
	]);
});

test('the node has its own themed icons and its codex next to the compiled code', () => {
	const { description } = loader.nodeTypes.flowyte.type;
	expect(description.iconUrl).toEqual({ light: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.svg`, dark: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.dark.svg` });
	for (const url of Object.values(description.iconUrl)) {
		const file = path.join(root, url.replace(`icons/${pkg.name}/`, ''));
		expect(fs.readFileSync(file, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	}
	expect(description.codex).toMatchObject({ categories: ['Communication', 'Data & Storage'] });
	expect(description.usableAsTool).toBe(true);
	const credential = loader.credentialTypes.flowyteApi.type;
	expect(credential.displayName).toBe('Flowyte API');
	expect(credential.iconUrl).toEqual({ light: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.svg`, dark: `icons/${pkg.name}/dist/nodes/Flowyte/flowyte.dark.svg` });
});

test('the compiled node connects through the engine against the sandbox', async () => {
	const h = createHarness({ loader });
	const r = await h.runNode({
		type: 'flowyte',
		parameters: { resource: 'integration', operation: 'connect', kind: 'google_sheets' },
		credentials: { flowyteApi: { apiKey: CANARY.flowyteKey, baseUrl: sandbox.url } },
	});
	expect(r.items.map((i) => Object.keys(i.json))).toEqual([['kind', 'oauthUrl']]);
	expect(sandbox.flowyte.requests().map((q) => [q.method, q.path, q.headers.authorization])).toEqual([
		['POST', '/api/v1/integrations/google_sheets/connect', `Bearer ${CANARY.flowyteKey}`],
	]);
});

test('the compiled credential test runs without a request', async () => {
	sandbox.clearRequests();
	const result = await createHarness({ loader }).testCredential('flowyteApi', { apiKey: CANARY.flowyteKey, baseUrl: sandbox.url });
	expect(result.status).toBe('OK');
	expect(sandbox.requests).toEqual([]);
});
