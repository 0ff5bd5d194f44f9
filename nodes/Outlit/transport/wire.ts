import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';

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

/** The credential's "API" choice: which of Outlit's two contracts to speak. */
export type ApiChoice = 'auto' | 'tools' | 'rest';

export interface OutlitConnection {
	/** Without trailing slashes, so paths can be appended. */
	baseUrl: string;
	/** The Base URL as messages may show it: without a user name or password. */
	shownUrl: string;
	api: ApiChoice;
	/**
	 * The decrypted credential the connection was read from: requests hand it to n8n instead of
	 * having n8n load and decrypt the credential again for every one. Not enumerable (readConnection).
	 */
	readonly credentials?: ICredentialDataDecryptedObject;
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
