'use strict';
/**
 * Where the retry settings live: in each operation's Options collection, as n8n puts the settings
 * that are not what an operation is about, not among its main fields. Checked as the editor decides
 * what to show (n8n-workflow's NodeHelpers, with the node's version), then through n8n's real engine
 * against the sandbox: set in Options they act, with the operation's own options beside them; the
 * old top-level parameter is dropped by n8n and changes nothing (the package was never released with
 * it, so nothing reads it as a fallback).
 */
const { NodeHelpers } = require('n8n-workflow');

const { Outlit } = require('../../nodes/Outlit/Outlit.node');
const { outlitEnvironment } = require('../support/outlit');

const OPERATIONS = ['connect', 'disconnect', 'getAll', 'getCapabilities', 'getConnectionStatus', 'getSyncStatus', 'runSetupStep', 'waitForConnection'];
/** What each operation's Options offers, in the order the editor lists it. */
const OPTIONS = {
	connect: ['continueOnUnsuccessful', 'maxRetryWait', 'retryTransientErrors'],
	disconnect: ['ignoreNotConnected', 'maxRetryWait', 'retryTransientErrors'],
	getAll: ['maxRetryWait', 'retryTransientErrors'],
	getCapabilities: ['maxRetryWait', 'retryTransientErrors'],
	getConnectionStatus: ['maxRetryWait', 'retryTransientErrors'],
	getSyncStatus: ['maxRetryWait', 'retryTransientErrors'],
	runSetupStep: ['acceptRecommendation', 'maxRetryWait', 'retryTransientErrors'],
	// Its polls retry by their own rule, within Timeout: retry settings would change nothing there.
	waitForConnection: ['continueOnUnsuccessful'],
};
const WRITES = ['connect', 'disconnect', 'runSetupStep'];

// Built per test, so Stryker's per-test coverage sees these tests reach the node's description.
let description;
beforeEach(() => ({ description } = new Outlit()));

/** The main fields the editor shows for these parameters, and the entries its Options offers. */
function editor(parameters) {
	const node = { typeVersion: 1, parameters };
	const values = NodeHelpers.getNodeParameters(description.properties, { resource: 'integration', ...parameters }, true, false, node, description);
	const main = description.properties.filter((p) => NodeHelpers.displayParameter(values, p, node, description, values));
	const options = main.find((p) => p.name === 'options');
	const offered = (options?.options ?? []).filter((o) =>
		NodeHelpers.displayParameterPath({ parameters: values }, o, 'parameters.options', node, description),
	);
	return { values, main, options, offered };
}

describe('in the editor', () => {
	test.each(OPERATIONS)('%s: no retry settings among the main fields; one Options collection, last', (operation) => {
		const { main } = editor({ operation, provider: 'hubspot' });
		const names = main.map((p) => p.name);
		expect(names).not.toContain('retryTransientErrors');
		expect(names).not.toContain('maxRetryWait');
		expect(names.filter((n) => n === 'options')).toEqual(['options']);
		expect(names.at(-1)).toBe('options');
	});

	test.each(OPERATIONS)('%s: Options offers its own settings and the retry settings, alphabetically', (operation) => {
		// The parameters under which every conditional entry shows.
		const { options, offered } = editor({
			operation,
			provider: 'hubspot',
			connectionMethod: 'browser',
			waitUntilConnected: true,
			step: 'mappings',
		});
		expect(options).toMatchObject({ displayName: 'Options', type: 'collection', placeholder: 'Add option', default: {} });
		expect(offered.map((o) => o.name)).toEqual(OPTIONS[operation]);
		const labels = offered.map((o) => o.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
	});
});

describe('the retry settings as options', () => {
	const retryOf = (operation) => editor({ operation }).options.options;

	test('defaults as before: on, 60 s (0 to 3600); they act while not set', () => {
		const [maxRetryWait, retry] = retryOf('getAll');
		expect(retry).toEqual({
			displayName: 'Retry Transient Errors',
			name: 'retryTransientErrors',
			type: 'boolean',
			default: true,
			description:
				"Whether to try a request again when Outlit's rate limit is reached, Outlit has a temporary problem, or it does not answer, waiting as long as Outlit asks. On unless turned off here.",
		});
		expect(maxRetryWait).toEqual({
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 60,
			description:
				'The longest one request may wait in total between tries (60 when not set). If Outlit asks for a longer wait, the node stops with an error that says when to try again.',
			displayOptions: { hide: { retryTransientErrors: [false] } },
		});
	});

	test.each(WRITES)('%s, a write: its description says a change that may have been made is never sent twice', (operation) => {
		const retry = retryOf(operation).find((o) => o.name === 'retryTransientErrors');
		expect(retry.description).toMatch(/ A change that may already have been made in Outlit is never sent twice\.$/);
	});

	test.each(OPERATIONS.filter((o) => !WRITES.includes(o) && o !== 'waitForConnection'))('%s, a read: no word about writes', (operation) => {
		expect(retryOf(operation).find((o) => o.name === 'retryTransientErrors').description).not.toMatch(/sent twice/);
	});

	test('Max Retry Wait is offered while retries are on or not set, and hidden once they are turned off', () => {
		const offered = (options) => editor({ operation: 'getAll', options }).offered.map((o) => o.name);
		expect(offered({})).toEqual(['maxRetryWait', 'retryTransientErrors']);
		expect(offered({ retryTransientErrors: true })).toEqual(['maxRetryWait', 'retryTransientErrors']);
		expect(offered({ retryTransientErrors: false })).toEqual(['retryTransientErrors']);
	});

	test('an operation\'s own conditional options show only where they act', () => {
		const connect = (more) => editor({ operation: 'connect', provider: 'hubspot', ...more }).offered.map((o) => o.name);
		expect(connect({ connectionMethod: 'browser', waitUntilConnected: true })).toContain('continueOnUnsuccessful');
		expect(connect({ connectionMethod: 'browser', waitUntilConnected: false })).not.toContain('continueOnUnsuccessful');
		expect(connect({ connectionMethod: 'direct' })).not.toContain('continueOnUnsuccessful');
		const step = (name) => editor({ operation: 'runSetupStep', provider: 'hubspot', step: name }).offered.map((o) => o.name);
		expect(step('mappings')).toContain('acceptRecommendation');
		expect(step('webhooks')).not.toContain('acceptRecommendation');
	});

	test('n8n keeps what is set in Options, and drops a top-level retry parameter the node no longer has', () => {
		const { values } = editor({
			operation: 'disconnect',
			provider: 'stripe',
			retryTransientErrors: false,
			maxRetryWait: 5,
			options: { ignoreNotConnected: true, retryTransientErrors: false },
		});
		expect(values).toEqual({
			resource: 'integration',
			operation: 'disconnect',
			provider: 'stripe',
			options: { ignoreNotConnected: true, retryTransientErrors: false },
		});
	});
});

test('the example workflows set the retry settings, if at all, in Options', () => {
	const fs = require('node:fs');
	const path = require('node:path');
	const dir = path.join(__dirname, '..', '..', 'examples', 'workflows');
	const nodes = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).nodes)
		.filter((n) => /outlit/i.test(n.type) && !/trigger/i.test(n.type));
	expect(nodes.length).toBeGreaterThan(0);
	for (const node of nodes) {
		expect(Object.keys(node.parameters)).not.toContain('retryTransientErrors');
		expect(Object.keys(node.parameters)).not.toContain('maxRetryWait');
	}
});

describe('through n8n\'s engine', () => {
	const env = outlitEnvironment({ connected: ['stripe'] }, { api: 'rest' });
	const disconnects = () => env.sandbox.requests.filter((q) => q.method === 'POST' && q.path === '/api/integrations/disconnect').length;
	const unavailable = () => env.sandbox.injectFault({ method: 'POST', path: '/api/integrations/disconnect', status: 503 });

	test('Retry Transient Errors off in Options, beside Ignore Not Connected: a 503 ends the write at once', async () => {
		unavailable();
		const r = await env.run({ operation: 'disconnect', provider: 'stripe', options: { ignoreNotConnected: true, retryTransientErrors: false } });
		expect(r.error.message).toBe('Outlit had a server error (503: Service Unavailable), which is usually temporary: try again in a moment.');
		expect(disconnects()).toBe(1);
	});

	test('not set: a 503 (Outlit says the write was not done) is retried, and the option beside it acts', async () => {
		unavailable();
		const r = await env.run({ operation: 'disconnect', provider: 'clerk', options: { ignoreNotConnected: true } });
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json)).toEqual([{ success: false, notConnected: true, provider: 'clerk' }]);
		expect(disconnects()).toBe(2);
	});

	test('the old top-level "retryTransientErrors: false" changes nothing: retries stay on', async () => {
		unavailable();
		const r = await env.run({ operation: 'disconnect', provider: 'stripe', retryTransientErrors: false });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({ success: true, provider: 'stripe' });
		expect(disconnects()).toBe(2);
		expect(r.workflow.nodes[r.node.name].parameters).not.toHaveProperty('retryTransientErrors');
	});
});
