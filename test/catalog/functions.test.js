'use strict';
/**
 * The catalog's field readers (nodes/Outlit/catalog/providers.ts) on made-up providers: which field
 * wins when both contracts name the same key, and which step's fields a step gets. Today's catalog
 * happens to agree across contracts, so its own entries could not tell these rules apart.
 */
const { providerFields, stepFields, providerCredentialFields } = require('../../nodes/Outlit/catalog/providers');

const field = (key, label) => ({ key, label, secret: true });
const provider = {
	id: 'acme',
	name: 'Acme',
	category: 'crm',
	rest: {
		mode: 'direct',
		fields: [field('apiKey', 'REST API Key')],
		steps: [
			{ step: 'webhooks', id: 'webhook-setup', required: false, fields: [field('webhookSecret', 'Webhook Secret'), field('apiKey', 'Step API Key')] },
			{ step: 'backfill', id: 'backfill', required: false, fields: [field('since', 'Since')] },
		],
	},
	tools: { browser: false, credentials: [field('apiKey', 'Gateway API Key'), field('region', 'Region')] },
};

test('a key both contracts take is REST\'s field, once; the gateway adds its other keys', () => {
	expect(providerFields(provider).map((f) => [f.key, f.label])).toEqual([
		['apiKey', 'REST API Key'],
		['region', 'Region'],
	]);
});

test('a step gets its own fields, not another step\'s', () => {
	expect(stepFields(provider, 'backfill').map((f) => f.key)).toEqual(['since']);
	expect(stepFields(provider, 'webhooks').map((f) => f.key)).toEqual(['webhookSecret', 'apiKey']);
	expect(stepFields(provider, 'mappings')).toEqual([]);
});

test('a provider credential holds the connect fields, then each step key not already there', () => {
	expect(providerCredentialFields(provider).map((f) => [f.key, f.label])).toEqual([
		['apiKey', 'REST API Key'],
		['region', 'Region'],
		['webhookSecret', 'Webhook Secret'],
		['since', 'Since'],
	]);
});
