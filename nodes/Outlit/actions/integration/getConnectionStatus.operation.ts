import { SESSION_ID_WHAT, readRequiredString } from '../../shared/params';
import { sessionIdField } from './common';
import { defineOperation } from './operation';

export const getConnectionStatus = defineOperation({
	value: 'getConnectionStatus',
	name: 'Get Connection Status',
	action: 'Get the status of a connection session',
	description: 'Check once how a browser session to connect an integration stands: pending, connected, failed or expired',
	sideBySide: true,
	async run(itemIndex, api) {
		const sessionId = readRequiredString(this, itemIndex, 'sessionId', 'Session ID', SESSION_ID_WHAT);
		return [{ sessionId, ...(await api.sessionStatus(sessionId, itemIndex)) }];
	},
	fields: [sessionIdField],
});
