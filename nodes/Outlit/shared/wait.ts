import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findProvider } from '../catalog/providers';
import { backoffMs, parameterError, transientInfo, unknownSessionStatusError, withoutEndPeriod, type OutlitClient, type SessionState } from '../transport';
import { pause, throwIfCancelled } from '../transport/sleep';
import { asNodeError } from './errors';

const SESSION_STATUSES = ['pending', 'connected', 'failed', 'expired'] as const;

export interface WaitSettings {
	sessionId: string;
	intervalMs: number;
	timeoutMs: number;
	continueOnUnsuccessful: boolean;
}

/** Longest pause between polls after repeated transient errors (unless Outlit asks for longer). */
const MAX_POLL_BACKOFF_MS = 60_000;

/**
 * Polls a browser session until it is connected, failed or expired, or the timeout passes (the last
 * poll at the deadline at the latest). What the transport retries for a read is retried here with
 * backoff, honouring Outlit's wait; any other error ends the wait. Stops at the cancel signal.
 */
export async function waitForSession(
	ctx: IExecuteFunctions,
	client: OutlitClient,
	itemIndex: number,
	settings: WaitSettings,
): Promise<IDataObject> {
	const { sessionId, intervalMs, timeoutMs } = settings;
	const started = Date.now();
	const deadline = started + timeoutMs;
	// The polls retry by this loop's rule, not by the transport's, and none outlasts the deadline.
	const api = client.withoutRetries(deadline);
	let polls = 0;
	let transientStreak = 0;
	let last: SessionState | undefined;
	let lastTransient: string | undefined;

	for (;;) {
		throwIfCancelled(ctx, itemIndex);
		let delay = intervalMs;
		try {
			const state = await api.sessionStatus(sessionId, itemIndex);
			polls++;
			if (!(SESSION_STATUSES as readonly string[]).includes(state.status)) {
				throw unknownSessionStatusError(ctx.getNode(), state.status, SESSION_STATUSES, itemIndex);
			}
			transientStreak = 0;
			last = state;
			if (state.status !== 'pending') {
				return finish(ctx, itemIndex, settings, { ...state, polls, waitedMs: Date.now() - started });
			}
		} catch (error) {
			const retry = transientInfo(error);
			if (!retry) throw asNodeError(ctx, error, itemIndex);
			polls++;
			transientStreak++;
			lastTransient = (error as Error).message;
			// The transport's backoff from the poll interval, without jitter; Outlit's wait, if longer, wins.
			const backoff = backoffMs(transientStreak - 1, () => 1, { baseMs: intervalMs, capMs: MAX_POLL_BACKOFF_MS });
			delay = Math.max(backoff, retry.retryAfterMs ?? 0);
		}

		const now = Date.now();
		if (now >= deadline) {
			return finish(ctx, itemIndex, settings, {
				status: last?.status ?? 'unknown',
				provider: last?.provider ?? null,
				polls,
				waitedMs: now - started,
				timedOut: true,
				lastError: lastTransient,
			});
		}
		await pause(ctx, itemIndex, Math.min(delay, deadline - now));
	}
}

interface Outcome extends SessionState {
	polls: number;
	waitedMs: number;
	timedOut?: boolean;
	lastError?: string;
}

function finish(ctx: IExecuteFunctions, itemIndex: number, settings: WaitSettings, outcome: Outcome): IDataObject {
	const { sessionId, timeoutMs, continueOnUnsuccessful } = settings;
	const item: IDataObject = {
		sessionId,
		provider: outcome.provider ?? null,
		status: outcome.status,
		...(typeof outcome.error === 'string' ? { error: outcome.error } : {}),
		polls: outcome.polls,
		waitedMs: outcome.waitedMs,
		...(outcome.timedOut ? { timedOut: true } : {}),
	};
	if (outcome.status === 'connected' || continueOnUnsuccessful) return item;

	// A provider the catalog does not know yet is named by its ID.
	const name = findProvider(outcome.provider)?.name ?? (outcome.provider || 'integration');
	const fail = (message: string, description: string) => parameterError(ctx.getNode(), message, description, itemIndex);
	const { lastError } = outcome;
	const lastSaid = lastError === undefined ? undefined : withoutEndPeriod(lastError);
	if (outcome.timedOut) {
		const waited = `Timed out after ${Number((timeoutMs / 1000).toFixed(2))} s waiting for the ${name} connection`;
		// No poll answered: the last error says why, and what to do about it.
		throw fail(
			outcome.status === 'unknown' && lastError
				? `${waited}: no poll got an answer, so the session's state is unknown. Last error: ${lastSaid}. Fix that, then run Get Connection Status with Session ID ${sessionId} to see where the connection stands.`
				: `${waited}, still ${outcome.status}: raise "Timeout", or send the connect URL to the person again and wait once more.`,
			`The session was still ${outcome.status} after ${outcome.polls} polls${lastError ? ` (last error: ${lastSaid})` : ''}. ` +
				'Raise "Timeout", or send the connect URL to the user again.',
		);
	}
	const said = typeof outcome.error === 'string' ? ` (Outlit said: ${withoutEndPeriod(outcome.error)})` : '';
	throw fail(
		`The ${name} connection ${outcome.status}${said}: start a new session with Connect (Browser Session) and send the person its connect URL, ` +
			'or turn on "Continue on Unsuccessful" to handle this in the workflow.',
		`${typeof outcome.error === 'string' ? `Outlit said: ${outcome.error}. ` : ''}` +
			'Start a new session with Connect (browser session), or turn on "Continue on Unsuccessful" to handle this in the workflow.',
	);
}
