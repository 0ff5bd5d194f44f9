import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { integrationCustomOperations, integrationProperties } from './actions/integration';
import { BASE_URL_EXPRESSION } from './transport';

export class Outlit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outlit',
		name: 'outlit',
		icon: { light: 'file:outlit.svg', dark: 'file:outlit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ($parameter["provider"] ? ": " + $parameter["provider"] : "") }}',
		description:
			'Manage Outlit integrations: list, connect (credentials or browser session), wait, disconnect, sync status and setup steps',
		defaults: { name: 'Outlit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outlitApi', required: true }],
		// Status errors reach the operations' postReceive, which turns them into readable errors.
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
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

	// Connect and Wait for Connection may wait on a browser session; see CustomSpec for why.
	customOperations = { integration: integrationCustomOperations };
}
