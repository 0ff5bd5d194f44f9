import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactNode } from '../shared/redact';
import { CREDENTIAL_TYPE, type OutlitConnection, type OutlitContext } from './connection';
import { outlitNetworkError } from './errors';

/** What n8n's Request Options setting asks of every request (timeout, proxy, certificates). */
export interface RequestSettings {
	timeout?: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
}

export interface WireRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** A response whatever its status: callers decide what an error status means. */
export interface OutlitResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** JSON bodies arrive parsed; anything else (HTML from a proxy, truncated JSON) stays text. */
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
 * The package's only HTTP call. Status errors come back as responses; a failure to get an answer
 * throws a NodeApiError that names the Base URL but never the request (its headers carry the key).
 */
export async function sendOutlitRequest(
	ctx: OutlitContext,
	connection: OutlitConnection,
	request: WireRequest,
	settings: RequestSettings = {},
	itemIndex?: number,
): Promise<OutlitResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.baseUrl}${request.path}`,
		json: true,
		headers: { Accept: 'application/json' },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		...(request.qs ? { qs: request.qs } : {}),
		...(request.body ? { body: request.body } : {}),
		...(settings.timeout ? { timeout: settings.timeout } : {}),
		...(settings.proxy ? { proxy: settings.proxy } : {}),
		...(settings.skipSslCertificateValidation ? { skipSslCertificateValidation: true } : {}),
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// A credential problem reads well as it is; anything else is a failure to get an answer,
		// replaced by an error that names only the Base URL and the error code.
		if (error instanceof NodeOperationError) {
			throw new NodeOperationError(redactNode(ctx.getNode()), error.message, {
				description: error.description ?? undefined,
				itemIndex,
			});
		}
		throw outlitNetworkError(redactNode(ctx.getNode()), error, connection.shownUrl, itemIndex);
	}
	return {
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as Record<string, unknown>,
		body: parseBody(response.body),
	};
}
