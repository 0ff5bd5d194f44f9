'use strict';
/** The trigger's body checks: what it accepts from the two routes it reads, and what it refuses. */
const {
	parseIntegrationList,
	parseSyncStatus,
	parseReadinessList,
	MalformedResponseError,
} = require('../../nodes/OutlitTrigger/validate.ts');

describe('integration list', () => {
	test('keeps the fields the trigger reads; missing optional ones become null; extra ones are ignored', () => {
		const body = {
			items: [
				{ id: 'stripe', name: 'Stripe', category: 'billing', status: 'connected', syncStatus: 'FAILED', errorMessage: 'x', connectionId: 'c', lastDataReceivedAt: null, future: 1 },
				{ id: 'slack' },
			],
		};
		expect(parseIntegrationList(body)).toEqual([
			{ id: 'stripe', name: 'Stripe', category: 'billing', status: 'connected', syncStatus: 'FAILED', errorMessage: 'x' },
			{ id: 'slack', name: null, category: null, status: null, syncStatus: null, errorMessage: null },
		]);
		expect(parseIntegrationList({ items: [] })).toEqual([]);
	});

	test.each([
		['not an object', [], /body is not a JSON object/],
		['no items', {}, /"items" is not an array/],
		['item not an object', { items: ['stripe'] }, /items\[0\] is not an object/],
		['id missing', { items: [{ name: 'Stripe' }] }, /items\[0\]\.id/],
		['id empty', { items: [{ id: '' }] }, /items\[0\]\.id/],
		['id not a string', { items: [{ id: 7 }] }, /items\[0\]\.id/],
		['id absurdly long', { items: [{ id: 'x'.repeat(500) }] }, /items\[0\]\.id/],
		['id not a slug', { items: [{ id: '__proto__' }] }, /items\[0\]\.id/],
		['id with spaces', { items: [{ id: 'google mail' }] }, /items\[0\]\.id/],
		['syncStatus not a string', { items: [{ id: 'a' }, { id: 'b', syncStatus: 3 }] }, /items\[1\]\.syncStatus is number/],
		['errorMessage an object', { items: [{ id: 'a', errorMessage: {} }] }, /items\[0\]\.errorMessage is object/],
	])('refuses a list whose %s', (_name, body, message) => {
		expect(() => parseIntegrationList(body)).toThrow(MalformedResponseError);
		expect(() => parseIntegrationList(body)).toThrow(message);
	});
});

describe('sync status', () => {
	test('keeps model, status, lastSyncedAt, errorMessage', () => {
		const body = {
			provider: 'stripe',
			name: 'Stripe',
			status: 'connected',
			syncs: [{ model: 'StripeCustomer', status: 'FAILED', lastSyncedAt: '2026-01-01T00:00:00Z', errorMessage: 'boom' }, { model: 'StripeInvoice', status: 'SUCCESS' }],
		};
		expect(parseSyncStatus(body, 'stripe')).toEqual({
			syncs: [
				{ model: 'StripeCustomer', status: 'FAILED', lastSyncedAt: '2026-01-01T00:00:00Z', errorMessage: 'boom' },
				{ model: 'StripeInvoice', status: 'SUCCESS', lastSyncedAt: null, errorMessage: null },
			],
		});
		expect(parseSyncStatus({ provider: 'stripe', status: 'not_connected', syncs: [] }, 'stripe')).toEqual({ syncs: [] });
	});

	test.each([
		['not an object', 'text', /body is not a JSON object/],
		['another provider', { provider: 'slack', syncs: [] }, /describes "slack" instead/],
		['no syncs', { provider: 'stripe' }, /"syncs" is not an array/],
		['sync without model', { syncs: [{ status: 'FAILED' }] }, /syncs\[0\]\.model/],
		['a sync with an empty model', { syncs: [{ model: 'M' }, { model: '' }] }, /syncs\[1\]\.model is not a model name/],
		['status not a string', { syncs: [{ model: 'M', status: false }] }, /syncs\[0\]\.status is boolean/],
		['a sync that is not an object', { syncs: [{ model: 'M' }, 42] }, /sync status for "stripe".*syncs\[1\] is not an object/],
	])('refuses a body with %s', (_name, body, message) => {
		expect(() => parseSyncStatus(body, 'stripe')).toThrow(MalformedResponseError);
		expect(() => parseSyncStatus(body, 'stripe')).toThrow(message);
	});
});

describe('readiness list (outlit_get_integration_status)', () => {
	test('keeps provider, name, category and status; missing optional ones become null', () => {
		const body = { integrations: [{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready' }, { provider: 'pylon', status: 'not_connected' }] };
		expect(parseReadinessList(body)).toEqual([
			{ provider: 'stripe', name: 'Stripe', category: 'billing', status: 'ready' },
			{ provider: 'pylon', name: null, category: null, status: 'not_connected' },
		]);
	});

	test.each([
		['not an object', 'text', /integration status.*the body is not a JSON object/],
		['no integrations', { items: [] }, /integration status.*"integrations" is not an array/],
		['an item that is not an object', { integrations: [null] }, /integrations\[0\] is not an object/],
		['an item without a provider id', { integrations: [{ provider: 'stripe', status: 'ready' }, { status: 'ready' }] }, /integrations\[1\]\.provider is not a provider id/],
		['an empty status', { integrations: [{ provider: 'stripe', status: '' }] }, /integrations\[0\]\.status is not a readiness status/],
		['a status that is not a string', { integrations: [{ provider: 'stripe', status: 3 }] }, /integrations\[0\]\.status is not a readiness status/],
	])('refuses a body with %s', (_name, body, message) => {
		expect(() => parseReadinessList(body)).toThrow(MalformedResponseError);
		expect(() => parseReadinessList(body)).toThrow(message);
	});
});
