import type { IExecuteFunctions } from 'n8n-workflow';

import { readOption, readSeconds } from '../../shared/params';
import type { WaitSettings } from '../../shared/wait';
import { LONG_WAIT_ADVICE, POLL_INTERVAL_MAX_S, TIMEOUT_MAX_S } from './common';

/** Poll interval, timeout (at most an hour) and the unsuccessful-outcome option, validated. */
export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): Omit<WaitSettings, 'sessionId'> {
	return {
		intervalMs: readSeconds(ctx, itemIndex, 'pollInterval', 'Poll Interval', POLL_INTERVAL_MAX_S, 2),
		timeoutMs: readSeconds(ctx, itemIndex, 'timeout', 'Timeout', TIMEOUT_MAX_S, 300, `${LONG_WAIT_ADVICE}.`),
		continueOnUnsuccessful: readOption<boolean>(ctx, itemIndex, 'continueOnUnsuccessful', false) === true,
	};
}
