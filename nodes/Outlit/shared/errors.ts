import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactNode } from './redact';

/**
 * Keeps n8n errors (with their node copy masked, see redactNode) and wraps anything else, so
 * nothing raw, and no secret parameter, leaves the node.
 */
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

/** The item Continue On Fail outputs: enough for a workflow to branch on the cause without parsing text. */
export function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	const context = (error instanceof NodeApiError ? error.errorResponse : undefined) as IDataObject | undefined;
	for (const key of ['code', 'requestId'] as const) {
		if (typeof context?.[key] === 'string') json[key] = context[key];
	}
	return json;
}
