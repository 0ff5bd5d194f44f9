import { MIXPANEL_MAPPING_STEP } from '../../catalog/providers';
import { parameterError, readJsonObject, readOption, readProvider, readRequiredString } from '../../shared/params';
import { providerField } from './common';
import { defineOperation } from './operation';

const CUSTOM = 'custom';

export const runSetupStep = defineOperation({
	value: 'runSetupStep',
	name: 'Run Setup Step',
	action: 'Run a post-connect setup step',
	description: 'Run a follow-up step such as CRM mappings or webhooks on a connected provider',
	async run(itemIndex, api) {
		const provider = readProvider(this, itemIndex);
		const choice = this.getNodeParameter('step', itemIndex, 'mappings');
		const step =
			choice === CUSTOM
				? readRequiredString(this, itemIndex, 'customStep', 'Custom Step')
				: readRequiredString(this, itemIndex, 'step', 'Step');
		// Custom tokens pass through untouched: Outlit may add steps before the catalog knows them.
		const entry = provider.entry;
		if (choice !== CUSTOM && entry) {
			const steps = [
				...(entry.rest?.steps.map((s) => s.step) ?? []),
				...(entry.tools.configuration === 'crm_mapping' ? ['mappings'] : []),
				...(entry.tools.configuration === 'mixpanel_mapping' ? [MIXPANEL_MAPPING_STEP] : []),
			];
			if (!steps.includes(step)) {
				throw parameterError(
					this,
					itemIndex,
					`${provider.name} has no "${step}" setup step`,
					steps.length ? `Its post-connect steps: ${[...new Set(steps)].join(', ')}.` : `${provider.name} has no post-connect steps.`,
				);
			}
		}
		const config = readJsonObject(this, itemIndex, 'setupConfig', 'Setup Config (JSON)');
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
				{ name: 'Custom', value: CUSTOM, description: 'A step token Outlit lists that is not above (REST routes)' },
				{ name: 'Mappings', value: 'mappings', description: 'CRM pipeline mappings (Salesforce, HubSpot, Attio)' },
				{ name: 'Mixpanel Mapping', value: MIXPANEL_MAPPING_STEP, description: 'How Mixpanel events map to accounts (tools gateway)' },
				{ name: 'Webhooks', value: 'webhooks', description: 'Webhook setup (Stripe, Fireflies, Pylon; REST routes)' },
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
			displayOptions: { show: { step: [CUSTOM] } },
		},
		{
			displayName: 'Setup Config (JSON)',
			name: 'setupConfig',
			type: 'json',
			default: '',
			description:
				'Optional step config, e.g. {"mappings": [...]}, {"mapping": {"mode": "email_domain"}} or {"webhookSecret": "whsec_..."}. Leave empty to get what the step needs.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { step: ['mappings'] } },
			options: [
				{
					displayName: 'Accept Recommendation',
					name: 'acceptRecommendation',
					type: 'boolean',
					default: false,
					description:
						"Whether to confirm Outlit's recommended CRM mappings in the same run when no mappings are given (tools gateway; two calls)",
				},
			],
		},
	],
});
