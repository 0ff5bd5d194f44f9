'use strict';
/**
 * Proves devkit/harness against fixture nodes (devkit/harness/fixtures) and a local HTTP server:
 * the real engine runs them (WorkflowExecute, RoutingNode, PollContext, n8n's HTTP helpers).
 */
const fs = require('node:fs');
const path = require('node:path');

const { createHarness, loadPackage } = require('@repo/devkit/harness');
const { startServer } = require('@repo/devkit/harness/http-server');
const fx = require('@repo/devkit/harness/fixtures');

const API_KEY = 'ok_harness_test_key';
const EVENTS = [{ id: 1 }, { id: 2 }, { id: 3 }];

/** Waits (bounded) until check() is truthy. */
async function waitFor(check, { timeoutMs = 2000, stepMs = 10 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('waitFor timed out');
		await new Promise((r) => setTimeout(r, stepMs));
	}
}

let server;
let failEvents = false;
beforeAll(async () => {
	server = await startServer((req) => {
		const bearerOk = req.headers.authorization === `Bearer ${API_KEY}`;
		if (req.path === '/validate') return bearerOk ? { json: { ok: true } } : { status: 401, json: { error: 'unauthorized' } };
		if (!bearerOk) return { status: 401, json: { error: 'unauthorized' } };
		if (req.path === '/things/missing') return { status: 404, json: { error: 'no such thing' } };
		if (req.path.startsWith('/things/')) return { json: { data: { id: req.path.slice('/things/'.length) } } };
		if (req.path === '/events') {
			if (failEvents) return { status: 500, json: { error: 'boom' } };
			return { json: EVENTS.filter((e) => e.id > Number(req.query.since)) };
		}
		if (req.path === '/slow') return new Promise(() => {}); // held until the client gives up
		return { status: 404, json: {} };
	});
});
afterAll(async () => {
	await server?.close();
});
beforeEach(() => {
	server.requests.length = 0;
	failEvents = false;
});

const creds = () => ({ harnessFixtureApi: { apiKey: API_KEY, baseUrl: server.url } });
const harness = () =>
	createHarness({ nodes: [fx.HarnessFixture, fx.HarnessFixtureWait, fx.HarnessFixturePoll], credentials: [fx.HarnessFixtureApi] });

describe('runNode (declarative node through WorkflowExecute + RoutingNode)', () => {
	test('items flow through routing and postReceive, Bearer header and pairedItem set', async () => {
		const h = harness();
		const r = await h.runNode({
			type: 'harnessFixture',
			parameters: { thingId: '={{ $json.id }}' },
			credentials: creds(),
			input: [{ json: { id: 'a' } }, { json: { id: 'b' } }],
		});
		expect(r.executionError).toBeUndefined();
		expect(r.status).toBe('success');
		expect(r.items.map((i) => i.json)).toEqual([
			{ id: 'a', httpStatus: 200 },
			{ id: 'b', httpStatus: 200 },
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requests.map((q) => [q.method, q.path, q.query.tag, q.headers.authorization])).toEqual([
			['GET', '/things/a', 'none', `Bearer ${API_KEY}`],
			['GET', '/things/b', 'none', `Bearer ${API_KEY}`],
		]);
		expect(JSON.stringify(r.items)).not.toContain(API_KEY);
	});

	test('types are registered as n8n loads them: both names, requestOptions added', async () => {
		const h = harness();
		const full = h.fullType('harnessFixture');
		expect(full).toBe(`${h.registry.packageName}.harnessFixture`);
		expect(h.registry.getByName(full)).toBe(h.registry.getByName('harnessFixture'));
		const names = h.registry.getByName('harnessFixture').description.properties.map((p) => p.name);
		expect(names).toContain('requestOptions'); // DirectoryLoader.applyDeclarativeNodeOptionParameters
		const r = await h.runNode({ type: full, parameters: { thingId: 'x' }, credentials: creds() });
		expect(r.node.type).toBe(full);
		expect(r.items.map((i) => i.json.id)).toEqual(['x']);
	});

	test('an HTTP error fails the node without continueOnFail', async () => {
		const r = await harness().runNode({ type: 'harnessFixture', parameters: { thingId: 'missing' }, credentials: creds() });
		expect(r.status).toBe('error');
		expect(r.items).toEqual([]);
		expect(r.error).toBeDefined();
		expect(r.error.httpCode).toBe('404');
		expect(r.executionError.message).toBe(r.error.message);
	});

	test('continueOnFail turns the failing item into an error item', async () => {
		const r = await harness().runNode({
			type: 'harnessFixture',
			parameters: { thingId: '={{ $json.id }}' },
			credentials: creds(),
			input: [{ json: { id: 'a' } }, { json: { id: 'missing' } }],
			continueOnFail: true,
		});
		expect(r.status).toBe('success');
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(2);
		expect(r.items[0].json).toEqual({ id: 'a', httpStatus: 200 });
		expect(typeof r.items[1].json.error).toBe('string');
		expect(r.items[1].pairedItem).toEqual({ item: 1 });
	});

	test('a missing required parameter is refused before any request (WorkflowHasIssuesError)', async () => {
		const r = await harness().runNode({ type: 'harnessFixture', parameters: { thingId: '' }, credentials: creds() });
		expect(r.executionError?.name).toBe('WorkflowHasIssuesError');
		expect(server.requests).toHaveLength(0);
	});

	test('abortSignal cancels the execution and the in-flight request', async () => {
		const ac = new AbortController();
		const started = Date.now();
		const running = harness().runNode({ type: 'harnessFixtureWait', credentials: creds(), abortSignal: ac.signal, cancelWaitMs: 3000 });
		await waitFor(() => server.requests.some((q) => q.path === '/slow'));
		ac.abort();
		const r = await running;
		expect(r.status).toBe('canceled');
		expect(r.stillRunningAfterCancel).toBe(false);
		expect(Date.now() - started).toBeLessThan(3000);
		await waitFor(() => server.requests.find((q) => q.path === '/slow').aborted);
	});
});

describe('testCredential (CredentialsTester path)', () => {
	test('OK with a valid key: the test request carried the Bearer header', async () => {
		const result = await harness().testCredential('harnessFixtureApi', { apiKey: API_KEY, baseUrl: server.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests.map((q) => [q.method, q.path, q.headers.authorization])).toEqual([
			['POST', '/validate', `Bearer ${API_KEY}`],
		]);
	});

	test('Error with the rule message on 401', async () => {
		const result = await harness().testCredential('harnessFixtureApi', { apiKey: 'ok_wrong', baseUrl: server.url });
		expect(result).toEqual({ status: 'Error', message: 'Invalid API key' });
		// n8n's httpRequestWithAuthentication retries a 401 once (after preAuthentication).
		expect(server.requests.map((q) => q.path)).toEqual(['/validate', '/validate']);
	});

	test('Error with the connection code when nothing listens', async () => {
		const closed = await startServer(() => ({}));
		await closed.close();
		const result = await harness().testCredential('harnessFixtureApi', { apiKey: API_KEY, baseUrl: closed.url });
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});

describe('pollTrigger (PollContext)', () => {
	test('static data persists across polls until reset', async () => {
		const t = harness().pollTrigger({ type: 'harnessFixturePoll', credentials: creds() });
		expect(t.node.parameters.pollTimes).toBeDefined(); // polling parameters added by the loader

		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.items[0].map((i) => i.json.id)).toEqual([1, 2, 3]);
		expect(first.staticDataChanged).toBe(true);
		expect(t.staticData).toEqual({ lastId: 3 });

		const second = await t.poll();
		expect(second).toEqual({ items: null, error: undefined, staticDataChanged: false });

		t.setStaticData({ lastId: 1 });
		const third = await t.poll({ mode: 'manual' });
		expect(third.items[0].map((i) => i.json.id)).toEqual([2, 3]);
		expect(t.getStaticData()).toEqual({ lastId: 3 });

		expect(server.requests.map((q) => [q.query.since, q.headers.authorization])).toEqual([
			['0', `Bearer ${API_KEY}`],
			['3', `Bearer ${API_KEY}`],
			['1', `Bearer ${API_KEY}`],
		]);
	});

	test('a failing poll reports the error and leaves static data alone', async () => {
		const t = harness().pollTrigger({ type: 'harnessFixturePoll', credentials: creds(), staticData: { lastId: 2 } });
		failEvents = true;
		const r = await t.poll();
		expect(r.items).toBeNull();
		expect(r.error).toBeDefined();
		expect(r.staticDataChanged).toBe(false);
		expect(t.staticData).toEqual({ lastId: 2 });
	});
});

describe('loadPackage (n8n-core PackageDirectoryLoader)', () => {
	test('loads a package from its package.json and runs its node', async () => {
		const loader = await loadPackage(fx.FIXTURE_DIR);
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['harnessFixture', 'harnessFixturePoll', 'harnessFixtureWait']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['harnessFixtureApi']);
		const h = createHarness({ loader });
		expect(h.fullType('harnessFixture')).toBe('n8n-nodes-harness-fixture.harnessFixture');
		const r = await h.runNode({ type: 'harnessFixture', parameters: { thingId: 'p' }, credentials: creds() });
		expect(r.items.map((i) => i.json.id)).toEqual(['p']);
	});

	const repoRoot = path.resolve(__dirname, '..', '..');
	const pkg = require(path.join(repoRoot, 'package.json'));
	const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	const missing = listed.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
	const title = 'loads every node and credential that package.json lists from dist/';
	// npm test builds first; a missing dist/ is a failure, never a quiet skip.
	{
		test(title, async () => {
			expect(missing).toEqual([]);
			const loader = await loadPackage(repoRoot);
			const known = [...Object.values(loader.known.nodes), ...Object.values(loader.known.credentials)];
			expect(known.map((k) => path.normalize(k.sourcePath)).sort()).toEqual(listed.map((f) => path.normalize(f)).sort());
			// Every loaded node resolves through the harness registry under its package-prefixed name.
			const h = createHarness({ loader });
			for (const name of Object.keys(loader.nodeTypes)) {
				const full = `${pkg.name}.${name}`;
				expect(h.registry.getByNameAndVersion(full, h.registry.latestVersion(full)).description).toBeDefined();
			}
		});
	}
});
