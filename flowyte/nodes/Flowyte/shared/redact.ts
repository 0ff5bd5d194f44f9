import type { INode } from 'n8n-workflow';

import { MASKED_PARAMETERS } from '../catalog/kinds';

const MASK = '[redacted]';

/**
 * n8n stores a node error with a copy of its node, parameters included. Errors raised here carry
 * this copy instead, with the secret-bearing parameters masked (see MASKED_PARAMETERS).
 */
export function redactNode(node: INode): INode {
	const parameters = { ...node.parameters };
	let masked = false;
	for (const key of MASKED_PARAMETERS) {
		const value = parameters[key];
		if (value !== undefined && value !== '') {
			parameters[key] = MASK;
			masked = true;
		}
	}
	return masked ? { ...node, parameters } : node;
}

/** A secret form this long or longer is masked wherever it appears. */
const MIN_SECRET_LENGTH = 4;

/** encodeURIComponent, which throws on a lone surrogate: then the secret as it is. */
function urlEncoded(secret: string): string {
	try {
		return encodeURIComponent(secret);
	} catch {
		return secret;
	}
}

/** A UTF-16 unit as JSON's `\uXXXX` escape, lower-case hex as Python and Go write it. */
const unicodeEscape = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text from Flowyte (a problem's detail, a field message) with any secret the request carried
 * masked, in case the server echoes one back: as sent, URL-encoded (a DSN such as
 * `postgres://ro:p%40ss@…`) or JSON-escaped (a body quoted inside a message, as JavaScript, Python
 * or Go escape it).
 *
 * Rule for short secrets: a form of 4 or more characters is masked wherever it appears; a form of
 * 1–3 characters only as a whole token (no letter or digit right before or after it), so a password
 * "pw" is masked in "password pw rejected" but not inside "pwned". Each secret is masked with and
 * without the spaces around it. Empty secrets are skipped.
 */
export function scrub(text: string, secrets: readonly string[]): string {
	const forms = new Set<string>();
	// Without its surrounding spaces too: a password is sent with them, but texts are read trimmed and
	// a server may trim what it echoes.
	for (const secret of secrets.flatMap((s) => [s, s.trim()])) {
		if (!secret) continue;
		forms.add(secret);
		forms.add(urlEncoded(secret));
		const json = JSON.stringify(secret).slice(1, -1);
		forms.add(json);
		// As other JSON encoders escape by default: every non-ASCII character (Python), or <, > and & (Go).
		forms.add(json.replace(/[\u0080-\uffff]/g, unicodeEscape));
		forms.add(json.replace(/[<>&]/g, unicodeEscape));
	}
	if (forms.size === 0) return text;
	// One pass, longest first: a longer form wins over a shorter one it contains, and a mask is never masked again.
	const alternatives = [...forms]
		.sort((a, b) => b.length - a.length)
		.map((form) =>
			form.length >= MIN_SECRET_LENGTH
				? escapeRegExp(form)
				: `(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`,
		);
	return text.replace(new RegExp(alternatives.join('|'), 'gu'), MASK);
}
