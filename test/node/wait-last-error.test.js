'use strict';
/**
 * The wait's Timeout after its polls stopped getting answers, through n8n's real engine against the
 * sandbox (REST routes): what the node last knew of the session decides the message, and the last
 * error is in the description. Only a wait that never got an answer says the state is unknown.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'rest' });
const STATUS = '/api/integrations/connect/status';

test('a session seen pending, then polls answered 500 until the Timeout: still pending, with the last error', async () => {
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 200, body: { sessionId, provider: 'slack', status: 'pending' } });
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 500, body: { error: 'Session store down' }, times: 1000 });
	// Two seconds: room for the first poll's answer on a loaded machine; the backoff keeps the polls few.
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 2 });
	expect(r.error.message).toBe(
		'Timed out after 2 s waiting for the Slack connection, still pending: raise "Timeout", or send the connect URL to the person again and wait once more.',
	);
	expect(r.error.description).toMatch(
		/^The session was still pending after \d+ polls \(last error: Outlit had a server error \(500: Session store down\), which is usually temporary: try again in a moment\)\. Raise "Timeout", or send the connect URL to the user again\.$/,
	);
	// The first poll answered, at least one more got the 500.
	expect(env.sandbox.requests.filter((q) => q.path === STATUS).length).toBeGreaterThanOrEqual(2);
});

test('a wait whose every poll got no answer: the state is unknown, and the last error says why', async () => {
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 500, body: { error: 'Session store down' }, times: 1000 });
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 0.5 });
	expect(r.error.message).toBe(
		`Timed out after 0.5 s waiting for the integration connection: no poll got an answer, so the session's state is unknown. Last error: Outlit had a server error (500: Session store down), which is usually temporary: try again in a moment. Fix that, then run Get Connection Status with Session ID ${sessionId} to see where the connection stands.`,
	);
});
