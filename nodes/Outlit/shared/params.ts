import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { PROVIDER_IDS, findProvider, type Provider } from '../catalog/providers';
import type { ItemScope } from './scope';

/**
 * Parameter readers used by the operations' preSend hooks. Each one fails before any request with
 * a NodeOperationError that names the parameter, so a bad value never reaches Outlit.
 */

/** A bad parameter value: the error names it and says what to do, before any request. */
export function fail(ctx: ItemScope, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		description,
		itemIndex: ctx.getItemIndex(),
	});
}

/** The provider, from a fixed option or an expression; accepts `gmail` and any letter case. */
export function readProvider(this: ItemScope): Provider {
	const raw = this.getNodeParameter('provider', '') as unknown;
	const provider = findProvider(raw);
	if (!provider) {
		const shown = typeof raw === 'string' && raw.trim() ? `"${raw.trim()}"` : 'empty';
		fail(
			this,
			`Unknown Outlit provider: ${shown}`,
			`Parameter "Provider" must be one of: ${PROVIDER_IDS.join(', ')} (or the alias gmail).`,
		);
	}
	return provider;
}

/** A JSON-object parameter: an object, a JSON string of one, or empty (undefined). */
export function readJsonObject(
	this: ItemScope,
	name: string,
	label: string,
): IDataObject | undefined {
	const raw = this.getNodeParameter(name, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return undefined;
	}
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = jsonParse(raw);
		} catch {
			fail(
				this,
				`Parameter "${label}" is not valid JSON`,
				'Enter a JSON object, for example {"key": "value"}, or leave it empty.',
			);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		fail(
			this,
			`Parameter "${label}" must be a JSON object`,
			`It is ${Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`}; wrap the values in {...}.`,
		);
	}
	return value as IDataObject;
}

/** A positive number of seconds, returned in milliseconds. */
export function readSeconds(
	this: ItemScope,
	name: string,
	label: string,
	max: number,
	fallback: number,
): number {
	const value = Number(this.getNodeParameter(name, fallback));
	if (!Number.isFinite(value) || value <= 0 || value > max) {
		fail(
			this,
			`Parameter "${label}" must be a number of seconds above 0 and at most ${max}`,
			`It is ${String(this.getNodeParameter(name, fallback))}.`,
		);
	}
	return Math.round(value * 1000);
}

export function readRequiredString(this: ItemScope, name: string, label: string): string {
	const raw = this.getNodeParameter(name, '') as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!value) {
		fail(this, `Parameter "${label}" is empty`, `Set "${label}"; an expression may have resolved to nothing.`);
	}
	return value;
}

export function readOption<T>(this: ItemScope, name: string, fallback: T): T {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return (options?.[name] as T) ?? fallback;
}
