'use strict';
/**
 * How catalog fields become n8n properties (nodes/Outlit/catalog/fieldProperties.ts): one property
 * per key and variant, shown for the providers that take it. The fields here are made up, so the
 * grouping rule is pinned apart from what today's catalog happens to hold.
 */
const { fieldProperties, providersWithout } = require('../../nodes/Outlit/catalog/fieldProperties');

const show = { operation: ['connect'] };
const describeField = (field) => `About ${field.label}`;
/** fieldsOf for made-up fields given per provider id; every other provider has none. */
const fieldsFrom = (byProvider) => (provider) => byProvider[provider.id] ?? [];

describe('catalog fields as n8n properties', () => {
	test('a key with no type and the same key typed "string" are one property, shown for both providers', () => {
		const properties = fieldProperties(
			fieldsFrom({
				hubspot: [{ key: 'token', label: 'Token', secret: true, type: 'string' }],
				attio: [{ key: 'token', label: 'Token', secret: true }],
			}),
			show,
			describeField,
		);
		expect(properties).toEqual([
			{
				displayName: 'Token',
				name: 'token',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'About Token',
				displayOptions: { show: { operation: ['connect'], provider: ['hubspot', 'attio'] } },
			},
		]);
	});

	test('the same key as a boolean and as a string are two properties, each for its provider', () => {
		const properties = fieldProperties(
			fieldsFrom({
				hubspot: [{ key: 'flag', label: 'Flag', secret: false, type: 'boolean' }],
				attio: [{ key: 'flag', label: 'Flag', secret: false, type: 'string' }],
			}),
			show,
			describeField,
		);
		expect(properties.map((p) => [p.name, p.type, p.default, p.displayOptions.show.provider])).toEqual([
			['flag', 'boolean', false, ['hubspot']],
			['flag', 'string', '', ['attio']],
		]);
	});

	test('option values that are words read in Title Case; the region codes as the providers show them', () => {
		const [scope] = fieldProperties(
			fieldsFrom({ mixpanel: [{ key: 'scope', label: 'Scope', secret: false, options: ['personal', 'us', 'eu', 'in'] }] }),
			show,
			describeField,
		);
		expect(scope.options).toEqual([
			{ name: 'Personal', value: 'personal' },
			{ name: 'US', value: 'us' },
			{ name: 'EU', value: 'eu' },
			{ name: 'India', value: 'in' },
		]);
	});

	test('options give a dropdown of region names defaulting to the first; a placeholder reads "e.g."', () => {
		const [region] = fieldProperties(
			fieldsFrom({ posthog: [{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu'], placeholder: 'us' }] }),
			show,
			describeField,
		);
		expect(region).toEqual({
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US', value: 'us' },
				{ name: 'EU', value: 'eu' },
			],
			default: 'us',
			placeholder: 'e.g. us',
			description: 'About Region',
			displayOptions: { show: { operation: ['connect'], provider: ['posthog'] } },
		});
	});

	test('a key whose options differ by provider is one property per set of options', () => {
		const properties = fieldProperties(
			fieldsFrom({
				posthog: [{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu'] }],
				mixpanel: [{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu', 'in'] }],
			}),
			show,
			describeField,
		);
		expect(properties.map((p) => p.options.map((o) => o.value))).toEqual([['us', 'eu', 'in'], ['us', 'eu']]); // catalog order: Mixpanel, then PostHog
	});

	test('providersWithout lists the providers with none of the fields', () => {
		const without = providersWithout(fieldsFrom({ hubspot: [{ key: 'a', label: 'A', secret: false }] }));
		expect(without).not.toContain('hubspot');
		expect(without).toEqual(expect.arrayContaining(['attio', 'slack', 'stripe']));
	});
});
