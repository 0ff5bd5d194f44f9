'use strict';
/**
 * The Outlit node's last word on errors (nodes/Outlit/shared/errors.ts): every error leaves as an
 * n8n error whose node copy has its secret-bearing parameters masked, and the Continue On Fail item
 * carries only the facts that are there. The engine-level canary tests are in test/node/planted-bugs.test.js and
 * test/node/errors.test.js; these pin the cases the engine does not reach.
 */
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { asNodeError, errorItem } = require('../../nodes/Outlit/shared/errors');
const { redactNode } = require('../../nodes/Outlit/transport/redact');
const { ContractUnavailable, NotOnGateway } = require('../../nodes/Outlit/transport/capabilities');

const NODE = { id: 'n', name: 'Outlit', type: 'n8n-nodes-outlit.outlit', typeVersion: 1, position: [0, 0], parameters: {} };
const SECRET = { apiKey: 'rk_live_unit_secret', additionalConfig: '{"apiKey":"rk_live_unit_secret"}', provider: 'stripe' };

describe('asNodeError', () => {
	test('an n8n error is kept, its node copy masked (secret fields and the JSON configs, nothing else)', () => {
		const error = new NodeOperationError({ ...NODE, parameters: SECRET }, 'Nope');
		expect(asNodeError({ getNode: () => NODE }, error, 0)).toBe(error);
		expect(error.node.parameters).toEqual({ apiKey: '[redacted]', additionalConfig: '[redacted]', provider: 'stripe' });
	});

	test('an n8n error without a node copy is kept as it is', () => {
		const bare = new NodeApiError(NODE, { message: 'Nope' });
		bare.node = undefined;
		expect(asNodeError({ getNode: () => NODE }, bare, 0)).toBe(bare);
		expect(bare.node).toBeUndefined();
	});

	test('anything else becomes a NodeOperationError with its message, the item and a masked node', () => {
		const ctx = { getNode: () => ({ ...NODE, parameters: SECRET }) };
		const wrapped = asNodeError(ctx, new TypeError('x is not a function'), 3);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect([wrapped.message, wrapped.context.itemIndex, wrapped.node.parameters.apiKey]).toEqual(['x is not a function', 3, '[redacted]']);
		expect(asNodeError(ctx, 'plain text', 0).message).toBe('plain text');
	});
});

describe('the Continue On Fail item', () => {
	test('an error with no description, code or HTTP status gives only the message, no empty keys', () => {
		expect(Object.keys(errorItem(new NodeOperationError(NODE, 'Nope')))).toEqual(['error']);
	});

	test('with "using error output" the facts go under details', () => {
		const error = new NodeOperationError(NODE, 'Nope', { description: 'Why' });
		expect(errorItem(error, 'continueErrorOutput')).toEqual({ error: 'Nope', details: { description: 'Why' } });
		expect(errorItem(error, 'continueRegularOutput')).toEqual({ error: 'Nope', description: 'Why' });
	});
});

describe('the node copy an error carries', () => {
	test('secret fields and the JSON configs are masked; an empty one stays empty; the rest is as it was', () => {
		const node = { ...NODE, parameters: { apiKey: 'rk_live_x', webhookSecret: '', setupConfig: '{"a":1}', provider: 'stripe', limit: 5 } };
		expect(redactNode(node).parameters).toEqual({ apiKey: '[redacted]', webhookSecret: '', setupConfig: '[redacted]', provider: 'stripe', limit: 5 });
		expect(node.parameters.apiKey).toBe('rk_live_x');
	});
});

describe('the errors the transport uses to choose a contract (caught by its resolver, named here in case one escapes)', () => {
	test('ContractUnavailable names the contract and the status', () => {
		expect(new ContractUnavailable('rest', 410)).toMatchObject({ name: 'ContractUnavailable', contract: 'rest', statusCode: 410, message: 'The Outlit REST routes did not answer (410)' });
		expect(new ContractUnavailable('tools', 404).message).toBe('The Outlit tools gateway did not answer (404)');
	});

	test('NotOnGateway names what only REST offers', () => {
		expect(new NotOnGateway('Disconnect')).toMatchObject({ name: 'NotOnGateway', what: 'Disconnect', message: "Disconnect is not available on Outlit's tools gateway" });
	});
});
