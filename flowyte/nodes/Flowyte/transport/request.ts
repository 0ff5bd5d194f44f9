import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { redactNode } from '../shared/redact';
import { CREDENTIAL_TYPE, type FlowyteConnection } from './connection';
import { flowyteNetworkError, type FlowyteResponse } from './errors';

/** JSON bodies arrive parsed; anything else (an HTML page, cut-off JSON) stays text. */
function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** The Content-Type header, whatever the case of its name. */
function contentType(headers: IN8nHttpFullResponse['headers'] | undefined): string | undefined {
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (name.toLowerCase() === 'content-type' && typeof value === 'string') return value;
	}
	return undefined;
}

/**
 * `POST /integrations/{kind}/connect`, the node's only HTTP call. Status errors come back as
 * responses; no answer at all throws an error that names the API root but never the request.
 */
export async function postConnect(
	ctx: IExecuteFunctions,
	connection: FlowyteConnection,
	kind: string,
	body: IDataObject | undefined,
	itemIndex: number,
): Promise<FlowyteResponse> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		// `kind` is a catalog value (lower-case letters and _), safe in a path as it is.
		url: `${connection.root}/integrations/${kind}/connect`,
		// Accept set here: n8n's `json` option would only add `Accept: application/json`. Bodies are
		// sent as JSON by axios, and answers are parsed below, problem+json included.
		headers: { Accept: 'application/json, application/problem+json' },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		// n8n would send the signed request and its secrets again to wherever a redirect points.
		disableFollowRedirect: true,
		// No body at all for an OAuth connect: the contract's request body is optional.
		...(body ? { body } : {}),
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
			credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: { ...connection.credentials } },
		})) as IN8nHttpFullResponse;
	} catch (error) {
		// The credential is passed in already read, so what n8n throws here is a failure to get an answer.
		throw flowyteNetworkError(redactNode(ctx.getNode()), error, connection.shown, itemIndex);
	}
	return { statusCode: response.statusCode, body: parseBody(response.body), contentType: contentType(response.headers) };
}
