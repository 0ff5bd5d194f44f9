import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOption } from '../shared/params';
import { DEFAULT_MAX_RETRY_WAIT_S, type RetryPolicy } from '../transport';

const RETRY_WHEN =
	"Whether to try a request again when Outlit's rate limit is reached, Outlit has a temporary problem, or it does not answer, waiting as long as Outlit asks. On unless turned off here.";

/**
 * The retry settings, as options of each operation that sends requests (its Options collection, as
 * n8n puts settings that are not what the operation is about). Not n8n's own Retry On Fail: that runs
 * the whole node again, so it would send again a Connect or a setup step that may have taken effect;
 * these retry one request, and a write only when it cannot have taken effect (Outlit says it was
 * not done, or it never reached Outlit).
 *
 * `writes`: the operation changes something in Outlit (Connect, Disconnect, Run Setup Step).
 * Wait for Connection has none: its polls retry by their own rule, within its timeout.
 */
export function retryOptions(writes: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: DEFAULT_MAX_RETRY_WAIT_S,
			description: `The longest one request may wait in total between tries (${DEFAULT_MAX_RETRY_WAIT_S} when not set). If Outlit asks for a longer wait, the node stops with an error that says when to try again.`,
			// Hidden only when retries are turned off: not set means on.
			displayOptions: { hide: { retryTransientErrors: [false] } },
		},
		{
			displayName: 'Retry Transient Errors',
			name: 'retryTransientErrors',
			type: 'boolean',
			default: true,
			description: writes ? `${RETRY_WHEN} A change that may already have been made in Outlit is never sent twice.` : RETRY_WHEN,
		},
	];
}

export function readRetryPolicy(ctx: IExecuteFunctions): RetryPolicy {
	// Once per execution (item 0), as n8n reads its own node settings.
	const enabled = readOption<unknown>(ctx, 0, 'retryTransientErrors', true) !== false;
	const seconds = Number(readOption<unknown>(ctx, 0, 'maxRetryWait', DEFAULT_MAX_RETRY_WAIT_S));
	// Anything but a finite number of seconds (an expression may give one) allows no wait at all.
	return { enabled, maxWaitMs: Number.isFinite(seconds) ? Math.max(seconds, 0) * 1000 : 0 };
}
