import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { redactNode } from './redact';

/**
 * What parameter readers and the wait need from "the current item": the declarative context
 * (IExecuteSingleFunctions) is one already; a custom operation builds one per item.
 */
export interface ItemScope {
	/** The node for errors: secret parameters masked (see redactNode). */
	getNode(): INode;
	getItemIndex(): number;
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

export function itemScope(ctx: IExecuteFunctions, itemIndex: number): ItemScope {
	return {
		getNode: () => redactNode(ctx.getNode()),
		getItemIndex: () => itemIndex,
		getNodeParameter: (name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback),
		getExecutionCancelSignal: () => ctx.getExecutionCancelSignal(),
	};
}
