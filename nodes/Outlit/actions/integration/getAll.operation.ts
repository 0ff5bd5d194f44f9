import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { respond } from '../../shared/respond';
import { defineOperation } from './operation';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many integrations',
	description: 'List integrations and their connection and sync state',
	route: 'listIntegrations',
	build(request) {
		request.qs!.connectedOnly = this.getNodeParameter('connectedOnly', false) === true;
	},
	output: respond('listIntegrations', function (body) {
		if (!Array.isArray(body.items)) {
			throw new NodeApiError(this.getNode(), { statusCode: 200 }, {
				message: 'Outlit returned an integration list without "items"',
				description: 'The response did not match the documented shape; check the Base URL.',
				itemIndex: this.getItemIndex(),
			});
		}
		return body.items as IDataObject[];
	}),
	fields: [
		{
			displayName: 'Connected Only',
			name: 'connectedOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only the integrations that are currently connected',
		},
	],
});
