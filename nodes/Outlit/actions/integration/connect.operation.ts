import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PROVIDERS, providerFields, type CredentialField } from '../../catalog/providers';
import { readJsonObject, readProvider } from '../../shared/params';
import { waitForSession } from '../../shared/wait';
import type { ConnectRequest } from '../../transport';
import { providerField, waitFields } from './common';
import { defineOperation } from './operation';
import { readWaitSettings } from './waitSettings';

const DIRECT = { connectionMethod: ['direct'] };
const WAIT = { connectionMethod: ['browser'], waitUntilConnected: [true] };

/**
 * One parameter per credential field in the catalog, shown only for the providers that take it.
 * A key whose values differ by provider (Region: PostHog us/eu, Mixpanel us/eu/in) gets one
 * parameter per variant under the same name, so the stored value is the same key either way.
 */
function fieldParameters(): INodeProperties[] {
	const variants = new Map<string, { field: CredentialField; providers: string[] }>();
	for (const provider of PROVIDERS) {
		for (const field of providerFields(provider)) {
			const variant = `${field.key}|${field.type ?? 'string'}|${(field.options ?? []).join(',')}`;
			const seen = variants.get(variant);
			if (seen) seen.providers.push(provider.id);
			else variants.set(variant, { field, providers: [provider.id] });
		}
	}
	return [...variants.values()].map(({ field, providers }) => ({
		displayName: field.label,
		name: field.key,
		type: field.type === 'boolean' ? 'boolean' : field.options ? 'options' : 'string',
		...(field.options ? { options: field.options.map((value) => ({ name: value.toUpperCase(), value })) } : {}),
		...(field.secret ? { typeOptions: { password: true } } : {}),
		default: field.type === 'boolean' ? false : field.options ? field.options[0] : '',
		// Not `required`: n8n shows every field while Provider is an expression, and would then
		// demand all of them. The request builders check exactly the chosen provider's fields.
		...(field.placeholder ? { placeholder: `e.g. ${field.placeholder}` } : {}),
		description: `Sent to Outlit as ${field.key}${field.secret ? '; stored only by Outlit, never output by this node' : ''}`,
		displayOptions: { show: { ...DIRECT, provider: providers } },
	}));
}

/** The connect request for the item: provider, method, typed-in fields and Additional Config. */
function readConnectRequest(ctx: IExecuteFunctions, itemIndex: number): ConnectRequest {
	const provider = readProvider(ctx, itemIndex);
	const method = ctx.getNodeParameter('connectionMethod', itemIndex, 'browser') === 'direct' ? 'direct' : 'browser';
	const values: IDataObject = {};
	if (method === 'direct' && provider.entry) {
		for (const field of providerFields(provider.entry)) {
			const value = ctx.getNodeParameter(field.key, itemIndex, field.type === 'boolean' ? false : '') as unknown;
			if (typeof value === 'boolean') values[field.key] = value;
			else if (typeof value === 'string' && value.trim() !== '') values[field.key] = value.trim();
		}
	}
	const extra = method === 'direct' ? (readJsonObject(ctx, itemIndex, 'additionalConfig', 'Additional Config (JSON)') ?? {}) : {};
	return { provider, method, values, extra };
}

export const connect = defineOperation({
	value: 'connect',
	name: 'Connect',
	action: 'Connect an integration',
	description: 'Connect a provider with credentials, or start a browser-auth session',
	async run(itemIndex, api) {
		const request = readConnectRequest(this, itemIndex);
		const waitUntilConnected =
			request.method === 'browser' && this.getNodeParameter('waitUntilConnected', itemIndex, false) === true;
		// Read the wait settings first, so a bad interval fails before a session is created.
		const wait = waitUntilConnected ? readWaitSettings(this, itemIndex) : undefined;
		const result: IDataObject = { provider: request.provider.id, ...(await api.connect(request, itemIndex)) };
		if (!wait || typeof result.sessionId !== 'string') return [result];
		const outcome = await waitForSession(this, api, itemIndex, { sessionId: result.sessionId, ...wait });
		if (outcome.status !== 'connected') return [{ ...result, ...outcome }];
		// On the gateway, Outlit may have a next step once authenticated (e.g. a CRM mapping recommendation).
		// Its status and next replace the handoff's.
		const followUp = await api.continueSetup(request, itemIndex);
		if (!followUp) return [{ ...result, ...outcome }];
		delete result.next;
		return [{ ...result, ...outcome, ...followUp }];
	},
	fields: [
		providerField(),
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
		...fieldParameters(),
		{
			displayName: 'Additional Config (JSON)',
			name: 'additionalConfig',
			type: 'json',
			default: '{}',
			description:
				'Credential keys sent with the fields above; a key here overrides the field of the same name. For a provider this node does not list yet, put all its keys here.',
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
