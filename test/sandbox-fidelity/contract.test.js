'use strict';
/**
 * Drives every sandbox route over real HTTP and checks each response body against the response
 * schema that outlit-openapi.json documents for that route and status.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REFERENCE_DIR } = require('../support/reference');
const { startSandbox } = require('../sandbox');
const { sandboxClient } = require('@repo/devkit/sandbox/client');
const {
	validateResponse,
	validateRequestBody,
	validateSchema,
	SPEC_PATH,
} = require('../sandbox/openapi');
const { PROVIDERS, PROVIDER_IDS, PROVIDER_ALIASES, capabilityOf } = require('../sandbox/catalog');
const { SYNC_MODELS, WEBHOOK_EVENTS } = require('../sandbox/fixtures');

const DIRECT = PROVIDERS.filter((p) => p.setupMode === 'direct_api_key');
const BROWSER = PROVIDERS.filter((p) => p.setupMode === 'browser_session');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const [ALIAS] = Object.keys(PROVIDER_ALIASES);

/** A complete direct config whose values are unique markers, so any echo is detectable. */
const configFor = (provider) =>
	Object.fromEntries(
		provider.fields.map((f) => [
			f.key,
			f.options ? f.options[0] : `secret-${provider.id}-${f.key}-7f3a`,
		]),
	);
const markers = (config) => Object.values(config).filter((v) => String(v).startsWith('secret-'));

let sb;
let call;

beforeAll(async () => {
	sb = await startSandbox();
	call = sandboxClient(sb.url, sb.apiKey);
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

/** Calls a route and asserts the status and that the body matches the documented schema. */
async function contract(method, path, status, opts) {
	const res = await call(method, path, opts);
	expect({ status: res.status, body: res.json }).toMatchObject({ status });
	expect(validateResponse(method, path, res.status, res.text)).toEqual([]);
	return res.json;
}

async function expectInvalid(method, path, opts, pathOfIssue) {
	const body = await contract(method, path, 400, opts);
	expect(body.error).toBe('Invalid request');
	expect(body.details.map((d) => d.path)).toContainEqual(pathOfIssue);
	return body;
}

describe('contract file', () => {
	test('the sandbox reads its providers from the docs table, not from the package', () => {
		const sources = fs.readdirSync(path.join(__dirname, '..', 'sandbox')).filter((f) => f.endsWith('.js'));
		for (const file of sources) {
			expect(fs.readFileSync(path.join(__dirname, '..', 'sandbox', file), 'utf8')).not.toMatch(/require\([^)]*(nodes|credentials)\//);
		}
		expect(PROVIDER_IDS).toEqual(['hubspot', 'attio', 'slack', 'fireflies', 'granola', 'google-calendar', 'google-mail', 'posthog', 'stripe', 'supabase', 'clerk', 'pylon']);
		expect(PROVIDERS.find((p) => p.id === 'posthog').fields.map((f) => [f.key, f.secret])).toEqual([['apiKey', true], ['region', false], ['projectId', false]]);
		expect(PROVIDER_ALIASES).toEqual({ gmail: 'google-mail' });
	});

	test('the capabilities oneOf patch is still needed (unpatched spec rejects the documented envelope)', () => {
		const Ajv2020 = require('ajv/dist/2020');
		const doc = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
		const ajv = new Ajv2020({ strict: false });
		ajv.addSchema(doc, 'x');
		const validate = ajv.compile({ $ref: 'x#/components/schemas/IntegrationCapabilitiesResponse' });
		expect(validate({ provider: capabilityOf(PROVIDERS[0]) })).toBe(false);
	});

	test('validateResponse rejects bodies that break the schema', () => {
		expect(
			validateResponse('GET', '/api/integrations', 200, { items: [{ id: 'nope' }] }).length,
		).toBeGreaterThan(0);
		expect(validateResponse('POST', '/api/integrations/connect', 403, { error: 'x' })).not.toEqual(
			[],
		);
		expect(validateResponse('GET', '/api/integrations', 418, {})).not.toEqual([]);
	});
});

describe('authentication', () => {
	const routes = [
		['POST', '/api/validate-api-key'],
		['GET', '/api/integrations'],
		['GET', '/api/integrations/capabilities'],
		['POST', '/api/integrations/setup-step'],
		['POST', '/api/integrations/connect'],
		['GET', '/api/integrations/connect/status?sessionId=x'],
		['POST', '/api/integrations/disconnect'],
		['GET', '/api/integrations/sync-status?provider=stripe'],
	];

	test.each(routes)('%s %s without a key → 401', async (method, path) => {
		sb.reset({ contract: 'rest' });
		const body = await contract(method, path, 401, {
			key: undefined,
			body: { provider: 'stripe' },
		});
		expect(body).toEqual({ error: 'Invalid credentials' });
	});

	test.each(routes)('%s %s with an unknown key → 401', async (method, path) => {
		sb.reset({ contract: 'rest' });
		const body = await contract(method, path, 401, {
			key: 'ok_not_a_real_key',
			body: { provider: 'stripe' },
		});
		expect(body).toEqual({ error: 'Invalid credentials' });
	});

	test('a non-Bearer scheme is rejected', async () => {
		const res = await call('POST', '/api/validate-api-key', {
			key: undefined,
			headers: { Authorization: `Basic ${sb.apiKey}` },
		});
		expect(res.status).toBe(401);
	});

	test('POST /api/validate-api-key → 200 ValidateApiKeySuccess (REST-only server)', async () => {
		sb.reset({ contract: 'rest' });
		const body = await contract('POST', '/api/validate-api-key', 200);
		expect(body).toEqual({
			valid: true,
			organizationId: 'org_sandbox',
			createdById: 'user_sandbox',
		});
	});

	test('POST /api/validate-api-key in the gateway era adds the grants (apiKeyValidationSuccessSchema)', async () => {
		const contracts = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'outlit-tools', 'contracts.json'), 'utf8'));
		const Ajv2020 = require('ajv/dist/2020');
		const ajv = new Ajv2020({ strict: false });
		require('ajv-formats')(ajv);
		const ok = await call('POST', '/api/validate-api-key');
		expect(ajv.validate(contracts.apiKeyValidationSuccessSchema, ok.json)).toBe(true);
		expect(ok.json.authorization.grants).toEqual(['integrations:connect_own', 'integrations:manage']);
		const wrong = await call('POST', '/api/validate-api-key', { key: 'ok_wrong' });
		expect(wrong.status).toBe(401);
		expect(ajv.validate(contracts.apiKeyValidationFailureSchema, wrong.json)).toBe(true);
	});

	test('every configured key is accepted', async () => {
		const multi = await startSandbox({ apiKeys: ['ok_first', 'ok_second'] });
		try {
			const second = sandboxClient(multi.url, 'ok_second');
			expect((await second('POST', '/api/validate-api-key')).status).toBe(200);
			expect(multi.apiKey).toBe('ok_first');
		} finally {
			await multi.close();
		}
	});
});

describe('GET /api/integrations', () => {
	test('lists every catalog provider, in catalog order, not connected', async () => {
		const { items } = await contract('GET', '/api/integrations', 200);
		expect(items.map((i) => i.id)).toEqual(PROVIDER_IDS);
		for (const [i, p] of PROVIDERS.entries()) {
			expect(items[i]).toEqual({
				id: p.id,
				name: p.name,
				category: p.category,
				status: 'not_connected',
				connectionId: null,
				lastDataReceivedAt: null,
				syncStatus: null,
				errorMessage: null,
			});
		}
	});

	test('connected providers carry connectionId, sync status and last data time', async () => {
		sb.reset({ connected: ['stripe', 'hubspot'] });
		const { items } = await contract('GET', '/api/integrations', 200);
		const stripe = items.find((i) => i.id === 'stripe');
		expect(stripe).toMatchObject({
			status: 'connected',
			connectionId: 'stripe-org_sandbox',
			syncStatus: 'SUCCESS',
			errorMessage: null,
		});
		expect(Date.parse(stripe.lastDataReceivedAt)).not.toBeNaN();
		expect(items.filter((i) => i.status === 'connected').map((i) => i.id)).toEqual([
			'hubspot',
			'stripe',
		]);
	});

	test('connectedOnly=true returns only connected ones; false returns all', async () => {
		sb.reset({ connected: ['pylon'] });
		const only = await contract('GET', '/api/integrations?connectedOnly=true', 200);
		expect(only.items.map((i) => i.id)).toEqual(['pylon']);
		const all = await contract('GET', '/api/integrations?connectedOnly=false', 200);
		expect(all.items).toHaveLength(PROVIDERS.length);
	});

	test('connectedOnly other than true lists all (the route documents no 400)', async () => {
		sb.reset({ connected: ['pylon'] });
		const { items } = await contract('GET', '/api/integrations?connectedOnly=yes', 200);
		expect(items).toHaveLength(PROVIDERS.length);
	});
});

describe('GET /api/integrations/capabilities', () => {
	test('without provider: every capability keyed by provider id', async () => {
		const body = await contract('GET', '/api/integrations/capabilities', 200);
		expect(Object.keys(body)).toEqual(PROVIDER_IDS);
		for (const p of PROVIDERS) expect(body[p.id]).toEqual(capabilityOf(p));
	});

	test.each(PROVIDER_IDS)('provider=%s → envelope with its capability', async (id) => {
		const body = await contract('GET', `/api/integrations/capabilities?provider=${id}`, 200);
		expect(body).toEqual({ provider: capabilityOf(PROVIDERS.find((p) => p.id === id)) });
	});

	test('the documented CLI alias is accepted here', async () => {
		const body = await contract('GET', `/api/integrations/capabilities?provider=${ALIAS}`, 200);
		expect(body.provider.providerId).toBe(PROVIDER_ALIASES[ALIAS]);
	});

	test('unknown provider → 400 with details at provider', async () => {
		await expectInvalid('GET', '/api/integrations/capabilities?provider=salesforce', {}, [
			'provider',
		]);
	});
});

describe('POST /api/integrations/connect (direct credentials)', () => {
	test.each(DIRECT.map((p) => [p.id, p]))(
		'%s connects, then reports alreadyConnected',
		async (id, p) => {
			const config = configFor(p);
			expect(
				validateRequestBody('POST', '/api/integrations/connect', { provider: id, config }),
			).toEqual([]);
			const first = await contract('POST', '/api/integrations/connect', 200, {
				body: { provider: id, config },
			});
			expect(first).toEqual({
				connected: true,
				connectionId: `${id}-org_sandbox`,
				alreadyConnected: false,
			});
			const again = await contract('POST', '/api/integrations/connect', 200, {
				body: { provider: id, config },
			});
			expect(again.alreadyConnected).toBe(true);
			expect(sb.state().connected).toEqual([id]);
		},
	);

	test.each(DIRECT.flatMap((p) => p.fields.map((f) => [p.id, f.key, p])))(
		'%s without config.%s → 400 Required, nothing echoed',
		async (id, key, p) => {
			const config = configFor(p);
			delete config[key];
			const body = await expectInvalid(
				'POST',
				'/api/integrations/connect',
				{ body: { provider: id, config } },
				['config', key],
			);
			expect(body.details).toContainEqual({ path: ['config', key], message: 'Required' });
			for (const m of markers(config)) expect(JSON.stringify(body)).not.toContain(m);
			expect(sb.state().connected).toEqual([]);
		},
	);

	test.each(DIRECT.flatMap((p) => p.fields.map((f) => [p.id, f.key, p])))(
		'%s with empty config.%s → 400',
		async (id, key, p) => {
			await expectInvalid(
				'POST',
				'/api/integrations/connect',
				{ body: { provider: id, config: { ...configFor(p), [key]: '  ' } } },
				['config', key],
			);
		},
	);

	test('a value the docs give no closed set for is accepted (PostHog region)', async () => {
		const config = { apiKey: 'secret-posthog-key', region: 'apac', projectId: '1' };
		await contract('POST', '/api/integrations/connect', 200, { body: { provider: 'posthog', config } });
	});

	test('a direct provider without config → 400 at config', async () => {
		await expectInvalid('POST', '/api/integrations/connect', { body: { provider: DIRECT[0].id } }, [
			'config',
		]);
	});

	test.each([['a string'], [['array']], [null], [42]])(
		'config %j → 400 at config',
		async (config) => {
			await expectInvalid(
				'POST',
				'/api/integrations/connect',
				{ body: { provider: DIRECT[0].id, config } },
				['config'],
			);
		},
	);

	test('unknown provider, missing provider, the alias and other casing → 400 at provider', async () => {
		for (const provider of ['salesforce', undefined, ALIAS, DIRECT[0].id.toUpperCase(), 7]) {
			await expectInvalid('POST', '/api/integrations/connect', { body: { provider } }, [
				'provider',
			]);
		}
	});

	test('an extra top-level key → 400 unrecognized key', async () => {
		const p = DIRECT[0];
		const body = await expectInvalid(
			'POST',
			'/api/integrations/connect',
			{ body: { provider: p.id, config: configFor(p), extra: 1 } },
			[],
		);
		expect(body.details[0].message).toMatch(/Unrecognized key.*'extra'/);
	});

	test('malformed JSON and an empty body → 400 Invalid JSON body', async () => {
		for (const rawBody of ['{"provider": "stripe",', '']) {
			const body = await contract('POST', '/api/integrations/connect', 400, { rawBody });
			expect(body).toEqual({ error: 'Invalid JSON body' });
		}
	});

	test('a non-object body → 400', async () => {
		await expectInvalid('POST', '/api/integrations/connect', { body: ['stripe'] }, []);
	});
});

describe('POST /api/integrations/connect (browser session)', () => {
	test.each(BROWSER.map((p) => p.id))(
		'%s creates a pending session with a sandbox connectUrl',
		async (id) => {
			const body = await contract('POST', '/api/integrations/connect', 200, {
				body: { provider: id },
			});
			expect(body.sessionId).toMatch(UUID);
			expect(body).toEqual({
				sessionId: body.sessionId,
				connectUrl: `${sb.url}/connect/${body.sessionId}`,
				alreadyConnected: false,
			});
			const status = await contract(
				'GET',
				`/api/integrations/connect/status?sessionId=${body.sessionId}`,
				200,
			);
			expect(status).toEqual({ status: 'pending', provider: id });
		},
	);

	test('a browser provider with config → 400 at config', async () => {
		await expectInvalid(
			'POST',
			'/api/integrations/connect',
			{ body: { provider: BROWSER[0].id, config: {} } },
			['config'],
		);
	});

	test('an already connected browser provider → alreadyConnected with a connected session', async () => {
		const id = BROWSER[0].id;
		sb.reset({ connected: [id] });
		const body = await contract('POST', '/api/integrations/connect', 200, {
			body: { provider: id },
		});
		expect(body.alreadyConnected).toBe(true);
		const status = await contract(
			'GET',
			`/api/integrations/connect/status?sessionId=${body.sessionId}`,
			200,
		);
		expect(status).toEqual({ status: 'connected', provider: id });
	});
});

describe('plan connection limit', () => {
	beforeEach(() =>
		sb.reset({ plan: 'starter', connectionLimit: 2, connected: [DIRECT[0].id, BROWSER[0].id] }),
	);

	test.each([
		['direct', () => ({ provider: DIRECT[1].id, config: configFor(DIRECT[1]) })],
		['browser', () => ({ provider: BROWSER[1].id })],
	])('a new %s connection at the limit → 403 PlanConnectionLimitError', async (_kind, makeBody) => {
		const body = await contract('POST', '/api/integrations/connect', 403, { body: makeBody() });
		expect(body).toEqual({
			error: 'Your plan has reached its integration connection limit.',
			code: 'plan_connection_limit_exceeded',
			feature: 'integration_connections',
			plan: 'starter',
			currentConnections: 2,
			limit: 2,
		});
		expect(sb.state().sessions).toEqual([]);
	});

	test('reconnecting an already connected provider is not blocked', async () => {
		const p = DIRECT[0];
		const body = await contract('POST', '/api/integrations/connect', 200, {
			body: { provider: p.id, config: configFor(p) },
		});
		expect(body.alreadyConnected).toBe(true);
	});

	test('after a disconnect there is room again', async () => {
		await contract('POST', '/api/integrations/disconnect', 200, {
			body: { provider: DIRECT[0].id },
		});
		await contract('POST', '/api/integrations/connect', 200, {
			body: { provider: DIRECT[1].id, config: configFor(DIRECT[1]) },
		});
	});
});

describe('GET /api/integrations/connect/status', () => {
	async function startSession() {
		const { sessionId } = await contract('POST', '/api/integrations/connect', 200, {
			body: { provider: BROWSER[0].id },
		});
		return sessionId;
	}
	const poll = (id) => contract('GET', `/api/integrations/connect/status?sessionId=${id}`, 200);

	test('completed → connected, and the provider shows as connected with syncs', async () => {
		const id = await startSession();
		sb.completeSession(id);
		expect(await poll(id)).toEqual({ status: 'connected', provider: BROWSER[0].id });
		const { items } = await contract('GET', '/api/integrations?connectedOnly=true', 200);
		expect(items.map((i) => i.id)).toEqual([BROWSER[0].id]);
		const sync = await contract(
			'GET',
			`/api/integrations/sync-status?provider=${BROWSER[0].id}`,
			200,
		);
		expect(sync.syncs.map((s) => s.model)).toEqual(SYNC_MODELS[BROWSER[0].id]);
	});

	test('failed → failed with error', async () => {
		const id = await startSession();
		sb.failSession(id, 'User closed the consent screen');
		expect(await poll(id)).toEqual({
			status: 'failed',
			provider: BROWSER[0].id,
			error: 'User closed the consent screen',
		});
		expect(sb.state().connected).toEqual([]);
	});

	test('expired → expired', async () => {
		const id = await startSession();
		sb.expireSession(id);
		expect(await poll(id)).toEqual({ status: 'expired', provider: BROWSER[0].id });
	});

	test('missing or empty sessionId → 400', async () => {
		await expectInvalid('GET', '/api/integrations/connect/status', {}, ['sessionId']);
		await expectInvalid('GET', '/api/integrations/connect/status?sessionId=', {}, ['sessionId']);
	});

	test('unknown sessionId → 404 (not in the contract; body is an ErrorResponse)', async () => {
		const res = await call(
			'GET',
			'/api/integrations/connect/status?sessionId=00000000-0000-4000-8000-000000000000',
		);
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ error: 'Connection session not found' });
		expect(validateSchema('ErrorResponse', res.json)).toEqual([]);
	});
});

describe('POST /api/integrations/disconnect', () => {
	test('a connected provider → success', async () => {
		sb.reset({ connected: ['stripe'] });
		expect(
			await contract('POST', '/api/integrations/disconnect', 200, { body: { provider: 'stripe' } }),
		).toEqual({ success: true });
		expect(sb.state().connected).toEqual([]);
	});

	test.each(PROVIDER_IDS)('%s not connected → 404 not connected', async (id) => {
		const body = await contract('POST', '/api/integrations/disconnect', 404, {
			body: { provider: id },
		});
		expect(body).toEqual({ success: false, message: 'Integration is not connected' });
	});

	test('invalid provider, alias, extra key, malformed JSON → 400', async () => {
		await expectInvalid('POST', '/api/integrations/disconnect', { body: { provider: 'nope' } }, [
			'provider',
		]);
		await expectInvalid('POST', '/api/integrations/disconnect', { body: { provider: ALIAS } }, [
			'provider',
		]);
		await expectInvalid(
			'POST',
			'/api/integrations/disconnect',
			{ body: { provider: 'stripe', force: true } },
			[],
		);
		expect(await contract('POST', '/api/integrations/disconnect', 400, { rawBody: '{' })).toEqual({
			error: 'Invalid JSON body',
		});
	});
});

describe('GET /api/integrations/sync-status', () => {
	test.each(PROVIDERS.map((p) => [p.id, p]))(
		'%s: not connected, then connected with its models',
		async (id, p) => {
			const before = await contract('GET', `/api/integrations/sync-status?provider=${id}`, 200);
			expect(before).toEqual({
				provider: id,
				name: p.name,
				category: p.category,
				status: 'not_connected',
				syncs: [],
			});
			sb.setConnected(id, true);
			const after = await contract('GET', `/api/integrations/sync-status?provider=${id}`, 200);
			expect(after.status).toBe('connected');
			expect(after.syncs.map((s) => [s.model, s.status, s.errorMessage])).toEqual(
				SYNC_MODELS[id].map((m) => [m, 'SUCCESS', null]),
			);
			for (const s of after.syncs) expect(Date.parse(s.lastSyncedAt)).not.toBeNaN();
		},
	);

	test('missing, unknown or alias provider → 400 at provider', async () => {
		await expectInvalid('GET', '/api/integrations/sync-status', {}, ['provider']);
		await expectInvalid('GET', '/api/integrations/sync-status?provider=nope', {}, ['provider']);
		await expectInvalid('GET', `/api/integrations/sync-status?provider=${ALIAS}`, {}, ['provider']);
	});
});

describe('POST /api/integrations/setup-step', () => {
	const steps = PROVIDERS.flatMap((p) => p.postConnectSteps.map((s) => [p.id, s.step, p]));
	const mappingProviders = steps.filter(([, step]) => step === 'mappings');
	const webhookProviders = steps.filter(([, step]) => step === 'webhooks');
	const noSteps = PROVIDERS.find((p) => !p.postConnectSteps.length);

	test('the catalog has both kinds of step to exercise', () => {
		expect(mappingProviders.length).toBeGreaterThan(0);
		expect(webhookProviders.length).toBeGreaterThan(0);
	});

	test.each(steps)('%s %s before connecting → 400 not connected', async (id, step) => {
		const body = await contract('POST', '/api/integrations/setup-step', 400, {
			body: { provider: id, step },
		});
		expect(body.error).toMatch(/not connected/);
	});

	test.each(mappingProviders)(
		'%s %s without config → config_required with pipelines',
		async (id, step) => {
			sb.setConnected(id, true);
			const body = await contract('POST', '/api/integrations/setup-step', 200, {
				body: { provider: id, step },
			});
			expect(body).toMatchObject({ status: 'config_required', step: 'mappings', provider: id });
			expect(body.availablePipelines.length).toBeGreaterThan(0);
			expect(typeof body.message).toBe('string');
		},
	);

	test.each(mappingProviders)(
		'%s %s with mappings → completed with the count',
		async (id, step) => {
			sb.setConnected(id, true);
			const config = {
				mappings: [{ pipelineId: `${id}-sales`, stage: 'Won' }, { pipelineId: `${id}-renewals` }],
			};
			expect(
				validateRequestBody('POST', '/api/integrations/setup-step', { provider: id, step, config }),
			).toEqual([]);
			const body = await contract('POST', '/api/integrations/setup-step', 200, {
				body: { provider: id, step, config },
			});
			expect(body).toEqual({
				status: 'completed',
				step: 'mappings',
				provider: id,
				mappingsApplied: 2,
			});
			await expectInvalid(
				'POST',
				'/api/integrations/setup-step',
				{ body: { provider: id, step, config: { mappings: 'all' } } },
				['config', 'mappings'],
			);
		},
	);

	test.each(webhookProviders)(
		'%s %s → manual setup, then completed without echoing the secret',
		async (id, step) => {
			sb.setConnected(id, true);
			const manual = await contract('POST', '/api/integrations/setup-step', 200, {
				body: { provider: id, step },
			});
			expect(manual).toMatchObject({
				status: 'manual_setup_required',
				step: 'webhooks',
				provider: id,
				requiredEvents: WEBHOOK_EVENTS[id],
			});
			expect(manual.webhookUrl.startsWith(`${sb.url}/`)).toBe(true);
			expect(typeof manual.headers).toBe('object');
			const secret = `whsec_secret_${id}_91b2`;
			const done = await call('POST', '/api/integrations/setup-step', {
				body: { provider: id, step, config: { webhookSecret: secret } },
			});
			expect(done.status).toBe(200);
			expect(validateResponse('POST', '/api/integrations/setup-step', 200, done.json)).toEqual([]);
			expect(done.json).toMatchObject({
				status: 'completed',
				step: 'webhooks',
				provider: id,
				webhookSecretStored: true,
			});
			expect(done.text).not.toContain(secret);
			expect(JSON.stringify(sb.state())).not.toContain(secret);
			await expectInvalid(
				'POST',
				'/api/integrations/setup-step',
				{ body: { provider: id, step, config: { webhookSecret: '' } } },
				['config', 'webhookSecret'],
			);
		},
	);

	test('any non-empty step token is accepted, as the contract says (minLength 1)', async () => {
		const [id] = mappingProviders[0];
		sb.setConnected(id, true);
		const body = await contract('POST', '/api/integrations/setup-step', 200, { body: { provider: id, step: 'backfill' } });
		expect(body).toMatchObject({ status: 'unsupported', step: 'backfill', provider: id });
		sb.setConnected(noSteps.id, true);
		await contract('POST', '/api/integrations/setup-step', 200, { body: { provider: noSteps.id, step: 'mappings' } });
	});

	test.each([['text'], [[1]], [null], [3], [true]])('config %j → 400 at config', async (config) => {
		const [id, step] = steps[0];
		sb.setConnected(id, true);
		await expectInvalid(
			'POST',
			'/api/integrations/setup-step',
			{ body: { provider: id, step, config } },
			['config'],
		);
	});

	test('missing or empty step, bad provider, extra key, malformed JSON → 400', async () => {
		const [id] = steps[0];
		await expectInvalid('POST', '/api/integrations/setup-step', { body: { provider: id } }, [
			'step',
		]);
		await expectInvalid(
			'POST',
			'/api/integrations/setup-step',
			{ body: { provider: id, step: '' } },
			['step'],
		);
		await expectInvalid(
			'POST',
			'/api/integrations/setup-step',
			{ body: { provider: 'x', step: 'mappings' } },
			['provider'],
		);
		await expectInvalid(
			'POST',
			'/api/integrations/setup-step',
			{ body: { provider: id, step: 'mappings', dryRun: true } },
			[],
		);
		expect(
			await contract('POST', '/api/integrations/setup-step', 400, { rawBody: 'nope' }),
		).toEqual({ error: 'Invalid JSON body' });
	});
});

describe('unknown routes and methods', () => {
	test('an unknown path → 404 Not found', async () => {
		const res = await call('GET', '/api/integrations/nope');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ error: 'Not found' });
		expect(validateSchema('ErrorResponse', res.json)).toEqual([]);
	});

	test('a known path with the wrong method → 405 with Allow', async () => {
		const res = await call('DELETE', '/api/integrations');
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET');
		expect(validateSchema('ErrorResponse', res.json)).toEqual([]);
		expect((await call('GET', '/api/integrations/connect')).status).toBe(405);
	});
});
