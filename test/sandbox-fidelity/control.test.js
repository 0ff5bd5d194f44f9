'use strict';
/**
 * The sandbox's control and observation surface: session lifecycle, the connect page, faults,
 * the request log, sync failures, plan limits, the HTTP control routes and the CLI.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { startSandbox } = require('../sandbox');
const { sandboxClient } = require('@repo/devkit/sandbox/client');
const { validateResponse } = require('../sandbox/openapi');
const { PROVIDERS } = require('../sandbox/catalog');
const { SYNC_MODELS } = require('../sandbox/fixtures');

const BROWSER = PROVIDERS.filter((p) => p.setupMode === 'browser_session');
const DIRECT = PROVIDERS.filter((p) => p.setupMode === 'direct_api_key');

let sb;
let call;

beforeAll(async () => {
	sb = await startSandbox();
	call = sandboxClient(sb.url, sb.apiKey);
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

async function startSession(provider = BROWSER[0].id) {
	const res = await call('POST', '/api/integrations/connect', { body: { provider } });
	expect(res.status).toBe(200);
	return res.json.sessionId;
}
const pollStatus = async (id) =>
	(await call('GET', `/api/integrations/connect/status?sessionId=${id}`)).json;
const control = (method, route, body) =>
	call(method, `/__sandbox${route}`, { body, key: undefined });

describe('browser sessions', () => {
	test('latestSession reports the newest session with its connectUrl', async () => {
		expect(sb.latestSession()).toBeNull();
		await startSession(BROWSER[0].id);
		const id = await startSession(BROWSER[1].id);
		expect(sb.latestSession()).toMatchObject({
			id,
			provider: BROWSER[1].id,
			status: 'pending',
			polls: 0,
			connectUrl: `${sb.url}/connect/${id}`,
		});
	});

	test('only pending sessions can be completed, failed or expired', async () => {
		const id = await startSession();
		sb.expireSession(id);
		expect(() => sb.completeSession(id)).toThrow(/expired, not pending/);
		expect(() => sb.failSession('no-such-session')).toThrow(/not found/);
	});

	test('autoCompleteAfterPolls: N pending polls, then connected', async () => {
		sb.reset({ autoCompleteAfterPolls: 2 });
		const id = await startSession();
		const seen = [];
		for (let i = 0; i < 4; i++) seen.push((await pollStatus(id)).status);
		expect(seen).toEqual(['pending', 'pending', 'connected', 'connected']);
		expect(sb.state().connected).toEqual([BROWSER[0].id]);
	});

	test('without autoCompleteAfterPolls a session stays pending however often it is polled', async () => {
		const id = await startSession();
		for (let i = 0; i < 5; i++) expect((await pollStatus(id)).status).toBe('pending');
		expect(sb.latestSession().polls).toBe(5);
	});

	test('failSession without a message uses a default error', async () => {
		const id = await startSession();
		sb.failSession(id);
		const body = await pollStatus(id);
		expect(body.status).toBe('failed');
		expect(body.error.length).toBeGreaterThan(0);
	});
});

describe('the connect page', () => {
	test('shows Connect and Deny, and Connect completes the session', async () => {
		const id = await startSession();
		const page = await call('GET', `/connect/${id}`, { key: undefined });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		expect(page.text).toMatch(/>Connect</);
		expect(page.text).toMatch(/>Deny</);
		expect(page.text).toContain(BROWSER[0].name);
		const post = await call('POST', `/connect/${id}/complete`, {
			key: undefined,
			redirect: 'manual',
		});
		expect(post.status).toBe(303);
		expect(post.headers.get('location')).toBe(`/connect/${id}`);
		expect(await pollStatus(id)).toEqual({ status: 'connected', provider: BROWSER[0].id });
		const after = await call('GET', `/connect/${id}`, { key: undefined });
		expect(after.text).not.toMatch(/>Deny</);
	});

	test('Deny fails the session', async () => {
		const id = await startSession();
		await call('POST', `/connect/${id}/deny`, { key: undefined, redirect: 'manual' });
		expect(await pollStatus(id)).toMatchObject({ status: 'failed', provider: BROWSER[0].id });
	});

	test('an unknown session → 404 page; page visits are not recorded', async () => {
		expect((await call('GET', '/connect/unknown', { key: undefined })).status).toBe(404);
		expect(sb.requests).toEqual([]);
	});
});

describe('fault injection', () => {
	test('a 429 with headers, applied `times` times, then normal responses', async () => {
		sb.injectFault({
			method: 'GET',
			path: '/api/integrations',
			status: 429,
			headers: { 'Retry-After': '2', 'X-RateLimit-Reset': '1699999999' },
			body: { error: 'Too many requests' },
			times: 2,
		});
		for (let i = 0; i < 2; i++) {
			const res = await call('GET', '/api/integrations');
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('2');
			expect(res.headers.get('x-ratelimit-reset')).toBe('1699999999');
			expect(res.json).toEqual({ error: 'Too many requests' });
		}
		expect((await call('GET', '/api/integrations')).status).toBe(200);
		expect(sb.state().faults).toEqual([]);
	});

	test('faults match method and path, and are consumed oldest first', async () => {
		sb.injectFault({ method: 'POST', path: '/api/integrations/disconnect', status: 503 });
		sb.injectFault({ path: '/api/integrations/disconnect', status: 502 });
		expect((await call('GET', '/api/integrations')).status).toBe(200);
		const first = await call('POST', '/api/integrations/disconnect', {
			body: { provider: 'stripe' },
		});
		expect(first.status).toBe(503);
		expect(first.json).toEqual({ error: 'Service Unavailable' });
		expect(
			(await call('POST', '/api/integrations/disconnect', { body: { provider: 'stripe' } })).status,
		).toBe(502);
		expect(
			(await call('POST', '/api/integrations/disconnect', { body: { provider: 'stripe' } })).status,
		).toBe(404);
	});

	test('authentication comes before a fault: a wrong key gets 401 and the fault stays queued', async () => {
		sb.injectFault({
			path: '/api/validate-api-key',
			status: 500,
			body: { error: 'Internal server error' },
		});
		const wrong = await call('POST', '/api/validate-api-key', { key: 'ok_wrong' });
		expect(wrong.status).toBe(401);
		const right = await call('POST', '/api/validate-api-key');
		expect(right.status).toBe(500);
		expect(validateResponse('POST', '/api/validate-api-key', 500, right.json)).toEqual([]);
	});

	test('delayMs alone delays the real response', async () => {
		sb.injectFault({ path: '/api/integrations', delayMs: 300 });
		const t0 = Date.now();
		const res = await call('GET', '/api/integrations');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
		expect(res.status).toBe(200);
		expect(res.json.items).toHaveLength(PROVIDERS.length);
	});

	test('malformed sends a JSON content type with a body that does not parse', async () => {
		sb.injectFault({ path: '/api/integrations', malformed: true });
		const res = await call('GET', '/api/integrations');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(res.json).toBeUndefined();
	});

	test('invalid fault specs are rejected', () => {
		expect(() => sb.injectFault({ path: 'api', status: 500 })).toThrow(/path/);
		expect(() => sb.injectFault({ path: '/api/integrations' })).toThrow(
			/status, malformed or delayMs/,
		);
		expect(() => sb.injectFault({ path: '/api/integrations', status: 500, times: 0 })).toThrow(
			/times/,
		);
		expect(() => sb.injectFault({ path: '/api/integrations', status: 500, tims: 2 })).toThrow(
			/unknown fault option/,
		);
	});

	test('close() does not wait for a delayed response', async () => {
		const other = await startSandbox();
		other.injectFault({ path: '/api/integrations', delayMs: 20000 });
		const pending = fetch(`${other.url}/api/integrations`, {
			headers: { Authorization: `Bearer ${other.apiKey}` },
		}).catch((e) => e);
		await new Promise((r) => setTimeout(r, 100));
		const t0 = Date.now();
		await other.close();
		expect(Date.now() - t0).toBeLessThan(2000);
		expect((await pending).name).toBe('TypeError'); // fetch failed: the socket was closed
	});
});

describe('request log', () => {
	test('records API requests with method, path, query, headers, body and time', async () => {
		await call('GET', '/api/integrations?connectedOnly=true');
		await call('POST', '/api/integrations/disconnect', { body: { provider: 'stripe' } });
		await call('POST', '/api/integrations/connect', { rawBody: '{oops' });
		await control('GET', '/state');
		const log = sb.requests;
		expect(log.map((r) => [r.method, r.path])).toEqual([
			['GET', '/api/integrations'],
			['POST', '/api/integrations/disconnect'],
			['POST', '/api/integrations/connect'],
		]);
		expect(log[0].query).toEqual({ connectedOnly: 'true' });
		expect(log[0].headers.authorization).toBe(`Bearer ${sb.apiKey}`);
		expect(log[0].body).toBeUndefined();
		expect(log[1].body).toEqual({ provider: 'stripe' });
		expect(log[2].body).toBe('{oops');
		expect(Date.parse(log[0].at)).not.toBeNaN();
	});

	test('requests is a copy; clearRequests empties the log', async () => {
		await call('GET', '/api/integrations');
		sb.requests.pop();
		expect(sb.requests).toHaveLength(1);
		sb.clearRequests();
		expect(sb.requests).toEqual([]);
	});
});

describe('sync failures', () => {
	test('show in both the list and sync-status, and clear again', async () => {
		sb.setConnected('stripe', true);
		const [, model] = SYNC_MODELS.stripe;
		sb.setSyncFailure('stripe', model, 'Stripe API key revoked', {
			lastSyncedAt: '2026-04-10T18:22:11.000Z',
		});

		const list = await call('GET', '/api/integrations?connectedOnly=true');
		expect(validateResponse('GET', '/api/integrations', 200, list.json)).toEqual([]);
		expect(list.json.items[0]).toMatchObject({
			id: 'stripe',
			syncStatus: 'FAILED',
			errorMessage: 'Stripe API key revoked',
		});
		const sync = await call('GET', '/api/integrations/sync-status?provider=stripe');
		expect(validateResponse('GET', '/api/integrations/sync-status', 200, sync.json)).toEqual([]);
		expect(sync.json.syncs.find((s) => s.model === model)).toEqual({
			model,
			status: 'FAILED',
			lastSyncedAt: '2026-04-10T18:22:11.000Z',
			errorMessage: 'Stripe API key revoked',
		});
		expect(sync.json.syncs.filter((s) => s.status === 'FAILED')).toHaveLength(1);

		sb.clearSyncFailure('stripe');
		const cleared = await call('GET', '/api/integrations?connectedOnly=true');
		expect(cleared.json.items[0]).toMatchObject({ syncStatus: 'SUCCESS', errorMessage: null });
	});

	test('clearSyncFailure with a model clears only that model', async () => {
		sb.setConnected('hubspot', true);
		const [a, b] = SYNC_MODELS.hubspot;
		sb.setSyncFailure('hubspot', a, 'A broke');
		sb.setSyncFailure('hubspot', b, 'B broke');
		sb.clearSyncFailure('hubspot', a);
		const { json } = await call('GET', '/api/integrations/sync-status?provider=hubspot');
		expect(json.syncs.filter((s) => s.status === 'FAILED').map((s) => s.model)).toEqual([b]);
		const list = await call('GET', '/api/integrations?connectedOnly=true');
		expect(list.json.items[0].errorMessage).toBe('B broke');
	});

	test('unknown models, unconnected providers and bad dates are rejected', () => {
		expect(() => sb.setSyncFailure('stripe', SYNC_MODELS.stripe[0], 'x')).toThrow(/not connected/);
		sb.setConnected('stripe', true);
		expect(() => sb.setSyncFailure('stripe', 'StripeNope', 'x')).toThrow(/Unknown model/);
		expect(() =>
			sb.setSyncFailure('stripe', SYNC_MODELS.stripe[0], 'x', { lastSyncedAt: 'yesterday' }),
		).toThrow(/lastSyncedAt/);
		expect(() => sb.setSyncFailure('nope', 'x', 'x')).toThrow(/Unknown provider/);
	});

	test('disconnecting drops failures; reconnecting starts healthy', async () => {
		sb.setConnected('stripe', true);
		sb.setSyncFailure('stripe', SYNC_MODELS.stripe[0], 'broken');
		sb.setConnected('stripe', false);
		sb.setConnected('stripe', true);
		const { json } = await call('GET', '/api/integrations/sync-status?provider=stripe');
		expect(json.syncs.every((s) => s.status === 'SUCCESS')).toBe(true);
	});
});

describe('options and reset', () => {
	test('start options are validated', async () => {
		await expect(startSandbox({ connected: ['gmail'] })).rejects.toThrow(/Unknown provider/);
		await expect(startSandbox({ apiKeys: [] })).rejects.toThrow(/apiKeys/);
		await expect(startSandbox({ connectionLimit: -1 })).rejects.toThrow(/connectionLimit/);
	});

	test('a busy port is reported', async () => {
		await expect(startSandbox({ port: sb.port })).rejects.toThrow(/EADDRINUSE/);
	});

	test('reset() returns to the start options; reset(overrides) applies them once', async () => {
		const other = await startSandbox({ connected: ['stripe'], plan: 'pro', connectionLimit: 9 });
		try {
			other.setConnected('stripe', false);
			other.reset({ connected: [], connectionLimit: 0 });
			expect(other.state()).toMatchObject({ connected: [], connectionLimit: 0, plan: 'pro' });
			other.reset();
			expect(other.state()).toMatchObject({
				connected: ['stripe'],
				connectionLimit: 9,
				plan: 'pro',
			});
		} finally {
			await other.close();
		}
	});

	test('a zero connection limit blocks every new connection', async () => {
		sb.reset({ connectionLimit: 0 });
		const p = DIRECT[0];
		const config = Object.fromEntries(p.fields.map((f) => [f.key, f.options?.[0] ?? 'x']));
		const res = await call('POST', '/api/integrations/connect', {
			body: { provider: p.id, config },
		});
		expect(res.status).toBe(403);
		expect(res.json).toMatchObject({ currentConnections: 0, limit: 0, plan: 'free' });
	});
});

describe('HTTP control routes', () => {
	test('session lifecycle over HTTP', async () => {
		const a = await startSession();
		expect((await control('GET', '/sessions/latest')).json).toMatchObject({
			id: a,
			status: 'pending',
		});
		expect((await control('POST', `/sessions/${a}/complete`)).json).toMatchObject({
			id: a,
			status: 'connected',
		});
		expect((await control('POST', `/sessions/${a}/complete`)).status).toBe(409);
		const b = await startSession(BROWSER[1].id);
		await control('POST', `/sessions/${b}/fail`, { message: 'Denied' });
		expect(await pollStatus(b)).toEqual({
			status: 'failed',
			provider: BROWSER[1].id,
			error: 'Denied',
		});
		const c = await startSession(BROWSER[2].id);
		await control('POST', `/sessions/${c}/expire`);
		expect((await pollStatus(c)).status).toBe('expired');
		expect((await control('POST', '/sessions/nope/expire')).status).toBe(404);
	});

	test('connected, sync failures, state and reset over HTTP', async () => {
		expect(
			(await control('POST', '/connected', { provider: 'pylon', connected: true })).json,
		).toEqual({ ok: true });
		const model = SYNC_MODELS.pylon[0];
		await control('POST', '/sync-failure', {
			provider: 'pylon',
			model,
			errorMessage: 'Token expired',
		});
		let state = (await control('GET', '/state')).json;
		expect(state.connected).toEqual(['pylon']);
		expect(state.syncs.pylon.find((s) => s.model === model)).toMatchObject({
			status: 'FAILED',
			errorMessage: 'Token expired',
		});
		await control('POST', '/sync-clear', { provider: 'pylon' });
		state = (await control('GET', '/state')).json;
		expect(state.syncs.pylon.every((s) => s.status === 'SUCCESS')).toBe(true);
		await control('POST', '/reset', { plan: 'team', connectionLimit: 1 });
		expect((await control('GET', '/state')).json).toMatchObject({
			connected: [],
			plan: 'team',
			connectionLimit: 1,
		});
	});

	test('faults and the request log over HTTP; control calls are not recorded', async () => {
		const added = await control('POST', '/faults', {
			path: '/api/integrations',
			status: 429,
			headers: { 'Retry-After': '1' },
		});
		expect(added.json).toMatchObject({
			ok: true,
			fault: { path: '/api/integrations', status: 429, times: 1 },
		});
		expect((await call('GET', '/api/integrations')).status).toBe(429);
		await control('POST', '/faults', { path: '/api/integrations', status: 500, times: 3 });
		await control('POST', '/faults/clear');
		expect((await call('GET', '/api/integrations')).status).toBe(200);
		const log = (await control('GET', '/requests')).json.requests;
		expect(log.map((r) => r.path)).toEqual(['/api/integrations', '/api/integrations']);
		await control('POST', '/requests/clear');
		expect((await control('GET', '/requests')).json.requests).toEqual([]);
	});

	test('bad control input → 400/404/405 with an error', async () => {
		expect(
			(
				await control('POST', '/sync-failure', {
					provider: 'stripe',
					model: 'x',
					errorMessage: 'y',
				})
			).status,
		).toBe(400);
		expect(
			(await control('POST', '/connected', { provider: 'stripe', connected: 'yes' })).status,
		).toBe(400);
		expect((await control('POST', '/faults', { path: '/x' })).status).toBe(400);
		expect((await call('POST', '/__sandbox/reset', { rawBody: '{', key: undefined })).json).toEqual(
			{ error: 'Invalid JSON body' },
		);
		expect((await control('GET', '/nope')).status).toBe(404);
		expect((await control('GET', '/reset')).status).toBe(405);
		expect((await control('GET', '/sessions/latest')).status).toBe(404);
	});
});

describe('CLI', () => {
	const CLI = path.join(__dirname, '..', 'sandbox', 'cli.js');

	/** Runs the CLI until it prints its URL, then sends `signal`; resolves with its output and exit code. */
	function runCli(args, signal, env = {}) {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [CLI, ...args], {
				env: { ...process.env, ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let out = '';
			let err = '';
			const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
			child.stderr.on('data', (d) => (err += d));
			child.stdout.on('data', async (d) => {
				out += d;
				const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
				const key = /API key: (\S+)/.exec(out)?.[1];
				if (url && key && !child.probed) {
					child.probed = true;
					try {
						child.probe = await sandboxClient(url, key)('POST', '/api/validate-api-key');
					} catch (e) {
						child.probe = e;
					}
					child.kill(signal);
				}
			});
			child.on('error', reject);
			child.on('exit', (code, sig) => {
				clearTimeout(killer);
				resolve({ out, err, code, sig, probe: child.probe });
			});
		});
	}

	test.each(['SIGTERM', 'SIGINT'])(
		'starts on 127.0.0.1, serves, and exits 0 on %s',
		async (signal) => {
			const r = await runCli(['--port', '0', '--api-key', 'ok_cli_key'], signal);
			expect(r.out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
			expect(r.out).toContain('API key: ok_cli_key');
			expect(r.probe.status).toBe(200);
			expect(r.code).toBe(0);
		},
	);

	test('reads options from the environment', async () => {
		const r = await runCli([], 'SIGTERM', {
			OUTLIT_SANDBOX_PORT: '0',
			OUTLIT_SANDBOX_API_KEY: 'ok_env_key',
			OUTLIT_SANDBOX_CONNECTED: 'stripe',
		});
		expect(r.out).toContain('API key: ok_env_key');
		expect(r.out).toContain('Connected: stripe');
		expect(r.code).toBe(0);
	});

	test('an unknown option exits 2 without starting', async () => {
		const r = await runCli(['--host', '0.0.0.0'], 'SIGTERM');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/Unknown option --host/);
	});
});
