import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { canceledError } from './errors';

/** Older n8n-workflow releases ignore sleep's abort signal, so long waits are cut into slices. */
const SLICE_MS = 500;

export function throwIfCancelled(ctx: IExecuteFunctions, itemIndex: number): void {
	if (ctx.getExecutionCancelSignal()?.aborted) throw canceledError(ctx.getNode(), itemIndex);
}

/** Sleeps `ms`, returning early (by throwing) as soon as the execution is cancelled. */
export async function pause(ctx: IExecuteFunctions, itemIndex: number, ms: number): Promise<void> {
	const signal = ctx.getExecutionCancelSignal();
	let left = ms;
	while (left > 0) {
		throwIfCancelled(ctx, itemIndex);
		const slice = Math.min(left, SLICE_MS);
		try {
			await sleep(slice, signal);
		} catch {
			// Newer sleep rejects on abort; the check below turns that into the node's own error.
		}
		left -= slice;
	}
	throwIfCancelled(ctx, itemIndex);
}
