import { SESSION_ID_WHAT, readRequiredString } from '../../shared/params';
import { waitForSession } from '../../shared/wait';
import { continueOnUnsuccessful, sessionIdField, waitFields } from './common';
import { defineOperation } from './operation';
import { readWaitSettings } from './waitSettings';

export const waitForConnection = defineOperation({
	value: 'waitForConnection',
	name: 'Wait for Connection',
	action: 'Wait for a connection session to finish',
	description: 'Wait until a browser session has connected the integration, failed or expired',
	async run(itemIndex, api) {
		const sessionId = readRequiredString(this, itemIndex, 'sessionId', 'Session ID', SESSION_ID_WHAT);
		// Everything is validated before the first poll goes out.
		const settings = { sessionId, ...readWaitSettings(this, itemIndex) };
		return [await waitForSession(this, api, itemIndex, settings)];
	},
	fields: [sessionIdField, ...waitFields()],
	options: [continueOnUnsuccessful()],
	// Its polls retry by their own rule, within Timeout: the retry settings would change nothing.
	retries: false,
});
