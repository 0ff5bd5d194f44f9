'use strict';
/**
 * What the n8n editor shows for Flowyte, pinned as literals: the node's description (name, group,
 * subtitle, the one resource and operation, the credentials it asks for) and the Flowyte API
 * credential's fields and Bearer header. Read from the TypeScript sources, so a changed word fails here.
 */
const { Flowyte } = require('../nodes/Flowyte/Flowyte.node');
const { FlowyteApi } = require('../credentials/FlowyteApi.credentials');
const { flowyteEnvironment, CANARY } = require('./support/flowyte');

// Each test builds its own node and credential: Stryker counts a mutant as covered only by the tests
// that reach it, and a node built at describe level is reached by none of them.
describe('the Flowyte node in the editor', () => {

	test('name, look and connections', () => {
		const { description, methods } = new Flowyte();
		expect(description).toMatchObject({
			displayName: 'Flowyte',
			name: 'flowyte',
			icon: { light: 'file:flowyte.svg', dark: 'file:flowyte.dark.svg' },
			group: ['transform'],
			version: 1,
			description: 'Connect Flowyte integrations: OAuth providers, API-key providers and SQL databases',
			defaults: { name: 'Flowyte' },
			usableAsTool: true,
			inputs: ['main'],
			outputs: ['main'],
			credentials: [
				{ name: 'flowyteApi', required: true, testedBy: 'flowyteApiTest' },
				{
					name: 'flowyteConnectionSecretApi',
					required: true,
					testedBy: 'flowyteConnectionSecretTest',
					displayOptions: { show: { secretSource: ['credential'] } },
				},
			],
		});
		expect(description.subtitle).toBe(
			'={{ "Connect: " + ({"google_calendar":"Google Calendar","google_sheets":"Google Sheets","calendly":"Calendly","hubspot":"HubSpot","square":"Square","opentable":"OpenTable","shopify":"Shopify","postgres":"PostgreSQL","mysql":"MySQL"}[$parameter["kind"]] || $parameter["kind"]) }}',
		);
		expect(Object.keys(methods.credentialTest)).toEqual(['flowyteApiTest', 'flowyteConnectionSecretTest']);
	});

	test('one resource (Integration) with one operation (Connect)', () => {
		const { description } = new Flowyte();
		const [resource, operation] = description.properties;
		expect(resource).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Integration', value: 'integration' }],
			default: 'integration',
		});
		expect(operation).toEqual({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['integration'] } },
			options: [
				{
					name: 'Connect',
					value: 'connect',
					// Its own words: n8n names AI tools and panel entries by action, and the Outlit node's is "Connect an integration".
					action: 'Connect a provider or database',
					description: 'Start an OAuth connection, or connect with an API key or a SQL connection',
				},
			],
			default: 'connect',
		});
		expect(description.properties.slice(2).map((p) => p.name)).toEqual([
			'kind', 'connectWith', 'secretSource', 'typedSecretNotice', 'providerApiKey', 'host', 'port', 'port', 'database', 'user',
			'secretSource', 'typedSecretNotice', 'password', 'sslmode', 'caPem',
		]);
	});
});

describe('the Flowyte API credential', () => {
	test('its name, icon, documentation and fields', () => {
		const credential = new FlowyteApi();
		expect(credential).toMatchObject({
			name: 'flowyteApi',
			displayName: 'Flowyte API',
			icon: { light: 'file:../nodes/Flowyte/flowyte.svg', dark: 'file:../nodes/Flowyte/flowyte.dark.svg' },
			documentationUrl: 'https://docs.flowyte.com',
		});
		expect(credential.properties).toEqual([
			{
				displayName:
					"The contract this node implements specifies only Flowyte's Connect call, so testing this credential checks the key's form and the Base URL locally and sends nothing. Flowyte checks the key itself on the first Connect.",
				name: 'testNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				placeholder: 'e.g. flowyte_sk_...',
				description:
					'A Flowyte secret API key (it starts with flowyte_sk_). Connect needs a key with the integrations:connect scope.',
			},
			{
				displayName: 'Base URL',
				name: 'baseUrl',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. https://flowyte.example.com',
				description: 'Your Flowyte host, without a query string or fragment. The node adds /api/v1 unless the URL already ends with it.',
			},
		]);
	});

	test('sends the key, trimmed, as a Bearer token and keeps the other headers', async () => {
		const options = await new FlowyteApi().authenticate({ apiKey: '  flowyte_sk_abc  ' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(options).toEqual({ url: '/x', headers: { Accept: 'application/json', Authorization: 'Bearer flowyte_sk_abc' } });
	});

	test('a missing key gives an empty Bearer token, never "undefined"', async () => {
		const options = await new FlowyteApi().authenticate({}, { url: '/x' });
		expect(options.headers).toEqual({ Authorization: 'Bearer ' });
	});
});

describe('values that arrive through expressions', () => {
	const env = flowyteEnvironment();

	test('an API key that is a number is sent as its digits', async () => {
		const r = await env.run({ kind: 'square', connectWith: 'apiKey', secretSource: 'typed', providerApiKey: '={{ 123456789 }}' }, { credentials: { apiKey: CANARY.flowyteKey } });
		expect(r.error).toBeUndefined();
		expect(env.sandbox.requests[0].body).toEqual({ credentials: { apiKey: '123456789' } });
	});

	test('Connect With from an expression is trimmed', async () => {
		const r = await env.run({ kind: 'square', connectWith: '={{ "  apiKey  " }}', secretSource: 'typed', providerApiKey: 'sq_key_1' });
		expect(r.error).toBeUndefined();
		// The API Key path: the key goes in the body (this sandbox answers Square by OAuth URL either way).
		expect(env.sandbox.requests[0].body).toEqual({ credentials: { apiKey: 'sq_key_1' } });
	});
});

describe('an error n8n raises itself', () => {
	const env = flowyteEnvironment();

	test('no credential selected: n8n\'s own error, its copy of the node without the SQL password', async () => {
		const { sqlParameters } = require('./support/flowyte');
		const r = await env.run(sqlParameters('postgres'), { credentials: null });
		expect(r.status).toBe('error');
		expect(r.error.message).toContain('credentials');
		expect(r.error.node.parameters.host).toBe('db.example.com');
		expect(JSON.stringify(r.error.node)).not.toContain(CANARY.sqlPassword);
		expect(env.sandbox.flowyte.requests()).toEqual([]);
	});
});
