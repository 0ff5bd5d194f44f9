import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { integrationOperations, integrationProperties } from './actions/integration';
import { credentialTest } from './methods/credentialTest';
import { loadOptions } from './methods/loadOptions';
import { BASE_URL_EXPRESSION } from './transport';

export class Outlit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outlit',
		name: 'outlit',
		icon: { light: 'file:outlit.svg', dark: 'file:outlit.dark.svg' },
		group: ['transform'],
		version: 1,
		// Labels ("Connect: HubSpot"); a literal for the lint, kept equal to the operations and catalog by the tests.
		subtitle:
			'={{ ({"connect":"Connect","disconnect":"Disconnect","getCapabilities":"Get Capabilities","getConnectionStatus":"Get Connection Status","getAll":"Get Many","getSyncStatus":"Get Sync Status","runSetupStep":"Run Setup Step","waitForConnection":"Wait for Connection"}[$parameter["operation"]] || $parameter["operation"]) + ($parameter["provider"] ? ": " + ({"all":"All Providers","salesforce":"Salesforce","hubspot":"HubSpot","attio":"Attio","slack":"Slack","google-calendar":"Google Calendar","google-mail":"Gmail","granola":"Granola","gong":"Gong","fireflies":"Fireflies.ai","pylon":"Pylon","stripe":"Stripe","mixpanel":"Mixpanel","posthog":"PostHog","supabase":"Supabase Auth","clerk":"Clerk"}[$parameter["provider"]] || $parameter["provider"]) : "") }}',
		description:
			'Manage Outlit integrations: list, connect (credentials or browser session), wait, disconnect, sync status and setup steps',
		defaults: { name: 'Outlit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'outlitApi', required: true },
			{
				// Provider keys as data (never auth), where "Provider Secrets" is Credential.
				name: 'outlitProviderApi',
				required: true,
				testedBy: 'outlitProviderFields',
				displayOptions: { show: { secretSource: ['credential'] } },
			},
		],
		// Declarative, so n8n offers its Request Options; every operation is a customOperation (README, Layout).
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Integration', value: 'integration' }],
				default: 'integration',
			},
			...integrationProperties,
		],
	};

	methods = { loadOptions, credentialTest };

	customOperations = { integration: integrationOperations };
}
