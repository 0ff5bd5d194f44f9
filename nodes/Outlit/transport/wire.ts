import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';

import type { OutlitConnection } from './connection';

/**
 * The wire's vocabulary, below everything that sends: one request as an implementation asks for it,
 * one answer as it comes back, and the sender an implementation is handed.
 */
export interface WireRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** A read, safe to send again after any transient failure (writes retry only when not done). */
	idempotent?: boolean;
}

/** A response whatever its status: callers decide what an error status means. */
export interface OutlitResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** What an implementation needs to talk: the connection, a sender, and the (masked) node for errors. */
export interface Wire {
	connection: OutlitConnection;
	node: INode;
	send(request: WireRequest, itemIndex?: number): Promise<OutlitResponse>;
}
