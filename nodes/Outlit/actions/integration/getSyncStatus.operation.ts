import { readProvider } from '../../shared/params';
import { defineOperation } from '../router';
import { providerField } from './common';

export const getSyncStatus = defineOperation({
	value: 'getSyncStatus',
	name: 'Get Sync Status',
	action: 'Get the sync status of an integration',
	description: "Get an integration's connection state and, where Outlit reports it, each synced model's last sync and error",
	sideBySide: true,
	async run(itemIndex, api) {
		return [await api.syncStatus(readProvider(this, itemIndex), itemIndex)];
	},
	fields: [providerField()],
});
