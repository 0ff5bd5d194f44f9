import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { findProvider } from '../catalog/providers';
import {
	assertOutlitSuccess,
	credentialBaseUrl,
	isTransientStatus,
	outlitApiError,
	outlitRawRequest,
	retryAfterMs,
	type OutlitContext,
	type OutlitResponse,
} from '../transport';
import { asNodeError } from './errors';
import type { ItemScope } from './scope';
import { pause, throwIfCancelled } from './sleep';

export const SESSION_STATUSES = ['pending', 'connected', 'failed', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface WaitSettings {
	sessionId: string;
	intervalMs: number;
	timeoutMs: number;
	continueOnUnsuccessful: boolean;
}

/** Longest pause between polls after repeated transient errors (unless Outlit asks for longer). */
const MAX_BACKOFF_MS = 60_000;

function providerName(id: unknown): string {
	return findProvider(id)?.name ?? (typeof id === 'string' && id ? id : 'integration');
}

/**
 * Polls a browser-auth session until it is connected, failed or expired, or the timeout passes.
 *
 * - Never polls again after a terminal status, and never sleeps past the deadline: the last poll
 *   happens at the deadline at the latest.
 * - 408, 429, 5xx and network failures are retried with exponential backoff that honours
 *   Retry-After / X-RateLimit-Reset; any other 4xx ends the wait with its readable error.
 * - Stops at the execution's cancel signal, also in the middle of a pause.
 *
 * `http` makes the requests (it holds the credential); `scope` is the item being processed.
 */
export async function waitForSession(
	http: OutlitContext,
	scope: ItemScope,
	settings: WaitSettings,
): Promise<IDataObject> {
	const { sessionId, intervalMs, timeoutMs } = settings;
	const itemIndex = scope.getItemIndex();
	const signal = scope.getExecutionCancelSignal?.();
	const started = Date.now();
	const deadline = started + timeoutMs;
	let baseUrl: string | undefined;
	let polls = 0;
	let transientStreak = 0;
	let lastStatus: string | undefined;
	let lastProvider: unknown;
	let lastTransient: string | undefined;

	for (;;) {
		throwIfCancelled(scope, signal);
		let response: OutlitResponse | undefined;
		baseUrl ??= await credentialBaseUrl.call(http);
		try {
			response = await outlitRawRequest.call(
				http,
				'getConnectionStatus',
				{ qs: { sessionId } },
				baseUrl,
			);
		} catch (error) {
			// Only a network failure (no HTTP status) is worth another poll.
			const isNetwork = error instanceof NodeApiError && error.httpCode === 'none';
			if (!isNetwork) throw asNodeError(scope, error);
			lastTransient = (error as NodeApiError).message;
		}
		polls++;

		let delay = intervalMs;
		if (response && response.statusCode < 400) {
			const body = assertOutlitSuccess.call(http, 'getConnectionStatus', response, itemIndex);
			const status = body.status as SessionStatus;
			if (!SESSION_STATUSES.includes(status)) {
				throw new NodeApiError(
					scope.getNode(),
					{ statusCode: response.statusCode },
					{
						message: `Outlit returned an unknown session status: ${JSON.stringify(body.status)}`,
						description: `Expected one of ${SESSION_STATUSES.join(', ')}.`,
						itemIndex,
					},
				);
			}
			transientStreak = 0;
			lastStatus = status;
			lastProvider = body.provider;
			if (status !== 'pending') {
				return finish(scope, settings, {
					status,
					provider: body.provider,
					error: body.error,
					polls,
					waitedMs: Date.now() - started,
				});
			}
		} else if (!response || isTransientStatus(response.statusCode)) {
			transientStreak++;
			if (response) lastTransient = `HTTP ${response.statusCode}`;
			const backoff = Math.min(intervalMs * 2 ** (transientStreak - 1), MAX_BACKOFF_MS);
			const asked = response ? retryAfterMs(response.headers, Date.now()) : undefined;
			delay = Math.max(backoff, asked ?? 0);
		} else {
			throw outlitApiError(scope.getNode(), 'getConnectionStatus', response, itemIndex);
		}

		const now = Date.now();
		if (now >= deadline) {
			return finish(scope, settings, {
				status: lastStatus ?? 'unknown',
				provider: lastProvider,
				polls,
				waitedMs: now - started,
				timedOut: true,
				lastError: lastTransient,
			});
		}
		await pause(scope, Math.min(delay, deadline - now), signal);
	}
}

interface Outcome {
	status: string;
	provider: unknown;
	error?: unknown;
	polls: number;
	waitedMs: number;
	timedOut?: boolean;
	lastError?: string;
}

function finish(scope: ItemScope, settings: WaitSettings, outcome: Outcome): IDataObject {
	const { sessionId, timeoutMs, continueOnUnsuccessful } = settings;
	const item: IDataObject = {
		sessionId,
		provider: (outcome.provider as string) ?? null,
		status: outcome.status,
		...(typeof outcome.error === 'string' ? { error: outcome.error } : {}),
		polls: outcome.polls,
		waitedMs: outcome.waitedMs,
		...(outcome.timedOut ? { timedOut: true } : {}),
	};
	if (outcome.status === 'connected' || continueOnUnsuccessful) return item;

	const name = providerName(outcome.provider);
	const retry =
		'Start a new session with Connect (browser session), or turn on "Continue on Unsuccessful" to handle this in the workflow.';
	if (outcome.timedOut) {
		const seconds = Number((timeoutMs / 1000).toFixed(2));
		throw new NodeOperationError(
			scope.getNode(),
			`Timed out after ${seconds} s waiting for the ${name} connection`,
			{
				description:
					`The session was still ${outcome.status} after ${outcome.polls} polls` +
					`${outcome.lastError ? ` (last error: ${outcome.lastError})` : ''}. ` +
					'Raise "Timeout", or send the connect URL to the user again.',
				itemIndex: scope.getItemIndex(),
			},
		);
	}
	throw new NodeOperationError(scope.getNode(), `The ${name} connection ${outcome.status}`, {
		description: `${typeof outcome.error === 'string' ? `Outlit said: ${outcome.error}. ` : ''}${retry}`,
		itemIndex: scope.getItemIndex(),
	});
}
