import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { itemScope, type ItemScope } from '../../shared/scope';
import { credentialBaseUrl, routeRequest, type OutlitRoute } from '../../transport';

interface BaseSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	fields: INodeProperties[];
}

/** A request/response operation, run by n8n's RoutingNode. */
export interface DeclarativeSpec extends BaseSpec {
	route: OutlitRoute;
	/** Reads and validates the parameters and writes qs/body; throws before any request on bad input. */
	build: (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<void> | void;
	output: PostReceiveAction;
}

/**
 * An operation that may wait. n8n hands the execution's cancel signal only to execute contexts,
 * not to RoutingNode, so these run as the node's `customOperations`, one item at a time.
 */
export interface CustomSpec extends BaseSpec {
	run: (this: IExecuteFunctions, item: ItemScope) => Promise<IDataObject[]>;
}

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	custom?: CustomOperation;
}

function scopedFields(value: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { resource: ['integration'], operation: [value], ...field.displayOptions?.show },
		},
	}));
}

function optionOf({ name, value, action, description }: BaseSpec): INodePropertyOptions {
	return { name, value, action, description };
}

/** One declarative operation: its option (with routing) and its fields, shown only for it. */
export function defineOperation(spec: DeclarativeSpec): Operation {
	return {
		option: {
			...optionOf(spec),
			routing: {
				request: routeRequest(spec.route),
				send: {
					preSend: [
						async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
							// A key that cannot be an Outlit key fails here, naming the credential field.
							await credentialBaseUrl.call(this);
							request.qs = { ...(request.qs ?? {}) };
							await spec.build.call(this, request);
							return request;
						},
					],
				},
				output: { postReceive: [spec.output] },
			},
		},
		fields: scopedFields(spec.value, spec.fields),
	};
}

/** One custom operation, with the per-item loop, pairedItem and continueOnFail n8n expects. */
export function defineCustomOperation(spec: CustomSpec): Operation {
	return {
		option: optionOf(spec),
		fields: scopedFields(spec.value, spec.fields),
		async custom(this: IExecuteFunctions) {
			const output: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				const item = itemScope(this, itemIndex);
				const pairedItem = { item: itemIndex };
				try {
					for (const json of await spec.run.call(this, item)) output.push({ json, pairedItem });
				} catch (error) {
					const nodeError = asNodeError(item, error);
					if (!this.continueOnFail()) throw nodeError;
					output.push({ json: { error: nodeError.message }, error: nodeError, pairedItem });
				}
			}
			return [output];
		},
	};
}
