'use strict';
/**
 * How the provider catalog's fields reach the editor, seen where a person sees them: the Outlit
 * node's typed-in fields on Connect (Direct, Provider Secrets: Fields / Expression) and on Run Setup
 * Step (Webhooks), and the Outlit Provider Credentials' fields. One property per key and variant,
 * shown for the providers that take it; secrets masked; options named for a person; placeholders as
 * examples; the Provider Secrets switch hidden for providers with none of the fields. Pinned as
 * literals through the node and the credential, built inside each test for Stryker's per-test coverage.
 */
const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { OutlitProviderApi } = require('../../credentials/OutlitProviderApi.credentials');

/** The node's fields of one operation that are shown per provider: the catalog's fields there. */
const nodeFields = (operation) =>
	new Outlit().description.properties.filter(
		(p) => p.displayOptions?.show?.operation?.includes(operation) && p.displayOptions.show.provider !== undefined,
	);
const connectFields = () => nodeFields('connect');
const setupStepFields = () => nodeFields('runSetupStep');
/** The credential's fields after its Provider dropdown. */
const credentialFields = () => new OutlitProviderApi().properties.slice(1);

/** What a person sees of a field, besides its description: name, label, kind, default, masked, example, choices, providers. */
const shape = (p) => [
	p.name,
	p.displayName,
	p.type,
	p.default,
	p.typeOptions?.password === true ? 'masked' : 'plain',
	p.placeholder ?? null,
	p.options?.map((o) => `${o.name}=${o.value}`) ?? null,
	p.displayOptions.show.provider,
];

/** The node's description text of a secret, a described field, and any other field, on Connect. */
const KEPT = "Kept by Outlit, never in this node's output.";
const inConfig = (key) => `Its name in Additional Config (JSON) is ${key}`;
/** The credential's. */
const ENCRYPTED = 'Encrypted by n8n. The Outlit node sends it only to Outlit, to connect or set up the provider, and never outputs it.';
const SENT = 'Sent to Outlit when the Outlit node connects or sets up the provider';

describe('one property per key, shown for every provider that takes it', () => {
	test('Connect: each key once per variant, for its providers; a key several providers take alike (API Key, Project ID) is one field', () => {
		expect(connectFields().map(shape)).toEqual([
			['apiKey', 'API Key', 'string', '', 'masked', null, null, ['granola', 'fireflies']],
			['authScope', 'Auth Scope', 'options', 'personal', 'plain', null, ['Personal=personal', 'Enterprise=enterprise'], ['granola']],
			['enterpriseKeyAcknowledged', 'Enterprise Key Acknowledged', 'boolean', false, 'plain', null, null, ['granola']],
			['apiToken', 'API Token', 'string', '', 'masked', null, null, ['pylon']],
			['apiKey', 'API Key', 'string', '', 'masked', 'e.g. rk_live_...', null, ['stripe']],
			['username', 'Service Account Username', 'string', '', 'plain', null, null, ['mixpanel']],
			['secret', 'Service Account Secret', 'string', '', 'masked', null, null, ['mixpanel']],
			['projectId', 'Project ID', 'string', '', 'plain', 'e.g. 12345', null, ['mixpanel', 'posthog']],
			['region', 'Region', 'options', 'us', 'plain', null, ['US=us', 'EU=eu', 'India=in'], ['mixpanel']],
			['apiKey', 'API Key', 'string', '', 'masked', 'e.g. phx_...', null, ['posthog']],
			['region', 'Region', 'options', 'us', 'plain', null, ['US=us', 'EU=eu'], ['posthog']],
			['projectUrl', 'Project URL', 'string', '', 'plain', 'e.g. https://abc.supabase.co', null, ['supabase']],
			['serviceRoleKey', 'Service Role Key', 'string', '', 'masked', null, null, ['supabase']],
			['secretKey', 'Secret Key', 'string', '', 'masked', 'e.g. sk_live_...', null, ['clerk']],
		]);
	});

	test('Run Setup Step: one Webhook Secret, for Fireflies.ai and Stripe', () => {
		expect(setupStepFields().map(shape)).toEqual([
			['webhookSecret', 'Webhook Secret', 'string', '', 'masked', 'e.g. whsec_...', null, ['fireflies', 'stripe']],
		]);
	});

	test('Outlit Provider Credentials: the connect keys and the webhook secret, each once, for its providers', () => {
		expect(credentialFields().map(shape)).toEqual([
			['apiKey', 'API Key', 'string', '', 'masked', null, null, ['granola', 'fireflies']],
			['authScope', 'Auth Scope', 'options', 'personal', 'plain', null, ['Personal=personal', 'Enterprise=enterprise'], ['granola']],
			['enterpriseKeyAcknowledged', 'Enterprise Key Acknowledged', 'boolean', false, 'plain', null, null, ['granola']],
			['webhookSecret', 'Webhook Secret', 'string', '', 'masked', 'e.g. whsec_...', null, ['fireflies', 'stripe']],
			['apiToken', 'API Token', 'string', '', 'masked', null, null, ['pylon']],
			['apiKey', 'API Key', 'string', '', 'masked', 'e.g. rk_live_...', null, ['stripe']],
			['username', 'Service Account Username', 'string', '', 'plain', null, null, ['mixpanel']],
			['secret', 'Service Account Secret', 'string', '', 'masked', null, null, ['mixpanel']],
			['projectId', 'Project ID', 'string', '', 'plain', 'e.g. 12345', null, ['mixpanel', 'posthog']],
			['region', 'Region', 'options', 'us', 'plain', null, ['US=us', 'EU=eu', 'India=in'], ['mixpanel']],
			['apiKey', 'API Key', 'string', '', 'masked', 'e.g. phx_...', null, ['posthog']],
			['region', 'Region', 'options', 'us', 'plain', null, ['US=us', 'EU=eu'], ['posthog']],
			['projectUrl', 'Project URL', 'string', '', 'plain', 'e.g. https://abc.supabase.co', null, ['supabase']],
			['serviceRoleKey', 'Service Role Key', 'string', '', 'masked', null, null, ['supabase']],
			['secretKey', 'Secret Key', 'string', '', 'masked', 'e.g. sk_live_...', null, ['clerk']],
		]);
	});

	// One field per example: Stripe's and PostHog's keys show the catalog's example (rk_live_..., phx_...).
	test('API Key: one masked field per example, Granola and Fireflies.ai sharing the one without, nothing else set', () => {
		const apiKey = { displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' };
		const connectShow = { resource: ['integration'], operation: ['connect'], connectionMethod: ['direct'], secretSource: ['fields'] };
		const description = `${KEPT} ${inConfig('apiKey')}.`;
		expect(connectFields().filter((p) => p.name === 'apiKey')).toEqual([
			{ ...apiKey, description, displayOptions: { show: { ...connectShow, provider: ['granola', 'fireflies'] } } },
			{ ...apiKey, placeholder: 'e.g. rk_live_...', description, displayOptions: { show: { ...connectShow, provider: ['stripe'] } } },
			{ ...apiKey, placeholder: 'e.g. phx_...', description, displayOptions: { show: { ...connectShow, provider: ['posthog'] } } },
		]);
		expect(credentialFields().filter((p) => p.name === 'apiKey')).toEqual([
			{ ...apiKey, description: ENCRYPTED, displayOptions: { show: { provider: ['granola', 'fireflies'] } } },
			{ ...apiKey, placeholder: 'e.g. rk_live_...', description: ENCRYPTED, displayOptions: { show: { provider: ['stripe'] } } },
			{ ...apiKey, placeholder: 'e.g. phx_...', description: ENCRYPTED, displayOptions: { show: { provider: ['posthog'] } } },
		]);
	});

	test('no field is required: n8n would demand every one while Provider is an expression', () => {
		for (const p of [...connectFields(), ...setupStepFields(), ...credentialFields()]) expect([p.name, p.required]).toEqual([p.name, undefined]);
	});
});

describe('a key whose values differ by provider is one property per variant', () => {
	test('Region: a dropdown of region names defaulting to the first, Mixpanel\'s (with India) then PostHog\'s, in catalog order', () => {
		const regions = connectFields().filter((p) => p.name === 'region');
		const region = (options, provider) => ({
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options,
			default: 'us',
			description: inConfig('region'),
			displayOptions: {
				show: { resource: ['integration'], operation: ['connect'], connectionMethod: ['direct'], secretSource: ['fields'], provider: [provider] },
			},
		});
		expect(regions).toEqual([
			region(
				[
					{ name: 'US', value: 'us' },
					{ name: 'EU', value: 'eu' },
					{ name: 'India', value: 'in' },
				],
				'mixpanel',
			),
			region(
				[
					{ name: 'US', value: 'us' },
					{ name: 'EU', value: 'eu' },
				],
				'posthog',
			),
		]);
		expect(credentialFields().filter((p) => p.name === 'region').map((p) => [p.options.length, p.displayOptions])).toEqual([
			[3, { show: { provider: ['mixpanel'] } }],
			[2, { show: { provider: ['posthog'] } }],
		]);
	});
});

describe('what each field reads like', () => {
	test('option values that are words read in Title Case; region codes as the providers show them', () => {
		const options = (name) => connectFields().filter((p) => p.name === name).map((p) => p.options);
		expect(options('authScope')).toEqual([
			[
				{ name: 'Personal', value: 'personal' },
				{ name: 'Enterprise', value: 'enterprise' },
			],
		]);
		expect(options('region')[0]).toEqual([
			{ name: 'US', value: 'us' },
			{ name: 'EU', value: 'eu' },
			{ name: 'India', value: 'in' },
		]);
	});

	test('a boolean is a switch, off by default, never masked, described with "Whether"', () => {
		const show = { resource: ['integration'], operation: ['connect'], connectionMethod: ['direct'], secretSource: ['fields'], provider: ['granola'] };
		expect(connectFields().find((p) => p.name === 'enterpriseKeyAcknowledged')).toEqual({
			displayName: 'Enterprise Key Acknowledged',
			name: 'enterpriseKeyAcknowledged',
			type: 'boolean',
			default: false,
			description: `Whether to confirm to Outlit that you mean to connect an enterprise key. ${inConfig('enterpriseKeyAcknowledged')}.`,
			displayOptions: { show },
		});
	});

	test('a placeholder reads as an example ("e.g."), on a masked field too', () => {
		expect(setupStepFields()).toEqual([
			{
				displayName: 'Webhook Secret',
				name: 'webhookSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'e.g. whsec_...',
				description: "Kept by Outlit, never in this node's output. Setup Config (JSON) can set it as webhookSecret.",
				displayOptions: {
					show: { resource: ['integration'], operation: ['runSetupStep'], step: ['webhooks'], secretSource: ['fields'], provider: ['fireflies', 'stripe'] },
				},
			},
		]);
		const placeholders = connectFields().filter((p) => p.placeholder !== undefined).map((p) => [p.name, p.placeholder]);
		expect(placeholders).toEqual([
			['apiKey', 'e.g. rk_live_...'],
			['projectId', 'e.g. 12345'],
			['apiKey', 'e.g. phx_...'],
			['projectUrl', 'e.g. https://abc.supabase.co'],
			['secretKey', 'e.g. sk_live_...'],
		]);
	});

	test('descriptions: Connect says whether Outlit keeps it and its name in Additional Config; the credential, what n8n does with it', () => {
		expect(Object.fromEntries(connectFields().map((p) => [p.name, p.description]))).toEqual({
			apiKey: `${KEPT} ${inConfig('apiKey')}.`,
			authScope: inConfig('authScope'),
			enterpriseKeyAcknowledged: `Whether to confirm to Outlit that you mean to connect an enterprise key. ${inConfig('enterpriseKeyAcknowledged')}.`,
			apiToken: `${KEPT} ${inConfig('apiToken')}.`,
			username: inConfig('username'),
			secret: `${KEPT} ${inConfig('secret')}.`,
			projectId: inConfig('projectId'),
			region: inConfig('region'),
			projectUrl: inConfig('projectUrl'),
			serviceRoleKey: `${KEPT} ${inConfig('serviceRoleKey')}.`,
			secretKey: `${KEPT} ${inConfig('secretKey')}.`,
		});
		expect(credentialFields().map((p) => [p.name, p.description])).toEqual([
			['apiKey', ENCRYPTED],
			['authScope', SENT],
			['enterpriseKeyAcknowledged', 'Whether to confirm to Outlit that you mean to connect an enterprise key'],
			['webhookSecret', ENCRYPTED],
			['apiToken', ENCRYPTED],
			['apiKey', ENCRYPTED],
			['username', SENT],
			['secret', ENCRYPTED],
			['projectId', SENT],
			['region', SENT],
			['apiKey', ENCRYPTED],
			['region', SENT],
			['projectUrl', SENT],
			['serviceRoleKey', ENCRYPTED],
			['secretKey', ENCRYPTED],
		]);
	});
});

describe('the Provider Secrets switch is hidden for the providers with none of the fields', () => {
	const hidden = (operation) =>
		new Outlit().description.properties
			.filter((p) => ['secretSource', 'secretFieldsNotice'].includes(p.name) && p.displayOptions.show.operation.includes(operation))
			.map((p) => p.displayOptions.hide);

	test('Connect: hidden for the browser-only providers (listed, so a provider Outlit adds later still gets the switch)', () => {
		const browserOnly = { provider: ['salesforce', 'hubspot', 'attio', 'slack', 'google-calendar', 'google-mail', 'gong'] };
		expect(hidden('connect')).toEqual([browserOnly, browserOnly]);
	});

	test('Run Setup Step: hidden for every provider whose webhook step takes no secret (all but Fireflies.ai and Stripe)', () => {
		const noSecret = {
			provider: ['salesforce', 'hubspot', 'attio', 'slack', 'google-calendar', 'google-mail', 'granola', 'gong', 'pylon', 'mixpanel', 'posthog', 'supabase', 'clerk'],
		};
		expect(hidden('runSetupStep')).toEqual([noSecret, noSecret]);
	});
});
