'use strict';
/**
 * Outlit's list of invalid fields (`details`) is read entry by entry: an entry that is not an object
 * (null, a string) still leaves Outlit's rejection readable, as "(request): invalid", instead of
 * breaking the error. Through n8n's engine against the sandbox, on the tools gateway.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({ connected: ['stripe'] });

test.each([
	['null', null],
	['a string', 'apiToken'],
])('an entry that is %s reads as "(request): invalid" beside the entries that name their field', async (_name, entry) => {
	env.sandbox.injectFault({
		path: '/api/tools/call',
		status: 400,
		body: { code: 'INVALID_TOOL_INPUT', message: 'Invalid tool input', retryable: false, requestId: 'req_fields_1', details: [entry, { path: ['credentials', 'apiKey'], message: 'Required' }] },
	});
	const r = await env.run({ operation: 'getAll' }, { credentials: { api: 'tools' } });
	expect(r.error).toMatchObject({
		name: 'NodeApiError',
		message:
			'Outlit rejected the request: Invalid tool input ((request): invalid; credentials.apiKey: Required). Correct those values in the node or in its Outlit Provider Credentials, then run it again. Outlit request ID: req_fields_1.',
		httpCode: '400',
	});
});
