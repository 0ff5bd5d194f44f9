import type { IDataObject } from 'n8n-workflow';

import { shownNumber } from '../../shared/params';
import { parameterError, simplifiedIntegration } from '../../transport';
import { defineOperation } from '../router';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many integrations',
	description: 'List integrations and whether each is connected',
	sideBySide: true,
	async run(itemIndex, api) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex) === true;
		// Read before the request, so a bad limit fails without one.
		const rawLimit = returnAll ? undefined : this.getNodeParameter('limit', itemIndex);
		const limit = rawLimit === undefined ? undefined : Number(rawLimit);
		if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
			throw parameterError(
				this.getNode(),
				`Parameter "Limit" is ${shownNumber(rawLimit)}, but it must be a whole number of at least 1: set it to 1 or more, or turn on Return All.`,
				`It is ${shownNumber(rawLimit)}.`,
				itemIndex,
			);
		}
		const simplify = this.getNodeParameter('simplify', itemIndex) === true;
		// Outlit returns the whole list in one answer (no pages); the limit is applied here.
		const items = (await api.listIntegrations(filters.connectedOnly === true, itemIndex)).slice(0, limit);
		return simplify ? items.map(simplifiedIntegration) : items;
	},
	fields: [
		// As n8n's Get Many operations do (Entra, Airtable v2): Return All, Limit, Filters, Simplify.
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Connected Only',
					name: 'connectedOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to return only the integrations that are currently connected',
				},
			],
		},
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				"Whether to return a simplified version of the response instead of the raw data. Simplified items have provider, name, category, status and connected, the same fields on both of Outlit's APIs; each model's sync is in Get Sync Status.",
		},
	],
});
