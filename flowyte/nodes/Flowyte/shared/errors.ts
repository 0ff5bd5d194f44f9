import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactNode } from './redact';
import type { Refusal } from './sql';

/** A check that fails before any request, as the item's error (the node copy masked). */
export function refusalError(ctx: IExecuteFunctions, itemIndex: number, refusal: Refusal): NodeOperationError {
	return new NodeOperationError(redactNode(ctx.getNode()), refusal.message, { description: refusal.description, itemIndex });
}

/** Keeps n8n errors (their node copy masked) and wraps anything else, so nothing raw leaves the node. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		// `node` is read-only in the types only; n8n copies it into the stored execution data.
		if (error.node) Object.assign(error, { node: redactNode(error.node) });
		return error;
	}
	// An ExpressionError (not a NodeOperationError) explains itself in its description: keep it.
	const description = (error as { description?: unknown } | null)?.description;
	return new NodeOperationError(redactNode(ctx.getNode()), error instanceof Error ? error.message : String(error), {
		itemIndex,
		...(typeof description === 'string' && description ? { description } : {}),
	});
}

/**
 * The item Continue On Fail outputs: the message, and the facts a workflow can branch on (HTTP
 * status, Flowyte's problem code, the invalid fields). On the error output ("Continue (using error
 * output)") n8n takes only items whose keys are error/message/details, so the facts go under details.
 */
export function errorItem(error: NodeApiError | NodeOperationError, onError?: string): IDataObject {
	const facts: IDataObject = {};
	if (error.description) facts.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) facts.httpCode = error.httpCode;
	const context = (error instanceof NodeApiError ? error.errorResponse : undefined) as JsonObject | undefined;
	if (typeof context?.code === 'string') facts.code = context.code;
	if (Array.isArray(context?.errors)) facts.errors = context.errors as IDataObject[];
	return onError === 'continueErrorOutput' ? { error: error.message, details: facts } : { error: error.message, ...facts };
}
