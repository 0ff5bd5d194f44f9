import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ItemScope } from './scope';

/** Older n8n-workflow releases ignore sleep's abort signal, so long waits are cut into slices. */
const SLICE_MS = 500;

export function throwIfCancelled(ctx: ItemScope, signal?: AbortSignal): void {
	if (signal?.aborted) {
		// n8n files an execution whose error mentions "canceled" as canceled, not failed.
		throw new NodeOperationError(ctx.getNode(), 'The wait was canceled', {
			description: 'The execution was stopped while waiting for the connection.',
			itemIndex: ctx.getItemIndex(),
		});
	}
}

/** Sleeps `ms`, returning early (by throwing) as soon as the execution is cancelled. */
export async function pause(
	ctx: ItemScope,
	ms: number,
	signal?: AbortSignal,
): Promise<void> {
	let left = ms;
	while (left > 0) {
		throwIfCancelled(ctx, signal);
		const slice = Math.min(left, SLICE_MS);
		try {
			await sleep(slice, signal);
		} catch {
			// Newer sleep rejects on abort; the check below turns that into the node's own error.
		}
		left -= slice;
	}
	throwIfCancelled(ctx, signal);
}
