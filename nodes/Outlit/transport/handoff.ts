import { MASK } from './redact';

/**
 * Outlit's CLI refuses a browser handoff URL it cannot trust, and so does this node: the URL goes to
 * a person, so one on another origin, over plain http, or carrying credentials would be a phishing
 * or leak path. The rules follow the CLI's `validateHandoffUrl`.
 */
const UNSAFE_QUERY_KEY = /password|secret|credential|token|api[-_]?key|code/i;
const CREDENTIAL_VALUE = /^(?:ok_|rk_|phx_|whsec_)/i;

/**
 * A hostname as WHATWG URL gives it: IPv6 in brackets, and a host of digits and dots only is always an
 * IPv4 address in four dotted decimals (any other all-numeric host is not a valid URL).
 */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || (hostname.startsWith('127.') && /^[\d.]+$/.test(hostname));
}

/** Why the URL is refused, or undefined when it may be shown. Never echoes the URL. */
export function handoffUrlProblem(value: unknown, baseUrl: string): string | undefined {
	if (typeof value !== 'string' || value === '') return 'it is empty';
	let url: URL;
	let base: URL;
	try {
		base = new URL(baseUrl);
		url = new URL(value, base);
	} catch {
		return 'it is not a URL';
	}
	if (url.origin !== base.origin) return "it is not on the Base URL's origin";
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		return 'it does not use https';
	}
	if (url.username || url.password) return 'it carries a user name or password';
	if (url.hash) return 'it has a fragment';
	// The API key or a provider secret of the request, masked in Outlit's answer (http.ts).
	if (value.includes(MASK)) return 'it carries the API key or a provider secret';
	for (const [key, v] of url.searchParams) {
		if (UNSAFE_QUERY_KEY.test(key) || CREDENTIAL_VALUE.test(v)) return 'its query carries credential-like parameters';
	}
	return undefined;
}

/** A browser handoff's fields on an item, flattened from Outlit's `next` (gateway.ts). */
export const HANDOFF_FIELDS = ['sessionId', 'connectUrl', 'expiresAt', 'purpose'] as const;
