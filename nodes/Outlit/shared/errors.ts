import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemScope } from './scope';

/** Keeps n8n errors as they are and wraps anything else, so nothing raw leaves the node. */
export function asNodeError(
	ctx: ItemScope,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error), {
		itemIndex: ctx.getItemIndex(),
	});
}
