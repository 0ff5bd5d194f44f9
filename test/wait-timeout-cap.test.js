'use strict';
/**
 * The wait's Timeout cap: one hour (3600 s) on a new node (1.1), 86,400 s on a stored v1 node, on
 * Wait for Connection and on Connect's Wait Until Connected, checked before any request on both
 * APIs; and the editor's limits and hint.
 */
const { NodeHelpers } = require('n8n-workflow');
const { outlitEnvironment } = require('./support/outlit');
const { Outlit } = require('../nodes/Outlit/Outlit.node');

const env = outlitEnvironment();
const UUID = '0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a';
const ADVICE = "For longer waits, let the Outlit Trigger's Integration Connected event continue the workflow, or loop Get Connection Status with n8n's Wait node.";

const wait = (timeout) => ({ operation: 'waitForConnection', sessionId: UUID, pollInterval: 0.05, timeout });
const connectAndWait = (timeout) => ({ operation: 'connect', provider: 'slack', connectionMethod: 'browser', waitUntilConnected: true, pollInterval: 0.05, timeout });

/** After the wait, REST reports the session's status; the gateway's follow-up call its readiness. */
describe.each([
	['rest', 'connected'],
	['tools', 'ready'],
])('%s', (api, doneStatus) => {
	const run = (parameters, typeVersion) => env.run(parameters, { typeVersion, credentials: { api } });

	test.each([
		['Wait for Connection', wait],
		['Connect, Wait Until Connected', connectAndWait],
	])('1.1 %s: a timeout above one hour is a clear error before any request', async (_name, parameters) => {
		const r = await run(parameters(3601), 1.1);
		expect(r.error).toMatchObject({
			name: 'NodeOperationError',
			message: `Parameter "Timeout" is 3601, but it must be a number of seconds above 0 and at most 3600: set it in that range. ${ADVICE}`,
			description: `It is 3601. ${ADVICE}`,
		});
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('1.1: one hour itself is allowed (the wait ends when the session connects)', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const r = await run(connectAndWait(3600), 1.1);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.status).toBe(doneStatus);
	});

	test('v1 keeps its cap: 7200 s still runs, 86,401 s is refused', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const ok = await run(connectAndWait(7200), 1);
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json.status).toBe(doneStatus);
		env.sandbox.clearRequests();
		const over = await run(wait(86401), 1);
		expect(over.error.message).toBe(`Parameter "Timeout" is 86401, but it must be a number of seconds above 0 and at most 86400: set it in that range. ${ADVICE}`);
		expect(over.error.description).toBe(`It is 86401. ${ADVICE}`);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a timeout of 0 gives the plain message, without the long-wait advice', async () => {
		const r = await run(wait(0), 1.1);
		expect(r.error.description).toBe('It is 0.');
	});
});

describe('what the editor shows', () => {
	// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
	let description;
	beforeEach(() => ({ description } = new Outlit()));
	const timeoutOf = (typeVersion, operation) => {
		const parameters = { resource: 'integration', operation, connectionMethod: 'browser', waitUntilConnected: true };
		const node = { typeVersion, parameters };
		return description.properties.find(
			(p) => p.name === 'timeout' && NodeHelpers.displayParameter(parameters, p, node, description, parameters),
		);
	};

	test.each(['waitForConnection', 'connect'])('%s: 1.1 caps Timeout at 3600 with a hint to the trigger or a Wait-node loop; v1 at 86400', (operation) => {
		expect(timeoutOf(1.1, operation).typeOptions).toEqual({ minValue: 1, maxValue: 3600 });
		expect(timeoutOf(1.1, operation).hint).toBe(`At most one hour. ${ADVICE}`);
		expect(timeoutOf(1, operation).typeOptions).toEqual({ minValue: 1, maxValue: 86400 });
		expect(timeoutOf(1.1, operation).default).toBe(300);
	});

	test('Poll Interval keeps its limits on both versions', () => {
		const intervals = description.properties.filter((p) => p.name === 'pollInterval');
		expect(intervals.map((p) => p.typeOptions)).toEqual([
			{ minValue: 0.1, maxValue: 3600, numberPrecision: 1 },
			{ minValue: 0.1, maxValue: 3600, numberPrecision: 1 },
		]);
	});
});
