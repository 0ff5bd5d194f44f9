/**
 * The Flowyte integration catalog: the one place that knows which kinds exist and how each one
 * connects. The node's options, its checks before any request and its messages all read it.
 *
 * Source: `POST /integrations/{kind}/connect` (IntegrationKind, IntegrationConnectRequest). The
 * contract names the SQL kinds and their descriptor, but not which of the other kinds authorize by
 * OAuth and which take an API key: Flowyte decides per kind ("credentials" are ignored for oauth2).
 * So those kinds let the user choose, OAuth first (the Integrations tag: "Native OAuth integrations").
 */

/** `sql`: the connection descriptor; `provider`: an OAuth URL, or `{apiKey}` where Flowyte takes one. */
export type KindFamily = 'provider' | 'sql';

export interface IntegrationKind {
	/** The `{kind}` path value. */
	value: string;
	name: string;
	family: KindFamily;
	/** The usual server port, as the Port field's default (SQL kinds only). */
	defaultPort?: number;
}

/** In the contract's enum order. */
export const KINDS: readonly IntegrationKind[] = [
	{ value: 'google_calendar', name: 'Google Calendar', family: 'provider' },
	{ value: 'google_sheets', name: 'Google Sheets', family: 'provider' },
	{ value: 'calendly', name: 'Calendly', family: 'provider' },
	{ value: 'hubspot', name: 'HubSpot', family: 'provider' },
	{ value: 'square', name: 'Square', family: 'provider' },
	{ value: 'opentable', name: 'OpenTable', family: 'provider' },
	{ value: 'shopify', name: 'Shopify', family: 'provider' },
	{ value: 'postgres', name: 'PostgreSQL', family: 'sql', defaultPort: 5432 },
	{ value: 'mysql', name: 'MySQL', family: 'sql', defaultPort: 3306 },
];

/** How a provider kind is connected: the OAuth URL (no body), or the provider's API key. */
export const PROVIDER_METHODS = ['oauth', 'apiKey'] as const;
export type ProviderMethod = (typeof PROVIDER_METHODS)[number];

/** The SQL connection descriptor's keys, in the contract's order; all required but `ca_pem`. */
export const SQL_FIELDS = [
	{ key: 'host', label: 'Host' },
	{ key: 'port', label: 'Port' },
	{ key: 'database', label: 'Database' },
	{ key: 'user', label: 'User' },
	{ key: 'password', label: 'Password' },
	{ key: 'sslmode', label: 'SSL Mode' },
] as const;
export type SqlFieldKey = (typeof SQL_FIELDS)[number]['key'];

/**
 * The secret a connection sends Flowyte, by its key in `credentials`: a SQL kind's `password`, or
 * the `apiKey` of a provider connected by key. A Flowyte Connection Secret credential holds one of
 * them (its Holds option takes these keys).
 */
export const CONNECTION_SECRETS = {
	password: { label: 'Database Password', field: 'Password', noun: 'a database password' },
	apiKey: { label: 'Provider API Key', field: 'API Key', noun: 'a provider API key' },
} as const;
export type ConnectionSecret = keyof typeof CONNECTION_SECRETS;

/** The modes Flowyte accepts; `disable` is refused at its connect boundary. */
export const SSL_MODES = ['require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];
/** The modes that check the server certificate, and so may take a CA certificate (`ca_pem`). */
export const VERIFYING_SSL_MODES: readonly SslMode[] = ['verify-ca', 'verify-full'];

/** The scope a key must hold to connect (a separate, higher-privilege scope). */
export const CONNECT_SCOPE = 'integrations:connect';

/** Secret keys start with this (`Authorization: Bearer flowyte_sk_…`). */
export const API_KEY_PREFIX = 'flowyte_sk_';

/** The contract's server: a relative base path the host is prepended to. */
export const API_BASE_PATH = '/api/v1';

/**
 * Node parameters masked in the node copy errors carry: the secrets (SQL password, provider API
 * key), and the CA field, where a private key pasted by mistake must not be stored with an error.
 */
export const MASKED_PARAMETERS: readonly string[] = ['password', 'providerApiKey', 'caPem'];

const BY_VALUE = new Map(KINDS.map((k) => [k.value, k]));

/** A kind by its value, any case, surrounding spaces ignored. */
export function findKind(value: unknown): IntegrationKind | undefined {
	return typeof value === 'string' ? BY_VALUE.get(value.trim().toLowerCase()) : undefined;
}

export function kindsOf(family: KindFamily): string[] {
	return KINDS.filter((k) => k.family === family).map((k) => k.value);
}
