import { readProvider } from '../../shared/params';
import { providerField } from './common';
import { defineOperation } from './operation';

export const getSyncStatus = defineOperation({
	value: 'getSyncStatus',
	name: 'Get Sync Status',
	action: 'Get the sync status of an integration',
	description: 'Connection state and per-model sync status of one provider (readiness only on the gateway)',
	sideBySide: true,
	async run(itemIndex, api) {
		return [await api.syncStatus(readProvider(this, itemIndex), itemIndex)];
	},
	fields: [providerField()],
});
