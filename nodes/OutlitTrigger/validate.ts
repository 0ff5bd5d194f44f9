/**
 * Shape checks for the bodies the trigger reads: it must not store state derived from a body it does
 * not understand, so anything unexpected throws (the node keeps its state). Fields it does not read
 * are not checked, so additive API changes do not break it.
 */
import { isJsonObject as isObject } from '../Outlit/transport';
import { isProviderId, type ObservedIntegration, type ObservedReadiness, type SyncDetails } from './decide';

export class MalformedResponseError extends Error {
	constructor(
		readonly what: string,
		readonly reason: string,
	) {
		super(`Outlit returned a malformed ${what}: ${reason}`);
	}
}

type Item = Record<string, unknown>;
type Field = (key: string) => string | null;

/** The objects in `body[key]`, each read by `read` with its path and a reader of optional strings. */
function itemsOf<T>(what: string, body: unknown, key: string, read: (item: Item, where: string, field: Field) => T): T[] {
	if (!isObject(body)) throw new MalformedResponseError(what, 'the body is not a JSON object');
	const items: unknown = body[key];
	if (!Array.isArray(items)) throw new MalformedResponseError(what, `"${key}" is not an array`);
	return items.map((item: unknown, index: number) => {
		const where = `${key}[${index}]`;
		if (!isObject(item)) throw new MalformedResponseError(what, `${where} is not an object`);
		return read(item, where, (field) => {
			const value = item[field];
			if (value === undefined || value === null) return null;
			if (typeof value === 'string') return value;
			throw new MalformedResponseError(what, `${where}.${field} is ${typeof value}, not a string`);
		});
	});
}

/** `GET /api/integrations`: `{ items: [{ id: string, … }] }`. */
export function parseIntegrationList(body: unknown): ObservedIntegration[] {
	const what = 'integration list';
	return itemsOf(what, body, 'items', (item, where, field) => {
		if (!isProviderId(item.id)) throw new MalformedResponseError(what, `${where}.id is not a provider id`);
		return {
			id: item.id,
			name: field('name'),
			category: field('category'),
			status: field('status'),
			syncStatus: field('syncStatus'),
			errorMessage: field('errorMessage'),
		};
	});
}

/** `GET /api/integrations/sync-status?provider=`: `{ provider, syncs: [{ model, status, … }] }`. */
export function parseSyncStatus(body: unknown, provider: string): SyncDetails {
	const what = `sync status for "${provider}"`;
	if (isObject(body) && body.provider !== undefined && body.provider !== provider) {
		throw new MalformedResponseError(what, `it describes "${String(body.provider)}" instead`);
	}
	const syncs = itemsOf(what, body, 'syncs', (sync, where, field) => {
		if (typeof sync.model !== 'string' || sync.model === '') {
			throw new MalformedResponseError(what, `${where}.model is not a model name`);
		}
		return { model: sync.model, status: field('status'), lastSyncedAt: field('lastSyncedAt'), errorMessage: field('errorMessage') };
	});
	return { syncs };
}

/** `outlit_get_integration_status {}`: `{ integrations: [{ provider, name, category, status }] }`. */
export function parseReadinessList(body: unknown): ObservedReadiness[] {
	const what = 'integration status';
	return itemsOf(what, body, 'integrations', (item, where, field) => {
		if (!isProviderId(item.provider)) throw new MalformedResponseError(what, `${where}.provider is not a provider id`);
		if (typeof item.status !== 'string' || item.status === '') {
			throw new MalformedResponseError(what, `${where}.status is not a readiness status`);
		}
		return { provider: item.provider, name: field('name'), category: field('category'), status: item.status };
	});
}
