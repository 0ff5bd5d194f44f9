import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	KINDS,
	PROVIDER_METHODS,
	VERIFYING_SSL_MODES,
	findKind,
	kindsOf,
	type IntegrationKind,
	type ProviderMethod,
} from '../catalog/kinds';
import { refusalError } from '../shared/errors';
import { redactNode } from '../shared/redact';
import { isRefusal, sqlCredentials } from '../shared/sql';
import type { FlowyteConnection } from '../transport/connection';
import { apiError, bodyObject, flowyteApiError, readProblem, unexpectedResultError } from '../transport/errors';
import { postConnect } from '../transport/request';
import { readCredentialSecret, readSecretSource, secretSourceFields, type SecretStore } from './secretSource';

const SQL_KINDS = kindsOf('sql');
const PROVIDER_KINDS = kindsOf('provider');
const show = (extra: IDataObject) => ({ show: { resource: ['integration'], operation: ['connect'], ...extra } });
// Where a secret is sent: a SQL kind (its password), a provider connected by API key (its key).
// Kind last: n8n shows a property as soon as one of its conditions is an expression (Kind often is)
// without checking the rest, so the conditions that must hold anyway (OAuth hides the provider's
// switch, Credential hides the typed-in fields) come first.
const SQL = { kind: SQL_KINDS };
const PROVIDER_KEY = { connectWith: ['apiKey'], kind: PROVIDER_KINDS };
const TYPED = { secretSource: ['typed'] };

/** One Port parameter per SQL kind (same name), each with its kind's usual port (the catalog's defaultPort). */
const portField = (kind: string, defaultPort: number): INodeProperties => ({
	displayName: 'Port',
	name: 'port',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 65535 },
	default: defaultPort,
	description: 'The database server port (sent to Flowyte as a string)',
	displayOptions: show({ kind: [kind] }),
});

export const connectFields: INodeProperties[] = [
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		options: [...KINDS].sort((a, b) => a.name.localeCompare(b.name)).map((k) => ({ name: k.name, value: k.value })),
		default: 'google_calendar',
		description: 'The integration to connect',
		displayOptions: show({}),
	},
	{
		displayName: 'Connect With',
		name: 'connectWith',
		type: 'options',
		options: [
			{
				name: 'OAuth',
				value: 'oauth',
				description: 'Returns the URL a person opens to authorize Flowyte at the provider',
			},
			{
				name: 'API Key',
				value: 'apiKey',
				description: "Sends the provider's API key to Flowyte, for providers Flowyte connects by key",
			},
		],
		default: 'oauth',
		description: 'How Flowyte connects this provider; for an OAuth provider Flowyte ignores a key and returns the URL',
		displayOptions: show({ kind: PROVIDER_KINDS }),
	},
	...secretSourceFields(show(PROVIDER_KEY)),
	{
		displayName: 'API Key',
		name: 'providerApiKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The provider's API key. Flowyte stores it and never returns it; this node never outputs it.",
		displayOptions: show({ ...TYPED, ...PROVIDER_KEY }),
	},
	{
		displayName: 'Host',
		name: 'host',
		type: 'string',
		default: '',
		placeholder: 'e.g. db.example.com',
		description: 'Host name or IP address of the database server (required)',
		displayOptions: show({ kind: SQL_KINDS }),
	},
	portField('postgres', 5432),
	portField('mysql', 3306),
	{
		displayName: 'Database',
		name: 'database',
		type: 'string',
		default: '',
		placeholder: 'e.g. appdb',
		description: 'Name of the database Flowyte reads (required)',
		displayOptions: show({ kind: SQL_KINDS }),
	},
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		placeholder: 'e.g. flowyte_readonly',
		description:
			'Database user (required). Prefer a least-privilege, read-only role: Flowyte publishes the SQL that creates one (GET /integrations/{kind}/sql/scripts) and a check of the connection (POST /integrations/{kind}/sql/test).',
		displayOptions: show({ kind: SQL_KINDS }),
	},
	...secretSourceFields(show(SQL)),
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The user's password (required). Flowyte stores it and never returns it; this node never outputs it.",
		displayOptions: show({ ...TYPED, ...SQL }),
	},
	{
		displayName: 'SSL Mode',
		name: 'sslmode',
		type: 'options',
		options: [
			{ name: 'Require', value: 'require', description: 'Encrypt, without checking the server certificate' },
			{ name: 'Verify CA', value: 'verify-ca', description: 'Encrypt and check the certificate against a trusted CA' },
			{ name: 'Verify Full', value: 'verify-full', description: 'Also check that the certificate names the host' },
		],
		default: 'verify-full',
		description: 'How Flowyte secures the connection. Flowyte refuses "disable": database traffic is always encrypted.',
		displayOptions: show({ kind: SQL_KINDS }),
	},
	{
		displayName: 'CA Certificate',
		name: 'caPem',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. -----BEGIN CERTIFICATE-----',
		description:
			"Optional: the PEM certificate of the CA that signed the server's certificate, when it is not a public CA. Literal \\n sequences (as in JSON) are read as line breaks.",
		displayOptions: show({ kind: SQL_KINDS, sslmode: [...VERIFYING_SSL_MODES] }),
	},
];

function readKind(ctx: IExecuteFunctions, itemIndex: number): IntegrationKind {
	const raw = ctx.getNodeParameter('kind', itemIndex, '') as unknown;
	const kind = findKind(raw);
	if (kind) return kind;
	const typed = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	const shown = typed ? `"${typed}"` : 'empty';
	throw refusalError(ctx, itemIndex, {
		message: `Unknown Flowyte integration kind: ${shown}`,
		description: `Kind must be one of ${KINDS.map((k) => k.value).join(', ')}.`,
	});
}

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

interface ConnectBody {
	body?: IDataObject;
	/** Secrets this item sends, masked in anything Flowyte says back. */
	secrets: string[];
}

/**
 * The request body for the item, checked before any request. The secret (SQL password, provider API
 * key) comes from the Flowyte Connection Secret credential unless Secret Source is Typed In.
 */
async function readBody(ctx: IExecuteFunctions, itemIndex: number, kind: IntegrationKind, store: SecretStore): Promise<ConnectBody> {
	const param = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	const typed = readSecretSource(ctx, itemIndex) === 'typed';
	if (kind.family === 'sql') {
		const password = typed ? param('password') : await readCredentialSecret(ctx, itemIndex, kind, 'password', store);
		const result = sqlCredentials(kind, {
			host: param('host'),
			port: param('port', kind.defaultPort),
			database: param('database'),
			user: param('user'),
			password,
			sslmode: param('sslmode'),
			caPem: param('caPem'),
		});
		if (isRefusal(result)) throw refusalError(ctx, itemIndex, result);
		return { body: { credentials: result }, secrets: [result.password] };
	}
	const method = str(param('connectWith')).trim();
	if (!(PROVIDER_METHODS as readonly string[]).includes(method)) {
		throw refusalError(ctx, itemIndex, {
			message: 'Connect With must be oauth or apiKey',
			description: `It is ${JSON.stringify(param('connectWith'))}.`,
		});
	}
	if ((method as ProviderMethod) === 'oauth') return { secrets: [] };
	if (!typed) {
		const apiKey = await readCredentialSecret(ctx, itemIndex, kind, 'apiKey', store);
		return { body: { credentials: { apiKey } }, secrets: [apiKey] };
	}
	const apiKey = str(param('providerApiKey')).trim();
	if (!apiKey) {
		throw refusalError(ctx, itemIndex, {
			message: `The ${kind.name} API key is empty`,
			description: `Connect With is API Key: paste the ${kind.name} API key, or choose OAuth. An expression may have resolved to nothing.`,
		});
	}
	return { body: { credentials: { apiKey } }, secrets: [apiKey] };
}

/** An authorization URL is handed to a person: only http(s) URLs pass. */
function isWebUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Connects one item's integration: `{kind, oauthUrl}` or `{kind, status: "connected"}`. */
export async function connectItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	connection: FlowyteConnection,
	store: SecretStore,
): Promise<IDataObject> {
	const kind = readKind(ctx, itemIndex);
	const { body, secrets } = await readBody(ctx, itemIndex, kind, store);
	const allSecrets = [...connection.secrets, ...secrets];
	const response = await postConnect(ctx, connection, kind.value, body, itemIndex);
	const node = redactNode(ctx.getNode());
	if (response.statusCode >= 300) {
		throw flowyteApiError(node, response, { kindName: kind.name, shown: connection.shown, secrets: allSecrets, itemIndex });
	}
	if (response.body === null || typeof response.body !== 'object' || Array.isArray(response.body)) {
		throw unexpectedResultError(node, 'a response that is not a JSON object', itemIndex);
	}
	const envelope = bodyObject(response.body);
	if (envelope.success === false) {
		const problem = readProblem(envelope, allSecrets);
		throw apiError(node, { statusCode: response.statusCode, ...problem.context }, {
			message: `Flowyte did not connect ${kind.name}: ${problem.fields.join('; ') || problem.said || 'success is false'}`,
			description: `Flowyte answered ${response.statusCode} with success: false.`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	const data = bodyObject(envelope.data);
	if (typeof data.oauthUrl === 'string' && data.status === undefined) {
		if (!isWebUrl(data.oauthUrl)) throw unexpectedResultError(node, 'an oauthUrl that is not an http(s) URL', itemIndex);
		return { kind: kind.value, oauthUrl: data.oauthUrl };
	}
	if (data.status === 'connected' && data.oauthUrl === undefined) return { kind: kind.value, status: 'connected' };
	throw unexpectedResultError(node, 'neither an oauthUrl nor status "connected"', itemIndex);
}
