'use strict';
/**
 * What the n8n editor shows of the Outlit Trigger, pinned as literals: its name and look, the events
 * (stored as `events`), the provider filter and the one option. A changed word fails here. The node is
 * built inside each test, so Stryker's per-test coverage counts these tests for its description.
 */
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { PROVIDERS, providerOptionsByName } = require('../support/providers');

describe('the Outlit Trigger in the editor', () => {
	test('name, look, polling and the credential', () => {
		const { description } = new OutlitTrigger();
		const { properties, ...head } = description;
		expect(head).toEqual({
			displayName: 'Outlit Trigger',
			name: 'outlitTrigger',
			icon: { light: 'file:../Outlit/outlit.svg', dark: 'file:../Outlit/outlit.dark.svg' },
			group: ['trigger'],
			version: 1,
			subtitle:
				'={{ ($parameter["providers"] || []).length ? $parameter["providers"].map((p) => ({"salesforce":"Salesforce","hubspot":"HubSpot","attio":"Attio","slack":"Slack","google-calendar":"Google Calendar","google-mail":"Gmail","granola":"Granola","gong":"Gong","fireflies":"Fireflies.ai","pylon":"Pylon","stripe":"Stripe","mixpanel":"Mixpanel","posthog":"PostHog","supabase":"Supabase Auth","clerk":"Clerk"}[p] || p)).join(", ") : "All Integrations" }}',
			description:
				'Starts the workflow when an Outlit integration sync fails or recovers, or an integration is connected or disconnected',
			defaults: { name: 'Outlit Trigger' },
			polling: true,
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'outlitApi', required: true }],
		});
		expect(properties.map((p) => p.name)).toEqual(['events', 'providers', 'options']);
	});

	test('Trigger On: four events, Sync Failed by default', () => {
		const [events] = new OutlitTrigger().description.properties;
		expect(events).toEqual({
			displayName: 'Trigger On',
			name: 'events',
			type: 'multiOptions',
			required: true,
			options: [
				{
					name: 'Sync Failed',
					value: 'syncFailed',
					description: 'An integration or one of its models starts failing, or its error changes',
				},
				{ name: 'Sync Recovered', value: 'syncRecovered', description: 'A failure seen earlier is gone' },
				{
					name: 'Integration Connected',
					value: 'integrationConnected',
					description:
						'An integration becomes connected, e.g. after the customer finishes a browser connection: the onboarding workflow goes on from here',
				},
				{
					name: 'Integration Disconnected',
					value: 'integrationDisconnected',
					description: 'An integration stops being connected',
				},
			],
			default: ['syncFailed'],
		});
	});

	test('Providers: every provider the gateway can report, empty (all) by default', () => {
		const [, providers] = new OutlitTrigger().description.properties;
		const { options, ...rest } = providers;
		expect(rest).toEqual({
			displayName: 'Providers',
			name: 'providers',
			type: 'multiOptions',
			default: [],
			description: 'Integrations to watch. Leave empty to watch all of them.',
		});
		// All 15, alphabetical by name (Attio, Clerk, Fireflies.ai, …).
		expect(options).toEqual(providerOptionsByName());
	});

	test('Options: Fire on Existing Failures, off by default', () => {
		const [, , options] = new OutlitTrigger().description.properties;
		expect(options).toEqual({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Fire on Existing Failures',
					name: 'fireOnExistingFailures',
					type: 'boolean',
					default: false,
					description:
						"Whether failures that already exist when the trigger is activated (or when a provider is added to 'Providers') fire too. Off: only failures that start later fire.",
				},
			],
		});
	});
});

describe('the trigger\'s subtitle: provider names in Title Case, as n8n shows subtitles', () => {
	const subtitle = (providers) => {
		const body = new OutlitTrigger().description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		return new Function('$parameter', `return (${body});`)({ providers });
	};

	test.each([
		[[], 'All Integrations'],
		[undefined, 'All Integrations'],
		[['stripe', 'google-mail'], 'Stripe, Gmail'],
		[['a-provider-outlit-added-later'], 'a-provider-outlit-added-later'],
	])('providers %j read "%s"', (providers, expected) => {
		expect(subtitle(providers)).toBe(expected);
	});

	test('every provider the Providers filter offers has its name there (the lint wants the table as a literal)', () => {
		// The filter's list is pinned above to the same 15: a provider added there without a name fails one of the two.
		for (const p of PROVIDERS) expect(subtitle([p.id])).toBe(p.name);
	});
});
