'use strict';
/**
 * The credential's API = Automatic, in each sandbox mode: a server with both APIs, one with only
 * the REST routes, one with only the tools gateway. For each operation, the exact requests it makes
 * (this table is also the README's "what each costs"). Through n8n's real engine, over HTTP.
 */
const { outlitEnvironment, CANARY } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'auto' });
const T = (tool) => `POST /api/tools/call ${tool}`;
const STATUS = T('outlit_get_integration_status');
const SETUP = T('outlit_setup_integration');
const SESSION = T('outlit_get_integration_setup_status');
const CAPS = T('outlit_get_integration_capabilities');
const I = '/api/integrations';

/** The requests the sandbox received, as "METHOD /path [tool]". */
const requests = () => env.sandbox.requests.map((r) => `${r.method} ${r.path}${r.tool ? ` ${r.tool}` : ''}`);

const SESSION_ID = '={{ $json.sessionId }}';
const BEGIN = T('outlit_begin_integration_setup');
/**
 * [name, parameters, scenario, expected requests per server: both / rest / tools / both, older
 * gateway / tools, older gateway]. An older gateway does not negotiate setup (its capabilities have no
 * preferredSetupVersion): Outlit's docs say it gets browser setup only, without credentials or
 * configuration, so Automatic sends those to the REST routes, or explains where they are retired.
 */
const TABLE = [
	['Get Many', { operation: 'getAll' }, {}, [[STATUS], [T('outlit_get_integration_status'), `GET ${I}`], [STATUS], [STATUS], [STATUS]]],
	['Get Capabilities', { operation: 'getCapabilities', provider: 'stripe' }, {}, [[CAPS], [CAPS, `GET ${I}/capabilities`], [CAPS], [CAPS], [CAPS]]],
	['Connect (browser)', { operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, {}, [[CAPS, SETUP], [CAPS, `POST ${I}/connect`], [CAPS, SETUP], [CAPS, BEGIN], [CAPS, BEGIN]]],
	['Connect (direct)', { operation: 'connect', provider: 'pylon', connectionMethod: 'direct', secretSource: 'fields', apiToken: CANARY.pylonToken }, {}, [[CAPS, SETUP], [CAPS, `POST ${I}/connect`], [CAPS, SETUP], [CAPS, `POST ${I}/connect`], [CAPS, `POST ${I}/connect`]]],
	['Get Connection Status', { operation: 'getConnectionStatus', sessionId: SESSION_ID }, { session: true }, [[SESSION], [SESSION, `GET ${I}/connect/status`], [SESSION], [SESSION], [SESSION]]],
	['Disconnect', { operation: 'disconnect', provider: 'stripe' }, { connected: ['stripe'] }, [[`POST ${I}/disconnect`], [`POST ${I}/disconnect`], [`POST ${I}/disconnect`], [`POST ${I}/disconnect`], [`POST ${I}/disconnect`]]],
	['Get Sync Status', { operation: 'getSyncStatus', provider: 'stripe' }, { connected: ['stripe'] }, [[`GET ${I}/sync-status`], [`GET ${I}/sync-status`], [`GET ${I}/sync-status`, STATUS], [`GET ${I}/sync-status`], [`GET ${I}/sync-status`, STATUS]]],
	['Run Setup Step (mappings)', { operation: 'runSetupStep', provider: 'hubspot', step: 'mappings', setupConfig: '' }, { connected: ['hubspot'] }, [[CAPS, SETUP], [CAPS, `POST ${I}/setup-step`], [CAPS, SETUP], [CAPS, `POST ${I}/setup-step`], [CAPS, `POST ${I}/setup-step`]]],
	['Run Setup Step (webhooks)', { operation: 'runSetupStep', provider: 'stripe', step: 'webhooks', secretSource: 'fields', setupConfig: '' }, { connected: ['stripe'] }, [[`POST ${I}/setup-step`], [`POST ${I}/setup-step`], [`POST ${I}/setup-step`], [`POST ${I}/setup-step`], [`POST ${I}/setup-step`]]],
];

/** [label, sandbox contract, older gateway] */
const MODES = [
	['both', 'both', false],
	['rest', 'rest', false],
	['tools', 'tools', false],
	['both, older gateway', 'both', true],
	['tools, older gateway', 'tools', true],
];

/** Where the call cannot be made: REST-only work on a gateway-only server, or setup that needs negotiation. */
function expectedError(params, contract, older) {
	if (contract !== 'tools') return undefined;
	if (params.operation === 'disconnect' || (params.operation === 'runSetupStep' && params.step === 'webhooks')) return new RegExp(`^${params.operation === 'disconnect' ? 'Disconnect' : 'Run Setup Step'} needs Outlit's older API, which did not answer \\(404\\): do it in the Outlit web app`);
	if (older && params.operation === 'runSetupStep') return /^This Outlit server only offers browser setup, so the node cannot run HubSpot's "mappings" step/;
	if (older && params.connectionMethod === 'direct') return /^This Outlit server only offers browser setup, which Pylon does not have, so the node did not send Pylon's credentials: connect Pylon in the Outlit web app/;
	return undefined;
}

describe.each(MODES.map(([label, contract, older], i) => [label, contract, older, i]))('Automatic on a server with %s', (_label, contract, older, column) => {
	test.each(TABLE.map(([name, params, scenario, expected]) => [name, params, scenario, expected[column]]))(
		'%s makes exactly the expected requests',
		async (_name, params, scenario, expected) => {
			env.sandbox.reset({ contract, legacyGateway: older, connected: scenario.connected ?? [] });
			let input;
			if (scenario.session) {
				// A session started on whichever API the server has; its ID is a UUID either way.
				const started = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' });
				input = [{ json: { sessionId: started.items[0].json.sessionId } }];
				env.sandbox.clearRequests();
			}
			const r = await env.run(params, { input, continueOnFail: true });
			expect(requests()).toEqual(expected);
			const error = expectedError(params, contract, older);
			if (error) {
				expect(r.items[0].json.error).toMatch(error);
				expect(`${r.items[0].json.error} ${r.items[0].json.description}`).toContain(`${env.sandbox.url}/integrations`);
			} else {
				expect(r.items[0].json.error).toBeUndefined();
			}
			// The negotiation carries the provider alone, and an older gateway never receives the secret.
			for (const q of env.sandbox.requests.filter((q) => q.tool === 'outlit_get_integration_capabilities' && params.provider)) {
				expect(q.body.input).toEqual({ provider: params.provider });
			}
			if (older) {
				expect(env.sandbox.requests.filter((q) => q.path === '/api/tools/call' && JSON.stringify(q).includes(CANARY.pylonToken))).toEqual([]);
			}
		},
	);
});

describe('Automatic remembers a server without a gateway for the rest of the execution', () => {
	test('three items on a REST-only server: the gateway is asked once', async () => {
		env.sandbox.reset({ contract: 'rest' });
		const r = await env.run({ operation: 'getAll' }, { input: [{ json: {} }, { json: {} }, { json: {} }] });
		expect(r.error).toBeUndefined();
		expect(requests()).toEqual([STATUS, `GET ${I}`, `GET ${I}`, `GET ${I}`]);
	});

	test('a retired REST route is not a missing gateway: on a gateway-only server each item tries REST, then the gateway', async () => {
		env.sandbox.reset({ contract: 'tools', connected: ['stripe'] });
		const r = await env.run({ operation: 'getSyncStatus', provider: 'stripe' }, { input: [{ json: {} }, { json: {} }] });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.provider)).toEqual(['stripe', 'stripe']);
		expect(requests()).toEqual([`GET ${I}/sync-status`, STATUS, `GET ${I}/sync-status`, STATUS]);
	});

	test.each([404, 405])('a %i without Outlit\'s envelope on /api/tools/call means no gateway: Automatic uses REST', async (status) => {
		env.sandbox.reset({ contract: 'both' });
		env.sandbox.injectFault({ path: '/api/tools/call', status, body: 'Not here' });
		const r = await env.run({ operation: 'getAll' });
		expect(r.error).toBeUndefined();
		expect(requests()).toEqual([STATUS, `GET ${I}`]);
	});

	test('Mixpanel\'s mapping step is a gateway step: Automatic sends it to the gateway', async () => {
		env.sandbox.reset({ contract: 'both', connected: ['mixpanel'] });
		const r = await env.run({ operation: 'runSetupStep', provider: 'mixpanel', step: 'mixpanelMapping', setupConfig: '' });
		expect(r.error).toBeUndefined();
		expect(requests()).toEqual([CAPS, SETUP]);
	});

	test('a gateway error with Outlit\'s envelope is an error, never a reason to fall back', async () => {
		env.sandbox.reset({ contract: 'both' });
		env.sandbox.injectFault({ path: '/api/tools/call', status: 404, body: { code: 'TOOL_IMPLEMENTATION_ERROR', message: 'Not found here', retryable: false, requestId: 'req_9' } });
		const r = await env.run({ operation: 'getAll' });
		expect(r.error.message).toBe(
			"Outlit answered 404: Not found here. Check the node's parameters and the Base URL in the Outlit API credential, then try again. Outlit request ID: req_9.",
		);
		expect(requests()).toEqual([STATUS]);
	});

	test('Disconnect\'s own "not connected" 404 is Outlit\'s answer, not a retired route', async () => {
		env.sandbox.reset({ contract: 'both' });
		const r = await env.run({ operation: 'disconnect', provider: 'attio', options: { ignoreNotConnected: true } });
		expect(r.items[0].json).toEqual({ success: false, notConnected: true, provider: 'attio' });
	});

	test('ignoreNotConnected does not hide a retired route', async () => {
		env.sandbox.reset({ contract: 'tools' });
		const r = await env.run({ operation: 'disconnect', provider: 'attio', options: { ignoreNotConnected: true } });
		expect(r.error.message).toBe(`Disconnect needs Outlit's older API, which did not answer (404): do it in the Outlit web app (${env.sandbox.url}/integrations).`);
	});

	test.each([401, 500])('ignoreNotConnected does not hide a %i', async (status) => {
		env.sandbox.reset({ contract: 'both' });
		env.sandbox.injectFault({ path: '/api/integrations/disconnect', status, body: { error: 'nope' } });
		const r = await env.run({ operation: 'disconnect', provider: 'stripe', options: { ignoreNotConnected: true } });
		expect(r.error.httpCode).toBe(String(status));
	});
});
