import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RETRY_WAIT_S, proxyError, type RequestSettings, type RetryPolicy } from '../transport';

/**
 * What applies to every request of an execution, read once (item 0) as n8n reads its own node
 * settings: n8n's Request Options and the node's retry settings.
 */

/**
 * n8n adds "Request Options" (batching, timeout, proxy, SSL) to every node without an `execute`
 * method and applies them in its RoutingNode; customOperations read and apply them themselves.
 */
export function readRequestOptions(ctx: IExecuteFunctions): { settings: RequestSettings; batching?: { size: number; intervalMs: number } } {
	const options = (ctx.getNodeParameter('requestOptions', 0, {}) ?? {}) as IDataObject;
	const settings: RequestSettings = {};
	const timeout = Number(options.timeout);
	// At least 1 ms as n8n's own field allows; anything else means no timeout, as in n8n's request helper.
	if (Number.isFinite(timeout) && timeout >= 1) settings.timeout = timeout;
	if (options.allowUnauthorizedCerts === true) settings.skipSslCertificateValidation = true;
	if (typeof options.proxy === 'string' && options.proxy.trim() !== '') {
		settings.proxy = parseProxy(ctx, options.proxy.trim());
	}
	const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const size = Number(batch.batchSize);
	const intervalMs = Number(batch.batchInterval);
	// Whole items: an expression's 2.5 would leave items between the batches unrun.
	const batching = intervalMs > 0 && size >= 0 ? { size: Math.max(1, Math.floor(size)), intervalMs } : undefined;
	return { settings, batching };
}

/** Percent-decoded; a literal % that starts no escape (a password such as pa%zz) stays as typed. */
function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function parseProxy(ctx: IExecuteFunctions, proxy: string): RequestSettings['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
	} catch {
		url = new URL('http://invalid'); // no port: refused below
	}
	if (!url.hostname || !url.port) {
		throw proxyError(ctx.getNode());
	}
	return {
		host: url.hostname,
		port: Number(url.port),
		protocol: url.protocol.slice(0, -1), // "http:" -> "http"
		...(url.username ? { auth: { username: decoded(url.username), password: decoded(url.password) } } : {}),
	};
}

const RETRY_WHEN =
	"Whether to try a request again when Outlit's rate limit is reached, Outlit has a temporary problem, or it does not answer, waiting as long as Outlit asks. On unless turned off here.";

/**
 * The retry settings, in each sending operation's Options. Not n8n's Retry On Fail: that runs the
 * whole node again and could repeat a write that took effect; these retry one request, and a write
 * only when it cannot have taken effect. `writes`: Connect, Disconnect, Run Setup Step.
 */
export function retryOptions(writes: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: DEFAULT_MAX_RETRY_WAIT_S,
			description: `The longest one request may wait in total between tries (${DEFAULT_MAX_RETRY_WAIT_S} when not set). If Outlit asks for a longer wait, the node stops with an error that says when to try again.`,
			// Hidden only when retries are turned off: not set means on.
			displayOptions: { hide: { retryTransientErrors: [false] } },
		},
		{
			displayName: 'Retry Transient Errors',
			name: 'retryTransientErrors',
			type: 'boolean',
			default: true,
			description: writes ? `${RETRY_WHEN} A change that may already have been made in Outlit is never sent twice.` : RETRY_WHEN,
		},
	];
}

export function readRetryPolicy(ctx: IExecuteFunctions): RetryPolicy {
	const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
	const seconds = Number(options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_S);
	// Anything but a finite number of seconds (an expression may give one) allows no wait at all.
	return { enabled: options.retryTransientErrors !== false, maxWaitMs: Number.isFinite(seconds) ? Math.max(seconds, 0) * 1000 : 0 };
}
