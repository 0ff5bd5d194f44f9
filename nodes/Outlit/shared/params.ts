import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, jsonParse } from 'n8n-workflow';

import { PROVIDER_ALIASES, PROVIDER_ID_PATTERN, PROVIDERS, findProvider } from '../catalog/providers';
import { parameterError, type ProviderChoice } from '../transport';
import { providerRefusal, reworded, withRequestId } from '../transport/errors';

/**
 * Parameter readers for the operations. Each fails before any request with a NodeOperationError
 * that names the parameter, so a bad value never reaches Outlit.
 */

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

/** A number parameter's value as a message may show it: a number as it is, anything else as shownValue does. */
export function shownNumber(raw: unknown): string {
	return typeof raw === 'number' ? String(raw) : (shownValue(raw) ?? 'empty');
}

/**
 * The words for a provider that is not one, whoever refused it: the node before any request, or
 * Outlit (the router rewords Outlit's answer with these). They stand in the message itself, the
 * valid IDs included: n8n hands an AI agent only an error's message.
 */
export function unknownProviderText(raw: unknown, orAll: boolean): { message: string; description: string } {
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
 * The provider, from the list or an expression: any case, the alias gmail, and also a well-formed
 * id the catalog does not know yet (Outlit may add providers before this package does).
 */
export function readProvider(ctx: IExecuteFunctions, itemIndex: number): ProviderChoice {
	return providerFrom(ctx, itemIndex, ctx.getNodeParameter('provider', itemIndex, '') as unknown, false);
}

/** Get Capabilities' Provider: a provider as readProvider reads it, or undefined for "all". */
export function readProviderOrAll(ctx: IExecuteFunctions, itemIndex: number): ProviderChoice | undefined {
	const raw = ctx.getNodeParameter('provider', itemIndex, '') as unknown;
	if (typeof raw === 'string' && raw.trim().toLowerCase() === 'all') return undefined;
	return providerFrom(ctx, itemIndex, raw, true);
}

function providerFrom(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, orAll: boolean): ProviderChoice {
	const entry = findProvider(raw);
	if (entry) return { id: entry.id, name: entry.name, entry };
	const id = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	// A key pasted into Provider is well-formed too: refused, and never named in a message.
	if (!PROVIDER_ID_PATTERN.test(id) || KEY_LIKE.test(id)) {
		const { message, description } = unknownProviderText(raw, orAll);
		throw parameterError(ctx.getNode(), message, description, itemIndex);
	}
	return { id, name: id };
}

/**
 * Outlit refused as unknown a provider the node let through (well-formed, not in the catalog): the
 * same message as the node's own refusal, with Outlit's request ID where its answer has one, and
 * Outlit's answer in the description. Any other error, or a catalog provider Outlit refused, is
 * returned as it is.
 */
export function asProviderRefusal(ctx: IExecuteFunctions, itemIndex: number, error: unknown): unknown {
	const answer = providerRefusal(error);
	if (!(error instanceof NodeApiError) || answer === undefined) return error;
	const raw = ctx.getNodeParameter('provider', itemIndex, '') as unknown;
	if (findProvider(raw)) return error;
	// Get Capabilities also takes "all": its refusal says so, as the node's own does.
	const { message, description } = unknownProviderText(raw, ctx.getNodeParameter('operation', itemIndex, '') === 'getCapabilities');
	const requestId = typeof error.errorResponse?.requestId === 'string' ? error.errorResponse.requestId : undefined;
	const said = `${description} Outlit's answer: ${answer.replace(/[.\s]+$/, '')}.`;
	return reworded(error, withRequestId(message, requestId), requestId ? `${said} (Outlit request ID: ${requestId})` : said);
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

/** What belongs in Session ID, for its message when empty. */
export const SESSION_ID_WHAT = 'the sessionId that Connect (Browser Session) returned';

/** A text parameter that must not be empty; `what` says what belongs in it, for the message. */
export function readRequiredString(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, what: string): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
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
