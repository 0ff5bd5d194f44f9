'use strict';
/**
 * The sandbox's tools gateway over real HTTP: every 200 is checked against the tool's
 * `ToolOutput_*` schema and every error against `GatewayError`, from Outlit's OpenAPI in
 * test/sandbox/contract, the repository's copy of Outlit's contract.
 */
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020');
const { reference } = require('../support/reference');
const addFormats = require('ajv-formats');
const { startSandbox } = require('../sandbox');
const { sandboxClient } = require('@repo/devkit/sandbox/client');

const OPENAPI = reference('outlit-tools', 'openapi.json');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(fs.readFileSync(OPENAPI, 'utf8')), 'tools');
const valid = (name, body) => {
	const validate = ajv.getSchema(`tools#/components/schemas/${name}`);
	return validate(body) ? [] : validate.errors;
};

let sb;
let call;
beforeAll(async () => {
	sb = await startSandbox();
	call = sandboxClient(sb.url, sb.apiKey);
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

/** One tool call; asserts its status and that the body matches the contract. */
async function tool(name, input, status = 200, opts = {}) {
	const res = await call('POST', '/api/tools/call', { body: input === undefined ? { tool: name } : { tool: name, input }, ...opts });
	expect(res.status).toBe(status);
	expect(valid(status === 200 ? `ToolOutput_${name}` : 'GatewayError', res.json)).toEqual([]);
	return res.json;
}

describe('outputs match ToolOutput_* for every integration tool', () => {
	test('status for all providers (input omitted = {}), then one', async () => {
		const all = await tool('outlit_get_integration_status');
		expect(all.integrations.map((i) => i.provider)).toEqual(['salesforce', 'hubspot', 'attio', 'slack', 'google-calendar', 'google-mail', 'granola', 'gong', 'fireflies', 'pylon', 'stripe', 'mixpanel', 'posthog', 'supabase', 'clerk']);
		expect(all.integrations.every((i) => i.status === 'not_connected')).toBe(true);
		expect((await tool('outlit_get_integration_status', { provider: 'stripe' })).integrations).toEqual([{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'not_connected' }]);
	});

	test('capabilities, with preferredSetupVersion 1 (absent on a legacy gateway)', async () => {
		expect(await tool('outlit_get_integration_capabilities', {})).toMatchObject({ preferredSetupVersion: 1 });
		sb.reset({ legacyGateway: true });
		expect(await tool('outlit_get_integration_capabilities', { provider: 'slack' })).not.toHaveProperty('preferredSetupVersion');
	});

	test('setup: a browser handoff, then the session connects, then a CRM mapping is recommended and confirmed', async () => {
		const handoff = await tool('outlit_setup_integration', { provider: 'hubspot' });
		expect(handoff).toMatchObject({ status: 'awaiting_auth', next: { kind: 'browser_handoff', purpose: 'authentication' }, error: null });
		const { sessionId } = handoff.next;
		expect(await tool('outlit_get_integration_setup_status', { sessionId })).toEqual({ provider: 'hubspot', status: 'pending' });
		sb.completeSession(sessionId);
		expect(await tool('outlit_get_integration_setup_status', { sessionId })).toEqual({ provider: 'hubspot', status: 'connected' });
		const mapping = await tool('outlit_setup_integration', { provider: 'hubspot' });
		expect(mapping).toMatchObject({ status: 'setup_required', next: { kind: 'crm_mapping' } });
		const confirmed = await tool('outlit_setup_integration', { provider: 'hubspot', configuration: { kind: 'crm_mapping', mappings: mapping.next.recommendation, confirm: true } });
		expect(confirmed).toMatchObject({ status: 'ready', next: null, error: null });
	});

	test('setup with credentials connects at once and never echoes them', async () => {
		const res = await call('POST', '/api/tools/call', { body: { tool: 'outlit_setup_integration', input: { provider: 'pylon', credentials: { apiToken: 'pyl_secret_marker' } } } });
		expect(valid('ToolOutput_outlit_setup_integration', res.json)).toEqual([]);
		expect(res.json).toMatchObject({ status: 'ready' });
		expect(res.text).not.toContain('pyl_secret_marker');
		expect(sb.state().connected).toEqual(['pylon']);
	});

	test('Mixpanel: credentials, then a preview to map, then a confirmed mapping', async () => {
		const first = await tool('outlit_setup_integration', { provider: 'mixpanel', credentials: { username: 'u', secret: 's', projectId: '1', region: 'eu' } });
		expect(first).toMatchObject({ status: 'setup_required', next: { kind: 'mixpanel_mapping' } });
		expect(await tool('outlit_setup_integration', { provider: 'mixpanel', configuration: { kind: 'mixpanel_mapping', mapping: { mode: 'email_domain' }, confirm: true } })).toMatchObject({ status: 'ready' });
	});

	test('setup-level errors come inside a 200', async () => {
		expect(await tool('outlit_setup_integration', { provider: 'fireflies' })).toMatchObject({ error: { code: 'CREDENTIAL_REQUIRED', retryable: false } });
		sb.setSetupError('stripe', { code: 'TRANSIENT_FAILURE', message: 'try again', retryable: true });
		expect(await tool('outlit_setup_integration', { provider: 'stripe', connectionMode: 'oauth' })).toMatchObject({ error: { code: 'TRANSIENT_FAILURE', retryable: true } });
	});

	test('begin setup (the compatibility tool): a handoff, or already connected', async () => {
		expect(await tool('outlit_begin_integration_setup', { provider: 'slack' })).toMatchObject({ provider: 'slack', state: 'handoff_ready' });
		sb.setConnected('slack', true);
		expect(await tool('outlit_begin_integration_setup', { provider: 'slack' })).toEqual({ provider: 'slack', state: 'already_connected', sessionId: null, connectUrl: null, expiresAt: null });
	});

	test('readiness follows the shared state: REST connections and sync failures show on the gateway', async () => {
		sb.setConnected('stripe', true);
		expect((await tool('outlit_get_integration_status', { provider: 'stripe' })).integrations[0].status).toBe('ready');
		sb.setSyncFailure('stripe', 'StripeInvoice', 'boom');
		expect((await tool('outlit_get_integration_status', { provider: 'stripe' })).integrations[0].status).toBe('requires_intervention');
	});
});

describe('errors match GatewayError', () => {
	test.each([
		['a wrong key', { key: 'ok_wrong' }, { tool: 'outlit_get_integration_status', input: {} }, 401, 'INVALID_CREDENTIALS'],
		['an unknown tool', {}, { tool: 'outlit_nope', input: {} }, 400, 'INVALID_TOOL_CALL'],
		['extra envelope keys', {}, { tool: 'outlit_get_integration_status', input: {}, x: 1 }, 400, 'INVALID_TOOL_CALL'],
		['input that breaks the schema', {}, { tool: 'outlit_get_integration_setup_status', input: { sessionId: 'nope' } }, 400, 'INVALID_TOOL_INPUT'],
		['a PostHog key too short', {}, { tool: 'outlit_setup_integration', input: { provider: 'posthog', credentials: { apiKey: 'phx_1', region: 'us', projectId: '1' } } }, 400, 'INVALID_TOOL_INPUT'],
	])('%s', async (_name, opts, body, status, code) => {
		const res = await call('POST', '/api/tools/call', { body, ...opts });
		expect(res.status).toBe(status);
		expect(valid('GatewayError', res.json)).toEqual([]);
		expect(res.json.code).toBe(code);
		expect(res.json.requestId).toMatch(/^req_/);
	});

	test('malformed JSON → INVALID_JSON', async () => {
		const res = await call('POST', '/api/tools/call', { rawBody: '{"tool":' });
		expect([res.status, res.json.code]).toEqual([400, 'INVALID_JSON']);
	});

	test('a key without the integration grants → 403 TOOL_CALL_FORBIDDEN', async () => {
		sb.reset({ grants: ['customer_intelligence:read'] });
		await expect(tool('outlit_get_integration_status', {}, 403)).resolves.toMatchObject({ code: 'TOOL_CALL_FORBIDDEN', retryable: false });
	});

	test('the legacy gateway does not know outlit_setup_integration', async () => {
		sb.reset({ legacyGateway: true });
		await expect(tool('outlit_setup_integration', { provider: 'slack' }, 400)).resolves.toMatchObject({ code: 'INVALID_TOOL_CALL' });
	});
});

describe('contract modes', () => {
	test('tools: REST routes answer 404 with an HTML page; the gateway answers', async () => {
		sb.reset({ contract: 'tools' });
		const rest = await call('GET', '/api/integrations');
		expect(rest.status).toBe(404);
		expect(rest.headers.get('content-type')).toMatch(/text\/html/);
		await tool('outlit_get_integration_status', {});
	});

	test('rest: /api/tools/call answers 404 without the envelope; REST answers', async () => {
		sb.reset({ contract: 'rest' });
		const gateway = await call('POST', '/api/tools/call', { body: { tool: 'outlit_get_integration_status', input: {} } });
		expect(gateway.status).toBe(404);
		expect(gateway.json).toBeUndefined();
		expect((await call('GET', '/api/integrations')).status).toBe(200);
	});

	test('the control route switches modes', async () => {
		const res = await fetch(`${sb.url}/__sandbox/contract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"contract":"tools"}' });
		expect(await res.json()).toEqual({ ok: true, contract: 'tools' });
		expect((await call('GET', '/api/integrations')).status).toBe(404);
	});
});
