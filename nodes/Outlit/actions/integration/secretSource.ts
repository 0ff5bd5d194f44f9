import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findProvider, type CredentialField, type Provider } from '../../catalog/providers';
import { parameterError, type ProviderChoice } from '../../transport';
import type { Execution } from '../router';

/** Outlit Provider Credentials (credentials/OutlitProviderApi.credentials.ts): data, never auth. */
const PROVIDER_CREDENTIAL_TYPE = 'outlitProviderApi';

/** The "Provider Secrets" switch (Credential by default) and its notice; `hide`: providers without such fields. */
export function secretSourceFields(
	show: NonNullable<IDisplayOptions['show']>,
	hide: NonNullable<IDisplayOptions['hide']>,
): INodeProperties[] {
	return [
		{
			displayName: 'Provider Secrets',
			name: 'secretSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Credential',
					value: 'credential',
					description: 'From Outlit Provider Credentials: encrypted by n8n, never saved with the workflow',
				},
				{
					name: 'Fields / Expression',
					value: 'fields',
					description: 'Typed in, or mapped from the incoming item (e.g. an n8n Form); saved with the workflow',
				},
			],
			default: 'credential',
			description: "Where the provider's keys come from",
			displayOptions: { show, hide },
		},
		{
			displayName:
				'Keys typed in here are saved in plain text with the workflow and go with every export or share. Choose Credential above, or map them from the incoming item with an expression.',
			name: 'secretFieldsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { secretSource: ['fields'], ...show }, hide },
		},
	];
}

/** The fields that have a value, from either source: strings trimmed, booleans as set. */
function presentValues(fields: readonly CredentialField[], valueOf: (field: CredentialField) => unknown): IDataObject {
	const values: IDataObject = {};
	for (const field of fields) {
		const value = valueOf(field);
		if (typeof value === 'boolean') values[field.key] = value;
		else if (typeof value === 'string' && value.trim() !== '') values[field.key] = value.trim();
	}
	return values;
}

/**
 * The provider's keys that have a value (`fieldsOf` says which fields), from the chosen source: the
 * typed-in (or mapped) fields, or Outlit Provider Credentials, read once per execution. Messages name
 * the credential and the providers, never a value. `configField` is where keys go instead.
 */
export async function readSecrets(
	ctx: IExecuteFunctions,
	execution: Execution,
	itemIndex: number,
	provider: ProviderChoice,
	fieldsOf: (provider: Provider) => readonly CredentialField[],
	configField: string,
): Promise<{ source: 'credential' | 'fields'; values: IDataObject; credentialName?: string }> {
	const fields = provider.entry ? fieldsOf(provider.entry) : [];
	if (ctx.getNodeParameter('secretSource', itemIndex, 'credential') === 'fields') {
		// No fallback: these are read only where shown, and n8n gives every shown parameter its default.
		return { source: 'fields', values: presentValues(fields, (field) => ctx.getNodeParameter(field.key, itemIndex)) };
	}
	// A catalog provider without such fields needs no credential (the switch is hidden for it).
	if (provider.entry && fields.length === 0) return { source: 'credential', values: {} };
	// Checked first: selecting a credential would not help a provider it cannot hold.
	if (!provider.entry) {
		throw parameterError(
			ctx.getNode(),
			`Outlit Provider Credentials cannot hold the keys of "${provider.id}": set "Provider Secrets" to Fields / Expression and put the keys in ${configField}.`,
			`They hold the providers this node lists. Set "Provider Secrets" to Fields / Expression and put the keys in ${configField}.`,
			itemIndex,
		);
	}
	const selected = ctx.getNode().credentials?.[PROVIDER_CREDENTIAL_TYPE];
	if (!selected) {
		throw parameterError(
			ctx.getNode(),
			`No Outlit Provider Credentials selected for ${provider.name}: select or create them in this node, or set "Provider Secrets" to Fields / Expression.`,
			`Select (or create) Outlit Provider Credentials for ${provider.name} in this node, or set "Provider Secrets" to Fields / Expression.`,
			itemIndex,
		);
	}
	execution.providerCredential ??= ctx.getCredentials<IDataObject>(PROVIDER_CREDENTIAL_TYPE, itemIndex);
	const data = await execution.providerCredential;
	const held = findProvider(data.provider);
	if (held?.id !== provider.id) {
		throw parameterError(
			ctx.getNode(),
			`The Outlit Provider Credentials "${selected.name}" are for ${held ? held.name : 'no known provider'}, not ${provider.name}: select Outlit Provider Credentials made for ${provider.name}, or change "Provider".`,
			`Select Outlit Provider Credentials made for ${provider.name}, or change "Provider".`,
			itemIndex,
		);
	}
	return { source: 'credential', values: presentValues(fields, (field) => data[field.key]), credentialName: selected.name };
}
