'use strict';
/**
 * What the editor shows of the node: the subtitle reads labels ("Connect: HubSpot", n8n's
 * convention), and its literal label tables (the lint wants a literal there) stay equal to the
 * operation dropdown and the provider catalog.
 */
const { Outlit } = require('../nodes/Outlit/Outlit.node');
const { OutlitTrigger } = require('../nodes/OutlitTrigger/OutlitTrigger.node');
const { PROVIDERS } = require('../nodes/Outlit/catalog/providers');

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

test('the subtitle has a label for every operation and every catalog provider', () => {
	const operation = description.properties.find((p) => p.name === 'operation');
	for (const { name, value } of operation.options) expect(subtitle({ operation: value })).toBe(name);
	for (const p of PROVIDERS) expect(subtitle({ operation: 'connect', provider: p.id })).toBe(`Connect: ${p.name}`);
});

test('the trigger\'s event parameter reads "Trigger On" and is still stored as events', () => {
	const events = new OutlitTrigger().description.properties.find((p) => p.name === 'events');
	expect(events.displayName).toBe('Trigger On');
});
