import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldProperties, providersWithout } from '../../catalog/fieldProperties';
import { MIXPANEL_MAPPING_STEP, stepFields, type Provider } from '../../catalog/providers';
import { readJsonObject, readOption, readProvider, readRequiredString } from '../../shared/params';
import { parameterError, type ProviderChoice } from '../../transport';
import type { Execution } from '../router';
import { providerField } from './common';
import { defineOperation } from './operation';
import { readFieldValues, readProviderCredential, readSecretSource, secretSourceFields } from './secretSource';

const CUSTOM = 'custom';
/** The step whose config takes a secret (a webhook signing secret). */
const WEBHOOKS = 'webhooks';
/** Step's values, in the order of its options, for the message when an expression leaves it empty. */
const STEPS = ['mappings', MIXPANEL_MAPPING_STEP, WEBHOOKS, CUSTOM];
const webhookFields = (provider: Provider) => stepFields(provider, WEBHOOKS);
const SECRET_STEP = { step: [WEBHOOKS] };
/** No source switch where the catalog's webhook step takes no secret (Pylon; providers without one). */
const NO_SECRET = { provider: providersWithout(webhookFields) };

/**
 * Setup Config (JSON) plus the step's secrets. From Outlit Provider Credentials, their fields go on
 * top (the credential is the chosen source); typed in, Setup Config overrides a field of the same
 * name, as Additional Config does on Connect. Nothing given: no config, as before.
 */
async function readStepConfig(
	ctx: IExecuteFunctions,
	execution: Execution,
	itemIndex: number,
	provider: ProviderChoice,
	choice: unknown,
): Promise<IDataObject | undefined> {
	const config = readJsonObject(ctx, itemIndex, 'setupConfig', 'Setup Config (JSON)');
	if (choice !== WEBHOOKS) return config;
	let merged: IDataObject;
	if (readSecretSource(ctx, itemIndex) === 'credential') {
		const { values } = await readProviderCredential(ctx, execution, itemIndex, provider, webhookFields, 'Setup Config (JSON)');
		merged = { ...config, ...values };
	} else {
		merged = { ...(provider.entry ? readFieldValues(ctx, itemIndex, webhookFields(provider.entry)) : {}), ...config };
	}
	return Object.keys(merged).length ? merged : undefined;
}

/** A provider's post-connect steps, for the error on a step it lacks: what to set instead, and the list. */
function stepsAdvice(name: string, steps: readonly string[]): { action: string; description: string } {
	// A CRM lists mappings once although both contracts have it.
	const known = Array.from(new Set(steps)).join(', ');
	return known
		? { action: `set "Step" to one of its steps (${known})`, description: `Its post-connect steps: ${known}.` }
		: { action: 'it has no post-connect steps, so it needs no Run Setup Step', description: `${name} has no post-connect steps.` };
}

export const runSetupStep = defineOperation({
	value: 'runSetupStep',
	name: 'Run Setup Step',
	action: 'Run a post-connect setup step',
	description: 'Run a follow-up step such as CRM mappings or webhooks on a connected integration',
	async run(itemIndex, api, execution) {
		const provider = readProvider(this, itemIndex);
		const choice = this.getNodeParameter('step', itemIndex);
		const step =
			choice === CUSTOM
				? readRequiredString(this, itemIndex, 'customStep', 'Custom Step', 'a step Get Capabilities lists for the provider')
				: readRequiredString(this, itemIndex, 'step', 'Step', `one of ${STEPS.join(', ')}`);
		// Custom tokens pass through untouched: Outlit may add steps before the catalog knows them.
		const entry = provider.entry;
		if (choice !== CUSTOM && entry) {
			const steps = [
				...(entry.rest?.steps.map((s) => s.step) ?? []),
				...(entry.tools.configuration === 'crm_mapping' ? ['mappings'] : []),
				...(entry.tools.configuration === 'mixpanel_mapping' ? [MIXPANEL_MAPPING_STEP] : []),
			];
			if (!steps.includes(step)) {
				const { action, description } = stepsAdvice(provider.name, steps);
				throw parameterError(this.getNode(), `${provider.name} has no "${step}" setup step: ${action}.`, description, itemIndex);
			}
		}
		const config = await readStepConfig(this, execution, itemIndex, provider, choice);
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
		...secretSourceFields(SECRET_STEP, NO_SECRET),
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
