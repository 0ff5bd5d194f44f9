import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { assertOutlitSuccess, parseBody, type OutlitResponse, type OutlitRoute } from '../transport';
import { toItems } from './items';

export function asOutlitResponse(response: IN8nHttpFullResponse): OutlitResponse {
	return {
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as Record<string, unknown>,
		body: parseBody(response.body),
	};
}

type Shape = (this: IExecuteSingleFunctions, body: IDataObject) => IDataObject[] | Promise<IDataObject[]>;
type Recover = (
	this: IExecuteSingleFunctions,
	response: OutlitResponse,
) => IDataObject[] | undefined;

/**
 * The postReceive of every operation: the requests run with ignoreHttpStatusErrors, so this is the
 * one place an Outlit error status becomes a readable NodeApiError (or, via `recover`, a documented
 * non-error item), and a success body is shaped into paired output items.
 */
export function respond(route: OutlitRoute, shape: Shape, recover?: Recover): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		raw: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const response = asOutlitResponse(raw);
		const recovered = response.statusCode >= 400 ? recover?.call(this, response) : undefined;
		if (recovered) return toItems.call(this, recovered);
		const body = assertOutlitSuccess.call(this, route, response, this.getItemIndex());
		return toItems.call(this, await shape.call(this, body));
	};
}
