import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../transport';

export interface Batching {
	size: number;
	intervalMs: number;
}

/**
 * n8n adds a "Request Options" setting (batching, timeout, proxy, SSL) to every node without an
 * `execute` method and applies it in its RoutingNode. The operations here run as customOperations,
 * so they read and apply it themselves, the same way.
 */
export function readRequestOptions(ctx: IExecuteFunctions): { settings: RequestSettings; batching?: Batching } {
	const options = (ctx.getNodeParameter('requestOptions', 0, {}) ?? {}) as IDataObject;
	const settings: RequestSettings = {};
	const timeout = Number(options.timeout);
	// In milliseconds, at least 1 as n8n's own field allows; anything else (0, negative, from an
	// expression) means no timeout, as it does for n8n's request helper.
	if (Number.isFinite(timeout) && timeout >= 1) settings.timeout = timeout;
	if (options.allowUnauthorizedCerts === true) settings.skipSslCertificateValidation = true;
	if (typeof options.proxy === 'string' && options.proxy.trim() !== '') {
		settings.proxy = parseProxy(ctx, options.proxy.trim());
	}
	const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const size = Number(batch.batchSize);
	const intervalMs = Number(batch.batchInterval);
	const batching = intervalMs > 0 && size >= 0 ? { size: Math.max(1, size), intervalMs } : undefined;
	return { settings, batching };
}

function parseProxy(ctx: IExecuteFunctions, proxy: string): RequestSettings['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
	} catch {
		// Not a URL: one without a port, refused below like any other.
		url = new URL('http://invalid');
	}
	if (!url.hostname || !url.port) {
		// The proxy is not shown: it may carry a user name and password.
		throw new NodeOperationError(ctx.getNode(), "The Proxy in the node's Request Options is not valid: give a host and a port, e.g. http://myproxy:3128, or leave it empty.", {
			description: `The proxy URL needs a host and a port, e.g. http://myproxy:3128.`,
		});
	}
	return {
		host: url.hostname,
		port: Number(url.port),
		protocol: url.protocol.slice(0, -1), // "http:" -> "http"
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}
