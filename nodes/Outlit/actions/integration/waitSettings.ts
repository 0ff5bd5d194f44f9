import type { IExecuteFunctions } from 'n8n-workflow';

import { readOption, readSeconds } from '../../shared/params';
import type { WaitSettings } from '../../shared/wait';
import { POLL_INTERVAL_MAX_S, TIMEOUT_MAX_S } from './common';

/** Poll interval, timeout and the unsuccessful-outcome option, validated. */
export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): Omit<WaitSettings, 'sessionId'> {
	return {
		intervalMs: readSeconds(ctx, itemIndex, 'pollInterval', 'Poll Interval', POLL_INTERVAL_MAX_S, 2),
		timeoutMs: readSeconds(ctx, itemIndex, 'timeout', 'Timeout', TIMEOUT_MAX_S, 300),
		continueOnUnsuccessful: readOption<boolean>(ctx, itemIndex, 'continueOnUnsuccessful', false) === true,
	};
}
