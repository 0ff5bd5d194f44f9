'use strict';
/**
 * The wait's Timeout cap: one hour (3600 s), on Wait for Connection and on Connect's Wait Until
 * Connected, checked before any request on both APIs; and the editor's limits and hint.
 */
const { NodeHelpers } = require('n8n-workflow');
const { outlitEnvironment } = require('../support/outlit');
const { Outlit } = require('../../nodes/Outlit/Outlit.node');

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
	const run = (parameters) => env.run(parameters, { credentials: { api } });

	test.each([
		['Wait for Connection', wait],
		['Connect, Wait Until Connected', connectAndWait],
	])('%s: a timeout above one hour is a clear error before any request', async (_name, parameters) => {
		const r = await run(parameters(3601));
		expect(r.error).toMatchObject({
			name: 'NodeOperationError',
			message: `Parameter "Timeout" is 3601, but it must be a number of seconds above 0 and at most 3600: set it in that range. ${ADVICE}`,
			description: `It is 3601. ${ADVICE}`,
		});
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('one hour itself is allowed (the wait ends when the session connects)', async () => {
		env.sandbox.reset({ autoCompleteAfterPolls: 1 });
		const r = await run(connectAndWait(3600));
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.status).toBe(doneStatus);
	});

	test('a day, which an earlier draft of the node allowed, is refused before any request', async () => {
		const over = await run(wait(86400));
		expect(over.error.message).toBe(`Parameter "Timeout" is 86400, but it must be a number of seconds above 0 and at most 3600: set it in that range. ${ADVICE}`);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a timeout of 0 gives the plain message, without the long-wait advice', async () => {
		const r = await run(wait(0));
		expect(r.error.description).toBe('It is 0.');
	});
});

describe('what the editor shows', () => {
	// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
	let description;
	beforeEach(() => ({ description } = new Outlit()));
	const timeoutOf = (operation) => {
		const parameters = { resource: 'integration', operation, connectionMethod: 'browser', waitUntilConnected: true };
		const node = { typeVersion: 1, parameters };
		return description.properties.find(
			(p) => p.name === 'timeout' && NodeHelpers.displayParameter(parameters, p, node, description, parameters),
		);
	};

	test.each(['waitForConnection', 'connect'])('%s: Timeout is capped at 3600 with a hint to the trigger or a Wait-node loop', (operation) => {
		expect(timeoutOf(operation).typeOptions).toEqual({ minValue: 1, maxValue: 3600 });
		expect(timeoutOf(operation).hint).toBe(`At most one hour. ${ADVICE}`);
		expect(timeoutOf(operation).default).toBe(300);
	});

	test('Poll Interval keeps its limits on both operations that wait', () => {
		const intervals = description.properties.filter((p) => p.name === 'pollInterval');
		expect(intervals.map((p) => p.typeOptions)).toEqual([
			{ minValue: 0.1, maxValue: 3600, numberPrecision: 1 },
			{ minValue: 0.1, maxValue: 3600, numberPrecision: 1 },
		]);
	});
});
