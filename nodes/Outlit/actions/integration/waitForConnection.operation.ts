import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { readRequiredString } from '../../shared/params';
import { asOutlitResponse } from '../../shared/respond';
import { toItems } from '../../shared/items';
import { waitForSession } from '../../shared/wait';
import { sessionIdField, waitFields } from './common';
import { defineOperation } from './operation';
import { readWaitSettings } from './waitSettings';

function settings(this: IExecuteSingleFunctions) {
	return readWaitSettings.call(this, readRequiredString.call(this, 'sessionId', 'Session ID'));
}

export const waitForConnection = defineOperation({
	value: 'waitForConnection',
	name: 'Wait for Connection',
	action: 'Wait for a connection session to finish',
	description: 'Poll a browser-auth session until it is connected, failed or expired',
	route: 'getConnectionStatus',
	build(request) {
		// Validate everything the wait needs before the first poll goes out.
		const { sessionId } = settings.call(this);
		request.qs!.sessionId = sessionId;
	},
	// The declarative request is the first poll; the wait takes it from there.
	async output(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const result = await waitForSession.call(this, settings.call(this), asOutlitResponse(response));
		return toItems.call(this, [result]);
	},
	fields: [sessionIdField, ...waitFields()],
});
