import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OutlitResponse } from './wire';

/**
 * What Outlit answered, on the error built from it: the response, or for no answer at all the
 * network error's system code. The retry rules (retry.ts) judge it where the error is caught.
 */
export type Answer = { response: OutlitResponse } | { networkCode: string | undefined };

type Answered = NodeApiError & { readonly outlitAnswer: Answer };

function answered(error: NodeApiError, answer: Answer): NodeApiError {
	// Not enumerable: n8n copies an error's own fields into error items and the stored execution.
	return Object.defineProperty(error, 'outlitAnswer', { value: answer, enumerable: false });
}

/** The answer an error of this module was built from; undefined for any other error. */
export function answerOf(error: unknown): Answer | undefined {
	return error instanceof NodeApiError ? (error as Partial<Answered>).outlitAnswer : undefined;
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

/** Invalid fields a message names; the description lists them all. */
const FIELDS_IN_MESSAGE = 3;

/** What Outlit answered to a rejected request: its words and the first few invalid fields. */
function rejectedAnswer(apiMessage: string | undefined, fallback: string, details: unknown): string {
	const lines = detailLines(details);
	const shown = lines.slice(0, FIELDS_IN_MESSAGE).join('; ');
	const more = lines.length > FIELDS_IN_MESSAGE ? `; ${lines.length - FIELDS_IN_MESSAGE} more` : '';
	return `Outlit rejected the request: ${apiMessage ?? fallback}${shown ? ` (${shown}${more})` : ''}`;
}

/** A rejected request's message names the invalid fields and where to correct them. */
function rejectedMessage(answer: string, details: unknown): string {
	const count = detailLines(details).length;
	return count
		? `${trimmed(answer)}. Correct ${count === 1 ? 'that value' : 'those values'} in the node or in its Outlit Provider Credentials, then run it again.`
		: `${trimmed(answer)}. Check the node's parameters (the provider, its fields and any JSON config), then run it again.`;
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
		`Outlit refused the request: ${trimmed(apiMessage ?? 'forbidden')}. The API key is valid but not ` +
		'allowed to do this: put a key with access to integrations into "API Key" in the Outlit API credential, or check the Outlit plan.'
	);
}

/** Outlit's request ID, appended to a message that must carry it. */
export function withRequestId(message: string, requestId: string | undefined): string {
	return requestId ? `${message} Outlit request ID: ${requestId}.` : message;
}

/**
 * Outlit refused the provider as unknown (the first invalid field is `provider`): its answer, on the
 * error. The router words such errors as the node words its own refusal of a provider
 * (shared/params.ts), with the value the item gave: the package lets a well-formed ID it does not
 * know through, since Outlit may add providers before the package does.
 */
type RefusedProvider = NodeApiError & { readonly outlitProviderRefusal: string };

function refusingProvider(error: NodeApiError, answer: string): void {
	// Not enumerable: n8n copies an error's own fields into error items and the stored execution.
	Object.defineProperty(error, 'outlitProviderRefusal', { value: answer, enumerable: false });
}

/** Outlit's answer (its words and the first invalid field) when it refused the provider; else undefined. */
export function providerRefusal(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error as Partial<RefusedProvider>).outlitProviderRefusal : undefined;
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

/**
 * n8n's errors swap a message that contains a system error code (ECONNREFUSED, ENOENT, EPERM…, in
 * any case) for their own generic words. Outlit's words, a Base URL or a parameter's value in a
 * message may contain one, so the message the package built is put back: it says what to do, n8n's
 * does not.
 */
export function keepMessage<E extends Error>(error: E, message: string): E {
	if (error.message !== message) error.message = message;
	return error;
}

/** The same answer in other words: status, code and request ID kept. */
export function reworded(error: NodeApiError, message: string, description: string): NodeApiError {
	const { itemIndex } = error.context;
	const result = new NodeApiError(error.node, error.errorResponse ?? {}, {
		message,
		description,
		httpCode: error.httpCode ?? undefined,
		itemIndex: typeof itemIndex === 'number' ? itemIndex : undefined,
	});
	return keepMessage(result, message);
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
	return keepMessage(error, text.message);
}

/** Outlit's words without their final period, so a sentence can go on after them. */
function trimmed(text: string): string {
	return text.replace(/[.\s]+$/, '');
}

/** What each REST capability's 404 means, where Outlit documents one. */
export type RestNotFound = 'disconnect' | 'sessionStatus';

const SESSION_NOT_FOUND =
	'Outlit has no connection session with this Session ID: use the sessionId that Connect (Browser Session) returned, or start a new session with Connect.';

/** The message of a 404 Outlit documents: what is missing, and what to do instead. */
function notFoundMessage(notFound: RestNotFound, subject: string | undefined): string {
	return notFound === 'sessionStatus'
		? SESSION_NOT_FOUND
		: `${subject ?? 'The integration'} is not connected, so there is nothing to disconnect: check "Provider", or turn on the Ignore Not Connected option to get an item instead of this error.`;
}

/** The plan, and connections in use of the limit, where Outlit gave them. */
function connectionLimitFacts(body: IDataObject): string {
	const facts = [
		...(body.plan !== undefined ? [`plan "${String(body.plan)}"`] : []),
		...(body.limit !== undefined && body.currentConnections !== undefined
			? [`${String(body.currentConnections)} of ${String(body.limit)} connections in use`]
			: []),
	];
	return facts.length ? ` (${facts.join(', ')})` : '';
}

/** Any other error answer: what Outlit said, and whether another try may help. */
function unexpectedMessage(statusCode: number, apiMessage: string | undefined): string {
	return (
		`Outlit answered ${statusCode}: ${trimmed(apiMessage ?? 'unexpected response')}. ` +
		(isTransientStatus(statusCode)
			? 'This is usually temporary: try again in a moment.'
			: 'Check the node\'s parameters and the Base URL in the Outlit API credential, then try again.')
	);
}

/** A server error: what Outlit said, and that another try usually works. */
function serverErrorMessage(statusCode: number, apiMessage: string | undefined): string {
	return `Outlit had a server error (${statusCode}${apiMessage ? `: ${trimmed(apiMessage)}` : ''}), which is usually temporary: try again in a moment.`;
}

/**
 * Turns a REST error response into a NodeApiError a person can act on: the API's own message is
 * kept and the message says what to do. `subject` names what a 404 is about (the provider).
 */
export function restApiError(
	node: INode,
	response: OutlitResponse,
	itemIndex?: number,
	notFound?: RestNotFound,
	subject?: string,
): NodeApiError {
	const { statusCode } = response;
	const body = bodyObject(response.body);
	const apiMessage =
		typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : undefined;
	let message: string;
	let description: string;
	let answer: string | undefined;

	if (statusCode === 400) {
		answer = rejectedAnswer(apiMessage, 'invalid request', body.details);
		message = rejectedMessage(answer, body.details);
		description =
			formatDetails(body.details) ??
			'Check the node parameters: the provider ID, the required fields and any JSON config.';
	} else if (statusCode === 401) {
		message = KEY_REJECTED;
		description = KEY_DESCRIPTION;
	} else if (statusCode === 403 && body.code === 'plan_connection_limit_exceeded') {
		message =
			`Your Outlit plan's integration connection limit is reached${connectionLimitFacts(body)}: ` +
			'disconnect an integration or upgrade the plan in the Outlit web app, then try again.';
		description =
			`Plan "${String(body.plan ?? 'unknown')}" allows ${String(body.limit ?? '?')} connected ` +
			`integrations and ${String(body.currentConnections ?? '?')} are in use. ` +
			'Disconnect an integration or upgrade the plan, then retry.';
	} else if (statusCode === 403) {
		message = keyForbidden(apiMessage);
		description = KEY_DESCRIPTION;
	} else if (statusCode === 404) {
		message = notFound
			? notFoundMessage(notFound, subject)
			: `Outlit could not find ${subject ?? 'what the node asked for'}: ${trimmed(apiMessage ?? 'not found')}. Check "Provider" (Get Many lists the connected integrations) and the Base URL in the Outlit API credential, then try again.`;
		description =
			notFound === 'sessionStatus'
				? 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.'
				: (apiMessage ?? 'Check the provider and the Base URL in the credential.');
	} else if (statusCode === 429) {
		const waitMs = retryAfterMs(response.headers, Date.now());
		message = `Outlit rate limit reached: try again ${retryWhen(undefined, response.headers) ?? 'in a few seconds'}.`;
		description =
			waitMs === undefined
				? 'Too many requests. Wait a little and retry, or space requests out with batching.'
				: `Too many requests. Retry in ${Math.ceil(waitMs / 1000)} s.`;
	} else if (statusCode >= 500) {
		message = serverErrorMessage(statusCode, apiMessage);
		description = `${said(apiMessage)}This is usually temporary: retry in a moment.`;
	} else {
		message = unexpectedMessage(statusCode, apiMessage);
		description = 'The response was not one Outlit documents for this route.';
	}
	const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
	const error = apiError(node, response, body, { message: withRequestId(message, requestId), description, apiMessage }, itemIndex);
	if (answer !== undefined && refusesProvider(apiMessage, body.details)) refusingProvider(error, answer);
	return answered(error, { response });
}

/** Outlit's own words as the start of a description, ending in exactly one period. */
function said(apiMessage: string | undefined): string {
	return apiMessage ? `Outlit said: ${trimmed(apiMessage)}. ` : '';
}

/** `{code, message, retryable, requestId, …}`, or the older gateway's `{error, details}`. */
export function isGatewayEnvelope(body: unknown): boolean {
	const b = bodyObject(body);
	return typeof b.code === 'string' || (typeof b.error === 'string' && 'details' in b);
}

const PLAN_LIMIT = ['plan_api_limit_exceeded', 'api_limit_exceeded'];

/** When Outlit said a retry may succeed, as "after <time>" or "in N s"; undefined when it did not. */
function retryWhen(resetAt: unknown, headers: Record<string, unknown>): string | undefined {
	if (typeof resetAt === 'number' && Number.isFinite(resetAt)) return `after ${new Date(resetAt).toISOString()}`;
	const waitMs = retryAfterMs(headers, Date.now());
	return waitMs === undefined ? undefined : `in ${Math.ceil(waitMs / 1000)} s`;
}

function whenToRetry(resetAt: unknown, headers: Record<string, unknown>): string {
	const when = retryWhen(resetAt, headers);
	return when === undefined ? 'Retry later.' : `Retry ${when}.`;
}

/** What each gateway tool does, in the words of the node's operations (never the tool's name). */
const TOOL_WORDS: Record<string, string> = {
	outlit_get_integration_capabilities: 'provider capabilities',
	outlit_setup_integration: 'integration setup',
	outlit_get_integration_status: 'integration status',
	outlit_begin_integration_setup: 'browser connections',
	outlit_get_integration_setup_status: 'connection session status',
};

/**
 * Turns a gateway error (any status, the envelope or the older shape) into a readable NodeApiError.
 * Every message and description ends with Outlit's request ID, for Outlit's support.
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
	let refusal: string | undefined;

	if (statusCode === 401 || code === 'INVALID_CREDENTIALS') {
		message = KEY_REJECTED;
		description = KEY_DESCRIPTION;
	} else if (code === 'TOOL_CALL_FORBIDDEN') {
		message = GRANT_MISSING;
		description = 'On the tools gateway a key needs one of these grants for integrations.';
	} else if (code && PLAN_LIMIT.includes(code)) {
		message =
			`Your Outlit plan's API limit is reached${body.plan ? ` (plan "${String(body.plan)}")` : ''}: ` +
			`try again ${retryWhen(body.resetAt, response.headers) ?? 'later'}, or upgrade the plan in the Outlit web app.`;
		description = `${said(apiMessage)}${whenToRetry(body.resetAt, response.headers)} Upgrade the plan for a higher allowance.`;
	} else if (code === 'plan_billing_action_required' || statusCode === 402) {
		message =
			'Outlit needs a billing action on your plan before it accepts this call: settle it under billing in the Outlit web app, then try again.';
		description = `${said(apiMessage)}Open billing in the Outlit web app. ${whenToRetry(body.resetAt, response.headers)}`;
	} else if (statusCode === 403) {
		message = keyForbidden(apiMessage);
		description = KEY_DESCRIPTION;
	} else if (code === 'INVALID_TOOL_INPUT' || (statusCode === 400 && code !== 'INVALID_TOOL_CALL')) {
		const answer = rejectedAnswer(apiMessage, 'invalid input', body.details);
		message = rejectedMessage(answer, body.details);
		description =
			formatDetails(body.details) ??
			'Check the node parameters: the provider, the required fields and any JSON config.';
		if (refusesProvider(apiMessage, body.details)) refusal = answer;
	} else if (code === 'INVALID_TOOL_CALL') {
		message =
			`This Outlit server does not offer ${TOOL_WORDS[tool] ?? 'this'} to the node: set "API" in the Outlit API ` +
			'credential to Automatic or REST Routes (Legacy), or check its Base URL.';
		description = `${said(apiMessage)}Set "API" in the Outlit credential to REST Routes (Legacy) or Automatic, or check the Base URL.`;
	} else if (statusCode === 429) {
		message = `Outlit rate limit reached: try again ${retryWhen(body.resetAt, response.headers) ?? 'in a few seconds'}.`;
		description = `Too many requests. ${whenToRetry(body.resetAt, response.headers)}`;
	} else if (statusCode === 409) {
		message = `Outlit reported a conflict: ${trimmed(apiMessage ?? 'conflict')}. Check the integration in the Outlit web app (another change may be in progress), then try again.`;
		description = 'Another change to this integration is in progress or conflicts; check it in the Outlit web app.';
	} else if (statusCode === 404 && tool === 'outlit_get_integration_setup_status') {
		message = SESSION_NOT_FOUND;
		description = `${said(apiMessage)}Sessions do not survive forever; a new one starts with Connect (Browser Session).`;
	} else if (statusCode >= 500) {
		message = serverErrorMessage(statusCode, apiMessage);
		description = `${said(apiMessage)}This is usually temporary: retry in a moment.`;
	} else {
		message = unexpectedMessage(statusCode, apiMessage);
		description = `The gateway answered ${tool} with an error the node does not know.`;
	}
	if (requestId) description = `${description} (Outlit request ID: ${requestId})`;
	const error = apiError(node, response, body, { message: withRequestId(message, requestId), description, apiMessage }, itemIndex);
	if (refusal !== undefined) refusingProvider(error, refusal);
	return answered(error, { response });
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

/** What the request was sent with, so a network error's advice fits: the node's Request Options. */
export interface NetworkHints {
	/** The node's Request Options apply (the Outlit node; not the trigger). */
	requestOptions?: boolean;
	/** Request Options → Timeout, in milliseconds. */
	timeoutMs?: number;
	/** Request Options → Proxy is set. */
	proxy?: boolean;
}

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'];

/** A system code in plain words: a message must not carry the code itself (see keepMessage). */
function networkReason(code: string | undefined, hints: NetworkHints): string {
	if (code === 'ECONNREFUSED') return 'the connection was refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its host name was not found';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed';
	if (code !== undefined && TIMEOUT_CODES.includes(code)) {
		return hints.timeoutMs ? `no answer within the Timeout of ${hints.timeoutMs} ms` : 'no answer in time';
	}
	return 'no answer';
}

/**
 * A network failure (refused, DNS, TLS, timeout) with the request details left out on purpose.
 * A certificate n8n does not trust is final: another try meets the same certificate. The message
 * names the Base URL (never a user name or password) and what to change.
 */
export function outlitNetworkError(
	node: INode,
	error: unknown,
	baseUrl: string,
	itemIndex?: number,
	hints: NetworkHints = {},
): NodeApiError {
	const code = networkErrorCode(error);
	const reason = code ?? 'no response';
	if (isCertificateCode(reason)) {
		const message =
			`Outlit's TLS certificate at ${baseUrl} was not accepted (${reason}): check the Base URL in the Outlit API credential; ` +
			`for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA${
				hints.requestOptions ? ", or turn on Ignore SSL Issues (Insecure) in the node's Request Options" : ''
			}.`;
		const certificate = keepMessage(
			new NodeApiError(
				node,
				{ networkError: reason },
				{
					message,
					description:
						`${baseUrl} presented a certificate n8n does not trust (${reason}): self-signed, expired, issued for another host name, or signed by a private CA. ` +
						'Check the Base URL in the Outlit credential; for a proxy with its own certificate, start n8n with NODE_EXTRA_CA_CERTS set to its CA, or turn on Ignore SSL Issues (Insecure) in Request Options.',
					httpCode: 'none',
					itemIndex,
				},
			),
			message,
		);
		return answered(certificate, { networkCode: code });
	}
	const timedOut = code !== undefined && TIMEOUT_CODES.includes(code) && hints.timeoutMs !== undefined;
	const advice = timedOut
		? "raise Timeout in the node's Request Options, or try again later"
		: `check the Base URL in the Outlit API credential${hints.proxy ? " and the Proxy in the node's Request Options" : ''}, then try again`;
	const message = `Could not reach Outlit at ${baseUrl} (${networkReason(code, hints)}): ${advice}.`;
	return answered(
		keepMessage(
			new NodeApiError(
				node,
				{ networkError: reason },
				{
					// The code stays out of the message (its reason is in words); it is in the description.
					message,
					description: `No answer from ${baseUrl} (${reason}). Check the Base URL in the Outlit credential and the network.`,
					httpCode: 'none',
					itemIndex,
				},
			),
			message,
		),
		{ networkCode: code },
	);
}

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

/**
 * One of Outlit's two APIs does not answer on this server (retired REST routes, or no gateway):
 * what to set in the credential, and where to do what only the web app does now.
 */
export function contractUnavailableError(
	node: INode,
	error: { contract: 'rest' | 'tools'; statusCode: number },
	shownUrl: string,
	itemIndex?: number,
	situation: ContractSituation = {},
): NodeApiError {
	const rest = error.contract === 'rest';
	const status = error.statusCode;
	const webApp = `${shownUrl}/integrations`;
	let message: string;
	if (situation.neither || (!rest && situation.api === 'auto')) {
		message = `Neither of Outlit's two APIs answered at ${shownUrl} (${status}): check that the Base URL in the Outlit API credential is your Outlit's address.`;
	} else if (rest && situation.api === 'auto' && !situation.trigger) {
		message = `${situation.what ?? 'This'} needs Outlit's older API, which did not answer (${status}): do it in the Outlit web app (${webApp}).`;
	} else if (rest) {
		message =
			`Outlit's REST routes did not answer (${status}) and may be retired: set "API" in the Outlit API credential to ${situation.api === 'auto' ? 'Tools Gateway' : 'Automatic'}; ` +
			`Disconnect and webhook setup are then done in the Outlit web app (${webApp}).`;
	} else {
		message = `This Outlit server has no tools gateway (${status}): set "API" in the Outlit API credential to Automatic or REST Routes (Legacy), or check its Base URL.`;
	}
	return keepMessage(
		new NodeApiError(
			node,
			{ statusCode: status },
			{
				message,
				description: rest
					? `Outlit moved integrations to its tools gateway. Set "API" in the Outlit credential to Automatic or Tools Gateway; what the gateway lacks (Disconnect, webhook setup) is done in the Outlit web app: ${webApp}.`
					: 'Set "API" in the Outlit credential to Automatic or REST Routes (Legacy), or check the Base URL.',
				httpCode: String(status),
				itemIndex,
			},
		),
		message,
	);
}

/** A 2xx whose body is not a JSON object: the Base URL probably points at something else. */
export function notJsonError(node: INode, response: OutlitResponse, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		node,
		{ statusCode: response.statusCode },
		{
			message:
				"Outlit returned a response that is not a JSON object: check that the Base URL in the Outlit API credential points at Outlit's API, not at a proxy's page, then try again.",
			description:
				'The Base URL may point at something other than the Outlit API (a proxy page, for example), or the response was cut off. Check the credential and retry.',
			httpCode: String(response.statusCode),
			itemIndex,
		},
	);
}

/** A 2xx whose JSON does not have the documented shape. */
export function shapeError(node: INode, what: string, itemIndex?: number): NodeApiError {
	const message = `Outlit returned ${what}, which the node cannot read: check that the Base URL in the Outlit API credential points at Outlit's API, then try again.`;
	return keepMessage(
		new NodeApiError(
			node,
			{ statusCode: 200 },
			{
				message,
				description: 'The response did not match the documented shape; check the Base URL and the API setting in the credential.',
				itemIndex,
			},
		),
		message,
	);
}
