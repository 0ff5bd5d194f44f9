/**
 * Shape checks for the two bodies the trigger reads. The trigger must not store state derived from
 * a body it does not understand, so anything unexpected is a MalformedResponseError (the node turns
 * it into a NodeApiError and leaves its state alone). Fields the trigger does not read are not
 * checked, so additive API changes do not break it.
 */
import { isJsonObject as isObject } from '../Outlit/transport';
import {
	isProviderId,
	type ObservedIntegration,
	type ObservedReadiness,
	type ObservedSync,
	type SyncDetails,
} from './decide';

export class MalformedResponseError extends Error {
	constructor(
		readonly what: string,
		readonly reason: string,
	) {
		super(`Outlit returned a malformed ${what}: ${reason}`);
	}
}

function optionalString(
	what: string,
	where: string,
	record: Record<string, unknown>,
	key: string,
): string | null {
	const value = record[key];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') {
		throw new MalformedResponseError(what, `${where}.${key} is ${typeof value}, not a string`);
	}
	return value;
}

/** `GET /api/integrations`: `{ items: [{ id: string, … }] }`. */
export function parseIntegrationList(body: unknown): ObservedIntegration[] {
	const what = 'integration list';
	if (!isObject(body)) throw new MalformedResponseError(what, 'the body is not a JSON object');
	if (!Array.isArray(body.items)) throw new MalformedResponseError(what, '"items" is not an array');
	return body.items.map((item: unknown, index: number) => {
		const where = `items[${index}]`;
		if (!isObject(item)) throw new MalformedResponseError(what, `${where} is not an object`);
		if (!isProviderId(item.id)) {
			throw new MalformedResponseError(what, `${where}.id is not a provider id`);
		}
		const field = (key: string) => optionalString(what, where, item, key);
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
	if (!isObject(body)) throw new MalformedResponseError(what, 'the body is not a JSON object');
	if (body.provider !== undefined && body.provider !== provider) {
		throw new MalformedResponseError(what, `it describes "${String(body.provider)}" instead`);
	}
	if (!Array.isArray(body.syncs)) throw new MalformedResponseError(what, '"syncs" is not an array');
	const syncs = body.syncs.map((sync: unknown, index: number): ObservedSync => {
		const where = `syncs[${index}]`;
		if (!isObject(sync)) throw new MalformedResponseError(what, `${where} is not an object`);
		if (typeof sync.model !== 'string' || sync.model === '') {
			throw new MalformedResponseError(what, `${where}.model is not a model name`);
		}
		const field = (key: string) => optionalString(what, where, sync, key);
		return {
			model: sync.model,
			status: field('status'),
			lastSyncedAt: field('lastSyncedAt'),
			errorMessage: field('errorMessage'),
		};
	});
	return { syncs };
}

/** `outlit_get_integration_status {}`: `{ integrations: [{ provider, name, category, status }] }`. */
export function parseReadinessList(body: unknown): ObservedReadiness[] {
	const what = 'integration status';
	if (!isObject(body)) throw new MalformedResponseError(what, 'the body is not a JSON object');
	if (!Array.isArray(body.integrations)) throw new MalformedResponseError(what, '"integrations" is not an array');
	return body.integrations.map((item: unknown, index: number) => {
		const where = `integrations[${index}]`;
		if (!isObject(item)) throw new MalformedResponseError(what, `${where} is not an object`);
		if (!isProviderId(item.provider)) throw new MalformedResponseError(what, `${where}.provider is not a provider id`);
		if (typeof item.status !== 'string' || item.status === '') {
			throw new MalformedResponseError(what, `${where}.status is not a readiness status`);
		}
		const field = (key: string) => optionalString(what, where, item, key);
		return { provider: item.provider, name: field('name'), category: field('category'), status: item.status };
	});
}
