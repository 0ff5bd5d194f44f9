import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactNode } from '../shared/redact';
import { outlitApiError, outlitNetworkError, type OutlitResponse } from './errors';
import { ROUTES, type OutlitRoute } from './routes';

export type OutlitContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'outlitApi';
export const DEFAULT_BASE_URL = 'https://app.outlit.ai';

export interface OutlitRequest {
	qs?: IDataObject;
	body?: IDataObject;
}

/**
 * Reads the credential once and checks what can be checked without a request: a key that is not
 * an Outlit Platform key, or a Base URL that is not http(s), fails here with a message naming the
 * field. Returns the normalised base URL.
 */
export async function credentialBaseUrl(this: OutlitContext): Promise<string> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string }>(
		CREDENTIAL_TYPE,
	);
	const apiKey = String(credentials.apiKey ?? '').trim();
	if (!apiKey.startsWith('ok_')) {
		throw new NodeOperationError(redactNode(this.getNode()), 'The Outlit API key must start with "ok_"', {
			description:
				'Open the Outlit credential and paste a Platform API key from Outlit (Settings → API keys). ' +
				'Public ingest keys and provider keys do not work here.',
		});
	}
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		throw new NodeOperationError(redactNode(this.getNode()), 'The Outlit Base URL is not a valid http(s) URL', {
			description: `Set Base URL in the Outlit credential to ${DEFAULT_BASE_URL} or your proxy's URL.`,
		});
	}
	return baseUrl;
}

/** JSON bodies arrive parsed; anything else (HTML from a proxy, truncated JSON) is malformed. */
export function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function isJsonObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One request to a named route, whatever the status: 4xx/5xx come back as responses so callers
 * that retry (the session wait) can see them. Network failures throw a NodeApiError that names the
 * Base URL but never the request (its headers carry the API key).
 */
export async function outlitRawRequest(
	this: OutlitContext,
	route: OutlitRoute,
	request: OutlitRequest = {},
	baseUrl?: string,
): Promise<OutlitResponse> {
	const base = baseUrl ?? (await credentialBaseUrl.call(this));
	const { method, path } = ROUTES[route];
	const options: IHttpRequestOptions = {
		method,
		url: `${base}${path}`,
		json: true,
		headers: { Accept: 'application/json' },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		...(request.qs ? { qs: request.qs } : {}),
		...(request.body ? { body: request.body } : {}),
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// A credential problem reads well as it is. Anything else is a failure to get an answer
		// (status errors are ignored above); n8n's wrapper of it may carry the request, so it is
		// replaced by one that names only the Base URL and the error code.
		if (error instanceof NodeOperationError) {
			throw new NodeOperationError(redactNode(this.getNode()), error.message, {
				description: error.description ?? undefined,
			});
		}
		throw outlitNetworkError(redactNode(this.getNode()), error, base);
	}
	return {
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as Record<string, unknown>,
		body: parseBody(response.body),
	};
}

/** Raises the readable error for an error status, or for a success body that is not a JSON object. */
export function assertOutlitSuccess(
	this: OutlitContext,
	route: OutlitRoute,
	response: OutlitResponse,
	itemIndex?: number,
): IDataObject {
	if (response.statusCode >= 400) {
		throw outlitApiError(redactNode(this.getNode()), route, response, itemIndex);
	}
	if (!isJsonObject(response.body)) {
		throw new NodeApiError(
			redactNode(this.getNode()),
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
	return response.body;
}

/** One request to a named route that returns the JSON body or throws a readable NodeApiError. */
export async function outlitApiRequest(
	this: OutlitContext,
	route: OutlitRoute,
	request: OutlitRequest = {},
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await outlitRawRequest.call(this, route, request);
	return assertOutlitSuccess.call(this, route, response, itemIndex);
}
