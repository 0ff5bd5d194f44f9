import { readProvider } from '../../shared/params';
import { respond } from '../../shared/respond';
import { providerField } from './common';
import { defineOperation } from './operation';

export const getSyncStatus = defineOperation({
	value: 'getSyncStatus',
	name: 'Get Sync Status',
	action: 'Get the sync status of an integration',
	description: 'Connection state and per-model sync status of one provider',
	route: 'getSyncStatus',
	build(request) {
		request.qs!.provider = readProvider.call(this).id;
	},
	output: respond('getSyncStatus', (body) => [body]),
	fields: [providerField('The provider whose syncs to inspect.')],
});
