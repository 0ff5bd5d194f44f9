import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { credentialFields, type Provider } from '../../catalog/providers';
import { fail, readJsonObject, readProvider } from '../../shared/params';
import type { ItemScope } from '../../shared/scope';
import { waitForSession } from '../../shared/wait';
import { outlitApiRequest } from '../../transport';
import { providerField, waitFields } from './common';
import { defineCustomOperation } from './operation';
import { readWaitOptions } from './waitSettings';

const DIRECT = { connectionMethod: ['direct'] };
const WAIT = { connectionMethod: ['browser'], waitUntilConnected: [true] };

/** One parameter per credential field in the catalog, shown only for the providers that take it. */
const fieldParameters: INodeProperties[] = credentialFields().map((field) => ({
	displayName: field.label,
	name: field.key,
	type: field.options ? 'options' : 'string',
	...(field.options
		? { options: field.options.map((value) => ({ name: value.toUpperCase(), value })) }
		: {}),
	...(field.secret ? { typeOptions: { password: true } } : {}),
	default: field.options ? field.options[0] : '',
	// Not `required`: n8n shows every field while Provider is an expression, and would then demand
	// all of them. connectBody() checks exactly the chosen provider's fields instead.
	placeholder: field.placeholder,
	description: `Sent to Outlit as config.${field.key}${field.secret ? '; stored only by Outlit, never output by this node' : ''}`,
	displayOptions: { show: { ...DIRECT, provider: field.providers } },
}));

/**
 * The direct-credential config: the provider's field parameters, then the optional JSON object on
 * top, so an expression-chosen provider (for which n8n cannot tell which fields apply) can pass
 * its fields, and any field, in the JSON.
 */
function directConfig(ctx: ItemScope, provider: Provider): IDataObject {
	const config: IDataObject = {};
	for (const field of provider.fields) {
		const value = ctx.getNodeParameter(field.key, '') as unknown;
		if (typeof value === 'string' && value.trim() !== '') config[field.key] = value.trim();
	}
	Object.assign(config, readJsonObject.call(ctx, 'additionalConfig', 'Additional Config (JSON)'));
	const missing = provider.fields.filter(
		(f) => typeof config[f.key] !== 'string' || (config[f.key] as string).trim() === '',
	);
	if (missing.length) {
		fail(
			ctx,
			`${provider.name} needs ${missing.map((f) => f.label).join(', ')}`,
			`Fill in ${missing.map((f) => `"${f.label}"`).join(', ')}. When Provider comes from an expression, ` +
				`put them in Additional Config (JSON) as ${missing.map((f) => f.key).join(', ')}.`,
		);
	}
	for (const field of provider.fields) {
		if (field.options && !field.options.includes(config[field.key] as string)) {
			fail(ctx, `${provider.name} ${field.label} must be one of: ${field.options.join(', ')}`, `Parameter "${field.label}" is not one of the values Outlit accepts.`);
		}
	}
	return config;
}

/** The connect request body for the item, validated against the catalog before anything is sent. */
function connectBody(item: ItemScope): IDataObject {
	const provider = readProvider.call(item);
	const method = item.getNodeParameter('connectionMethod', 'browser');
	if (method === 'direct') {
		if (provider.setupMode !== 'direct_api_key') {
			fail(item, `${provider.name} connects by browser session only`, 'Set "Connection Method" to Browser Session.');
		}
		return { provider: provider.id, config: directConfig(item, provider) };
	}
	if (provider.setupMode !== 'browser_session') {
		const fields = provider.fields.map((f) => f.label).join(', ');
		fail(item, `${provider.name} connects with credentials (${fields}), not a browser session`, 'Set "Connection Method" to Direct and fill in the fields.');
	}
	return { provider: provider.id };
}

function waits(item: ItemScope): boolean {
	return (
		item.getNodeParameter('connectionMethod', 'browser') === 'browser' &&
		item.getNodeParameter('waitUntilConnected', false) === true
	);
}

export const connect = defineCustomOperation({
	value: 'connect',
	name: 'Connect',
	action: 'Connect an integration',
	description: 'Connect a provider with credentials, or start a browser-auth session',
	async run(item) {
		const body = connectBody(item);
		// Read the wait options first, so a bad interval fails before a session is created.
		const wait = waits(item) ? readWaitOptions.call(item) : undefined;
		const response = await outlitApiRequest.call(this, 'connect', { body }, item.getItemIndex());
		const result: IDataObject = { provider: body.provider, ...response };
		if (!wait || typeof response.sessionId !== 'string') return [result];
		const outcome = await waitForSession(this, item, { sessionId: response.sessionId, ...wait });
		return [{ ...result, ...outcome }];
	},
	fields: [
		providerField('The provider to connect.'),
		{
			displayName: 'Connection Method',
			name: 'connectionMethod',
			type: 'options',
			options: [
				{
					name: 'Browser Session',
					value: 'browser',
					description: 'Returns a connect URL for a person to authorize the provider in a browser',
				},
				{
					name: 'Direct',
					value: 'direct',
					description: "Sends the provider's credentials (API key, token…) to Outlit",
				},
			],
			default: 'browser',
			description: 'How the provider is connected; see Get Capabilities for what each provider supports',
		},
		...fieldParameters,
		{
			displayName: 'Additional Config (JSON)',
			name: 'additionalConfig',
			type: 'json',
			default: '{}',
			description: 'Config keys sent with the fields above; a key here overrides the field of the same name',
			displayOptions: { show: DIRECT },
		},
		{
			displayName: 'Wait Until Connected',
			name: 'waitUntilConnected',
			type: 'boolean',
			default: false,
			description: 'Whether to keep polling the new session until it is connected, failed or expired',
			displayOptions: { show: { connectionMethod: ['browser'] } },
		},
		...waitFields(WAIT),
	],
});
