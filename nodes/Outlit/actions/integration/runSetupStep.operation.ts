import { NodeOperationError } from 'n8n-workflow';

import { readJsonObject, readProvider, readRequiredString } from '../../shared/params';
import { outlitApiRequest } from '../../transport';
import { providerField } from './common';
import { defineCustomOperation } from './operation';

const CUSTOM = 'custom';

/**
 * A custom operation although it never waits: its config may hold a webhook secret, and only here
 * does every error it can raise (network failures included) carry the masked node.
 */
export const runSetupStep = defineCustomOperation({
	value: 'runSetupStep',
	name: 'Run Setup Step',
	action: 'Run a post-connect setup step',
	description: 'Run a follow-up step such as CRM mappings or webhooks on a connected provider',
	async run(item) {
		const provider = readProvider.call(item);
		const choice = item.getNodeParameter('step', 'mappings');
		const step =
			choice === CUSTOM
				? readRequiredString.call(item, 'customStep', 'Custom Step')
				: readRequiredString.call(item, 'step', 'Step');
		const known = provider.postConnectSteps.map((s) => s.step);
		// Custom tokens pass through untouched: Outlit may add steps before the catalog knows them.
		if (choice !== CUSTOM && !known.includes(step)) {
			throw new NodeOperationError(item.getNode(), `${provider.name} has no "${step}" setup step`, {
				description: known.length
					? `Its post-connect steps: ${known.join(', ')}.`
					: `${provider.name} has no post-connect steps.`,
				itemIndex: item.getItemIndex(),
			});
		}
		const config = readJsonObject.call(item, 'setupConfig', 'Setup Config (JSON)');
		const body = { provider: provider.id, step, ...(config ? { config } : {}) };
		// A `config_required` answer (e.g. mappings without config) is a normal item listing what to send.
		const response = await outlitApiRequest.call(this, 'runSetupStep', { body }, item.getItemIndex());
		return [{ provider: provider.id, step, ...response }];
	},
	fields: [
		providerField('The connected provider to set up.'),
		{
			displayName: 'Step',
			name: 'step',
			type: 'options',
			options: [
				{ name: 'Custom', value: CUSTOM, description: 'A step token Outlit lists that is not above' },
				{ name: 'Mappings', value: 'mappings', description: 'CRM field and pipeline mappings (HubSpot, Attio)' },
				{ name: 'Webhooks', value: 'webhooks', description: 'Webhook setup (Stripe, Fireflies, Pylon)' },
			],
			default: 'mappings',
			description: 'The follow-up step; Get Capabilities lists the steps each provider supports',
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
				'Optional step config, e.g. {"mappings": [...]} or {"webhookSecret": "whsec_..."}. Leave empty to get what the step needs.',
		},
	],
});
