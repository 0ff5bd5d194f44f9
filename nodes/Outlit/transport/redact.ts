import type { INode, INodeParameters } from 'n8n-workflow';

import { secretFieldKeys } from '../catalog/providers';

/** The keys that hold a provider secret, in a parameter or in a request body. */
const SECRET_KEYS = new Set(secretFieldKeys());

/** Parameters that can hold a provider secret: the secret credential fields and the JSON configs. */
const SECRET_PARAMETERS = new Set([
	...SECRET_KEYS,
	'additionalConfig',
	'setupConfig',
]);

/** What stands for a secret: in a masked parameter, and in Outlit's answers (withoutSecrets). */
export const MASK = '[redacted]';

/** A proxy as typed in Request Options, its user name and password (up to the last "@") masked. */
function maskedProxy(proxy: string): string {
	return proxy.replace(/^([a-z][a-z\d+.-]*:\/\/)?.*@/is, `$1${MASK}@`);
}

/**
 * n8n stores a node error together with a copy of its node, parameters included, in the execution
 * data. Errors raised here carry this copy instead, with every secret-bearing parameter masked.
 */
export function redactNode(node: INode): INode {
	const parameters = { ...node.parameters };
	for (const key of Object.keys(parameters)) {
		// An empty one stays empty: the stored error still shows that nothing was filled in.
		if (SECRET_PARAMETERS.has(key) && parameters[key] !== '') parameters[key] = MASK;
	}
	// Request Options' Proxy may carry a password.
	const options = parameters.requestOptions as INodeParameters | undefined;
	if (options && typeof options === 'object' && typeof options.proxy === 'string') {
		parameters.requestOptions = { ...options, proxy: maskedProxy(options.proxy) };
	}
	return { ...node, parameters };
}

/**
 * Keys named as secrets, for what the catalog does not know (Additional Config for a provider Outlit
 * added later): `clientSecret`, `accessToken`, `password`, `apiKey`… Only the name's end counts, so
 * `tokenType` or `groupKey`, whose values are words Outlit's answers may repeat, are not.
 */
const SECRET_NAME = /(?:secret|token|password|passphrase|api[-_]?key|private[-_]?key)$/i;

/** The provider secrets a request body carries: the strings under a secret key, at any depth. */
export function secretsIn(body: unknown, found: string[] = []): string[] {
	if (body && typeof body === 'object') {
		for (const [key, value] of Object.entries(body)) {
			if ((SECRET_KEYS.has(key) || SECRET_NAME.test(key)) && typeof value === 'string') found.push(value);
			else secretsIn(value, found);
		}
	}
	return found;
}

/** Secrets this short are masked only as a whole word, so that an answer's other words (an ID such as "stripe-test-org") stay whole. */
const SHORT_SECRET = 8;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A secret as a URL carries it; itself if it cannot be encoded (a lone surrogate). */
function urlEncoded(secret: string): string {
	try {
		return encodeURIComponent(secret);
	} catch {
		return secret;
	}
}

/**
 * An answer with every occurrence of these secrets masked in its strings (as sent, trimmed, or
 * URL-encoded): Outlit may repeat what it was sent (in an error's words, a step's answer, a URL), and
 * its words reach messages and items. An answer without any is returned as it is (no copy per request).
 */
export function withoutSecrets(value: unknown, secrets: readonly string[]): unknown {
	const forms = [...new Set(secrets.flatMap((s) => [s, s.trim(), urlEncoded(s)]))].filter((f) => f !== '');
	if (forms.length === 0) return value;
	// One pass, the longest first: a secret that contains another is masked whole, and a mask never again.
	const pattern = new RegExp(
		forms
			.sort((a, b) => b.length - a.length)
			.map((f) => (f.length < SHORT_SECRET ? `(?<![\\p{L}\\p{N}_-])${escapeRegExp(f)}(?![\\p{L}\\p{N}_-])` : escapeRegExp(f)))
			.join('|'),
		'gu',
	);
	const holds = (v: unknown): boolean =>
		typeof v === 'string' ? v.search(pattern) !== -1 : v !== null && typeof v === 'object' && Object.values(v).some(holds);
	const mask = (v: unknown): unknown => {
		if (typeof v === 'string') return v.replace(pattern, MASK);
		if (Array.isArray(v)) return v.map(mask);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]));
		return v;
	};
	return holds(value) ? mask(value) : value;
}
