import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type OutlitContext } from './connection';
import { canceledError, networkErrorCode, outlitNetworkError, redirectError, requestRefused } from './errors';
import { redactNode, secretsIn, withoutSecrets } from './redact';
import { nextRetryWait, notePace, reserveSlot, type Attempt, type Pacer, type RetryPolicy } from './retry';
import { pause } from './sleep';
import type { OutlitConnection, OutlitResponse, WireRequest } from './wire';

/** What n8n's Request Options setting asks of every request (timeout, proxy, certificates). */
export interface RequestSettings {
	timeout?: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	/** Retry Transient Errors / Max Retry Wait; no retries when absent. */
	retry?: RetryPolicy;
	/** A wait's deadline (epoch ms): a request gets the time left, at least LAST_POLL_MS, so none holds the wait past it. */
	deadline?: number;
}

/** What the last poll of a wait may take past its deadline. */
const LAST_POLL_MS = 1000;

/** n8n's own request timeout when Request Options has none (axios.defaults.timeout in n8n). */
const N8N_TIMEOUT_MS = 300_000;

/** JSON bodies arrive parsed; anything else (HTML from a proxy, truncated JSON, nothing) stays text. */
export function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function isJsonObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The Outlit node's context (the trigger's and the credential test's have no cancel signal or Request Options). */
const isExecution = (ctx: OutlitContext): ctx is IExecuteFunctions => 'getExecutionCancelSignal' in ctx;

/** An abortable pause in an execution (even of 0: a stopped execution sends nothing more), a plain one elsewhere. */
async function waitMs(ctx: OutlitContext, ms: number, itemIndex?: number): Promise<void> {
	if (isExecution(ctx)) await pause(ctx, itemIndex ?? 0, ms);
	else await sleep(ms);
}

/**
 * The package's only HTTP call, with its retries. Status errors come back as responses; no answer
 * throws an error naming the Base URL, never the request (its headers carry the key).
 */
export async function sendOutlitRequest(
	ctx: OutlitContext,
	connection: OutlitConnection,
	request: WireRequest,
	settings: RequestSettings = {},
	itemIndex?: number,
	pacer?: Pacer,
): Promise<OutlitResponse> {
	// Bounded: nextRetryWait stops at MAX_ATTEMPTS and at Max Retry Wait.
	for (let n = 0, waited = 0; ; n++) {
		if (pacer) await waitMs(ctx, reserveSlot(pacer, Date.now()), itemIndex);
		const sentAt = Date.now();
		const result = await attemptOnce(ctx, connection, request, settings, itemIndex);
		if (pacer && result.response) notePace(pacer, sentAt, result.response.headers);
		const delay = nextRetryWait(result, request, settings.retry, n, waited);
		if (delay === undefined) {
			if (result.response) return result.response;
			throw result.error;
		}
		await waitMs(ctx, delay, itemIndex);
		waited += delay;
	}
}

async function attemptOnce(
	ctx: OutlitContext,
	connection: OutlitConnection,
	request: WireRequest,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<Attempt> {
	const left = settings.deadline === undefined ? undefined : Math.max(settings.deadline - Date.now(), LAST_POLL_MS);
	// The Request Options timeout (else n8n's), unless a wait's time left is shorter: a poll that hangs
	// still gives up in time for the next one.
	const timeout = left !== undefined && left < (settings.timeout || N8N_TIMEOUT_MS) ? left : settings.timeout;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.baseUrl}${request.path}`,
		// n8n's `json: true` would only add this same header.
		headers: { Accept: 'application/json' },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		// n8n would send the key again to wherever a redirect points, on any origin.
		disableFollowRedirect: true,
		...(request.qs ? { qs: request.qs } : {}),
		...(request.body ? { body: request.body } : {}),
		...(timeout ? { timeout } : {}),
		...(settings.proxy ? { proxy: settings.proxy } : {}),
		...(settings.skipSslCertificateValidation ? { skipSslCertificateValidation: true } : {}),
	};
	let response: IN8nHttpFullResponse;
	try {
		// The credential read once per execution; without it n8n loads and decrypts it per request.
		const data = connection.credentials;
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
			data ? { credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: { ...data } } } : undefined,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// A credential problem reads well as it is; anything else is no answer.
		if (error instanceof NodeOperationError) throw requestRefused(redactNode(ctx.getNode()), error, itemIndex);
		// A stop aborts the request under way: that is no network failure, and a write may have been made.
		if (isExecution(ctx) && ctx.getExecutionCancelSignal()?.aborted) {
			throw canceledError(redactNode(ctx.getNode()), itemIndex, request.idempotent ? 'read' : 'write');
		}
		return {
			error: outlitNetworkError(redactNode(ctx.getNode()), error, connection.shownUrl, itemIndex, {
				requestOptions: isExecution(ctx),
				// Request Options' Timeout is named only when it was the one that ran out.
				timeoutMs: timeout === settings.timeout ? settings.timeout : undefined,
				proxy: settings.proxy !== undefined,
			}),
			networkCode: networkErrorCode(error),
		};
	}
	const answer: OutlitResponse = {
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as Record<string, unknown>,
		// Outlit's words may repeat the API key or a provider secret of the request: masked before anything reads them.
		body: withoutSecrets(parseBody(response.body), [String(connection.credentials?.apiKey ?? '').trim(), ...secretsIn(request.body)]),
	};
	if (answer.statusCode >= 300 && answer.statusCode < 400) {
		throw redirectError(redactNode(ctx.getNode()), answer, connection.shownUrl, itemIndex);
	}
	return { response: answer };
}
