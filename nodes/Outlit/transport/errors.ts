import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OutlitResponse } from './http';

/**
 * Errors that are worth another try, and how long Outlit asked to wait. Kept beside the error
 * instead of on it, so the NodeApiError n8n stores stays plain.
 */
const transient = new WeakMap<object, { retryAfterMs?: number }>();

export function markTransient<E extends object>(error: E, retryAfterMs?: number): E {
	transient.set(error, { retryAfterMs });
	return error;
}

/** Undefined when the error is final; else how long Outlit asked to wait (if it said). */
export function transientInfo(error: unknown): { retryAfterMs?: number } | undefined {
	return error !== null && typeof error === 'object' ? transient.get(error) : undefined;
}

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

/**
 * Milliseconds until the API says a retry may succeed, from `Retry-After` (seconds or an HTTP date)
 * or `X-RateLimit-Reset` (epoch seconds, as Outlit's overview documents). Undefined when neither says.
 */
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

function detailLines(details: unknown): string[] {
	if (!Array.isArray(details)) return [];
	return details.map((issue) => {
		const { path, message } = bodyObject(issue);
		const where = Array.isArray(path) && path.length ? path.join('.') : '(request)';
		return `${where}: ${typeof message === 'string' ? message : 'invalid'}`;
	});
}

function formatDetails(details: unknown): string | undefined {
	const lines = detailLines(details);
	return lines.length ? lines.join('; ') : undefined;
}

/** A rejected request's message names the first invalid field, so it reads without the details. */
function rejectedMessage(apiMessage: string | undefined, fallback: string, details: unknown): string {
	const [first] = detailLines(details);
	return `Outlit rejected the request: ${apiMessage ?? fallback}${first ? ` (${first})` : ''}`;
}

/**
 * The words for a key Outlit rejects (401, 403) stand in the message itself, remedy and request ID
 * included: n8n hands an AI agent only an error's message, and `n8n execute` prints only that. A
 * key that reached Outlit starts with ok_ (connection.ts refuses any other before a request), so
 * the message never says it does not.
 */
const KEY_REJECTED =
	'Outlit did not accept the API key. It starts with ok_ as an Outlit Platform API key does, so it ' +
	'may be revoked, mistyped, or from another Outlit than the Base URL: put a valid Platform API key ' +
	'into "API Key" in the Outlit API credential.';

const KEY_DESCRIPTION =
	'Outlit creates Platform API keys under Settings → API keys. A key works only on the Outlit ' +
	'that issued it: check Base URL in the same credential.';

const GRANT_MISSING =
	'Outlit refused the call: the API key lacks the integrations:connect_own or integrations:manage grant. ' +
	'Create a key with one of these grants in Outlit (Settings → API keys) and put it into "API Key" in the Outlit API credential.';

/** A 403 other than the documented ones: the key is known but not allowed to do this. */
function keyForbidden(apiMessage: string | undefined): string {
	return (
		`Outlit refused the request: ${(apiMessage ?? 'forbidden').replace(/[.\s]+$/, '')}. The API key is valid but not ` +
		'allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.'
	);
}

/** Outlit's request ID, appended to a message that must carry it. */
function withRequestId(message: string, requestId: string | undefined): string {
	return requestId ? `${message} Outlit request ID: ${requestId}.` : message;
}

/**
 * Answers in which Outlit refused the provider as unknown (the first invalid field is `provider`).
 * The router words them as the node words its own refusal of a provider (shared/params.ts), with
 * the value the item gave: the package lets a well-formed ID it does not know through, since
 * Outlit may add providers before the package does.
 */
const providerRefusals = new WeakSet<object>();

export function isProviderRefusal(error: unknown): boolean {
	return error !== null && typeof error === 'object' && providerRefusals.has(error);
}

/**
 * Whether the first invalid field is `provider`: REST's and the older gateway's `details`, or the
 * gateway's message ("Invalid tool input at /provider: …", "Unknown provider").
 */
function refusesProvider(apiMessage: string | undefined, details: unknown): boolean {
	const first = Array.isArray(details) && details.length ? bodyObject(details[0]).path : undefined;
	if (first !== undefined) return Array.isArray(first) && first.length === 1 && first[0] === 'provider';
	return /^(?:Invalid tool input at \/provider(?![\w/])|Unknown provider\b)/i.test(apiMessage ?? '');
}

/** The same answer in other words: status, code and request ID kept. */
export function reworded(error: NodeApiError, message: string, description: string): NodeApiError {
	const { itemIndex } = error.context;
	return new NodeApiError(error.node, error.errorResponse ?? {}, {
		message,
		description,
		httpCode: error.httpCode ?? undefined,
		itemIndex: typeof itemIndex === 'number' ? itemIndex : undefined,
	});
}

/** Only fields Outlit documents are copied, so nothing from the request can reach the error. */
function safeContext(statusCode: number, body: IDataObject, apiMessage?: string): JsonObject {
	const safe: JsonObject = { statusCode, ...(apiMessage ? { message: apiMessage } : {}) };
	for (const key of ['code', 'requestId', 'retryable', 'resetAt', 'plan', 'feature', 'currentConnections', 'limit', 'details'] as const) {
		if (body[key] !== undefined) safe[key] = body[key] as JsonObject[string];
	}
	return safe;
}

function apiError(
	node: INode,
	response: OutlitResponse,
	body: IDataObject,
	text: { message: string; description: string; apiMessage?: string },
	itemIndex?: number,
): NodeApiError {
	const error = new NodeApiError(node, safeContext(response.statusCode, body, text.apiMessage), {
		message: text.message,
		description: text.description,
		httpCode: String(response.statusCode),
		itemIndex,
	});
	return error;
}

/** What each REST capability's 404 means, where Outlit documents one. */
export type RestNotFound = 'disconnect' | 'sessionStatus';
const NOT_FOUND: Record<RestNotFound, string> = {
	disconnect: 'The integration is not connected, so there is nothing to disconnect',
	sessionStatus: 'Outlit has no connection session with this ID',
};

/**
 * Turns a REST error response into a NodeApiError a person can act on: the API's own message is
 * kept and the description says what to do.
 */
export function restApiError(
	node: INode,
	response: OutlitResponse,
	itemIndex?: number,
	notFound?: RestNotFound,
): NodeApiError {
	const { statusCode } = response;
	const body = bodyObject(response.body);
	const apiMessage =
		typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : undefined;
	let message: string;
	let description: string;

	if (statusCode === 400) {
		message = rejectedMessage(apiMessage, 'invalid request', body.details);
		description =
			formatDetails(body.details) ??
			'Check the node parameters: the provider ID, the required fields and any JSON config.';
	} else if (statusCode === 401) {
		// REST answers carry no request ID (Outlit's REST OpenAPI documents none).
		message = KEY_REJECTED;
		description = KEY_DESCRIPTION;
	} else if (statusCode === 403 && body.code === 'plan_connection_limit_exceeded') {
		message = `Your Outlit plan's integration connection limit is reached`;
		description =
			`Plan "${String(body.plan ?? 'unknown')}" allows ${String(body.limit ?? '?')} connected ` +
			`integrations and ${String(body.currentConnections ?? '?')} are in use. ` +
			'Disconnect an integration or upgrade the plan, then retry.';
	} else if (statusCode === 403) {
		message = keyForbidden(apiMessage);
		description = KEY_DESCRIPTION;
	} else if (statusCode === 404) {
		message = (notFound && NOT_FOUND[notFound]) ?? `Outlit could not find it: ${apiMessage ?? 'not found'}`;
		description =
			notFound === 'sessionStatus'
				? 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.'
				: (apiMessage ?? 'Check the provider and the Base URL in the credential.');
	} else if (statusCode === 429) {
		const waitMs = retryAfterMs(response.headers, Date.now());
		message = 'Outlit rate limit reached';
		description =
			waitMs === undefined
				? 'Too many requests. Wait a little and retry, or space requests out with batching.'
				: `Too many requests. Retry in ${Math.ceil(waitMs / 1000)} s.`;
	} else if (statusCode >= 500) {
		message = `Outlit had a server error (${statusCode})`;
		description = `${said(apiMessage)}This is usually temporary: retry in a moment.`;
	} else {
		message = `Outlit answered ${statusCode}: ${apiMessage ?? 'unexpected response'}`;
		description = 'The response was not one Outlit documents for this route.';
	}
	const error = apiError(node, response, body, { message, description, apiMessage }, itemIndex);
	if (statusCode === 400 && refusesProvider(apiMessage, body.details)) providerRefusals.add(error);
	return isTransientStatus(statusCode)
		? markTransient(error, retryAfterMs(response.headers, Date.now()))
		: error;
}

/** `{code, message, retryable, requestId, …}`, or the older gateway's `{error, details}`. */
/** Outlit's own words as the start of a description, ending in exactly one period. */
function said(apiMessage: string | undefined): string {
	return apiMessage ? `Outlit said: ${apiMessage.replace(/[.\s]+$/, '')}. ` : '';
}

export function isGatewayEnvelope(body: unknown): boolean {
	const b = bodyObject(body);
	return typeof b.code === 'string' || (typeof b.error === 'string' && 'details' in b);
}

const PLAN_LIMIT = ['plan_api_limit_exceeded', 'api_limit_exceeded'];

function whenToRetry(resetAt: unknown, headers: Record<string, unknown>): string {
	if (typeof resetAt === 'number' && Number.isFinite(resetAt)) {
		return `Retry after ${new Date(resetAt).toISOString()}.`;
	}
	const waitMs = retryAfterMs(headers, Date.now());
	return waitMs === undefined ? 'Retry later.' : `Retry in ${Math.ceil(waitMs / 1000)} s.`;
}

/**
 * Turns a gateway error (any status, the envelope or the older shape) into a readable NodeApiError.
 * Every description ends with Outlit's request ID, for Outlit's support.
 */
export function gatewayApiError(
	node: INode,
	tool: string,
	response: OutlitResponse,
	itemIndex?: number,
): NodeApiError {
	const { statusCode } = response;
	const body = bodyObject(response.body);
	const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined;
	const apiMessage =
		typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
	let message: string;
	let description: string;

	const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
	let refusedProvider = false;

	if (statusCode === 401 || code === 'INVALID_CREDENTIALS') {
		message = withRequestId(KEY_REJECTED, requestId);
		description = KEY_DESCRIPTION;
	} else if (code === 'TOOL_CALL_FORBIDDEN') {
		message = withRequestId(GRANT_MISSING, requestId);
		description = 'On the tools gateway a key needs one of these grants for integrations.';
	} else if (code && PLAN_LIMIT.includes(code)) {
		message = `Your Outlit plan's API limit is reached${body.plan ? ` (plan "${String(body.plan)}")` : ''}`;
		description = `${said(apiMessage)}${whenToRetry(body.resetAt, response.headers)} Upgrade the plan for a higher allowance.`;
	} else if (code === 'plan_billing_action_required' || statusCode === 402) {
		message = 'Outlit needs a billing action on your plan before it accepts this call';
		description = `${said(apiMessage)}Open billing in the Outlit web app. ${whenToRetry(body.resetAt, response.headers)}`;
	} else if (statusCode === 403) {
		message = withRequestId(keyForbidden(apiMessage), requestId);
		description = KEY_DESCRIPTION;
	} else if (code === 'INVALID_TOOL_INPUT' || (statusCode === 400 && code !== 'INVALID_TOOL_CALL')) {
		message = rejectedMessage(apiMessage, 'invalid input', body.details);
		description =
			formatDetails(body.details) ??
			'Check the node parameters: the provider, the required fields and any JSON config.';
		refusedProvider = refusesProvider(apiMessage, body.details);
	} else if (code === 'INVALID_TOOL_CALL') {
		message = `This Outlit server does not offer ${tool}`;
		description = `${said(apiMessage)}Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL.`;
	} else if (statusCode === 429) {
		message = 'Outlit rate limit reached';
		description = `Too many requests. ${whenToRetry(body.resetAt, response.headers)}`;
	} else if (statusCode === 409) {
		message = `Outlit reported a conflict: ${apiMessage ?? 'conflict'}`;
		description = 'Another change to this integration is in progress or conflicts; check it in the Outlit web app.';
	} else if (statusCode >= 500) {
		message = `Outlit had a server error (${statusCode})`;
		description = `${said(apiMessage)}This is usually temporary: retry in a moment.`;
	} else {
		message = `Outlit answered ${statusCode}: ${apiMessage ?? 'unexpected response'}`;
		description = `The gateway answered ${tool} with an error the node does not know.`;
	}
	if (requestId) description = `${description} (Outlit request ID: ${requestId})`;
	const error = apiError(node, response, body, { message, description, apiMessage }, itemIndex);
	if (refusedProvider) providerRefusals.add(error);

	// The envelope says whether a retry can help; without one, the status does.
	const retryable = typeof body.retryable === 'boolean' ? body.retryable : isTransientStatus(statusCode);
	if (!retryable) return error;
	const resetMs = typeof body.resetAt === 'number' ? Math.max(0, body.resetAt - Date.now()) : undefined;
	return markTransient(error, resetMs ?? retryAfterMs(response.headers, Date.now()));
}

/**
 * The system or TLS error code (ECONNREFUSED, ETIMEDOUT, DEPTH_ZERO_SELF_SIGNED_CERT,
 * ERR_TLS_CERT_ALTNAME_INVALID…), wherever n8n's wrapping put it.
 */
export function networkErrorCode(error: unknown): string | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === 'string' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

/** Node's certificate-verification codes: CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …SELF_SIGNED_CERT… */
export const isCertificateCode = (code: string): boolean => /CERT|SIGNATURE/.test(code);

/**
 * A network failure (refused, DNS, TLS, timeout) with the request details left out on purpose.
 * A certificate n8n does not trust is final: another try meets the same certificate.
 */
export function outlitNetworkError(
	node: INode,
	error: unknown,
	baseUrl: string,
	itemIndex?: number,
): NodeApiError {
	const reason = networkErrorCode(error) ?? 'no response';
	if (isCertificateCode(reason)) {
		return new NodeApiError(
			node,
			{ networkError: reason },
			{
				message: "Outlit's TLS certificate was not accepted",
				description:
					`${baseUrl} presented a certificate n8n does not trust (${reason}): self-signed, expired, issued for another host name, or signed by a private CA. ` +
					'Check the Base URL in the Outlit credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in Request Options.',
				httpCode: 'none',
				itemIndex,
			},
		);
	}
	return markTransient(
		new NodeApiError(
			node,
			{ networkError: reason },
			{
				// The code stays out of the message: NodeApiError swaps messages that contain one.
				message: 'Could not reach Outlit',
				description: `No answer from ${baseUrl} (${reason}). Check the Base URL in the Outlit credential and the network.`,
				httpCode: 'none',
				itemIndex,
			},
		),
	);
}

/**
 * One of Outlit's two APIs does not answer on this server (retired REST routes, or no gateway):
 * what to set in the credential, and where to do what only the web app does now.
 */
export function contractUnavailableError(
	node: INode,
	error: { contract: 'rest' | 'tools'; statusCode: number },
	shownUrl: string,
	itemIndex?: number,
): NodeApiError {
	const rest = error.contract === 'rest';
	return new NodeApiError(
		node,
		{ statusCode: error.statusCode },
		{
			message: rest
				? `Outlit's REST integration routes did not answer (${error.statusCode}): they may be retired`
				: `This Outlit server has no tools gateway (${error.statusCode})`,
			description: rest
				? `Outlit moved integrations to its tools gateway. Set "API" in the Outlit credential to Automatic or Tools Gateway; what the gateway lacks (Disconnect, webhook setup) is done in the Outlit web app: ${shownUrl}/integrations.`
				: 'Set "API" in the Outlit credential to Automatic or REST Routes (Legacy), or check the Base URL.',
			httpCode: String(error.statusCode),
			itemIndex,
		},
	);
}

/** A 2xx whose body is not a JSON object: the Base URL probably points at something else. */
export function notJsonError(node: INode, response: OutlitResponse, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		node,
		{ statusCode: response.statusCode },
		{
			message: 'Outlit returned a response that is not a JSON object',
			description:
				'The Base URL may point at something other than the Outlit API (a proxy page, for example), or the response was cut off. Check the credential and retry.',
			httpCode: String(response.statusCode),
			itemIndex,
		},
	);
}

/** A 2xx whose JSON does not have the documented shape. */
export function shapeError(node: INode, what: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		node,
		{ statusCode: 200 },
		{
			message: `Outlit returned ${what}`,
			description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
			itemIndex,
		},
	);
}
