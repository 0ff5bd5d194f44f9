/** Where Outlit answers unless the credential says otherwise. */
export const DEFAULT_BASE_URL = 'https://app.outlit.ai';

/**
 * The credential's Base URL, trimmed and without trailing slashes (they would double up with the
 * paths). One expression for the credential test and the node; `normalizeBaseUrl` is its twin in code.
 */
export const BASE_URL_EXPRESSION =
	`={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;

export function normalizeBaseUrl(raw: unknown): string {
	return String(raw || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
}
