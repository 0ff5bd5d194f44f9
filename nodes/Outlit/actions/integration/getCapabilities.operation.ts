import { readProvider } from '../../shared/params';
import { defineOperation } from '../router';
import { providerField } from './common';

export const getCapabilities = defineOperation({
	value: 'getCapabilities',
	name: 'Get Capabilities',
	action: 'Get setup capabilities',
	description:
		'Get how an integration connects, with keys or in a browser, and where Outlit gives them its fields and setup steps',
	sideBySide: true,
	async run(itemIndex, api) {
		return await api.getCapabilities(readProvider(this, itemIndex, true)?.id, itemIndex);
	},
	fields: [providerField(true)],
});
