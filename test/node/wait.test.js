'use strict';
/**
 * Waiting on a browser-auth session (Wait for Connection, and Connect with Wait Until Connected),
 * through n8n's real engine against the sandbox: terminal states, timeout, cancel, transient errors
 * with backoff, and the rule that nothing is polled after a terminal state.
 */
const { outlitEnvironment } = require('../support/outlit');

const env = outlitEnvironment({}, { api: 'rest' });
const FAST = { pollInterval: 0.05, timeout: 10 };

const statusPolls = () => env.sandbox.requests.filter((r) => r.path === '/api/integrations/connect/status');

async function newSession(provider = 'slack') {
	const r = await env.run({ operation: 'connect', provider, connectionMethod: 'browser' });
	env.sandbox.clearRequests();
	return r.items[0].json.sessionId;
}

/** Runs fn after ms, from the test (the node itself never uses timers). */
const later = (ms, fn) => new Promise((resolve) => setTimeout(() => resolve(fn()), ms));

describe('Wait for Connection', () => {
	test('returns once the session connects, after exactly as many polls as it took', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 3 });
		const sessionId = await newSession('hubspot');
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({
			sessionId,
			provider: 'hubspot',
			status: 'connected',
			polls: 4,
			waitedMs: expect.any(Number),
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		// Three pauses of 50 ms: well under a second even on a loaded machine (a pause rounded up to
		// the 500 ms cancel-check slice would make it 1.5 s).
		expect(r.items[0].json.waitedMs).toBeLessThan(1200);
		expect(statusPolls()).toHaveLength(4);
		expect(statusPolls().every((p) => p.query.sessionId === sessionId)).toBe(true);
		// connected in Outlit too
		const list = await env.run({ operation: 'getAll', returnAll: true, simplify: false, filters: { connectedOnly: true } });
		expect(list.items.map((i) => i.json.id)).toEqual(['hubspot']);
	});

	test('a failed session raises a clear error carrying Outlit\'s reason, and polling stops', async () => {
		const sessionId = await newSession('slack');
		const [r] = await Promise.all([
			env.run({ operation: 'waitForConnection', sessionId, ...FAST }),
			later(200, () => env.sandbox.failSession(sessionId, 'User denied access')),
		]);
		expect(r.error.message).toBe(
			'The Slack connection failed (Outlit said: User denied access): start a new session with Connect (Browser Session) and send the person its connect URL, or turn on "Continue on Unsuccessful" to handle this in the workflow.',
		);
		expect(r.error.description).toBe(
			'Outlit said: User denied access. Start a new session with Connect (browser session), or turn on "Continue on Unsuccessful" to handle this in the workflow.',
		);
		const polls = statusPolls().length;
		await later(200, () => undefined);
		expect(statusPolls()).toHaveLength(polls);
	});

	test('an expired session raises an error; with Continue on Unsuccessful it is an item', async () => {
		const sessionId = await newSession('attio');
		env.sandbox.expireSession(sessionId);
		const strict = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(strict.error.message).toBe(
			'The Attio connection expired: start a new session with Connect (Browser Session) and send the person its connect URL, or turn on "Continue on Unsuccessful" to handle this in the workflow.',
		);
		const lenient = await env.run({ operation: 'waitForConnection', sessionId, ...FAST, options: { continueOnUnsuccessful: true } });
		expect(lenient.error).toBeUndefined();
		expect(lenient.items[0].json).toMatchObject({ sessionId, provider: 'attio', status: 'expired', polls: 1 });
	});

	test('times out at the deadline; with Continue on Unsuccessful the item says timedOut', async () => {
		const sessionId = await newSession('google-calendar');
		const strict = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 0.35 });
		expect(strict.error.message).toBe(
			'Timed out after 0.35 s waiting for the Google Calendar connection, still pending: raise "Timeout", or send the connect URL to the person again and wait once more.',
		);
		expect(strict.error.description).toContain('still pending');
		const lenient = await env.run({
			operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 0.35, options: { continueOnUnsuccessful: true },
		});
		expect(lenient.items[0].json).toMatchObject({ status: 'pending', timedOut: true, provider: 'google-calendar' });
		// Polls at 0, 100, 200, 300 ms and one last at the 350 ms deadline; fewer on a loaded machine.
		expect(lenient.items[0].json.polls).toBeGreaterThanOrEqual(2);
		expect(lenient.items[0].json.polls).toBeLessThanOrEqual(5);
		expect(lenient.items[0].json.waitedMs).toBeGreaterThanOrEqual(350);
	});

	test('a poll that gets no answer does not hold the wait past its Timeout', async () => {
		const sessionId = await newSession('google-calendar');
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', delayMs: 8000, times: 3 });
		const started = Date.now();
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 1.5 });
		// The Timeout of 1.5 s, plus at most the 1 s a last poll may take: far below the 8 s delay.
		expect(Date.now() - started).toBeLessThan(6000);
		expect(r.error.message).toBe(
			`Timed out after 1.5 s waiting for the integration connection: no poll got an answer, so the session's state is unknown. Last error: Could not reach Outlit at ${env.sandbox.url} (no answer in time): check the Base URL in the Outlit API credential, then try again. Fix that, then run Get Connection Status with Session ID ${sessionId} to see where the connection stands.`,
		);
		expect(statusPolls().length).toBeGreaterThanOrEqual(1);
		expect(statusPolls().length).toBeLessThanOrEqual(3);
	}, 20000);

	test('stops promptly when the execution is cancelled, and polls no more', async () => {
		const sessionId = await newSession('slack');
		const controller = new AbortController();
		const started = Date.now();
		const [r] = await Promise.all([
			env.run({ operation: 'waitForConnection', sessionId, pollInterval: 1, timeout: 60 }, { abortSignal: controller.signal }),
			later(300, () => controller.abort()),
		]);
		expect(r.status).toBe('canceled');
		expect(r.stillRunningAfterCancel).toBeFalsy();
		expect(Date.now() - started).toBeLessThan(5000);
		const polls = statusPolls().length;
		await later(1200, () => undefined);
		expect(statusPolls()).toHaveLength(polls);
	});

	test('retries 429 (honouring Retry-After) and 503, then succeeds', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 0 });
		const sessionId = await newSession('slack');
		const path = '/api/integrations/connect/status';
		env.sandbox.injectFault({ method: 'GET', path, status: 429, headers: { 'Retry-After': '0.4' }, body: { error: 'Too many requests' } });
		env.sandbox.injectFault({ method: 'GET', path, status: 503, times: 2 });
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 4 });
		expect(r.items[0].json.waitedMs).toBeGreaterThanOrEqual(400);
		expect(r.items[0].json.waitedMs).toBeLessThan(10_000);
	});

	test('repeated 503s without Retry-After back off: each pause twice the one before', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 0 });
		const sessionId = await newSession('slack');
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 503, times: 3 });
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.1, timeout: 10 });
		expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 4 });
		const at = statusPolls().map((q) => Date.parse(q.at));
		const gaps = at.slice(1).map((t, i) => t - at[i]);
		// 100, 200 and 400 ms (a loaded machine only adds to them).
		expect(gaps[0]).toBeGreaterThanOrEqual(90);
		expect(gaps[1]).toBeGreaterThanOrEqual(190);
		expect(gaps[2]).toBeGreaterThanOrEqual(390);
	});

	test('a poll that answers at the deadline is the last one', async () => {
		const sessionId = await newSession('slack');
		// The clock as the node reads it: the start, then the deadline once the first poll is in, then past it.
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => start + ([0, 1000][statusPolls().length] ?? 1001));
		try {
			const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 1, options: { continueOnUnsuccessful: true } });
			expect(r.items[0].json).toMatchObject({ status: 'pending', timedOut: true, polls: 1, waitedMs: 1000 });
		} finally {
			clock.mockRestore();
		}
		expect(statusPolls()).toHaveLength(1);
	});

	test('honours X-RateLimit-Reset when Retry-After is absent', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 0 });
		const sessionId = await newSession('slack');
		const reset = String(Math.ceil((Date.now() + 1500) / 1000));
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 429, headers: { 'X-RateLimit-Reset': reset } });
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
		expect(Date.now()).toBeGreaterThanOrEqual(Number(reset) * 1000 - 50);
	});

	test("the older gateway's plan limit (api_limit_exceeded, no retryable) ends the wait at once: it lasts until the billing cycle resets", async () => {
		const tools = { credentials: { api: 'tools' } };
		const { sessionId } = (await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser' }, tools)).items[0].json;
		env.sandbox.clearRequests();
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 429, body: { error: 'api_limit_exceeded', details: { plan: 'free' } } });
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST }, tools);
		expect(r.error.message).toBe("Your Outlit plan's API limit is reached: try again later, or upgrade the plan in the Outlit web app.");
		expect(env.sandbox.requests.filter((q) => q.body?.tool === 'outlit_get_integration_setup_status')).toHaveLength(1);
	});

	test("honours the answer's resetAt, as requests do, before polling again", async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 0 });
		const sessionId = await newSession('slack');
		const started = Date.now();
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 429, body: { error: 'Too many requests', resetAt: started + 800 } });
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.items[0].json).toMatchObject({ status: 'connected', polls: 2 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(750);
	});

	test('network failures are retried until the timeout, which then names the last error', async () => {
		const r = await env.run(
			{ operation: 'waitForConnection', sessionId: 'abc', pollInterval: 0.05, timeout: 0.5 },
			{ credentials: { baseUrl: 'http://127.0.0.1:9' } },
		);
		expect(r.error.message).toBe(
			"Timed out after 0.5 s waiting for the integration connection: no poll got an answer, so the session's state is unknown. Last error: Could not reach Outlit at http://127.0.0.1:9 (the connection was refused): check the Base URL in the Outlit API credential, then try again. Fix that, then run Get Connection Status with Session ID abc to see where the connection stands.",
		);
		expect(r.error.description).toContain('Could not reach Outlit');
	});

	test('any other 4xx ends the wait at once with its error', async () => {
		const r = await env.run({ operation: 'waitForConnection', sessionId: 'no-such-session', ...FAST });
		expect(r.error.message).toBe(
			'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.',
		);
		expect(statusPolls()).toHaveLength(1);
	});

	test('a malformed status body ends the wait with a readable error', async () => {
		const sessionId = await newSession('slack');
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 200, malformed: true });
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.error.message).toBe(
			"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
		);
	});

	test('with Continue on Unsuccessful a failed session is an item carrying Outlit\'s reason', async () => {
		const sessionId = await newSession('slack');
		env.sandbox.failSession(sessionId, 'User denied access');
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST, options: { continueOnUnsuccessful: true } });
		expect(r.items[0].json).toMatchObject({ sessionId, provider: 'slack', status: 'failed', error: 'User denied access', polls: 1 });
	});

	test('an expired session (no reason given) says only what to do next', async () => {
		const sessionId = await newSession('attio');
		env.sandbox.expireSession(sessionId);
		const r = await env.run({ operation: 'waitForConnection', sessionId, ...FAST });
		expect(r.error.description).toBe('Start a new session with Connect (browser session), or turn on "Continue on Unsuccessful" to handle this in the workflow.');
	});

	test('the timeout says how many polls found the session still pending, and what to do', async () => {
		const sessionId = await newSession('slack');
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 0.2 });
		expect(r.error.description).toMatch(/^The session was still pending after \d+ polls\. Raise "Timeout", or send the connect URL to the user again\.$/);
	});

	test('no answer at all until the timeout: the item\'s status is unknown and the description names the last error', async () => {
		const options = { credentials: { baseUrl: 'http://127.0.0.1:9' } };
		const lenient = await env.run({ operation: 'waitForConnection', sessionId: 'abc', pollInterval: 0.05, timeout: 0.3, options: { continueOnUnsuccessful: true } }, options);
		expect(lenient.items[0].json).toMatchObject({ status: 'unknown', provider: null, timedOut: true });
		const strict = await env.run({ operation: 'waitForConnection', sessionId: 'abc', pollInterval: 0.05, timeout: 0.3 }, options);
		expect(strict.error.description).toMatch(
			/^The session was still unknown after \d+ polls \(last error: Could not reach Outlit at http:\/\/127\.0\.0\.1:9 \(the connection was refused\): check the Base URL in the Outlit API credential, then try again\)\. Raise "Timeout"/,
		);
	});

	test('a status the contract does not list ends the wait, naming it and the known ones', async () => {
		env.sandbox.injectFault({ method: 'GET', path: '/api/integrations/connect/status', status: 200, body: { status: 'authorizing', provider: 'slack' } });
		const r = await env.run({ operation: 'waitForConnection', sessionId: 'any', ...FAST });
		expect(r.error.message).toBe(
			'Outlit returned a session status the node does not know ("authorizing"; it knows pending, connected, failed, expired): check the connection in the Outlit web app, then run Get Connection Status again.',
		);
		expect(r.error.description).toBe('Expected one of pending, connected, failed, expired.');
		expect(statusPolls()).toHaveLength(1);
	});

	test('a session whose provider the gateway gives as null (its contract allows it) is "the integration"', async () => {
		const output = { provider: null, status: 'pending' };
		env.sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_setup_status', status: 200, body: output, times: 100 });
		const sessionId = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
		const r = await env.run({ operation: 'waitForConnection', sessionId, pollInterval: 0.05, timeout: 0.2 }, { credentials: { api: 'tools' } });
		expect(r.error.message).toBe(
			'Timed out after 0.2 s waiting for the integration connection, still pending: raise "Timeout", or send the connect URL to the person again and wait once more.',
		);
	});

	test.each([
		[{ pollInterval: 0 }, 'Parameter "Poll Interval" is 0, but it must be a number of seconds above 0 and at most 3600: set it in that range.'],
		[{ pollInterval: -1 }, 'Parameter "Poll Interval" is -1, but it must be a number of seconds above 0 and at most 3600: set it in that range.'],
		[{ timeout: 0 }, 'Parameter "Timeout" is 0, but it must be a number of seconds above 0 and at most 3600: set it in that range.'],
		[{ pollInterval: '={{ "soon" }}' }, 'Parameter "Poll Interval" is "soon", but it must be a number of seconds above 0 and at most 3600: set it in that range.'],
		[{ pollInterval: '={{ "" }}' }, 'Parameter "Poll Interval" is empty, but it must be a number of seconds above 0 and at most 3600: set it in that range.'],
		[{ sessionId: '  ' }, 'Parameter "Session ID" is empty: give it the sessionId that Connect (Browser Session) returned, or check the expression that fills it.'],
	])('bad input %o fails before any request', async (params, message) => {
		const r = await env.run({ operation: 'waitForConnection', sessionId: 'abc', ...FAST, ...params });
		expect(r.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('each input item waits on its own session; continueOnFail keeps the good ones', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const good = await newSession('slack');
		const r = await env.run(
			{ operation: 'waitForConnection', sessionId: '={{ $json.sessionId }}', ...FAST },
			{ input: [{ json: { sessionId: good } }, { json: { sessionId: 'missing' } }], continueOnFail: true },
		);
		expect(r.items).toHaveLength(2);
		expect(r.items[0]).toMatchObject({ json: { status: 'connected' }, pairedItem: { item: 0 } });
		expect(r.items[1]).toMatchObject({
			json: { error: 'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Connect with Wait Until Connected', () => {
	test('creates the session and waits for it in the same node', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 2 });
		const r = await env.run({ operation: 'connect', provider: 'google-mail', connectionMethod: 'browser', waitUntilConnected: true, ...FAST });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({
			provider: 'google-mail',
			sessionId: expect.any(String),
			connectUrl: expect.stringContaining('/connect/'),
			status: 'connected',
			polls: 3,
		});
		expect(env.calls()).toEqual([
			'POST /api/integrations/connect',
			...Array(3).fill('GET /api/integrations/connect/status'),
		]);
	});

	test('with Continue on Unsuccessful, a wait that times out gives the session and the wait\'s outcome in one item', async () => {
		const r = await env.run({
			operation: 'connect', provider: 'slack', connectionMethod: 'browser', waitUntilConnected: true,
			pollInterval: 0.1, timeout: 0.25, options: { continueOnUnsuccessful: true },
		});
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({
			provider: 'slack',
			sessionId: expect.any(String),
			connectUrl: expect.stringContaining('/connect/'),
			status: 'pending',
			timedOut: true,
		});
	});

	test('a bad poll interval fails before the session is created', async () => {
		const r = await env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0 });
		expect(r.error.message).toContain('Poll Interval');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('can be cancelled while waiting', async () => {
		const controller = new AbortController();
		const [r] = await Promise.all([
			env.run({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 1, timeout: 60 }, { abortSignal: controller.signal }),
			later(300, () => controller.abort()),
		]);
		expect(r.status).toBe('canceled');
		expect(r.stillRunningAfterCancel).toBeFalsy();
	});
});
