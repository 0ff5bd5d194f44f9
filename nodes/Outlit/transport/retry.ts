import { answerOf, bodyObject, header, isCertificateCode, isGatewayEnvelope, isTransientStatus, retryAfterMs } from './errors';
import type { OutlitResponse, WireRequest } from './wire';

/** The node's "Retry Transient Errors" and "Max Retry Wait" settings. */
export interface RetryPolicy {
	enabled: boolean;
	/** Total time one request may spend waiting between attempts. */
	maxWaitMs: number;
}

export const DEFAULT_MAX_RETRY_WAIT_S = 60;

/** A hard stop on attempts, whatever the server asks: every loop is bounded. */
export const MAX_ATTEMPTS = 12;

/** Where backoff starts and the longest it grows to: each caller passes its own. */
export interface Backoff {
	baseMs: number;
	capMs: number;
}

const REQUEST_BACKOFF: Backoff = { baseMs: 250, capMs: 8_000 };

/** 429 and 503 say the request was not carried out, so even a write may be sent again. */
const NOT_DONE = [429, 503];

/** Network errors raised before a connection existed: the request cannot have reached Outlit. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/**
 * Whether an error answer is worth another attempt. A write retries only when the answer says it
 * was not done, so nothing that may have taken effect is sent twice. `retryable: false` always wins.
 */
export function shouldRetryResponse(response: OutlitResponse, request: Pick<WireRequest, 'idempotent'>): boolean {
	const { statusCode } = response;
	if (statusCode < 400) return false;
	const body = bodyObject(response.body);
	if (isGatewayEnvelope(body) && body.retryable === false) return false;
	// The older gateway's plan limit has no `retryable`: it lasts until the billing cycle resets.
	if (body.error === 'api_limit_exceeded' && body.retryable === undefined) return false;
	if (NOT_DONE.includes(statusCode)) return true;
	if (!request.idempotent) return false;
	return isTransientStatus(statusCode) || (isGatewayEnvelope(body) && body.retryable === true);
}

/** A network failure is retried for a read, for a write only when unsent; an untrusted certificate never. */
export function shouldRetryNetworkError(networkCode: string | undefined, request: Pick<WireRequest, 'idempotent'>): boolean {
	if (networkCode !== undefined && isCertificateCode(networkCode)) return false;
	return request.idempotent === true || (networkCode !== undefined && NOT_SENT_CODES.includes(networkCode));
}

/** How long the server asked to wait: the gateway's `resetAt` (epoch ms), else the headers. */
export function serverWaitMs(response: OutlitResponse, now: number): number | undefined {
	const { resetAt } = bodyObject(response.body);
	if (typeof resetAt === 'number' && Number.isFinite(resetAt)) return Math.max(0, resetAt - now);
	return retryAfterMs(response.headers, now);
}

/** Exponential backoff for answers that name no wait: half fixed, half random; `() => 1` gives the ceiling. */
export function backoffMs(attempt: number, random: () => number, backoff: Backoff = REQUEST_BACKOFF): number {
	const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const value = header(headers, name);
	if (value === undefined || value.trim() === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** Pacing runs 5% under the limit, so timing noise does not turn into 429s. */
const PACE_MARGIN = 1.05;

/**
 * How long after a request the next may go once `X-RateLimit-Remaining` is 0: one request's share
 * of the per-second limit. Pacing avoids most 429s instead of only reacting to them.
 */
export function paceMs(headers: Record<string, unknown>): number {
	const remaining = numberHeader(headers, 'x-ratelimit-remaining');
	const limit = numberHeader(headers, 'x-ratelimit-limit');
	if (remaining === undefined || remaining > 0 || limit === undefined || limit <= 0) return 0;
	return (1000 * PACE_MARGIN) / limit;
}

/**
 * Spacing for one execution's requests once the allowance is used up: each request takes the next
 * free slot (`nextAt`, then `gapMs` later), so requests side by side stay under the limit too.
 */
export interface Pacer {
	nextAt: number;
	gapMs: number;
}

export function newPacer(): Pacer {
	return { nextAt: 0, gapMs: 0 };
}

/** Reserves the next send slot and returns how long to wait for it. */
export function reserveSlot(pacer: Pacer, now: number): number {
	const at = Math.max(now, pacer.nextAt);
	pacer.nextAt = at + pacer.gapMs;
	return at - now;
}

/** Learns from an answer's rate-limit headers: the gap to keep, counted from when it was sent. */
export function notePace(pacer: Pacer, sentAt: number, headers: Record<string, unknown>): void {
	pacer.gapMs = paceMs(headers);
	pacer.nextAt = Math.max(pacer.nextAt, sentAt + pacer.gapMs);
}

/** The one rule for every answer: undefined when another try cannot help, else the server's wait (if it said). */
function retryVerdict(attempt: Attempt, request: Pick<WireRequest, 'idempotent'>): { serverWaitMs?: number } | undefined {
	if (!attempt.response) return shouldRetryNetworkError(attempt.networkCode, request) ? {} : undefined;
	if (!shouldRetryResponse(attempt.response, request)) return undefined;
	return { serverWaitMs: serverWaitMs(attempt.response, Date.now()) };
}

/** The rule applied to an error the transport threw, as for a read (the wait's polls are reads). */
export function transientInfo(error: unknown): { retryAfterMs?: number } | undefined {
	const answer = answerOf(error);
	const verdict = answer && retryVerdict(answer, { idempotent: true });
	return verdict && { retryAfterMs: verdict.serverWaitMs };
}

export interface Attempt {
	/** The answer, or the network error (already an n8n error) with its system code. */
	response?: OutlitResponse;
	error?: unknown;
	networkCode?: string;
}

/**
 * How long to wait before attempt `n + 1`, or undefined to stop at this answer: when retries are off,
 * the answer is final, `MAX_ATTEMPTS` are used, or waiting would take the request past `maxWaitMs`
 * (`waited` is what it has waited already). The request's loop is in http.ts.
 */
export function nextRetryWait(
	attempt: Attempt,
	request: Pick<WireRequest, 'idempotent'>,
	policy: RetryPolicy | undefined,
	n: number,
	waited: number,
	random: () => number = Math.random,
): number | undefined {
	const verdict = policy?.enabled === true && n + 1 < MAX_ATTEMPTS ? retryVerdict(attempt, request) : undefined;
	const delay = verdict && (verdict.serverWaitMs ?? backoffMs(n, random));
	return delay === undefined || waited + delay > (policy?.maxWaitMs ?? 0) ? undefined : delay;
}
