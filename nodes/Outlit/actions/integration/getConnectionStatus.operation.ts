import { defineOperation } from '../router';
import { readSessionId, sessionIdField } from './common';

export const getConnectionStatus = defineOperation({
	value: 'getConnectionStatus',
	name: 'Get Connection Status',
	action: 'Get the status of a connection session',
	description: 'Check once how a browser session to connect an integration stands: pending, connected, failed or expired',
	sideBySide: true,
	async run(itemIndex, api) {
		const sessionId = readSessionId(this, itemIndex);
		return [{ sessionId, ...(await api.sessionStatus(sessionId, itemIndex)) }];
	},
	fields: [sessionIdField],
});
