'use strict';
/**
 * What the editor shows of the node: the subtitle reads labels ("Connect: HubSpot", n8n's
 * convention), and its literal label tables (the lint wants a literal there) stay equal to the
 * operation dropdown and to every provider the Provider dropdown offers, named as Outlit names them
 * (test/support/providers.js, held here to Outlit's contract files).
 */
const fs = require('node:fs');

const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { PROVIDERS, providerOptionsByName } = require('../support/providers');
const { reference } = require('../support/reference');

// Built in beforeEach, inside each test: Stryker counts a mutant as covered only by the tests that reach it.
let description;
beforeEach(() => ({ description } = new Outlit()));

function subtitle(parameters) {
	const body = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameters);
}

test.each([
	[{ operation: 'connect', provider: 'hubspot' }, 'Connect: HubSpot'],
	[{ operation: 'getSyncStatus', provider: 'google-mail' }, 'Get Sync Status: Gmail'],
	[{ operation: 'getCapabilities', provider: 'all' }, 'Get Capabilities: All Providers'],
	[{ operation: 'getAll' }, 'Get Many'],
	[{ operation: 'waitForConnection' }, 'Wait for Connection'],
	[{ operation: 'disconnect', provider: 'some-new-provider' }, 'Disconnect: some-new-provider'],
	[{ operation: 'runSetupStep', provider: '={{ $json.p }}' }, 'Run Setup Step: ={{ $json.p }}'],
])('subtitle of %j is "%s"', (parameters, expected) => {
	expect(subtitle(parameters)).toBe(expected);
});

test('the subtitle has a label for every operation and every provider the Provider dropdown offers', async () => {
	const operation = description.properties.find((p) => p.name === 'operation');
	for (const { name, value } of operation.options) expect(subtitle({ operation: value })).toBe(name);
	// What the dropdown offers when Outlit cannot be asked: a provider added there without a label fails here.
	expect(await new Outlit().methods.loadOptions.getProviders.call({})).toEqual(providerOptionsByName());
	for (const p of PROVIDERS) expect(subtitle({ operation: 'connect', provider: p.id })).toBe(`Connect: ${p.name}`);
});

describe("the tests' provider table is Outlit's", () => {
	const read = (...parts) => fs.readFileSync(reference(...parts), 'utf8');

	test('its ids, in order, are the 15 the Tools Gateway lists', () => {
		const [, list] = read('outlit-tools', 'README.md').match(/Providers \(15\): `([^`]+)`/);
		expect(PROVIDERS.map((p) => p.id)).toEqual(list.split(/,\s*/));
	});

	test('its names are the REST route docs\' names for the 12 providers they list; Salesforce, Gong and Mixpanel are gateway-only', () => {
		const rows = [...read('outlit-integration-routes.md').matchAll(/^\| `([a-z-]+)` +\| ([^|]+?) +\|/gm)];
		const documented = Object.fromEntries(rows.map(([, id, name]) => [id, name]));
		expect(Object.keys(documented)).toHaveLength(12);
		const named = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.name]));
		expect(Object.fromEntries(Object.keys(documented).map((id) => [id, named[id]]))).toEqual(documented);
		expect(PROVIDERS.filter((p) => !(p.id in documented)).map((p) => p.id)).toEqual(['salesforce', 'gong', 'mixpanel']);
	});
});

describe('the Outlit node in the editor, pinned as literals', () => {
	test('name, look, its one version and connections', () => {
		expect(description).toMatchObject({
			displayName: 'Outlit',
			name: 'outlit',
			icon: { light: 'file:outlit.svg', dark: 'file:outlit.dark.svg' },
			group: ['transform'],
			version: 1,
			description:
				'Manage Outlit integrations: list, connect (credentials or browser session), wait, disconnect, sync status and setup steps',
			defaults: { name: 'Outlit' },
			usableAsTool: true,
			inputs: ['main'],
			outputs: ['main'],
		});
	});

	test('the Outlit API credential always; Provider Credentials only where Provider Secrets is Credential', () => {
		expect(description.credentials).toEqual([
			{ name: 'outlitApi', required: true },
			{
				name: 'outlitProviderApi',
				required: true,
				testedBy: 'outlitProviderFields',
				displayOptions: { show: { secretSource: ['credential'] } },
			},
		]);
	});

	test('requests go to the credential\'s Base URL, trimmed and without trailing slashes, asking for JSON', () => {
		expect(description.requestDefaults).toEqual({
			baseURL: '={{ String($credentials.baseUrl || "https://app.outlit.ai").trim().replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json' },
		});
	});

	test('one resource, Integration, then the operation parameters; no node-wide settings among them', () => {
		const [resource, operation] = description.properties;
		expect(resource).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Integration', value: 'integration' }],
			default: 'integration',
		});
		expect(operation.name).toBe('operation');
		// The retry settings are options of each operation (test/editor/options.test.js), not main fields.
		const names = description.properties.map((p) => p.name);
		expect(names).not.toContain('retryTransientErrors');
		expect(names).not.toContain('maxRetryWait');
	});

	test('its methods and operations are the ones n8n looks up by name', () => {
		const node = new Outlit();
		expect(Object.keys(node.methods).sort()).toEqual(['credentialTest', 'loadOptions']);
		expect(Object.keys(node.methods.credentialTest)).toEqual(['outlitProviderFields']);
		expect(Object.keys(node.customOperations)).toEqual(['integration']);
		expect(Object.keys(node.customOperations.integration).sort()).toEqual([
			'connect', 'disconnect', 'getAll', 'getCapabilities', 'getConnectionStatus', 'getSyncStatus', 'runSetupStep', 'waitForConnection',
		]);
	});
});

test('the trigger\'s event parameter reads "Trigger On" and is still stored as events', () => {
	const events = new OutlitTrigger().description.properties.find((p) => p.name === 'events');
	expect(events.displayName).toBe('Trigger On');
});
