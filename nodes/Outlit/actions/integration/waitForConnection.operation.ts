import { readRequiredString } from '../../shared/params';
import { waitForSession } from '../../shared/wait';
import { sessionIdField, waitFields } from './common';
import { defineCustomOperation } from './operation';
import { readWaitOptions } from './waitSettings';

export const waitForConnection = defineCustomOperation({
	value: 'waitForConnection',
	name: 'Wait for Connection',
	action: 'Wait for a connection session to finish',
	description: 'Poll a browser-auth session until it is connected, failed or expired',
	async run(item) {
		const sessionId = readRequiredString.call(item, 'sessionId', 'Session ID');
		// Everything is validated before the first poll goes out.
		return [await waitForSession(this, item, { sessionId, ...readWaitOptions.call(item) })];
	},
	fields: [sessionIdField, ...waitFields()],
});
