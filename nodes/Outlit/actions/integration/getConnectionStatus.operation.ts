import { readRequiredString } from '../../shared/params';
import { respond } from '../../shared/respond';
import { sessionIdField } from './common';
import { defineOperation } from './operation';

export const getConnectionStatus = defineOperation({
	value: 'getConnectionStatus',
	name: 'Get Connection Status',
	action: 'Get the status of a connection session',
	description: 'Check a browser-auth session once: pending, connected, failed or expired',
	route: 'getConnectionStatus',
	build(request) {
		request.qs!.sessionId = readRequiredString.call(this, 'sessionId', 'Session ID');
	},
	output: respond('getConnectionStatus', function (body) {
		return [{ sessionId: readRequiredString.call(this, 'sessionId', 'Session ID'), ...body }];
	}),
	fields: [sessionIdField],
});
