import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, jsonParse } from 'n8n-workflow';

import { PROVIDER_ALIASES, PROVIDER_ID_PATTERN, PROVIDERS, findProvider } from '../catalog/providers';
import { parameterError, type ProviderChoice } from '../transport';
import { providerRefusal, reworded, withoutEndPeriod, withRequestId } from '../transport/errors';

/** Parameter readers: a bad value fails before any request, with a message that names the parameter. */

/** Values that look like a key: never repeated in a message, whatever parameter they sit in. */
const KEY_LIKE = /^(?:ok|sk|rk|pk|phx|whsec)_/i;

/** A parameter's value as a message may show it: quoted and cut short, or what it is. */
export function shownValue(raw: unknown): string | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw === 'object') return Array.isArray(raw) ? 'a list' : 'an object';
	const text = String(raw).trim();
	if (!text) return undefined;
	if (KEY_LIKE.test(text)) return 'a value that looks like an API key (not shown)';
	return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}

/** A number parameter's value as a message may show it. */
export function shownNumber(raw: unknown): string {
	return typeof raw === 'number' ? String(raw) : (shownValue(raw) ?? 'empty');
}

/**
 * The words for a provider that is not one, whether the node or Outlit refused it. The valid IDs
 * stand in the message itself: n8n hands an AI agent only an error's message.
 */
function unknownProviderText(raw: unknown, orAll: boolean): { message: string; description: string } {
	const shown = shownValue(raw);
	const ids = PROVIDERS.map((p) => p.id).join(', ');
	const aliases = Object.entries(PROVIDER_ALIASES)
		.map(([alias, id]) => `${alias}, an alias of ${id}`)
		.join('; ');
	const list = `${ids} (or ${aliases}${orAll ? '; or all, for every provider' : ''})`;
	return {
		message: shown
			? `Parameter "Provider" is ${shown}, which is not an Outlit provider ID. Use one of these ${PROVIDERS.length}: ${list}.`
			: `Parameter "Provider" is empty. Use one of these ${PROVIDERS.length} Outlit provider IDs: ${list}.`,
		description:
			'In the editor, pick the provider from the Provider list. An expression, or an AI agent filling the parameter with $fromAI(), must give one of these IDs.',
	};
}

/**
 * The provider, from the list or an expression: any case, an alias, or a well-formed ID the catalog
 * does not know yet (Outlit may add providers first). With `orAll` (Get Capabilities), "all" is undefined.
 */
export function readProvider(ctx: IExecuteFunctions, itemIndex: number): ProviderChoice;
export function readProvider(ctx: IExecuteFunctions, itemIndex: number, orAll: true): ProviderChoice | undefined;
export function readProvider(ctx: IExecuteFunctions, itemIndex: number, orAll = false): ProviderChoice | undefined {
	const raw = ctx.getNodeParameter('provider', itemIndex, '') as unknown;
	if (orAll && typeof raw === 'string' && raw.trim().toLowerCase() === 'all') return undefined;
	const id = providerIdOf(raw);
	if (id === undefined) {
		const { message, description } = unknownProviderText(raw, orAll);
		throw parameterError(ctx.getNode(), message, description, itemIndex);
	}
	const entry = findProvider(id);
	return entry ? { id, name: entry.name, entry } : { id, name: id };
}

/**
 * A provider's ID from what a person or an expression gave, as Provider and the trigger's Providers
 * read it: the catalog's (any case, an alias, spaces), or a well-formed ID the catalog does not know
 * yet; undefined for anything else. A pasted key is well-formed too: refused, and never named.
 */
export function providerIdOf(raw: unknown): string | undefined {
	const entry = findProvider(raw);
	if (entry) return entry.id;
	const id = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	return PROVIDER_ID_PATTERN.test(id) && !KEY_LIKE.test(id) ? id : undefined;
}

/**
 * Outlit refused as unknown a provider the node let through (well-formed, not in the catalog): the
 * node's own message, with Outlit's request ID and answer. Any other error is returned as it is.
 */
export function asProviderRefusal(ctx: IExecuteFunctions, itemIndex: number, error: unknown): unknown {
	const answer = providerRefusal(error);
	if (!(error instanceof NodeApiError) || answer === undefined) return error;
	// Get Many and the session operations have no Provider: Outlit's own words stay.
	const raw = ctx.getNodeParameter('provider', itemIndex, null) as unknown;
	if (raw === null || findProvider(raw)) return error;
	const { message, description } = unknownProviderText(raw, ctx.getNodeParameter('operation', itemIndex, '') === 'getCapabilities');
	const requestId = typeof error.errorResponse?.requestId === 'string' ? error.errorResponse.requestId : undefined;
	const said = `${description} Outlit's answer: ${withoutEndPeriod(answer)}.`;
	return reworded(error, withRequestId(message, requestId), requestId ? `${said} (Outlit request ID: ${requestId})` : said);
}

/** A JSON-object parameter: an object, a JSON string of one, or empty (undefined). */
export function readJsonObject(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): IDataObject | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	// Empty, or an expression that gave null: no config.
	if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = jsonParse(raw);
		} catch {
			throw parameterError(
				ctx.getNode(),
				`Parameter "${label}" is not valid JSON: enter a JSON object such as {"key": "value"}, or leave it empty.`,
				'Enter a JSON object, for example {"key": "value"}, or leave it empty.',
				itemIndex,
			);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		const kind = Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`;
		throw parameterError(
			ctx.getNode(),
			`Parameter "${label}" must be a JSON object, not ${kind}: wrap the values in {...}, or leave it empty.`,
			`It is ${kind}; wrap the values in {...}.`,
			itemIndex,
		);
	}
	return value as IDataObject;
}

/** A number of seconds above 0 and at most `max`, in milliseconds; `aboveMax` is advice for a value over the cap. */
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
	const shown = shownNumber(raw);
	const problem = (advice: string) =>
		parameterError(
			ctx.getNode(),
			`Parameter "${label}" is ${shown}, but it must be a number of seconds above 0 and at most ${max}: set it in that range.${advice}`,
			`It is ${shown}.${advice}`,
			itemIndex,
		);
	// Too long (Infinity included) gets the advice; not a number, zero or less does not.
	if (value > max) throw problem(aboveMax ? ` ${aboveMax}` : '');
	if (!(value > 0)) throw problem('');
	return Math.round(value * 1000);
}

/** A text parameter that must not be empty; `what` says what belongs in it, for the message. */
export function readRequiredString(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, what: string): string {
	return requiredString(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, '') as unknown, label, what);
}

/** A value already read, checked as readRequiredString checks it. */
export function requiredString(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, label: string, what: string): string {
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!value) {
		throw parameterError(
			ctx.getNode(),
			`Parameter "${label}" is empty: give it ${what}, or check the expression that fills it.`,
			`Set "${label}"; an expression may have resolved to nothing.`,
			itemIndex,
		);
	}
	return value;
}

/** One entry of the operation's Options collection. */
export function readOption<T>(ctx: IExecuteFunctions, itemIndex: number, name: string, fallback: T): T {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return (options?.[name] as T) ?? fallback;
}
