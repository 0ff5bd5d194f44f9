import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CredentialField } from '../catalog/providers';
import type { ConnectRequest, OutlitCapabilities, ProviderChoice } from './capabilities';
import type { OutlitResponse, Wire } from './wire';

// Every error the transport and the trigger's observe.ts raise. A message says what to do: n8n
// hands an AI agent only the message.

/** n8n swaps a message containing a system error code (ECONNREFUSED, EPERM…) for generic words: ours is put back. */
export function keepMessage<E extends Error>(error: E, message: string): E {
	if (error.message !== message) error.message = message;
	return error;
}

interface Text {
	message: string;
	description?: string;
	httpCode?: string;
	itemIndex?: number;
}

function apiError(node: INode, context: JsonObject, text: Text): NodeApiError {
	return keepMessage(new NodeApiError(node, context, text), text.message);
}

/** A problem found before any request (a parameter, a credential, a stop): the message names what to change. */
export function parameterError(node: INode, message: string, description: string, itemIndex?: number): NodeOperationError {
	return keepMessage(new NodeOperationError(node, message, { description, itemIndex }), message);
}

// ── What an error carries for the package alone ─────────────────────────────────────────────────

/** What Outlit answered (the response, or no answer's system code), for the retry rules where the error is caught. */
export type Answer = { response: OutlitResponse } | { networkCode: string | undefined };

/** Not enumerable: n8n copies an error's own fields into error items and the stored execution. */
function attach(error: NodeApiError, key: 'outlitAnswer' | 'outlitProviderRefusal', value: unknown): NodeApiError {
	return Object.defineProperty(error, key, { value, enumerable: false });
}

function attached<T>(error: unknown, key: 'outlitAnswer' | 'outlitProviderRefusal'): T | undefined {
	return error instanceof NodeApiError ? ((error as unknown as Record<string, unknown>)[key] as T | undefined) : undefined;
}

/** The answer an error of this module was built from; undefined for any other error. */
export function answerOf(error: unknown): Answer | undefined {
	return attached<Answer>(error, 'outlitAnswer');
}

/**
 * Outlit's answer (its words and first invalid fields) when it refused the provider as unknown: the
 * router rewords it as the node's own refusal (shared/params.ts).
 */
export function providerRefusal(error: unknown): string | undefined {
	return attached<string>(error, 'outlitProviderRefusal');
}

/** The same answer in other words: status, code and request ID kept. */
export function reworded(error: NodeApiError, message: string, description: string): NodeApiError {
	const { itemIndex } = error.context;
	return apiError(error.node, (error.errorResponse ?? {}) as JsonObject, {
		message,
		description,
		httpCode: error.httpCode ?? undefined,
		itemIndex: typeof itemIndex === 'number' ? itemIndex : undefined,
	});
}

// ── Reading an answer ───────────────────────────────────────────────────────────────────────────

/** Timeouts, rate limits and server errors: worth another try; any other 4xx is not. */
export function isTransientStatus(statusCode: number): boolean {
	return statusCode === 408 || statusCode === 425 || statusCode === 429 || statusCode >= 500;
}

/** A response header by lower-case name, whatever case the server used. */
export function header(headers: Record<string, unknown>, name: string): string | undefined {
	const found = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
	const value = found === undefined ? undefined : headers[found];
	return value === undefined || value === null ? undefined : String(value);
}

/** Milliseconds until a retry may succeed, from `Retry-After` (seconds or a date) or `X-RateLimit-Reset` (epoch seconds). */
export function retryAfterMs(headers: Record<string, unknown>, now: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Some gateways send milliseconds; a value this large cannot be seconds.
		const resetMs = reset > 1e12 ? reset : reset * 1000;
		return Math.max(0, resetMs - now);
	}
	return undefined;
}

export function bodyObject(body: unknown): IDataObject {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** `{code, message, retryable, requestId, …}`, or the older gateway's `{error, details}`. */
export function isGatewayEnvelope(body: unknown): boolean {
	const b = bodyObject(body);
	return typeof b.code === 'string' || (typeof b.error === 'string' && 'details' in b);
}

/** Outlit's request ID, appended to a message that must carry it. */
export function withRequestId(message: string, requestId: string | undefined): string {
	return requestId ? `${message} Outlit request ID: ${requestId}.` : message;
}

/** Outlit's words without their final period, so a sentence can go on after them. */
export function withoutEndPeriod(text: string): string {
	return text.replace(/[.\s]+$/, '');
}

/** Outlit's own words as the start of a description, ending in exactly one period. */
function said(apiMessage: string | undefined): string {
	return apiMessage ? `Outlit said: ${withoutEndPeriod(apiMessage)}. ` : '';
}

/** When Outlit said a retry may succeed, as "after <time>" or "in N s"; undefined when it did not. */
function retryWhen(resetAt: unknown, headers: Record<string, unknown>): string | undefined {
	// A number a date cannot hold (beyond ±8.64e15 ms) counts as no time given.
	const at = typeof resetAt === 'number' ? new Date(resetAt) : undefined;
	if (at && !Number.isNaN(at.getTime())) return `after ${at.toISOString()}`;
	const waitMs = retryAfterMs(headers, Date.now());
	return waitMs === undefined ? undefined : `in ${Math.ceil(waitMs / 1000)} s`;
}

function retryLine(when: string | undefined): string {
	return when === undefined ? 'Retry later.' : `Retry ${when}.`;
}

// ── Error answers (REST and gateway) ────────────────────────────────────────────────────────────

/** The words for one error answer; `refusal` is set when Outlit refused the provider as unknown. */
interface Said {
	message: string;
	description: string;
	refusal?: string;
}

const KEY_REJECTED: Said = {
	// A key that reached Outlit starts with ok_ (connection.ts refuses any other before a request).
	message:
		'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it ' +
		'may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key ' +
		'into "API Key" in the Outlit API credential.',
	description:
		'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit ' +
		'that issued it: check Base URL in the same credential.',
};

/** A 403 other than the documented ones: the key is known but not allowed to do this. */
function keyForbidden(apiMessage: string | undefined): Said {
	return {
		message:
			`Outlit refused the request: ${withoutEndPeriod(apiMessage ?? 'forbidden')}. The API key is valid but not ` +
			'allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.',
		description: KEY_REJECTED.description,
	};
}

/** Invalid fields a message names; the description lists them all. */
const FIELDS_IN_MESSAGE = 3;

/**
 * Whether the first invalid field is `provider`: REST's and the older gateway's `details`, or the
 * gateway's message ("Invalid tool input at /provider: …", "Unknown provider").
 */
function refusesProvider(apiMessage: string | undefined, details: unknown): boolean {
	const first = Array.isArray(details) && details.length ? bodyObject(details[0]).path : undefined;
	if (first !== undefined) return Array.isArray(first) && first.length === 1 && first[0] === 'provider';
	return /^(?:Invalid tool input at \/provider(?![\w/])|Unknown provider\b)/i.test(apiMessage ?? '');
}

/** A rejected request: Outlit's words, the first few invalid fields, and where to correct them (`remedy`, when only one parameter was sent). */
function rejected(apiMessage: string | undefined, fallback: string, details: unknown, noDetails: string, remedy?: string): Said {
	const lines = Array.isArray(details)
		? details.map((issue) => {
				const { path, message } = bodyObject(issue);
				const where = Array.isArray(path) && path.length ? path.join('.') : '(request)';
				return `${where}: ${typeof message === 'string' ? message : 'invalid'}`;
			})
		: [];
	const shown = lines.slice(0, FIELDS_IN_MESSAGE).join('; ');
	const more = lines.length > FIELDS_IN_MESSAGE ? `; ${lines.length - FIELDS_IN_MESSAGE} more` : '';
	const answer = `Outlit rejected the request: ${apiMessage ?? fallback}${shown ? ` (${shown}${more})` : ''}`;
	const advice =
		remedy ??
		(lines.length
			? `Correct ${lines.length === 1 ? 'that value' : 'those values'} in the node or in its Outlit Provider Credentials, then run it again.`
			: "Check the node's parameters (the provider, its fields and any JSON config), then run it again.");
	return {
		message: `${withoutEndPeriod(answer)}. ${advice}`,
		description: lines.length ? lines.join('; ') : noDetails,
		refusal: refusesProvider(apiMessage, details) ? answer : undefined,
	};
}

function rateLimited(when: string | undefined, noWait: string): Said {
	return {
		message: `Outlit rate limit reached: try again ${when ?? 'in a few seconds'}.`,
		description: `Too many requests. ${when === undefined ? noWait : `Retry ${when}.`}`,
	};
}

function serverError(statusCode: number, apiMessage: string | undefined): Said {
	return {
		message: `Outlit had a server error (${statusCode}${apiMessage ? `: ${withoutEndPeriod(apiMessage)}` : ''}), which is usually temporary: try again in a moment.`,
		description: `${said(apiMessage)}This is usually temporary: retry in a moment.`,
	};
}

/** Any other error answer: what Outlit said, and whether another try may help. */
function unexpected(statusCode: number, apiMessage: string | undefined, description: string): Said {
	const advice = isTransientStatus(statusCode)
		? 'This is usually temporary: try again in a moment.'
		: "Check the node's parameters and the Base URL in the Outlit API credential, then try again.";
	return { message: `Outlit answered ${statusCode}: ${withoutEndPeriod(apiMessage ?? 'unexpected response')}. ${advice}`, description };
}

const SESSION_NOT_FOUND =
	'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.';

const SESSION_REMEDY = 'Check "Session ID": use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.';

/** The session-status call sends only the Session ID: a rejection is about it, unless Outlit names another field. */
function sessionRejected(apiMessage: string | undefined, fallback: string, details: unknown, otherwise: string): Said {
	const paths = Array.isArray(details) ? details.map((issue) => JSON.stringify(bodyObject(issue).path ?? null)) : [];
	return paths.every((path) => path === '["sessionId"]')
		? rejected(apiMessage, fallback, details, SESSION_REMEDY, SESSION_REMEDY)
		: rejected(apiMessage, fallback, details, otherwise);
}

/** Only fields Outlit documents are copied, so nothing from the request can reach the error. */
const SAFE_FIELDS = ['code', 'requestId', 'retryable', 'resetAt', 'plan', 'feature', 'currentConnections', 'limit', 'details'];

/** The error for an answer, with Outlit's request ID in its message and the answer on it for the retry rules. */
function answerError(node: INode, response: OutlitResponse, apiMessage: string | undefined, words: Said, itemIndex?: number): NodeApiError {
	const body = bodyObject(response.body);
	const context: JsonObject = { statusCode: response.statusCode, ...(apiMessage ? { message: apiMessage } : {}) };
	for (const key of SAFE_FIELDS) if (body[key] !== undefined) context[key] = body[key] as JsonObject[string];
	const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
	const error = apiError(node, context, {
		message: withRequestId(words.message, requestId),
		description: words.description,
		httpCode: String(response.statusCode),
		itemIndex,
	});
	if (words.refusal !== undefined) attach(error, 'outlitProviderRefusal', words.refusal);
	return attach(error, 'outlitAnswer', { response });
}

/** What each REST capability's 404 means, where Outlit documents one. */
export type RestNotFound = 'disconnect' | 'sessionStatus';

function restWords(response: OutlitResponse, apiMessage: string | undefined, notFound?: RestNotFound, subject?: string): Said {
	const { statusCode } = response;
	const body = bodyObject(response.body);
	if (statusCode === 400) {
		const otherwise = 'Check the node parameters: the provider ID, the required fields and any JSON config.';
		return notFound === 'sessionStatus'
			? sessionRejected(apiMessage, 'invalid request', body.details, otherwise)
			: rejected(apiMessage, 'invalid request', body.details, otherwise);
	}
	if (statusCode === 401) return KEY_REJECTED;
	if (statusCode === 403 && body.code === 'plan_connection_limit_exceeded') {
		const inUse =
			body.limit !== undefined && body.currentConnections !== undefined
				? [`${String(body.currentConnections)} of ${String(body.limit)} connections in use`]
				: [];
		const facts = [...(body.plan !== undefined ? [`plan "${String(body.plan)}"`] : []), ...inUse];
		return {
			message:
				`Your Outlit plan's integration connection limit is reached${facts.length ? ` (${facts.join(', ')})` : ''}: ` +
				'disconnect an integration or upgrade the plan in the Outlit web app, then try again.',
			description:
				`Plan "${String(body.plan ?? 'unknown')}" allows ${String(body.limit ?? '?')} connected ` +
				`integrations and ${String(body.currentConnections ?? '?')} are in use. ` +
				'Disconnect an integration or upgrade the plan, then retry.',
		};
	}
	if (statusCode === 403) return keyForbidden(apiMessage);
	if (statusCode === 404 && notFound === 'sessionStatus') {
		return {
			message: SESSION_NOT_FOUND,
			description: 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.',
		};
	}
	if (statusCode === 404) {
		return {
			message: notFound
				? `${subject ?? 'The integration'} is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.`
				: `Outlit could not find ${subject ?? 'what the node asked for'}: ${withoutEndPeriod(apiMessage ?? 'not found')}. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.`,
			description: apiMessage ?? 'Check the provider and the Base URL in the credential.',
		};
	}
	if (statusCode === 429) {
		return rateLimited(retryWhen(undefined, response.headers), 'Wait a little and retry, or space requests out with batching.');
	}
	if (statusCode >= 500) return serverError(statusCode, apiMessage);
	return unexpected(statusCode, apiMessage, 'The response was not one Outlit documents for this route.');
}

/**
 * A REST error answer as an error a person can act on: Outlit's words kept, and what to do.
 * `subject` names what a 404 is about (the provider).
 */
export function restApiError(node: INode, response: OutlitResponse, itemIndex?: number, notFound?: RestNotFound, subject?: string): NodeApiError {
	const body = bodyObject(response.body);
	const apiMessage = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : undefined;
	return answerError(node, response, apiMessage, restWords(response, apiMessage, notFound, subject), itemIndex);
}

const PLAN_LIMIT = ['plan_api_limit_exceeded', 'api_limit_exceeded'];

/** What each gateway tool does, in the words of the node's operations (never the tool's name). */
const TOOL_WORDS: Record<string, string> = {
	outlit_get_integration_capabilities: 'provider capabilities',
	outlit_setup_integration: 'integration setup',
	outlit_get_integration_status: 'integration status',
	outlit_begin_integration_setup: 'browser connections',
	outlit_get_integration_setup_status: 'connection session status',
};

function gatewayWords(tool: string, response: OutlitResponse, apiMessage: string | undefined): Said {
	const { statusCode, headers } = response;
	const body = bodyObject(response.body);
	const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined;
	if (statusCode === 401 || code === 'INVALID_CREDENTIALS') return KEY_REJECTED;
	if (code === 'TOOL_CALL_FORBIDDEN') {
		return {
			message:
				'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. ' +
				'Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential.',
			description: 'On the tools gateway a key needs one of these grants for integrations.',
		};
	}
	const when = retryWhen(body.resetAt, headers);
	if (code && PLAN_LIMIT.includes(code)) {
		return {
			message:
				`Your Outlit plan's API limit is reached${body.plan ? ` (plan "${String(body.plan)}")` : ''}: ` +
				`try again ${when ?? 'later'}, or upgrade the plan in the Outlit web app.`,
			description: `${said(apiMessage)}${retryLine(when)} Upgrade the plan for a higher allowance.`,
		};
	}
	if (code === 'plan_billing_action_required' || statusCode === 402) {
		return {
			message:
				'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.',
			description: `${said(apiMessage)}Open billing in the Outlit web app. ${retryLine(when)}`,
		};
	}
	if (statusCode === 403) return keyForbidden(apiMessage);
	if (code === 'INVALID_TOOL_INPUT' || (statusCode === 400 && code !== 'INVALID_TOOL_CALL')) {
		const otherwise = 'Check the node parameters: the provider, the required fields and any JSON config.';
		return tool === 'outlit_get_integration_setup_status'
			? sessionRejected(apiMessage, 'invalid input', body.details, otherwise)
			: rejected(apiMessage, 'invalid input', body.details, otherwise);
	}
	if (code === 'INVALID_TOOL_CALL') {
		return {
			message:
				`This Outlit server does not offer ${TOOL_WORDS[tool] ?? 'this'} to the node: set "API" in the Outlit API ` +
				'credential to Automatic or REST Routes (Legacy), or check its Base URL.',
			description: `${said(apiMessage)}Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL.`,
		};
	}
	if (statusCode === 429) return rateLimited(when, 'Retry later.');
	if (statusCode === 409) {
		return {
			message: `Outlit reported a conflict: ${withoutEndPeriod(apiMessage ?? 'conflict')}. Check the integration in the Outlit web app (another change may be in progress), then try again.`,
			description: 'Another change to this integration is in progress or conflicts; check it in the Outlit web app.',
		};
	}
	if (statusCode === 404 && tool === 'outlit_get_integration_setup_status') {
		return {
			message: SESSION_NOT_FOUND,
			description: `${said(apiMessage)}Sessions do not survive forever; a new one starts with Connect (Browser Session).`,
		};
	}
	if (statusCode >= 500) return serverError(statusCode, apiMessage);
	return unexpected(statusCode, apiMessage, `The gateway answered ${tool} with an error the node does not know.`);
}

/**
 * A gateway error answer (any status, the envelope or the older shape) as a readable error. Its
 * message and description end with Outlit's request ID, for Outlit's support.
 */
export function gatewayApiError(node: INode, tool: string, response: OutlitResponse, itemIndex?: number): NodeApiError {
	const body = bodyObject(response.body);
	const apiMessage = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
	const words = gatewayWords(tool, response, apiMessage);
	const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
	const description = requestId ? `${words.description} (Outlit request ID: ${requestId})` : words.description;
	return answerError(node, response, apiMessage, { ...words, description }, itemIndex);
}

// ── No answer ───────────────────────────────────────────────────────────────────────────────────

/** The system or TLS error code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT…), wherever n8n's wrapping put it. */
export function networkErrorCode(error: unknown): string | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === 'string' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

/** Node's certificate-verification codes: CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …SELF_SIGNED_CERT… */
export const isCertificateCode = (code: string): boolean => /CERT|SIGNATURE/.test(code);

/** What the request was sent with, so a network error's advice fits. */
export interface NetworkHints {
	/** The node's Request Options apply (the Outlit node; not the trigger). */
	requestOptions?: boolean;
	/** Request Options → Timeout, in milliseconds. */
	timeoutMs?: number;
	/** Request Options → Proxy is set. */
	proxy?: boolean;
}

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'];

/** A system code in plain words: the message must not carry the code itself (see keepMessage). */
function networkReason(code: string | undefined, hints: NetworkHints): string {
	if (code === 'ECONNREFUSED') return 'the connection was refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its host name was not found';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed';
	if (code !== undefined && TIMEOUT_CODES.includes(code)) {
		return hints.timeoutMs ? `no answer within the Timeout of ${hints.timeoutMs} ms` : 'no answer in time';
	}
	return 'no answer';
}

function networkWords(baseUrl: string, code: string | undefined, reason: string, hints: NetworkHints): Text {
	if (isCertificateCode(reason)) {
		// Final: another try meets the same certificate.
		return {
			message:
				`Outlit's TLS certificate at ${baseUrl} was not accepted (${reason}): check the Base URL in the Outlit API credential; ` +
				`for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA${
					hints.requestOptions ? ", or turn on Ignore SSL Issues (Insecure) in the node's Request Options" : ''
				}.`,
			description:
				`${baseUrl} presented a certificate n8n does not trust (${reason}): self-signed, expired, issued for another host name, or signed by a private CA. ` +
				'Check the Base URL in the Outlit credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in Request Options.',
		};
	}
	const timedOut = code !== undefined && TIMEOUT_CODES.includes(code) && hints.timeoutMs !== undefined;
	const advice = timedOut
		? "raise Timeout in the node's Request Options, or try again later"
		: `check the Base URL in the Outlit API credential${hints.proxy ? " and the Proxy in the node's Request Options" : ''}, then try again`;
	return {
		// The code is in the description only: the message has its reason in words.
		message: `Could not reach Outlit at ${baseUrl} (${networkReason(code, hints)}): ${advice}.`,
		description: `No answer from ${baseUrl} (${reason}). Check the Base URL in the Outlit credential and the network.`,
	};
}

/** A network failure (refused, DNS, TLS, timeout), naming the Base URL and never the request. */
export function outlitNetworkError(node: INode, error: unknown, baseUrl: string, itemIndex?: number, hints: NetworkHints = {}): NodeApiError {
	const code = networkErrorCode(error);
	const reason = code ?? 'no response';
	const text = networkWords(baseUrl, code, reason, hints);
	return attach(apiError(node, { networkError: reason }, { ...text, httpCode: 'none', itemIndex }), 'outlitAnswer', { networkCode: code });
}

/**
 * A 3xx, which the node does not follow: n8n would send the key to wherever it points. Only the
 * target's origin is named (a path or query may carry a token).
 */
export function redirectError(node: INode, response: OutlitResponse, shownUrl: string, itemIndex?: number): NodeApiError {
	const location = header(response.headers, 'location');
	let target = 'another address';
	try {
		if (location !== undefined) target = new URL(location, shownUrl).origin;
	} catch {
		// Not a URL: named as "another address".
	}
	return apiError(node, { statusCode: response.statusCode }, {
		message:
			`The Base URL ${shownUrl} answered with a redirect to ${target} (${response.statusCode}), which the node does not follow, ` +
			"so that the API key goes only to the Base URL: set Base URL in the Outlit API credential to the address of Outlit's API itself.",
		description:
			"Outlit's API answers without redirects; a redirect comes from an old address or a proxy in front of Outlit. Check the Base URL in the Outlit credential.",
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** n8n refused the request before sending it (a credential problem): its words, on the masked node. */
export function requestRefused(node: INode, error: NodeOperationError, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, error.message, { description: error.description ?? undefined, itemIndex });
}

// ── An API that does not answer, or lacks the call ──────────────────────────────────────────────

/** The Outlit web app's integrations page, where what the APIs lack is done. */
export function webApp(shownUrl: string): string {
	return `${shownUrl}/integrations`;
}

/** Each capability as the node's operations name it, for messages. */
export const METHOD_WORDS: Record<keyof OutlitCapabilities, string> = {
	listIntegrations: 'Get Many',
	getCapabilities: 'Get Capabilities',
	connect: 'Connect',
	continueSetup: 'Connect',
	sessionStatus: 'Get Connection Status',
	disconnect: 'Disconnect',
	syncStatus: 'Get Sync Status',
	setupStep: 'Run Setup Step',
};

/** What the credential's "API" asked for when a contract did not answer, for the advice. */
export interface ContractSituation {
	api?: 'auto' | 'rest' | 'tools';
	/** The other API did not answer either (Automatic found no gateway, then no REST). */
	neither?: boolean;
	/** The trigger asks: it reads what the other API has, not what only the web app does. */
	trigger?: boolean;
	/** What the node was doing, as the message names it (e.g. "Disconnect"). */
	what?: string;
}

/** One of Outlit's APIs does not answer here: what to set in the credential, or where the web app does it. */
export function contractUnavailableError(
	node: INode,
	error: { contract: 'rest' | 'tools'; statusCode: number },
	shownUrl: string,
	itemIndex?: number,
	situation: ContractSituation = {},
): NodeApiError {
	const rest = error.contract === 'rest';
	const status = error.statusCode;
	const url = webApp(shownUrl);
	let message: string;
	if (situation.neither || (!rest && situation.api === 'auto')) {
		message = `Neither of Outlit's two APIs answered at ${shownUrl} (${status}): check that the Base URL in the Outlit API credential is your Outlit's address.`;
	} else if (rest && situation.api === 'auto' && !situation.trigger) {
		message = `${situation.what ?? 'This'} needs Outlit's older API, which did not answer (${status}): do it in the Outlit web app (${url}).`;
	} else if (rest) {
		message =
			`Outlit's REST routes did not answer (${status}) and may be retired: set "API" in the Outlit API credential to ${situation.api === 'auto' ? 'Tools Gateway' : 'Automatic'}; ` +
			`Disconnect and webhook setup are then done in the Outlit web app (${url}).`;
	} else {
		message = `This Outlit server has no tools gateway (${status}): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.`;
	}
	return apiError(node, { statusCode: status }, {
		message,
		description: rest
			? `Outlit moved integrations to its tools gateway. Set "API" in the Outlit credential to Automatic or Tools Gateway; what the gateway lacks (Disconnect, webhook setup) is done in the Outlit web app: ${url}.`
			: 'Set "API" in the Outlit credential to Automatic or REST Routes (Legacy), or check the Base URL.',
		httpCode: String(status),
		itemIndex,
	});
}

/** What only REST offers (Disconnect, webhook steps), asked of the gateway alone. */
export function notOnGatewayError(wire: Wire, what: string, provider: ProviderChoice | undefined, restLacksIt: boolean, itemIndex?: number): NodeApiError {
	const url = webApp(wire.connection.shownUrl);
	// Automatic would not help where the older API lacks the provider too.
	const message = restLacksIt
		? `${what} for ${provider?.name} is only possible in the Outlit web app (${url}): neither of Outlit's APIs offers it.`
		: `${what} is not available with "API" set to Tools Gateway: do it in the Outlit web app (${url}), or set "API" in the Outlit API credential to Automatic to use Outlit's older API while it answers.`;
	return apiError(wire.node, {}, {
		message,
		description: `Do it in the Outlit web app: ${url}. (Outlit's REST routes had it; with "API" set to Automatic the node uses them while they answer.)`,
		itemIndex,
	});
}

/**
 * A Direct connect or a setup step that a server without negotiated setup cannot take, and no REST
 * route to take it instead.
 */
export function browserSetupOnlyError(wire: Wire, provider: ProviderChoice, step: string | undefined, itemIndex?: number): NodeApiError {
	const { name } = provider;
	const url = webApp(wire.connection.shownUrl);
	let message: string;
	if (step) {
		message = `This Outlit server only offers browser setup, so the node cannot run ${name}'s "${step}" step: finish it in the Outlit web app (${url})`;
	} else if (provider.entry?.tools.browser === false) {
		message = `This Outlit server only offers browser setup, which ${name} does not have, so the node did not send ${name}'s credentials: connect ${name} in the Outlit web app (${url})`;
	} else {
		message = `This Outlit server only offers browser setup, so the node did not send ${name}'s credentials: set Connection Method to Browser Session, or connect ${name} in the Outlit web app (${url})`;
	}
	return apiError(wire.node, {}, {
		message,
		description:
			"Outlit's newer API on this server does not negotiate setup with credentials or configuration, and its older API did not answer. Credentials and configuration are sent only to a server that asks for them.",
		itemIndex,
	});
}

/**
 * A provider the REST routes do not have, and no gateway call after it. What the gateway lacks too
 * is done in the web app; with "API" on REST the gateway has it; in Automatic the gateway did not
 * answer, so the Base URL is in doubt.
 */
export function notOnRestError(wire: Wire, provider: ProviderChoice, step: string | undefined, gatewayHasIt: boolean, itemIndex?: number): NodeOperationError {
	const { name } = provider;
	const url = webApp(wire.connection.shownUrl);
	let message: string;
	if (!gatewayHasIt) {
		message = step
			? `${name}'s "${step}" step can only be run in the Outlit web app (${url}): Outlit's API does not offer it for ${name}.`
			: `${name} can only be disconnected in the Outlit web app (${url}): Outlit's API has no Disconnect for it.`;
	} else if (wire.connection.api === 'rest') {
		message = `${name} is not on Outlit's REST routes, so the node cannot reach it with "API" set to REST Routes (Legacy): set "API" in the Outlit API credential to Automatic or Tools Gateway.`;
	} else {
		message = `${name} is only on Outlit's Tools Gateway, which did not answer at ${wire.connection.shownUrl}: check that the Base URL in the Outlit API credential is your Outlit's address.`;
	}
	return parameterError(
		wire.node,
		message,
		`Outlit added ${name} after its REST routes: only its Tools Gateway has it, and that has no Disconnect and no steps other than mappings.`,
		itemIndex,
	);
}

/** The implementations raise n8n errors only; anything else (a bug) is wrapped, never leaked raw. */
export function asN8nError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error), { itemIndex });
}

// ── Answers the node cannot use ─────────────────────────────────────────────────────────────────

/** A 2xx whose body is not a JSON object: the Base URL probably points at something else. */
export function notJsonError(node: INode, response: OutlitResponse, itemIndex?: number): NodeApiError {
	return apiError(node, { statusCode: response.statusCode }, {
		message:
			"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
		description:
			'The Base URL may point at something other than the Outlit API (a proxy page, for example), or the response was cut off. Check the credential and retry.',
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** A 2xx whose JSON does not have the documented shape. */
export function shapeError(node: INode, what: string, itemIndex?: number): NodeApiError {
	return apiError(node, { statusCode: 200 }, {
		message: `Outlit returned ${what}, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.`,
		description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
		itemIndex,
	});
}

/** The trigger's list in a shape it does not know (`reason` says how): it keeps its state. */
export function unreadableListError(node: INode, reason: string): NodeApiError {
	return apiError(node, { statusCode: 200 }, {
		message: `${reason}. Check that the Base URL in the Outlit API credential points at Outlit's API; the trigger keeps its state and tries again at its next poll.`,
		description:
			'The answer did not have the shape Outlit documents, so the trigger kept its state and retries at the next poll. Check that the Base URL in the credential points at the Outlit API.',
	});
}

/** A connect URL the node will not show (`problem` says why, without echoing it). */
export function unsafeUrlError(wire: Wire, problem: string, itemIndex?: number): NodeApiError {
	const { shownUrl } = wire.connection;
	return apiError(wire.node, { statusCode: 200 }, {
		message: `Outlit returned a connect URL this node will not use (${problem}): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${webApp(shownUrl)}).`,
		description: `A connect URL must be https on the Base URL's origin (${shownUrl}), without a user name, password, fragment or credential-like query. Check the Base URL in the Outlit credential.`,
		itemIndex,
	});
}

// ── Setup on the gateway ────────────────────────────────────────────────────────────────────────

/** What the node was doing when a setup failed, so the advice fits: a connect (and where its fields came from), or a step. */
export interface SetupContext {
	provider: ProviderChoice;
	method?: ConnectRequest['method'];
	credentialName?: string;
	step?: string;
}

/** An answer the node cannot act on: an error naming what Outlit returned, never a success item. */
export function invalidSetupAnswer(wire: Wire, ctx: SetupContext, what: string, itemIndex?: number): NodeApiError {
	const { name } = ctx.provider;
	return apiError(wire.node, { statusCode: 200 }, {
		message: `Outlit answered the ${name} setup with ${what}, so the node cannot continue: run it again, or set ${name} up in the Outlit web app (${webApp(wire.connection.shownUrl)})`,
		description: 'The answer is not one Outlit documents for this step; nothing was output as a success.',
		itemIndex,
	});
}

type Advised = SetupContext & { webApp: string };

/** The provider's credential fields as the catalog names them, for advice; empty when unknown. */
function fieldLabels(provider: ProviderChoice): string {
	const fields = provider.entry?.tools.credentials ?? [];
	return fields.length ? ` (${fields.map((f) => f.label).join(', ')})` : '';
}

/** Where the node took a Direct connect's fields from. */
function fieldSource(ctx: SetupContext): string {
	return ctx.credentialName ? `the Outlit Provider Credentials "${ctx.credentialName}"` : "the node's provider fields";
}

/** Each setup error code Outlit documents: what happened to the provider, and what to do. */
const SETUP_ERRORS: Record<string, { what: (name: string) => string; advice: (ctx: Advised) => string }> = {
	CREDENTIAL_REJECTED: {
		what: (name) => `Outlit rejected the ${name} credentials`,
		advice: (ctx) =>
			ctx.method === 'direct'
				? `Check ${ctx.provider.name}'s fields${fieldLabels(ctx.provider)} in ${fieldSource(ctx)}: a valid, unrevoked key with the access Outlit needs. Then run the node again.`
				: `Reconnect ${ctx.provider.name} with an account that has the access Outlit needs, then run the node again.`,
	},
	CREDENTIAL_REQUIRED: {
		what: (name) => `${name} needs credentials before Outlit can connect it`,
		advice: (ctx) => {
			if (ctx.step) return `Connect ${ctx.provider.name} first with the Connect operation, then run the "${ctx.step}" step again.`;
			if (ctx.method === 'direct') {
				return `Fill in every field Outlit needs${fieldLabels(ctx.provider)} in ${fieldSource(ctx)}, then run the node again.`;
			}
			return fieldLabels(ctx.provider)
				? `Set Connection Method to Direct and give the node ${ctx.provider.name}'s fields${fieldLabels(ctx.provider)} in an Outlit Provider Credentials credential.`
				: `Connect ${ctx.provider.name} in the Outlit web app (${ctx.webApp}), where Outlit asks for what it needs.`;
		},
	},
	OWNER_REQUIRED: {
		what: (name) => `Only the owner of the ${name} connection can change it`,
		advice: () => 'Ask the person who connected it, or an Outlit admin, to make this change.',
	},
	CONNECTION_CONFLICT: {
		what: (name) => `${name} is already connected in a way that conflicts with this setup`,
		advice: () => 'Disconnect the existing connection in the Outlit web app, then connect again.',
	},
	LEGACY_CONNECTION_REQUIRED: {
		what: (name) => `${name} is connected the old way and must be reconnected in the Outlit web app`,
		advice: (ctx) => `Reconnect ${ctx.provider.name} in the Outlit web app (${ctx.webApp}).`,
	},
	HANDOFF_UNAVAILABLE: {
		what: (name) => `Outlit cannot start a browser handoff for ${name} right now`,
		advice: (ctx) =>
			`Try again later, or connect ${ctx.provider.name} in the Outlit web app (${ctx.webApp})${ctx.method === 'browser' && fieldLabels(ctx.provider) ? ', or set Connection Method to Direct' : ''}.`,
	},
	TRANSIENT_FAILURE: {
		what: (name) => `Outlit could not finish the ${name} setup this time`,
		advice: () => 'This is temporary: run the node again in a moment.',
	},
};

/** A setup failure (inside a 200, as `error: {code, message, retryable}`); never retried: a setup is a write. */
export function setupFailureError(wire: Wire, ctx: SetupContext, failure: IDataObject, itemIndex?: number): NodeApiError {
	const { code, message } = failure;
	const { name } = ctx.provider;
	// Only the codes this release knows: a code such as "constructor" is not a key of the table.
	const known = typeof code === 'string' && Object.hasOwn(SETUP_ERRORS, code) ? SETUP_ERRORS[code] : undefined;
	const text = typeof message === 'string' && message ? withoutEndPeriod(message) : 'no reason given';
	const url = webApp(wire.connection.shownUrl);
	const advice = known
		? known.advice({ ...ctx, webApp: url })
		: `Outlit answered with setup error ${String(code)}: try again later, or set ${name} up in the Outlit web app (${url}).`;
	return apiError(wire.node, { statusCode: 200, ...(typeof code === 'string' ? { code } : {}), message: text }, {
		message: `${known ? known.what(name) : `Outlit could not set up ${name}`}: ${text}. ${advice}`,
		description: advice,
		itemIndex,
	});
}

// ── Parameters and the credential, before any request ───────────────────────────────────────────

/** Browser Session chosen for a provider that connects only with its credential fields: both contracts refuse it so. */
export function browserSessionRefused(
	node: INode,
	provider: ProviderChoice,
	fields: readonly CredentialField[],
	itemIndex?: number,
): NodeOperationError {
	return parameterError(
		node,
		`${provider.name} connects with credentials (${fields.map((f) => f.label).join(', ')}), not a browser session: set "Connection Method" to Direct.`,
		'Set "Connection Method" to Direct and fill in the fields.',
		itemIndex,
	);
}

export function apiKeyFormatError(node: INode): NodeOperationError {
	return parameterError(
		node,
		'The Outlit API key must start with "ok_": put a Platform API key from Outlit (Settings → API keys) into "API Key" in the Outlit API credential.',
		'Open the Outlit credential and paste a Platform API key from Outlit (Settings → API keys). ' +
			'Public ingest keys and provider keys do not work here.',
	);
}

export function baseUrlFormatError(node: INode, defaultUrl: string): NodeOperationError {
	return parameterError(
		node,
		`The Base URL in the Outlit API credential is not a valid http(s) URL: set it to ${defaultUrl} or your proxy's URL.`,
		`Set Base URL in the Outlit credential to ${defaultUrl} or your proxy's URL.`,
	);
}

/** A Base URL with a query or fragment: Outlit's paths cannot be added to it (its value is never shown: it may carry a token). */
export function baseUrlQueryError(node: INode, defaultUrl: string): NodeOperationError {
	return parameterError(
		node,
		`The Base URL in the Outlit API credential has a query (?…) or fragment (#…), which the node cannot add Outlit's paths to: set it to ${defaultUrl} or your proxy's URL without them.`,
		`Set Base URL in the Outlit credential to ${defaultUrl} or your proxy's URL, without a query or fragment.`,
	);
}

/** A Base URL with a user name or password: n8n would send them as Basic authorization, and never the API key. */
export function baseUrlUserError(node: INode, defaultUrl: string): NodeOperationError {
	return parameterError(
		node,
		`The Base URL in the Outlit API credential has a user name or password, which would be sent instead of the API key: set it to ${defaultUrl} or your proxy's URL without them.`,
		`Outlit takes the API key as a Bearer token; a user name or password in Base URL would replace it. Set Base URL in the Outlit credential to ${defaultUrl} or your proxy's URL, without them.`,
	);
}

/** The execution was stopped during a wait or a request. n8n files an error that mentions "canceled" as canceled, not failed. */
export function canceledError(node: INode, itemIndex?: number, during: 'wait' | 'read' | 'write' = 'wait'): NodeOperationError {
	if (during === 'wait') {
		return parameterError(node, 'The wait was canceled because the execution was stopped: run the workflow again to go on.', 'The execution was stopped while waiting.', itemIndex);
	}
	return parameterError(
		node,
		during === 'read'
			? 'The request to Outlit was canceled because the execution was stopped: run the workflow again to go on.'
			: 'The request to Outlit was canceled because the execution was stopped, and Outlit may have made the change before the stop: check the integration (Get Many, Get Capabilities or the Outlit web app) before you run the workflow again.',
		'The execution was stopped while a request to Outlit was under way.',
		itemIndex,
	);
}

/** The Proxy of the node's Request Options without a host and port; never shown (it may carry a password). */
export function proxyError(node: INode): NodeOperationError {
	return parameterError(
		node,
		"The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.",
		'The proxy URL needs a host and a port, e.g. http://myproxy:3128.',
	);
}

/** A session status the contract does not list: the wait cannot tell whether to go on. */
export function unknownSessionStatusError(node: INode, status: unknown, known: readonly string[], itemIndex: number): NodeApiError {
	return apiError(node, { statusCode: 200 }, {
		message: `Outlit returned a session status the node does not know (${JSON.stringify(status)}; it knows ${known.join(', ')}): check the connection in the Outlit web app, then run Get Connection Status again.`,
		description: `Expected one of ${known.join(', ')}.`,
		itemIndex,
	});
}
