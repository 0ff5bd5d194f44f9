import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { PROVIDER_ID_PATTERN, PROVIDERS, findProvider } from '../catalog/providers';
import type { ProviderChoice } from '../transport';

/**
 * Parameter readers for the operations. Each fails before any request with a NodeOperationError
 * that names the parameter, so a bad value never reaches Outlit.
 */

export function parameterError(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { description, itemIndex });
}

/**
 * The provider, from the list or an expression: any case, the alias gmail, and also a well-formed
 * id the catalog does not know yet (Outlit may add providers before this package does).
 */
export function readProvider(ctx: IExecuteFunctions, itemIndex: number): ProviderChoice {
	const raw = ctx.getNodeParameter('provider', itemIndex, '') as unknown;
	const entry = findProvider(raw);
	if (entry) return { id: entry.id, name: entry.name, entry };
	const id = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (!PROVIDER_ID_PATTERN.test(id)) {
		const shown = typeof raw === 'string' && raw.trim() ? `"${raw.trim()}"` : 'empty';
		throw parameterError(
			ctx,
			itemIndex,
			`Unknown Outlit provider: ${shown}`,
			`Parameter "Provider" must be a provider ID such as ${PROVIDERS.map((p) => p.id).join(', ')} (or the alias gmail).`,
		);
	}
	return { id, name: id };
}

/** A JSON-object parameter: an object, a JSON string of one, or empty (undefined). */
export function readJsonObject(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): IDataObject | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	// Empty, or an expression that gave null: no config. (Unset, n8n gives the fallback, '').
	if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = jsonParse(raw);
		} catch {
			throw parameterError(ctx, itemIndex, `Parameter "${label}" is not valid JSON`, 'Enter a JSON object, for example {"key": "value"}, or leave it empty.');
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw parameterError(
			ctx,
			itemIndex,
			`Parameter "${label}" must be a JSON object`,
			`It is ${Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`}; wrap the values in {...}.`,
		);
	}
	return value as IDataObject;
}

/** A positive number of seconds, returned in milliseconds; `aboveMax` is advice for a value over the cap. */
export function readSeconds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	max: number,
	fallback: number,
	aboveMax?: string,
): number {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback);
	const value = Number(raw);
	const problem = (advice: string) =>
		parameterError(ctx, itemIndex, `Parameter "${label}" must be a number of seconds above 0 and at most ${max}`, `It is ${String(raw)}.${advice}`);
	// Too long (Infinity included) gets the advice; not a number, zero or less does not.
	if (value > max) throw problem(aboveMax ? ` ${aboveMax}` : '');
	if (!(value > 0)) throw problem('');
	return Math.round(value * 1000);
}

export function readRequiredString(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!value) {
		throw parameterError(ctx, itemIndex, `Parameter "${label}" is empty`, `Set "${label}"; an expression may have resolved to nothing.`);
	}
	return value;
}

/** One entry of the operation's Options collection. */
export function readOption<T>(ctx: IExecuteFunctions, itemIndex: number, name: string, fallback: T): T {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return (options?.[name] as T) ?? fallback;
}
