'use strict';
/**
 * The SQL password and the provider API key from a Flowyte Connection Secret credential, through
 * n8n's real engine against the sandbox: the default Secret Source (Credential) sends the
 * credential's secret in Connect's body; Typed In keeps the node's fields; a missing, mismatched or
 * empty credential is a clear error before any request; no canary from the credential reaches an
 * output, error or log. Then what the editor shows, and the credential type itself. Expected request
 * bodies are the contract's shapes, written as literals.
 */
const { NodeHelpers } = require('n8n-workflow');
const { flowyteEnvironment, sqlConnection, leakedCanaries, captureLogs, echoProblem, CANARY, SECRET } = require('./support/flowyte');
const { Flowyte } = require('../nodes/Flowyte/Flowyte.node');
const { FlowyteConnectionSecretApi } = require('../credentials/FlowyteConnectionSecretApi.credentials');

const env = flowyteEnvironment();

/** The name the harness gives the credential it stores (n8n shows a credential's own name). */
const CREDENTIAL_NAME = 'flowyteConnectionSecretApi (harness)';
/** The contract's IntegrationKind enum without the SQL databases. */
const PROVIDER_KINDS = ['google_calendar', 'google_sheets', 'calendly', 'hubspot', 'square', 'opentable', 'shopify'];
const byKey = (kind) => ({ kind, connectWith: 'apiKey' });
/** The descriptor sqlConnection() describes, with this password. */
const descriptor = (port, password) => ({
	credentials: { host: 'db.example.com', port, database: 'appdb', user: 'flowyte_readonly', password, sslmode: 'verify-full' },
});
const decryptsOf = (spy) => spy.mock.calls.filter(([, , type]) => type === 'flowyteConnectionSecretApi').length;

describe('default Secret Source (none stored): the Flowyte Connection Secret', () => {
	test.each([
		['postgres', '5432'],
		['mysql', '3306'],
	])('%s: the credential\'s password goes in the descriptor, and nothing of it comes back', async (kind, port) => {
		const r = await env.run(sqlConnection(kind), { secret: SECRET.password });
		expect(r.error).toBeUndefined();
		expect(env.requests().map((q) => q.body)).toEqual([descriptor(port, CANARY.credSqlPassword)]);
		expect(r.items.map((i) => i.json)).toEqual([{ kind, status: 'connected' }]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test.each(PROVIDER_KINDS)('%s with Connect With API Key: the credential\'s key is sent as credentials.apiKey', async (kind) => {
		env.sandbox.flowyte.reset({ apiKeyKinds: PROVIDER_KINDS });
		const r = await env.run(byKey(kind), { secret: SECRET.apiKey });
		expect(r.error).toBeUndefined();
		expect(env.requests().map((q) => q.body)).toEqual([{ credentials: { apiKey: CANARY.credProviderKey } }]);
		expect(r.items.map((i) => i.json)).toEqual([{ kind, status: 'connected' }]);
		expect(leakedCanaries(r.items)).toEqual([]);
	});

	test('a password is sent as stored, spaces included; an API key without the spaces around it', async () => {
		await env.run(sqlConnection('postgres'), { secret: { holds: 'password', password: ' p w ' } });
		expect(env.last().body.credentials.password).toBe(' p w ');
		await env.run(byKey('square'), { secret: { holds: 'apiKey', apiKey: '  sq0_pasted_1\n' } });
		expect(env.last().body).toEqual({ credentials: { apiKey: 'sq0_pasted_1' } });
	});

	test('a secret from an expression that gives a number is sent as its digits', async () => {
		await env.run(sqlConnection('mysql'), { secret: { holds: 'password', password: '={{ 20250101 }}' } });
		expect(env.last().body.credentials.password).toBe('20250101');
	});

	test('a password typed into the parameters is neither read nor sent', async () => {
		const r = await env.run(sqlConnection('postgres', { password: 'typed_but_unused_1' }), { secret: SECRET.password });
		expect(r.error).toBeUndefined();
		expect(env.last().body).toEqual(descriptor('5432', CANARY.credSqlPassword));
	});

	test('the credential is data, not auth: the Bearer header is the Flowyte key and no header carries the secret', async () => {
		await env.run(sqlConnection('postgres'), { secret: SECRET.password });
		const { headers } = env.last();
		expect(headers.authorization).toBe(`Bearer ${CANARY.flowyteKey}`);
		expect(JSON.stringify(headers)).not.toContain(CANARY.credSqlPassword);
	});

	test('several items read the credential once, and each sends its secret', async () => {
		const decrypt = jest.spyOn(env.harness.credentialsHelper, 'getDecrypted');
		const input = [{ json: { kind: 'postgres' } }, { json: { kind: 'mysql' } }];
		const r = await env.run(sqlConnection('={{ $json.kind }}', { port: 5432 }), { secret: SECRET.password, input });
		expect(decryptsOf(decrypt)).toBe(1);
		decrypt.mockRestore();
		expect(r.items.map((i) => [i.pairedItem.item, i.json.kind])).toEqual([[0, 'postgres'], [1, 'mysql']]);
		expect(env.requests().map((q) => q.body)).toEqual([descriptor('5432', CANARY.credSqlPassword), descriptor('5432', CANARY.credSqlPassword)]);
	});

	test('OAuth sends no secret: no credential needed, and one attached is not read', async () => {
		expect((await env.run({ kind: 'hubspot' })).error).toBeUndefined();
		const decrypt = jest.spyOn(env.harness.credentialsHelper, 'getDecrypted');
		const r = await env.run({ kind: 'calendly', connectWith: 'oauth' }, { secret: SECRET.apiKey });
		expect(decryptsOf(decrypt)).toBe(0);
		decrypt.mockRestore();
		expect(Object.keys(r.items[0].json)).toEqual(['kind', 'oauthUrl']);
		expect(env.requests().map((q) => q.body)).toEqual([undefined, undefined]);
	});
});

describe('Secret Source Typed In: the node\'s fields, as before', () => {
	test('SQL: the typed-in password is sent, a credential attached is not read', async () => {
		const decrypt = jest.spyOn(env.harness.credentialsHelper, 'getDecrypted');
		const r = await env.run(sqlConnection('mysql', { secretSource: 'typed', password: 'typed_pw_1' }), { secret: SECRET.password });
		expect(decryptsOf(decrypt)).toBe(0);
		decrypt.mockRestore();
		expect(r.error).toBeUndefined();
		expect(env.requests().map((q) => q.body)).toEqual([descriptor('3306', 'typed_pw_1')]);
	});

	test('API key: the typed-in key is sent, a credential attached is not used', async () => {
		const r = await env.run({ ...byKey('shopify'), secretSource: 'typed', providerApiKey: 'shp_typed_1' }, { secret: SECRET.apiKey });
		expect(r.error).toBeUndefined();
		expect(env.requests().map((q) => q.body)).toEqual([{ credentials: { apiKey: 'shp_typed_1' } }]);
	});

	test('a password mapped from the incoming item (e.g. an n8n Form)', async () => {
		const input = [{ json: { pw: 'pw_from_form_1' } }];
		const r = await env.run(sqlConnection('postgres', { secretSource: 'typed', password: '={{ $json.pw }}' }), { input });
		expect(r.error).toBeUndefined();
		expect(env.last().body).toEqual(descriptor('5432', 'pw_from_form_1'));
	});
});

describe('a missing, mismatched or empty credential: an error that says what to do, before any request', () => {
	/** Runs and expects this error, a NodeOperationError, and no request at all. */
	async function expectRefused(parameters, secret, message, description) {
		const r = await env.run(parameters, { secret });
		expect(r.status).toBe('error');
		expect({ name: r.error.name, message: r.error.message, description: r.error.description }).toEqual({ name: 'NodeOperationError', message, description });
		expect(env.sandbox.requests).toEqual([]);
		expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
	}

	test.each([
		[sqlConnection('postgres'), 'the PostgreSQL password', 'Database Password'],
		[byKey('square'), 'the Square API key', 'Provider API Key'],
	])('none selected (%j)', async (parameters, what, holds) => {
		await expectRefused(
			parameters,
			undefined,
			`No Flowyte Connection Secret selected: select one that holds ${what}, or set Secret Source to Typed In`,
			`Secret Source is Credential, so the node sends ${what} from a Flowyte Connection Secret credential, which n8n keeps encrypted. Create one with Holds: ${holds} and select it in the node. Nothing was sent to Flowyte.`,
		);
	});

	test.each([
		[sqlConnection('mysql'), SECRET.apiKey, 'a provider API key', 'the MySQL password', 'Database Password'],
		[byKey('hubspot'), SECRET.password, 'a database password', 'the HubSpot API key', 'Provider API Key'],
		[sqlConnection('postgres'), { holds: 'token', password: CANARY.credSqlPassword }, 'no secret this node knows', 'the PostgreSQL password', 'Database Password'],
	])('one that holds the other secret (%#)', async (parameters, secret, held, what, holds) => {
		await expectRefused(
			parameters,
			secret,
			`The Flowyte Connection Secret "${CREDENTIAL_NAME}" holds ${held}, not ${what}: select one that holds ${what}`,
			`Open it and set Holds to ${holds}, or select another Flowyte Connection Secret. Nothing was sent to Flowyte.`,
		);
	});

	test.each([
		[sqlConnection('postgres'), { holds: 'password', password: '' }, 'Password', 'the PostgreSQL password'],
		[sqlConnection('mysql'), { holds: 'password', password: ' \n ' }, 'Password', 'the MySQL password'],
		[byKey('square'), { holds: 'apiKey' }, 'API Key', 'the Square API key'],
		[byKey('square'), { holds: 'apiKey', apiKey: '={{ null }}' }, 'API Key', 'the Square API key'],
	])('one whose secret is empty (%#)', async (parameters, secret, field, what) => {
		await expectRefused(
			parameters,
			secret,
			`The Flowyte Connection Secret "${CREDENTIAL_NAME}" has an empty ${field}: open it and fill in ${what}`,
			`Secret Source is Credential, so ${what} comes from that credential. Nothing was sent to Flowyte.`,
		);
	});

	test('with Continue On Fail the item that needs the secret gets the error item; the others go on', async () => {
		const input = [{ json: { kind: 'hubspot' } }, { json: { kind: 'postgres' } }, { json: { kind: 'calendly' } }];
		const r = await env.run(sqlConnection('={{ $json.kind }}'), { input, continueOnFail: true });
		expect(r.items.map((i) => [i.pairedItem.item, i.json.error ?? i.json.kind])).toEqual([
			[0, 'hubspot'],
			[1, 'No Flowyte Connection Secret selected: select one that holds the PostgreSQL password, or set Secret Source to Typed In'],
			[2, 'calendly'],
		]);
		expect(env.requests().map((q) => q.path)).toEqual(['/api/v1/integrations/hubspot/connect', '/api/v1/integrations/calendly/connect']);
	});

	test('without Continue On Fail the node stops at that item, with its index', async () => {
		const input = [{ json: { kind: 'hubspot' } }, { json: { kind: 'mysql' } }];
		const r = await env.run(sqlConnection('={{ $json.kind }}'), { input, secret: { holds: 'password', password: '' } });
		expect(r.error.message).toBe(`The Flowyte Connection Secret "${CREDENTIAL_NAME}" has an empty Password: open it and fill in the MySQL password`);
		expect(r.error.context.itemIndex).toBe(1);
		expect(env.requests()).toHaveLength(1);
	});
});

describe('canary secrets from the credential appear in no output, error or log', () => {
	let logged = [];
	beforeAll(() => {
		logged = captureLogs();
	});
	const echo = echoProblem;
	const SQL = [CANARY.flowyteKey, CANARY.credSqlPassword];
	const KEYS = [CANARY.flowyteKey, CANARY.credProviderKey];
	const password = { sent: CANARY.credSqlPassword, secret: SECRET.password };
	const apiKey = { sent: CANARY.credProviderKey, secret: SECRET.apiKey };

	const scenarios = [
		['SQL connect', sqlConnection('postgres'), password],
		['API-key connect', byKey('square'), { ...apiKey, apiKeyKinds: ['square'] }],
		['SQL connect, 400 echoing the password', sqlConnection('mysql'), { ...password, force: echo(400, SQL) }],
		['API-key connect, 401 echoing the keys', byKey('square'), { ...apiKey, force: echo(401, KEYS) }],
		['SQL connect, 403 echoing the password', sqlConnection('postgres'), { ...password, force: echo(403, SQL) }],
		['API-key connect, 404 echoing the keys', byKey('opentable'), { ...apiKey, force: echo(404, KEYS) }],
		['SQL connect, 500 echoing the password', sqlConnection('postgres'), { ...password, force: echo(500, SQL) }],
		['API-key connect, 503 echoing the key', byKey('shopify'), { ...apiKey, force: echo(503, KEYS) }],
		['API-key connect, 200 success:false echoing the key', byKey('square'), { ...apiKey, force: { status: 200, body: { success: false, message: `no ${CANARY.credProviderKey}`, errors: echo(200, KEYS).errors } } }],
		['SQL connect, no answer', sqlConnection('mysql'), { secret: SECRET.password, credentials: { baseUrl: 'http://127.0.0.1:9' } }],
		['SQL refusal after the credential was read (port)', sqlConnection('postgres', { port: 70000 }), { secret: SECRET.password }],
		['a credential holding the other secret', sqlConnection('postgres'), { secret: SECRET.apiKey }],
		['a key credential for a SQL kind, from an expression', sqlConnection('={{ "mysql" }}'), { secret: SECRET.apiKey }],
	];

	test.each(scenarios)('%s: not in outputs, errors, descriptions or logs', async (_name, parameters, o) => {
		if (o.apiKeyKinds) env.sandbox.flowyte.reset({ apiKeyKinds: o.apiKeyKinds });
		// Each scenario runs twice: failing the node, then with Continue On Fail (the error as an item).
		if (o.force) env.sandbox.flowyte.failNext({ ...o.force, times: 2 });
		logged.length = 0;
		for (const continueOnFail of [false, true]) {
			const r = await env.run(parameters, { secret: o.secret, credentials: o.credentials, continueOnFail });
			expect(leakedCanaries({ runData: r.runData, executionError: r.executionError })).toEqual([]);
			if (r.error) expect(leakedCanaries(`${r.error.message} ${r.error.description}`)).toEqual([]);
			if (continueOnFail && o.force) expect(r.items[0].json.httpCode).toBe(String(o.force.status));
		}
		expect(leakedCanaries(logged.join('\n'))).toEqual([]);
		// The scenario really ran: the request carried the secret that must not come back.
		if (o.sent) expect(JSON.stringify(env.requests())).toContain(o.sent);
	});

	test('an echoed credential secret is masked, the rest of what Flowyte said is kept', async () => {
		env.sandbox.flowyte.failNext(echo(400, [CANARY.credSqlPassword]));
		const r = await env.run(sqlConnection('postgres'), { secret: SECRET.password });
		expect(r.error.message).toBe('Flowyte rejected the request as invalid: credentials.x: wrong: [redacted]');
		expect(r.error.description).toBe('Flowyte said: got [redacted]. Correct the fields named and run the node again.');
	});

	test('the parameters n8n keeps for a default-path node hold no secret at all', async () => {
		const r = await env.run(sqlConnection('postgres'), { secret: SECRET.password });
		// As the engine filled in the defaults: the source, and no password field among them.
		expect(r.workflow.nodes[r.node.name].parameters).toEqual({
			resource: 'integration',
			operation: 'connect',
			kind: 'postgres',
			host: 'db.example.com',
			port: 5432,
			database: 'appdb',
			user: 'flowyte_readonly',
			secretSource: 'credential',
			sslmode: 'verify-full',
			caPem: '',
		});
	});
});

describe('what the editor shows', () => {
	// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
	let description;
	beforeEach(() => ({ description } = new Flowyte()));
	const shown = (parameters) => {
		const node = { typeVersion: 1, parameters };
		const values = NodeHelpers.getNodeParameters(description.properties, { resource: 'integration', operation: 'connect', ...parameters }, true, false, node, description);
		const credentials = description.credentials.filter((c) => NodeHelpers.displayParameter(values, c, node, description, values)).map((c) => c.name);
		return { names: Object.keys(values), values, credentials };
	};
	const BOTH = ['flowyteApi', 'flowyteConnectionSecretApi'];

	test.each([
		['a SQL kind', { kind: 'postgres' }, 'password'],
		['a provider by API key', { kind: 'square', connectWith: 'apiKey' }, 'providerApiKey'],
	])('%s: Credential by default, no typed-in field, the Flowyte Connection Secret asked for', (_name, parameters, field) => {
		const { names, values, credentials } = shown(parameters);
		expect(values.secretSource).toBe('credential');
		expect(names).not.toContain(field);
		expect(names).not.toContain('typedSecretNotice');
		expect(credentials).toEqual(BOTH);
	});

	test.each([
		['a SQL kind', { kind: 'mysql' }, 'password'],
		['a provider by API key', { kind: 'shopify', connectWith: 'apiKey' }, 'providerApiKey'],
	])('%s, Typed In: the field and the notice, no Flowyte Connection Secret', (_name, parameters, field) => {
		const { names, values, credentials } = shown({ ...parameters, secretSource: 'typed' });
		expect(values[field]).toBe('');
		expect(names).toContain('typedSecretNotice');
		expect(credentials).toEqual(['flowyteApi']);
	});

	test('OAuth: no switch, no secret field, no Flowyte Connection Secret', () => {
		const { names, credentials } = shown({ kind: 'hubspot', connectWith: 'oauth' });
		expect(names).not.toContain('secretSource');
		expect(names).not.toContain('providerApiKey');
		expect(credentials).toEqual(['flowyteApi']);
	});

	test('Kind from an expression (an item may be a database): the switch, and with Credential no typed-in field', () => {
		for (const connectWith of ['oauth', 'apiKey']) {
			const { names, values, credentials } = shown({ kind: '={{ $json.kind }}', connectWith });
			expect(values.secretSource).toBe('credential');
			expect(names).not.toContain('password');
			expect(names).not.toContain('providerApiKey');
			expect(names).not.toContain('typedSecretNotice');
			expect(credentials).toEqual(BOTH);
		}
		expect(shown({ kind: '={{ $json.kind }}', connectWith: 'oauth', secretSource: 'typed' }).names).toEqual(expect.arrayContaining(['password', 'typedSecretNotice']));
	});

	test('the switch and its notice, as the editor shows them', () => {
		const [sqlSwitch] = description.properties.filter((p) => p.name === 'secretSource' && p.displayOptions.show.kind.includes('postgres'));
		const { displayOptions, ...rest } = sqlSwitch;
		expect(rest).toEqual({
			displayName: 'Secret Source',
			name: 'secretSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Credential',
					value: 'credential',
					description: 'From a Flowyte Connection Secret credential: encrypted by n8n, never saved with the workflow or its executions',
				},
				{ name: 'Typed In', value: 'typed', description: 'Typed into this node, or mapped from the incoming item with an expression' },
			],
			default: 'credential',
			description: 'Where the password or API key Flowyte needs comes from',
		});
		const notices = description.properties.filter((p) => p.name === 'typedSecretNotice');
		expect(notices).toHaveLength(2);
		for (const notice of notices) {
			expect(notice.displayName).toBe(
				'A secret typed in here is saved in plain text with the workflow and with every execution of it. Choose Credential above to keep it encrypted by n8n.',
			);
		}
	});
});

describe('the Flowyte Connection Secret credential type', () => {
	test('name, display name, icon, documentation and fields', () => {
		const type = new FlowyteConnectionSecretApi();
		expect(type).toMatchObject({
			name: 'flowyteConnectionSecretApi',
			displayName: 'Flowyte Connection Secret API',
			icon: { light: 'file:../nodes/Flowyte/flowyte.svg', dark: 'file:../nodes/Flowyte/flowyte.dark.svg' },
			documentationUrl: 'https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit/tree/main/flowyte#credentials',
		});
		expect(type.properties).toEqual([
			{
				displayName:
					'The Flowyte node sends this secret to Flowyte when it connects a database or a provider; it does not sign in to Flowyte (the Flowyte API credential does). Test checks that the secret is filled in and sends nothing.',
				name: 'dataNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Holds',
				name: 'holds',
				type: 'options',
				options: [
					{ name: 'Database Password', value: 'password', description: 'The password of the PostgreSQL or MySQL user Flowyte connects as' },
					{ name: 'Provider API Key', value: 'apiKey', description: 'The API key of a provider Flowyte connects by key (Connect With: API Key)' },
				],
				default: 'password',
				description: 'Which secret this is; the Flowyte node refuses it where the other one is needed',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description: 'Sent to Flowyte as credentials.password, exactly as typed; never output by the node',
				displayOptions: { show: { holds: ['password'] } },
			},
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description: 'Sent to Flowyte as credentials.apiKey, without surrounding spaces; never output by the node',
				displayOptions: { show: { holds: ['apiKey'] } },
			},
		]);
	});

	test('never authentication, no request test of its own: the node\'s function tests it', () => {
		const type = new FlowyteConnectionSecretApi();
		expect(type.authenticate).toBeUndefined();
		expect(type.test).toBeUndefined();
		const { credentials } = new Flowyte().description;
		expect(credentials.find((c) => c.name === 'flowyteConnectionSecretApi').testedBy).toBe('flowyteConnectionSecretTest');
	});

	const NOTHING_SENT = 'Nothing was sent: Flowyte checks it when the Flowyte node connects.';
	test.each([
		[{ holds: 'password', password: 'pw' }, { status: 'OK', message: `The Password is filled in. ${NOTHING_SENT}` }],
		[{ password: ' pw ' }, { status: 'OK', message: `The Password is filled in. ${NOTHING_SENT}` }],
		[{ holds: 'apiKey', apiKey: 'sq0_1' }, { status: 'OK', message: `The API Key is filled in. ${NOTHING_SENT}` }],
		[{ holds: 'password', password: '={{ 1234 }}' }, { status: 'OK', message: `The Password is filled in. ${NOTHING_SENT}` }],
		[{ holds: 'password', password: '  ' }, { status: 'Error', message: 'Fill in Password: Holds is Database Password' }],
		[{ holds: 'password', apiKey: 'sq0_1' }, { status: 'Error', message: 'Fill in Password: Holds is Database Password' }],
		[{ holds: 'apiKey' }, { status: 'Error', message: 'Fill in API Key: Holds is Provider API Key' }],
		[{ holds: 'apiKey', apiKey: '={{ null }}' }, { status: 'Error', message: 'Fill in API Key: Holds is Provider API Key' }],
		[{ holds: 'token', password: 'pw' }, { status: 'Error', message: 'Set Holds to Database Password or Provider API Key' }],
	])('the test on %j sends nothing and says %j', async (data, result) => {
		expect(await env.harness.testCredential('flowyteConnectionSecretApi', data)).toEqual(result);
		expect(env.sandbox.requests).toEqual([]);
	});
});
