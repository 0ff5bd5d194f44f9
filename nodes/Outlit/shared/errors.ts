import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactNode } from '../transport/redact';

/** Keeps n8n errors (their node copy masked) and wraps anything else: nothing raw, no secret, leaves the node. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		// `node` is read-only in the types only; n8n copies it into the stored execution data.
		if (error.node) Object.assign(error, { node: redactNode(error.node) });
		return error;
	}
	return new NodeOperationError(redactNode(ctx.getNode()), error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

/**
 * The item Continue On Fail outputs, with the facts a workflow branches on; in the JSON, since n8n
 * replaces an item that carries `error` with the message alone. The error output takes only items
 * keyed error/message/details, so there the facts go under `details`.
 */
export function errorItem(error: NodeApiError | NodeOperationError, onError?: string): IDataObject {
	const facts: IDataObject = {};
	if (error.description) facts.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) facts.httpCode = error.httpCode;
	const context = (error instanceof NodeApiError ? error.errorResponse : undefined) as IDataObject | undefined;
	for (const key of ['code', 'requestId'] as const) {
		if (typeof context?.[key] === 'string') facts[key] = context[key];
	}
	return onError === 'continueErrorOutput' ? { error: error.message, details: facts } : { error: error.message, ...facts };
}
