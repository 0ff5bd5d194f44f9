import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CONNECTION_SECRETS, type ConnectionSecret, type IntegrationKind } from '../catalog/kinds';
import { refusalError } from '../shared/errors';

/** Flowyte Connection Secret (credentials/FlowyteConnectionSecretApi.credentials.ts): data, never auth. */
export const SECRET_CREDENTIAL_TYPE = 'flowyteConnectionSecretApi';

/** The credential as messages name it (the editor adds the " API" n8n's lint asks for). */
const CREDENTIAL = 'Flowyte Connection Secret';

export type SecretSource = 'credential' | 'typed';

/**
 * The "Secret Source" switch and its notice, shown where `displayOptions` say. The node adds them
 * twice, for the SQL kinds and for a provider connected by API key: one displayOptions cannot say
 * "SQL kind or API key", and both copies share the one parameter.
 */
export function secretSourceFields(displayOptions: IDisplayOptions): INodeProperties[] {
	const show = displayOptions.show ?? {};
	return [
		{
			displayName: 'Secret Source',
			name: 'secretSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Credential',
					value: 'credential',
					description: `From a ${CREDENTIAL} credential: encrypted by n8n, never saved with the workflow or its executions`,
				},
				{
					name: 'Typed In',
					value: 'typed',
					description: 'Typed into this node, or mapped from the incoming item with an expression',
				},
			],
			default: 'credential',
			description: 'Where the password or API key Flowyte needs comes from',
			displayOptions,
		},
		{
			displayName:
				'A secret typed in here is saved in plain text with the workflow and with every execution of it. Choose Credential above to keep it encrypted by n8n.',
			name: 'typedSecretNotice',
			type: 'notice',
			default: '',
			// The switch's own value first, for the reason given in connect.ts (PROVIDER_KEY).
			displayOptions: { show: { secretSource: ['typed'], ...show } },
		},
	];
}

/** Anything but Typed In reads the credential: a secret never comes from a parameter by accident. */
export function readSecretSource(ctx: IExecuteFunctions, itemIndex: number): SecretSource {
	return ctx.getNodeParameter('secretSource', itemIndex, 'credential') === 'typed' ? 'typed' : 'credential';
}

/** "the PostgreSQL password", "the Square API key". */
function secretName(kind: IntegrationKind, secret: ConnectionSecret): string {
	return `the ${kind.name} ${secret === 'password' ? 'password' : 'API key'}`;
}

/** The Flowyte Connection Secret's data, read at most once per execution. */
export type SecretStore = (itemIndex: number) => Promise<IDataObject>;

/** A store for one execution: n8n decrypts a credential on every getCredentials call. */
export function secretStore(ctx: IExecuteFunctions): SecretStore {
	let read: Promise<IDataObject> | undefined;
	return async (itemIndex) => await (read ??= ctx.getCredentials<IDataObject>(SECRET_CREDENTIAL_TYPE, itemIndex));
}

/**
 * The secret the node's Flowyte Connection Secret holds, after checking that the node has one, that
 * it holds this kind of secret, and that it is not blank. Messages name the credential and the field,
 * never a value. A password is sent as stored (spaces may belong to it); an API key trimmed.
 */
export async function readCredentialSecret(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: IntegrationKind,
	secret: ConnectionSecret,
	store: SecretStore,
): Promise<string> {
	const needed = CONNECTION_SECRETS[secret];
	const what = secretName(kind, secret);
	const selected = ctx.getNode().credentials?.[SECRET_CREDENTIAL_TYPE];
	if (!selected) {
		throw refusalError(ctx, itemIndex, {
			message: `No ${CREDENTIAL} selected: select one that holds ${what}, or set Secret Source to Typed In`,
			description: `Secret Source is Credential, so the node sends ${what} from a ${CREDENTIAL} credential, which n8n keeps encrypted. Create one with Holds: ${needed.label} and select it in the node. Nothing was sent to Flowyte.`,
		});
	}
	const data = await store(itemIndex);
	if (data.holds !== secret) {
		const held = data.holds === 'password' || data.holds === 'apiKey' ? CONNECTION_SECRETS[data.holds].noun : 'no secret this node knows';
		throw refusalError(ctx, itemIndex, {
			message: `The ${CREDENTIAL} "${selected.name}" holds ${held}, not ${what}: select one that holds ${what}`,
			description: `Open it and set Holds to ${needed.label}, or select another ${CREDENTIAL}. Nothing was sent to Flowyte.`,
		});
	}
	const raw = data[secret];
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
	if (value.trim() === '') {
		throw refusalError(ctx, itemIndex, {
			message: `The ${CREDENTIAL} "${selected.name}" has an empty ${needed.field}: open it and fill in ${what}`,
			description: `Secret Source is Credential, so ${what} comes from that credential. Nothing was sent to Flowyte.`,
		});
	}
	return secret === 'password' ? value : value.trim();
}
