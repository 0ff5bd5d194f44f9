import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { API_KEY_PREFIX, CONNECT_SCOPE } from '../catalog/kinds';
import { scrub } from '../shared/redact';

/** An answer whatever its status: callers decide what an error status means. */
export interface FlowyteResponse {
	statusCode: number;
	body: unknown;
	/** The Content-Type header, when there was one. */
	contentType?: string;
}

export function bodyObject(body: unknown): IDataObject {
	return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** What an error answer says, from RFC 9457 problem+json or the ApiResponse envelope. */
export interface Problem {
	/** The most specific sentence: `detail`, else the envelope's `message`, else `title`. */
	said?: string;
	code?: string;
	/** `errors[]` as `field: message`, in order. */
	fields: string[];
	/** The documented keys only, secrets masked: what the stored error keeps as its context. */
	context: JsonObject;
}

const text = (value: unknown, secrets: readonly string[]) =>
	typeof value === 'string' && value.trim() !== '' ? scrub(value.trim(), secrets) : undefined;

export function readProblem(body: unknown, secrets: readonly string[] = []): Problem {
	const b = bodyObject(body);
	const errors = Array.isArray(b.errors) ? b.errors.map(bodyObject) : [];
	const fields = errors.map(
		(e) => `${text(e.field, secrets) ?? '(request)'}: ${text(e.message, secrets) ?? 'invalid'}`,
	);
	const context: JsonObject = {};
	for (const key of ['type', 'title', 'detail', 'instance', 'code', 'message'] as const) {
		const value = text(b[key], secrets);
		if (value !== undefined) context[key] = value;
	}
	if (typeof b.status === 'number') context.status = b.status;
	if (errors.length) {
		context.errors = errors.map((e) => ({ field: text(e.field, secrets) ?? null, message: text(e.message, secrets) ?? null }));
	}
	return {
		said: text(b.detail, secrets) ?? text(b.message, secrets) ?? text(b.title, secrets),
		code: text(b.code, secrets),
		fields,
		context,
	};
}

/**
 * The contract documents 404 only as RFC 9457 problem+json. So a 404 is Flowyte's when its body is a
 * JSON object served as application/problem+json, or carrying the problem's own members (a `title`
 * and a `status` equal to the answer's). Any other JSON (another API's `{message}` or `{error}`)
 * does not count: the Base URL may point elsewhere.
 */
export function isProblemAnswer(response: FlowyteResponse): boolean {
	const { body } = response;
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
	if (/^\s*application\/problem\+json\s*(;|$)/i.test(response.contentType ?? '')) return true;
	const b = body as IDataObject;
	return typeof b.title === 'string' && b.status === response.statusCode;
}

/**
 * A NodeApiError that keeps exactly this message. n8n swaps a message that mentions ECONNREFUSED,
 * ETIMEDOUT, ENOTFOUND, EACCES, EPERM, GETADDRINFO… for a generic sentence, which would drop what
 * Flowyte said (e.g. `credentials.host: connect ECONNREFUSED 10.0.0.5:5432`); n8n's own nodes set
 * the message after construction for the same reason.
 */
export function apiError(
	node: INode,
	errorResponse: JsonObject,
	options: { message: string; description: string; httpCode?: string; itemIndex?: number },
): NodeApiError {
	const error = new NodeApiError(node, errorResponse, options);
	error.message = options.message;
	return error;
}

/** A sentence ends with one stop, whether or not Flowyte's text had one. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const saidSentence = (said?: string) => (said ? ` Flowyte said: ${sentence(said)}` : '');

/**
 * Turns an error answer into a NodeApiError a person can act on. `kindName` names the integration
 * for a 404; `shown` is the API root as messages may show it.
 */
export function flowyteApiError(
	node: INode,
	response: FlowyteResponse,
	options: { kindName: string; shown: string; secrets: readonly string[]; itemIndex?: number },
): NodeApiError {
	const { statusCode } = response;
	const problem = readProblem(response.body, options.secrets);
	const { said, fields } = problem;
	let message: string;
	let description: string;

	if (statusCode === 400) {
		message = `Flowyte rejected the request as invalid: ${fields.length ? fields.join('; ') : (said ?? 'validation failed')}`;
		description = fields.length
			? `${said ? `Flowyte said: ${sentence(said)} ` : ''}Correct the fields named and run the node again.`
			: 'Check the kind and the connection details, then run the node again.';
	} else if (statusCode === 401) {
		message = 'Flowyte did not accept the API key';
		description =
			`Open the Flowyte API credential and paste an active secret key (it starts with ${API_KEY_PREFIX}) that holds the ${CONNECT_SCOPE} scope. ` +
			`A revoked key, or a Base URL that points at another Flowyte instance, is refused the same way.${saidSentence(said)}`;
	} else if (statusCode === 403) {
		message = `Flowyte refused the connect: the API key needs the ${CONNECT_SCOPE} scope`;
		description =
			`Connecting a data source ingests credentials, so Flowyte asks for ${CONNECT_SCOPE}, a separate scope that read and authoring keys need not carry. ` +
			`Create a key that holds it in the Flowyte dashboard and put it in the Flowyte API credential.${saidSentence(said)}`;
	} else if (statusCode === 404 && isProblemAnswer(response)) {
		message = `${options.kindName} is not available to connect on Flowyte`;
		description = `Flowyte may not offer this integration to your organization yet: choose another kind, or ask Flowyte to enable it.${saidSentence(said)}`;
	} else if (statusCode === 404) {
		message = "Flowyte's connect route was not found: the Base URL may be wrong";
		description = `${options.shown} answered 404 without Flowyte's problem+json, so it may not be the Flowyte API. Set Base URL in the Flowyte API credential to your Flowyte host, e.g. https://flowyte.example.com (the node adds /api/v1).`;
	} else if (statusCode >= 300 && statusCode < 400) {
		message = `Flowyte's Base URL answered with a redirect (${statusCode}), which the node does not follow: set Base URL in the Flowyte API credential to the Flowyte host itself`;
		description = `Following it would send the signed request and the connection's secrets to another address. ${options.shown} redirected, so it may be an old address or a proxy in front of Flowyte.`;
	} else if (statusCode === 429) {
		message = 'Flowyte rate limit reached';
		description = `Too many requests: wait a little and retry, or space the items out.${saidSentence(said)}`;
	} else if (statusCode >= 500) {
		message = `Flowyte had a server error (${statusCode})`;
		description = `This is usually temporary: retry in a moment.${saidSentence(said)}`;
	} else {
		message = `Flowyte answered ${statusCode}: ${said ?? 'unexpected response'}`;
		description = 'Flowyte documents 200, 400 and 404 for this call, and 401/403 for the key.';
	}
	return apiError(node, { statusCode, ...problem.context }, { message, description, httpCode: String(statusCode), itemIndex: options.itemIndex });
}

/** A 2xx whose body is not the documented result. */
export function unexpectedResultError(node: INode, what: string, itemIndex?: number): NodeApiError {
	return apiError(
		node,
		{ statusCode: 200 },
		{
			message: `Flowyte returned ${what}`,
			description:
				'Expected {success: true, data: {oauthUrl} or {status: "connected"}}. Check that Base URL in the Flowyte API credential points at the Flowyte API.',
			itemIndex,
		},
	);
}

/**
 * The system or TLS error code, wherever n8n's wrapping put it: an upper-case code with
 * underscores, so ECONNREFUSED and ETIMEDOUT as well as DEPTH_ZERO_SELF_SIGNED_CERT or
 * ERR_TLS_CERT_ALTNAME_INVALID.
 */
export function networkErrorCode(error: unknown): string | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === 'string' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

/** Node's certificate-verification codes: CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …SELF_SIGNED_CERT… */
export const isCertificateCode = (code: string) => /CERT|SIGNATURE/.test(code);

/** No answer at all (refused, DNS, TLS, timeout), without the request (its headers carry the key). */
export function flowyteNetworkError(node: INode, error: unknown, shown: string, itemIndex?: number): NodeApiError {
	const code = networkErrorCode(error);
	if (code && isCertificateCode(code)) {
		return apiError(node, { networkError: code }, {
			message: "Flowyte's TLS certificate was not accepted",
			description:
				`${shown} presented a certificate n8n does not trust (${code}): self-signed, expired, issued for another host name, or signed by a private CA. ` +
				'Fix the certificate on the Flowyte host, or start n8n with NODE_EXTRA_CA_CERTS set to the CA that signed it, and check Base URL in the Flowyte API credential.',
			httpCode: 'none',
			itemIndex,
		});
	}
	return apiError(node, { networkError: code ?? 'no response' }, {
		message: 'Could not reach Flowyte',
		description: `No answer from ${shown} (${code ?? 'no response'}). Check Base URL in the Flowyte API credential and the network.`,
		httpCode: 'none',
		itemIndex,
	});
}
