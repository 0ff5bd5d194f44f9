import type { IDataObject } from 'n8n-workflow';

import { fieldProperties, providersWithout } from '../../catalog/fieldProperties';
import { MIXPANEL_MAPPING_STEP, stepFields, type Provider } from '../../catalog/providers';
import { readJsonObject, readOption, readProvider, readRequiredString, requiredString } from '../../shared/params';
import { parameterError } from '../../transport';
import { defineOperation } from '../router';
import { providerField } from './common';
import { readSecrets, secretSourceFields } from './secretSource';

const CUSTOM = 'custom';
/** The step whose config takes a secret (a webhook signing secret). */
const WEBHOOKS = 'webhooks';
/** Step's values, in the order of its options, for the message when an expression leaves it empty. */
const STEPS = ['mappings', MIXPANEL_MAPPING_STEP, WEBHOOKS, CUSTOM];
const webhookFields = (provider: Provider) => stepFields(provider, WEBHOOKS);
/** No source switch where the catalog's webhook step takes no secret (Pylon; providers without one). */
const NO_SECRET = { provider: providersWithout(webhookFields) };

export const runSetupStep = defineOperation({
	value: 'runSetupStep',
	name: 'Run Setup Step',
	action: 'Run a post-connect setup step',
	description: 'Run a follow-up step such as CRM mappings or webhooks on a connected integration',
	async run(itemIndex, api, execution) {
		const provider = readProvider(this, itemIndex);
		const raw = this.getNodeParameter('step', itemIndex) as unknown;
		// Trimmed as the step is sent: an expression's " webhooks" is the webhooks step, its secret included.
		const choice = typeof raw === 'string' ? raw.trim() : raw;
		const step =
			choice === CUSTOM
				? readRequiredString(this, itemIndex, 'customStep', 'Custom Step', 'a step Get Capabilities lists for the provider')
				: requiredString(this, itemIndex, choice, 'Step', `one of ${STEPS.join(', ')}`);
		// Only the Webhooks choice shows and sends the step's secrets.
		if (choice === CUSTOM && step === WEBHOOKS) {
			throw parameterError(
				this.getNode(),
				'Custom Step "webhooks" is the Webhooks step: set "Step" to Webhooks, so that the node sends its Webhook Secret.',
				'Step → Webhooks has the Webhook Secret fields (or Outlit Provider Credentials) that this step needs.',
				itemIndex,
			);
		}
		// Custom tokens pass through untouched: Outlit may add steps before the catalog knows them.
		const entry = provider.entry;
		if (choice !== CUSTOM && entry) {
			// A CRM has mappings on both contracts: listed once.
			const steps = new Set([
				...(entry.rest?.steps.map((s) => s.step) ?? []),
				...(entry.tools.configuration === 'crm_mapping' ? ['mappings'] : []),
				...(entry.tools.configuration === 'mixpanel_mapping' ? [MIXPANEL_MAPPING_STEP] : []),
			]);
			if (!steps.has(step)) {
				const known = [...steps].join(', ');
				const [action, description] = known
					? [`set "Step" to one of its steps (${known})`, `Its post-connect steps: ${known}.`]
					: ['it has no post-connect steps, so it needs no Run Setup Step', `${provider.name} has no post-connect steps.`];
				throw parameterError(this.getNode(), `${provider.name} has no "${step}" setup step: ${action}.`, description, itemIndex);
			}
		}
		// Setup Config (JSON) plus, for webhooks, the step's secrets: a credential's go on top (the chosen
		// source); typed-in ones yield to Setup Config, as fields do to Additional Config on Connect.
		let config = readJsonObject(this, itemIndex, 'setupConfig', 'Setup Config (JSON)');
		// Not on Tools Gateway, which has no webhook step: the step's own error (the web app) comes first.
		if (choice === WEBHOOKS && (await api.apiSetting()) !== 'tools') {
			const { source, values } = await readSecrets(this, execution, itemIndex, provider, webhookFields, 'Setup Config (JSON)');
			const merged: IDataObject = source === 'credential' ? { ...config, ...values } : { ...values, ...config };
			config = Object.keys(merged).length ? merged : undefined;
		}
		const acceptRecommendation = readOption<boolean>(this, itemIndex, 'acceptRecommendation', false) === true;
		return [await api.setupStep({ provider, step, config, acceptRecommendation }, itemIndex)];
	},
	fields: [
		providerField(),
		{
			displayName: 'Step',
			name: 'step',
			type: 'options',
			options: [
				{
					name: 'Custom',
					value: CUSTOM,
					description: 'Another step Outlit lists for the provider, where Outlit still runs it outside its web app',
				},
				{ name: 'Mappings', value: 'mappings', description: 'CRM pipeline mappings (Salesforce, HubSpot, Attio)' },
				{ name: 'Mixpanel Mapping', value: MIXPANEL_MAPPING_STEP, description: 'How Mixpanel events map to accounts' },
				{
					name: 'Webhooks',
					value: WEBHOOKS,
					description: 'Webhook setup for Stripe, Fireflies.ai and Pylon, where Outlit still runs it outside its web app',
				},
			],
			default: 'mappings',
			description: 'The follow-up step; Get Capabilities lists what each provider supports',
		},
		{
			displayName: 'Custom Step',
			name: 'customStep',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. backfill',
			description: 'The step as Get Capabilities lists it for the provider',
			displayOptions: { show: { step: [CUSTOM] } },
		},
		...secretSourceFields({ step: [WEBHOOKS] }, NO_SECRET),
		...fieldProperties(
			webhookFields,
			{ step: [WEBHOOKS], secretSource: ['fields'] },
			(field) => `Kept by Outlit, never in this node's output. Setup Config (JSON) can set it as ${field.key}.`,
		),
		{
			displayName: 'Setup Config (JSON)',
			name: 'setupConfig',
			type: 'json',
			default: '',
			description:
				'Optional settings for the step, e.g. {"mappings": [...]} or {"mapping": {"mode": "email_domain"}}. Leave empty to get what the step needs (for webhooks: the URL and events to set up).',
		},
	],
	options: [
		{
			displayName: 'Accept Recommendation',
			name: 'acceptRecommendation',
			type: 'boolean',
			default: false,
			description:
				"Whether to apply the CRM mappings Outlit recommends in the same run, when Setup Config (JSON) gives none and Outlit recommends some",
			displayOptions: { show: { '/step': ['mappings'] } },
		},
	],
});
