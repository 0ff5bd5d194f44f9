import { readOption, readSeconds } from '../../shared/params';
import type { ItemScope } from '../../shared/scope';
import type { WaitSettings } from '../../shared/wait';
import { POLL_INTERVAL_MAX_S, TIMEOUT_MAX_S } from './common';

/** Poll interval, timeout and the unsuccessful-outcome option, validated. */
export function readWaitOptions(this: ItemScope): Omit<WaitSettings, 'sessionId'> {
	return {
		intervalMs: readSeconds.call(this, 'pollInterval', 'Poll Interval', POLL_INTERVAL_MAX_S, 2),
		timeoutMs: readSeconds.call(this, 'timeout', 'Timeout', TIMEOUT_MAX_S, 300),
		continueOnUnsuccessful: readOption.call(this, 'continueOnUnsuccessful', false) === true,
	};
}
