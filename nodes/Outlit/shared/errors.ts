import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactNode } from './redact';
import type { ItemScope } from './scope';

/**
 * Keeps n8n errors (with their node copy masked, see redactNode) and wraps anything else, so
 * nothing raw, and no secret parameter, leaves the node.
 */
export function asNodeError(
	ctx: ItemScope,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		// `node` is read-only in the types only; n8n copies it into the stored execution data.
		if (error.node) Object.assign(error, { node: redactNode(error.node) });
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error), {
		itemIndex: ctx.getItemIndex(),
	});
}
