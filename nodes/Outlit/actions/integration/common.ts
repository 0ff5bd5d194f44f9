import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PROVIDERS } from '../../catalog/providers';

/** Provider choices from the catalog, alphabetical by name as n8n's UI guidelines ask. */
export function providerOptions(includeAll = false): INodePropertyOptions[] {
	const options = [...PROVIDERS]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((p) => ({ name: p.name, value: p.id }));
	return includeAll ? [{ name: 'All Providers', value: 'all' }, ...options] : options;
}

/** The provider list comes from the credential's Outlit (see methods/loadOptions.ts). */
export function providerField(includeAll = false): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Provider Name or ID',
		name: 'provider',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProviders' },
		default: 'hubspot',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may return any provider ID, also one Outlit added after this release (or the alias gmail)',
	};
	return includeAll
		? { ...property, typeOptions: { loadOptionsMethod: 'getProvidersWithAll' }, default: 'all' }
		: property;
}

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a',
	description: 'The sessionId returned by Connect with the browser session method',
};

export const POLL_INTERVAL_MAX_S = 3600;
export const TIMEOUT_MAX_S = 86400;

export function waitFields(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: POLL_INTERVAL_MAX_S, numberPrecision: 1 },
			default: 2,
			description: 'How long to wait between status checks',
			displayOptions: { show },
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: TIMEOUT_MAX_S },
			default: 300,
			description: 'How long to wait in total before giving up',
			hint: "For waits longer than a few minutes, use the Outlit Trigger's Integration Connected event instead: an execution should not hold a worker for hours.",
			displayOptions: { show },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Continue on Unsuccessful',
					name: 'continueOnUnsuccessful',
					type: 'boolean',
					default: false,
					description:
						'Whether a failed, expired or timed-out session returns an item with its status instead of stopping the workflow',
				},
			],
		},
	];
}
