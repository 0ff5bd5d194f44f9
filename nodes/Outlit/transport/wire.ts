import type { INode } from 'n8n-workflow';

import type { OutlitConnection } from './connection';
import type { OutlitResponse, WireRequest } from './http';

/** What an implementation needs to talk: the connection, a sender, and the (masked) node for errors. */
export interface Wire {
	connection: OutlitConnection;
	node: INode;
	send(request: WireRequest, itemIndex?: number): Promise<OutlitResponse>;
}
