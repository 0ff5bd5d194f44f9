import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { routeRequest, type OutlitRoute } from '../../transport';

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	route: OutlitRoute;
	/** Reads and validates the parameters and writes qs/body; throws before any request on bad input. */
	build: (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<void> | void;
	output: PostReceiveAction;
	fields: INodeProperties[];
}

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/** One declarative operation: its option (with routing) and its fields, shown only for it. */
export function defineOperation(spec: OperationSpec): Operation {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: routeRequest(spec.route),
				send: {
					preSend: [
						async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
							request.qs = { ...(request.qs ?? {}) };
							await spec.build.call(this, request);
							return request;
						},
					],
				},
				output: { postReceive: [spec.output] },
			},
		},
		fields: spec.fields.map((field) => ({
			...field,
			displayOptions: {
				...field.displayOptions,
				show: {
					resource: ['integration'],
					operation: [spec.value],
					...field.displayOptions?.show,
				},
			},
		})),
	};
}
