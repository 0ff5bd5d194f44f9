import { waitForSession } from '../../shared/wait';
import { defineOperation } from '../router';
import { continueOnUnsuccessful, readSessionId, readWaitSettings, sessionIdField, waitFields } from './common';

export const waitForConnection = defineOperation({
	value: 'waitForConnection',
	name: 'Wait for Connection',
	action: 'Wait for a connection session to finish',
	description: 'Wait until a browser session has connected the integration, failed or expired',
	async run(itemIndex, api) {
		// Everything is validated before the first poll goes out.
		const settings = { sessionId: readSessionId(this, itemIndex), ...readWaitSettings(this, itemIndex) };
		return [await waitForSession(this, api, itemIndex, settings)];
	},
	fields: [sessionIdField, ...waitFields()],
	options: [continueOnUnsuccessful()],
	// Its polls retry by their own rule, within Timeout.
	retries: false,
});
