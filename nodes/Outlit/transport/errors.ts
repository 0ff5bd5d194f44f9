import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OutlitRoute } from './routes';

/** What an error needs to know about the response, whichever way it was received. */
export interface OutlitResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** Timeouts, rate limits and server errors: worth another try; any other 4xx is not. */
export function isTransientStatus(statusCode: number): boolean {
	return statusCode === 408 || statusCode === 425 || statusCode === 429 || statusCode >= 500;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
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
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
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

function bodyObject(body: unknown): IDataObject {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

function formatDetails(details: unknown): string | undefined {
	if (!Array.isArray(details) || details.length === 0) return undefined;
	return details
		.map((issue) => {
			const { path, message } = bodyObject(issue);
			const where = Array.isArray(path) && path.length ? path.join('.') : '(request)';
			return `${where}: ${typeof message === 'string' ? message : 'invalid'}`;
		})
		.join('; ');
}

const NOT_FOUND: Partial<Record<OutlitRoute, string>> = {
	disconnect: 'The integration is not connected, so there is nothing to disconnect',
	getConnectionStatus: 'Outlit has no connection session with this ID',
};

/**
 * Turns an Outlit error response into a NodeApiError a person can act on. The API's own message is
 * kept; the description says what to do. Only fields Outlit documents are copied, so nothing from
 * the request (the API key, provider credentials) can reach the error.
 */
export function outlitApiError(
	node: INode,
	route: OutlitRoute,
	response: OutlitResponse,
	itemIndex?: number,
): NodeApiError {
	const { statusCode } = response;
	const body = bodyObject(response.body);
	const apiMessage =
		typeof body.error === 'string'
			? body.error
			: typeof body.message === 'string'
				? body.message
				: undefined;
	let message: string;
	let description: string;

	if (statusCode === 400) {
		message = `Outlit rejected the request: ${apiMessage ?? 'invalid request'}`;
		description =
			formatDetails(body.details) ??
			'Check the node parameters: the provider ID, the required fields and any JSON config.';
	} else if (statusCode === 401) {
		message = 'Outlit did not accept the API key';
		description =
			'Open the Outlit credential and paste a valid Platform API key (it starts with ok_). ' +
			'The key may have been revoked, or the Base URL may point at another Outlit instance.';
	} else if (statusCode === 403 && body.code === 'plan_connection_limit_exceeded') {
		message = `Your Outlit plan's integration connection limit is reached`;
		description =
			`Plan "${String(body.plan ?? 'unknown')}" allows ${String(body.limit ?? '?')} connected ` +
			`integrations and ${String(body.currentConnections ?? '?')} are in use. ` +
			'Disconnect an integration or upgrade the plan, then retry.';
	} else if (statusCode === 403) {
		message = `Outlit refused the request: ${apiMessage ?? 'forbidden'}`;
		description = 'The API key is valid but not allowed to do this. Check the key and the plan.';
	} else if (statusCode === 404) {
		message = NOT_FOUND[route] ?? `Outlit could not find it: ${apiMessage ?? 'not found'}`;
		description =
			route === 'getConnectionStatus'
				? 'Use the sessionId returned by Connect (browser session) in the same Outlit organization; sessions do not survive forever.'
				: apiMessage ?? 'Check the provider and the Base URL in the credential.';
	} else if (statusCode === 429) {
		const waitMs = retryAfterMs(response.headers, Date.now());
		message = 'Outlit rate limit reached';
		description =
			waitMs === undefined
				? 'Too many requests. Wait a little and retry, or space requests out with batching.'
				: `Too many requests. Retry in ${Math.ceil(waitMs / 1000)} s.`;
	} else if (statusCode >= 500) {
		message = `Outlit had a server error (${statusCode})`;
		description = `${apiMessage ? `Outlit said: ${apiMessage}. ` : ''}This is usually temporary: retry in a moment.`;
	} else {
		message = `Outlit answered ${statusCode}: ${apiMessage ?? 'unexpected response'}`;
		description = 'The response was not one Outlit documents for this route.';
	}

	const safe: JsonObject = { statusCode, ...(apiMessage ? { message: apiMessage } : {}) };
	for (const key of ['code', 'plan', 'feature', 'currentConnections', 'limit', 'details'] as const) {
		if (body[key] !== undefined) safe[key] = body[key] as JsonObject[string];
	}
	return new NodeApiError(node, safe, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** The system error code (ECONNREFUSED, ETIMEDOUT…), wherever n8n's wrapping put it. */
function errorCode(error: unknown): string | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

/** A network failure (refused, DNS, TLS, timeout) with the request details left out on purpose. */
export function outlitNetworkError(
	node: INode,
	error: unknown,
	baseUrl: string,
	itemIndex?: number,
): NodeApiError {
	const reason = errorCode(error) ?? 'no response';
	return new NodeApiError(
		node,
		{ networkError: reason },
		{
			// The code stays out of the message: NodeApiError swaps messages that contain one.
			message: 'Could not reach Outlit',
			description: `No answer from ${baseUrl} (${reason}). Check the Base URL in the Outlit credential and the network.`,
			httpCode: 'none',
			itemIndex,
		},
	);
}
