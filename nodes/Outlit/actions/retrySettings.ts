import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RETRY_WAIT_S, type RetryPolicy } from '../transport';

/** Node-level settings, shown for every operation. */
export const retryProperties: INodeProperties[] = [
	{
		displayName: 'Retry Transient Errors',
		name: 'retryTransientErrors',
		type: 'boolean',
		default: true,
		description:
			'Whether to retry a rate limit (429), a timeout or server error on a read, a 503, or no answer at all, with backoff that follows Outlit\'s Retry-After. Connect and setup steps are never sent twice when they may have taken effect.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWait',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: DEFAULT_MAX_RETRY_WAIT_S,
		description: 'The longest one request may spend waiting between retries; a longer wait asked by Outlit ends in the error',
		displayOptions: { show: { retryTransientErrors: [true] } },
	},
];

export function readRetryPolicy(ctx: IExecuteFunctions): RetryPolicy {
	const enabled = ctx.getNodeParameter('retryTransientErrors', 0) !== false;
	const seconds = Number(ctx.getNodeParameter('maxRetryWait', 0, DEFAULT_MAX_RETRY_WAIT_S));
	// Anything but a finite number of seconds (an expression may give one) allows no wait at all.
	return { enabled, maxWaitMs: Number.isFinite(seconds) ? Math.max(seconds, 0) * 1000 : 0 };
}
