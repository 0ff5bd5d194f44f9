import { defineOperation } from './operation';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many integrations',
	description: 'List integrations and whether each is connected',
	sideBySide: true,
	async run(itemIndex, api) {
		const connectedOnly = this.getNodeParameter('connectedOnly', itemIndex, false) === true;
		return await api.listIntegrations(connectedOnly, itemIndex);
	},
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
