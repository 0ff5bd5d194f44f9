'use strict';
/**
 * The wait at two edges the main wait suite does not reach, through n8n's real engine against the
 * sandbox (REST routes): the first pause after a transient answer is one poll interval (the backoff
 * starts there and doubles), a poll answered 500 is polled again (a poll is a read), and a session
 * of a provider the node's catalog does not know yet is named by the ID Outlit gives.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'rest' });
const STATUS = '/api/integrations/connect/status';
const UUID = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';

test('after one 503, the next poll comes one poll interval later, not more', async () => {
	env.sandbox.reset({ autoCompleteAfterPolls: 0 });
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	env.sandbox.clearRequests();
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 503 });
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.4, timeout: 10 });
	expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
	const [first, second] = env.sandbox.requests.filter((q) => q.path === STATUS).map((q) => Date.parse(q.at));
	expect(second - first).toBeGreaterThanOrEqual(380);
	expect(second - first).toBeLessThan(780);
});

test('a poll answered 500 is a read worth another try: the wait polls again and returns connected', async () => {
	env.sandbox.reset({ autoCompleteAfterPolls: 0 });
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 500, body: { error: 'Internal error' } });
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 5 });
	expect(r.error).toBeUndefined();
	expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
});

test.each([
	['failed', 'The acme-crm connection failed (Outlit said: Consent denied): start a new session with Connect (Browser Session) and send the person its connect URL, or turn on "Continue on Unsuccessful" to handle this in the workflow.'],
	['expired', 'The acme-crm connection expired: start a new session with Connect (Browser Session) and send the person its connect URL, or turn on "Continue on Unsuccessful" to handle this in the workflow.'],
])('a %s session of a provider the catalog does not know is named by its ID', async (status, message) => {
	env.sandbox.injectFault({ method: 'GET', path: STATUS, status: 200, body: { sessionId: UUID, provider: 'acme-crm', status, ...(status === 'failed' ? { error: 'Consent denied' } : {}) } });
	const r = await env.run({ operation: 'waitForConnection', sessionId: UUID, pollInterval: 0.05, timeout: 5 });
	expect(r.error.message).toBe(message);
});

test('a session still pending at the Timeout, every poll answered: it says so, not that no poll got an answer', async () => {
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 0.3 });
	expect(r.error.message).toBe('Timed out after 0.3 s waiting for the Slack connection, still pending: raise "Timeout", or send the connect URL to the person again and wait once more.');
});

test('a poll that hangs after one answered: the wait ends about at its Timeout, still pending', async () => {
	const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' })).items[0].json;
	env.sandbox.clearRequests();
	// The first poll answers at once, the second only after 6 s.
	env.sandbox.injectFault({ method: 'GET', path: STATUS, delayMs: 0 });
	env.sandbox.injectFault({ method: 'GET', path: STATUS, delayMs: 6000 });
	const started = Date.now();
	const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 1, options: { continueOnUnsuccessful: true } });
	// Timeout 1 s, and at most a second for the poll at the deadline (a loaded machine adds to it).
	expect(Date.now() - started).toBeLessThan(3500);
	expect(r.items[0].json).toMatchObject({ sessionId, provider: 'slack', status: 'pending', timedOut: true, polls: 2 });
});
