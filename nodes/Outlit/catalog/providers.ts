/**
 * The Outlit provider catalog: the one place that knows which providers exist and how each one is
 * set up on each of Outlit's two contracts. The node's UI options, its validation before any
 * request, the request builders and the trigger's display names all read it.
 *
 * Sources: the REST route docs (12 providers, `config` fields, post-connect steps) and the tools
 * gateway's `ToolInput_outlit_setup_integration` schema (15 providers, `credentials` shapes).
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export interface CredentialField {
	/** The key Outlit expects (inside `config` on REST, `credentials` on the gateway); also the parameter name. */
	key: string;
	label: string;
	secret: boolean;
	type?: 'string' | 'boolean';
	/** A closed set of values, when the contract gives one. */
	options?: readonly string[];
	/** Optional on this contract (the gateway has defaults for Granola's scope fields). */
	optional?: boolean;
	/** A rule the contract states, checked before any request: the value and a sentence saying what it must be. */
	rule?: { pattern: RegExp; says: string };
	placeholder?: string;
	/** What the field means, where its label does not say (a boolean's starts with "Whether", as n8n's guidelines ask). */
	about?: string;
}

export interface SetupStep {
	/** The token sent as `step` (REST) and the Run Setup Step option value. */
	step: string;
	/** Capability id on REST (`webhook-setup`). */
	id: string;
	required: boolean;
	/** Keys the step's `config` may carry that the route docs name for this provider (all optional). */
	fields?: readonly CredentialField[];
}

/** `POST /api/integrations/connect` and `/setup-step`. */
export interface RestSetup {
	mode: 'direct' | 'browser';
	fields: readonly CredentialField[];
	steps: readonly SetupStep[];
}

/** `outlit_setup_integration`. */
export interface ToolsSetup {
	/** Connects through a browser handoff (no credentials sent). */
	browser: boolean;
	/** The `credentials` object's fields, or null when the gateway takes none. */
	credentials: readonly CredentialField[] | null;
	/** Stripe names its two ways in `connectionMode`. */
	connectionMode?: { browser: string; direct: string };
	/** The post-connect configuration kind the provider takes. */
	configuration?: 'crm_mapping' | 'mixpanel_mapping';
}

export interface Provider {
	id: string;
	name: string;
	/** Lower-case, as both contracts return it. */
	category: string;
	/** Null where the REST routes do not know the provider. */
	rest: RestSetup | null;
	tools: ToolsSetup;
}

const apiKey = (placeholder?: string, rule?: CredentialField['rule']): CredentialField =>
	({ key: 'apiKey', label: 'API Key', secret: true, ...(placeholder ? { placeholder } : {}), ...(rule ? { rule } : {}) });
const API_TOKEN: CredentialField = { key: 'apiToken', label: 'API Token', secret: true };

/** "Stripe webhooks can use { webhookSecret }; Fireflies webhooks can use { webhookSecret }" (route docs). */
const WEBHOOK_SECRET: CredentialField = { key: 'webhookSecret', label: 'Webhook Secret', secret: true, optional: true, placeholder: 'whsec_...' };

const MAPPINGS: SetupStep = { step: 'mappings', id: 'mappings', required: false };
const webhooks = (required: boolean, fields?: readonly CredentialField[]): SetupStep =>
	({ step: 'webhooks', id: 'webhook-setup', required, ...(fields ? { fields } : {}) });

const REST_BROWSER: RestSetup = { mode: 'browser', fields: [], steps: [] };
const restDirect = (fields: readonly CredentialField[], steps: readonly SetupStep[] = []): RestSetup => ({ mode: 'direct', fields, steps });
const TOOLS_BROWSER: ToolsSetup = { browser: true, credentials: null };
const toolsDirect = (credentials: readonly CredentialField[]): ToolsSetup => ({ browser: false, credentials });
const CRM: Pick<Provider, 'rest' | 'tools'> = {
	rest: { ...REST_BROWSER, steps: [MAPPINGS] },
	tools: { ...TOOLS_BROWSER, configuration: 'crm_mapping' },
};

/** In the order Outlit's gateway lists them. */
export const PROVIDERS: readonly Provider[] = [
	{ id: 'salesforce', name: 'Salesforce', category: 'crm', ...CRM, rest: null },
	{ id: 'hubspot', name: 'HubSpot', category: 'crm', ...CRM },
	{ id: 'attio', name: 'Attio', category: 'crm', ...CRM },
	{ id: 'slack', name: 'Slack', category: 'communication', rest: REST_BROWSER, tools: TOOLS_BROWSER },
	{ id: 'google-calendar', name: 'Google Calendar', category: 'calendar', rest: REST_BROWSER, tools: TOOLS_BROWSER },
	{ id: 'google-mail', name: 'Gmail', category: 'communication', rest: REST_BROWSER, tools: TOOLS_BROWSER },
	{
		id: 'granola',
		name: 'Granola',
		category: 'calls',
		rest: restDirect([apiKey()]),
		tools: toolsDirect([
			apiKey(),
			{ key: 'authScope', label: 'Auth Scope', secret: false, options: ['personal', 'enterprise'], optional: true },
			{
				key: 'enterpriseKeyAcknowledged',
				label: 'Enterprise Key Acknowledged',
				secret: false,
				type: 'boolean',
				optional: true,
				about: 'Whether to confirm to Outlit that you mean to connect an enterprise key',
			},
		]),
	},
	{ id: 'gong', name: 'Gong', category: 'calls', rest: null, tools: TOOLS_BROWSER },
	{
		id: 'fireflies',
		name: 'Fireflies.ai',
		category: 'calls',
		rest: restDirect([apiKey()], [webhooks(false, [WEBHOOK_SECRET])]),
		tools: toolsDirect([apiKey()]),
	},
	{
		id: 'pylon',
		name: 'Pylon',
		category: 'support',
		rest: restDirect([API_TOKEN], [webhooks(true)]),
		tools: toolsDirect([API_TOKEN]),
	},
	{
		id: 'stripe',
		name: 'Stripe',
		category: 'billing',
		rest: restDirect([apiKey('rk_live_...')], [webhooks(false, [WEBHOOK_SECRET])]),
		tools: {
			browser: true,
			credentials: [apiKey('rk_live_...', { pattern: /^rk_/, says: 'a restricted key that starts with rk_' })],
			connectionMode: { browser: 'oauth', direct: 'restricted_key' },
		},
	},
	{
		id: 'mixpanel',
		name: 'Mixpanel',
		category: 'analytics',
		rest: null,
		tools: {
			...toolsDirect([
				{ key: 'username', label: 'Service Account Username', secret: false },
				{ key: 'secret', label: 'Service Account Secret', secret: true },
				{
					key: 'projectId',
					label: 'Project ID',
					secret: false,
					placeholder: '12345',
					rule: { pattern: /^.{1,64}$/, says: 'at most 64 characters' },
				},
				{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu', 'in'] },
			]),
			configuration: 'mixpanel_mapping',
		},
	},
	{
		id: 'posthog',
		name: 'PostHog',
		category: 'analytics',
		rest: restDirect([
			apiKey('phx_...'),
			{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu'] },
			{ key: 'projectId', label: 'Project ID', secret: false, placeholder: '12345' },
		]),
		tools: toolsDirect([
			apiKey('phx_...', { pattern: /^phx_.{6,}$/, says: 'a personal API key that starts with phx_ (at least 10 characters)' }),
			{ key: 'region', label: 'Region', secret: false, options: ['us', 'eu'] },
			{
				key: 'projectId',
				label: 'Project ID',
				secret: false,
				placeholder: '12345',
				rule: { pattern: /^\d+$/, says: 'digits only' },
			},
		]),
	},
	{
		id: 'supabase',
		name: 'Supabase Auth',
		category: 'analytics',
		rest: restDirect([
			{ key: 'projectUrl', label: 'Project URL', secret: false, placeholder: 'https://abc.supabase.co' },
			{ key: 'serviceRoleKey', label: 'Service Role Key', secret: true },
		]),
		tools: TOOLS_BROWSER,
	},
	{
		id: 'clerk',
		name: 'Clerk',
		category: 'analytics',
		rest: restDirect([{ key: 'secretKey', label: 'Secret Key', secret: true, placeholder: 'sk_live_...' }]),
		tools: TOOLS_BROWSER,
	},
];

/** Names people type that Outlit's CLI also accepts. The APIs take only the ids. */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = { gmail: 'google-mail' };

const BY_ID = new Map(PROVIDERS.map((p) => [p.id, p]));

/** Provider ids are slugs; anything else can never be one, known or not. */
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** Resolves an id or alias (any case, surrounding spaces ignored) to its provider. */
export function findProvider(idOrAlias: unknown): Provider | undefined {
	if (typeof idOrAlias !== 'string') return undefined;
	const key = idOrAlias.trim().toLowerCase();
	return BY_ID.get(PROVIDER_ALIASES[key] ?? key);
}

/** A post-connect step the node can run on each contract (webhooks stay on REST). */
export const MIXPANEL_MAPPING_STEP = 'mixpanelMapping';

/** The setup steps Outlit's Tools Gateway has a tool for (CRM mappings, Mixpanel mapping); the others stay on REST. */
export function isGatewayStep(step: string): boolean {
	return step === 'mappings' || step === MIXPANEL_MAPPING_STEP;
}

/** The first field of each key. */
function firstPerKey(fields: readonly CredentialField[]): CredentialField[] {
	return fields.filter((field, index) => fields.findIndex((other) => other.key === field.key) === index);
}

/** Every credential field a provider takes on either contract, once per key (REST's first). */
export function providerFields(provider: Provider): CredentialField[] {
	return firstPerKey([...(provider.rest?.fields ?? []), ...(provider.tools.credentials ?? [])]);
}

/** The keys a provider's post-connect step takes in its `config` (webhook secrets). */
export function stepFields(provider: Provider, step: string): CredentialField[] {
	return [...(provider.rest?.steps.find((s) => s.step === step)?.fields ?? [])];
}

/** Everything an Outlit Provider Credentials can hold for a provider: its connect fields, then its setup steps'. */
export function providerCredentialFields(provider: Provider): CredentialField[] {
	return firstPerKey([...providerFields(provider), ...(provider.rest?.steps ?? []).flatMap((step) => step.fields ?? [])]);
}

/** Every key that holds a secret on some provider: these parameters are masked in stored errors. */
export function secretFieldKeys(): string[] {
	const secrets = PROVIDERS.flatMap((provider) => providerCredentialFields(provider).filter((field) => field.secret));
	return [...new Set(secrets.map((field) => field.key))];
}

/** Provider choices from the catalog, alphabetical by name as n8n's UI guidelines ask. */
export function providerOptions(): INodePropertyOptions[] {
	return [...PROVIDERS].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ name: p.name, value: p.id }));
}
