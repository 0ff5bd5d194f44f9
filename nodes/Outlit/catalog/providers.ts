/**
 * The Outlit provider catalog: the one place that knows which providers exist, how they connect,
 * which credential fields they take (and which of those are secret) and which post-connect steps
 * they offer. The node's UI options, its parameter validation and the local sandbox all read it.
 *
 * Source: Outlit's integration route docs (the newer text: 12 providers, Pylon by `apiToken`) and
 * the ProviderId enum of outlit-openapi.json.
 */

export type SetupMode = 'direct_api_key' | 'browser_session';

export interface ProviderField {
	/** The key Outlit expects inside `config`, and the node parameter's name. */
	key: string;
	label: string;
	secret: boolean;
	placeholder?: string;
	/** A closed set of values, when the provider documents one. */
	options?: readonly string[];
}

export interface PostConnectStep {
	/** Capability id as Outlit reports it (e.g. `webhook-setup`). */
	id: string;
	/** The token sent as `step` to POST /api/integrations/setup-step. */
	step: string;
	required: boolean;
	/** Config keys the step accepts, for docs and the sandbox. */
	configKeys: readonly string[];
}

export interface Provider {
	id: string;
	name: string;
	/** Lower-case, as the list and sync-status routes return it. */
	category: string;
	cliName: string;
	setupMode: SetupMode;
	credentialType: string | null;
	fields: readonly ProviderField[];
	postConnectSteps: readonly PostConnectStep[];
}

const CRM_MAPPINGS: PostConnectStep = {
	id: 'mappings',
	step: 'mappings',
	required: false,
	configKeys: ['mappings'],
};

const API_KEY: ProviderField = { key: 'apiKey', label: 'API Key', secret: true };

const browser = (
	id: string,
	name: string,
	category: string,
	postConnectSteps: readonly PostConnectStep[] = [],
	cliName = id,
): Provider => ({
	id,
	name,
	category,
	cliName,
	setupMode: 'browser_session',
	credentialType: null,
	fields: [],
	postConnectSteps,
});

const direct = (
	id: string,
	name: string,
	category: string,
	credentialType: string,
	fields: readonly ProviderField[],
	postConnectSteps: readonly PostConnectStep[] = [],
): Provider => ({
	id,
	name,
	category,
	cliName: id,
	setupMode: 'direct_api_key',
	credentialType,
	fields,
	postConnectSteps,
});

const webhooks = (required: boolean): PostConnectStep => ({
	id: 'webhook-setup',
	step: 'webhooks',
	required,
	configKeys: ['webhookSecret'],
});

/** In the order Outlit's docs list them. */
export const PROVIDERS: readonly Provider[] = [
	browser('hubspot', 'HubSpot', 'crm', [CRM_MAPPINGS]),
	browser('attio', 'Attio', 'crm', [CRM_MAPPINGS]),
	browser('slack', 'Slack', 'communication'),
	direct('fireflies', 'Fireflies.ai', 'calls', 'api_key', [API_KEY], [webhooks(false)]),
	direct('granola', 'Granola', 'calls', 'api_key', [API_KEY]),
	browser('google-calendar', 'Google Calendar', 'calendar'),
	browser('google-mail', 'Gmail', 'communication', [], 'gmail'),
	direct('posthog', 'PostHog', 'analytics', 'api_key', [
		{ ...API_KEY, placeholder: 'phx_...' },
		{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu'] },
		{ key: 'projectId', label: 'Project ID', secret: false, placeholder: '12345' },
	]),
	direct(
		'stripe',
		'Stripe',
		'billing',
		'api_key',
		[{ ...API_KEY, placeholder: 'rk_live_...' }],
		[webhooks(false)],
	),
	direct('supabase', 'Supabase Auth', 'analytics', 'service_role_key', [
		{ key: 'projectUrl', label: 'Project URL', secret: false, placeholder: 'https://abc.supabase.co' },
		{ key: 'serviceRoleKey', label: 'Service Role Key', secret: true },
	]),
	direct('clerk', 'Clerk', 'analytics', 'secret_key', [
		{ key: 'secretKey', label: 'Secret Key', secret: true, placeholder: 'sk_live_...' },
	]),
	direct(
		'pylon',
		'Pylon',
		'support',
		'api_token',
		[{ key: 'apiToken', label: 'API Token', secret: true }],
		[webhooks(true)],
	),
];

/** Names people type that Outlit also accepts (the CLI's convenience aliases). */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = { gmail: 'google-mail' };

const BY_ID = new Map(PROVIDERS.map((p) => [p.id, p]));

/** Resolves an id or alias (any case, surrounding spaces ignored) to its provider. */
export function findProvider(idOrAlias: unknown): Provider | undefined {
	if (typeof idOrAlias !== 'string') return undefined;
	const key = idOrAlias.trim().toLowerCase();
	return BY_ID.get(PROVIDER_ALIASES[key] ?? key);
}

export const PROVIDER_IDS: readonly string[] = PROVIDERS.map((p) => p.id);

/** Every distinct credential field across providers, with the providers that take it. */
export function credentialFields(): Array<ProviderField & { providers: string[] }> {
	const byKey = new Map<string, ProviderField & { providers: string[] }>();
	for (const provider of PROVIDERS) {
		for (const field of provider.fields) {
			const seen = byKey.get(field.key);
			if (seen) seen.providers.push(provider.id);
			else byKey.set(field.key, { ...field, providers: [provider.id] });
		}
	}
	return [...byKey.values()];
}

/** The capability document Outlit returns for a provider (ProviderCapability in the OpenAPI). */
export function capabilityOf(provider: Provider) {
	const setupCommand = `outlit integrations setup ${provider.cliName}`;
	return {
		cliName: provider.cliName,
		providerId: provider.id,
		setupMode: provider.setupMode,
		credentialType: provider.credentialType,
		requiredFields: provider.fields.map(({ key, label, secret }) => ({ key, label, secret })),
		commands: [setupCommand],
		postConnectSteps: provider.postConnectSteps.map((s) => ({
			id: s.id,
			required: s.required,
			supported: true,
			command: `${setupCommand} ${s.step}`,
		})),
	};
}
