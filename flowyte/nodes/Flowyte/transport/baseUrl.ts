import { API_BASE_PATH } from '../catalog/kinds';

/**
 * The API root for a credential's Base URL. The contract's server is the relative `/api/v1`, so the
 * user gives the host and the path is added, unless the URL already ends with it (in any case:
 * `/API/V1` is taken as the contract's `/api/v1`). Trailing slashes are dropped either way, so
 * `https://host/`, `https://host` and `https://host/api/v1/` all give `https://host/api/v1`.
 */
export function apiRoot(baseUrl: unknown): string {
	const trimmed = String(baseUrl ?? '').trim().replace(/\/+$/, '');
	const host = trimmed.toLowerCase().endsWith(API_BASE_PATH) ? trimmed.slice(0, -API_BASE_PATH.length) : trimmed;
	return `${host}${API_BASE_PATH}`;
}

/**
 * A query string or fragment in the Base URL: the path appended after it would land in the query or
 * fragment, and the POST (SQL password included) would go to the host's root. Refused instead.
 */
export function hasQueryOrFragment(baseUrl: unknown): boolean {
	return /[?#]/.test(String(baseUrl ?? ''));
}

/**
 * A user name or password before the host: the HTTP client sends it as `Authorization: Basic …` in
 * place of the Bearer key, so Flowyte would never see the key. Refused instead.
 */
export function hasUserInfo(baseUrl: unknown): boolean {
	try {
		const url = new URL(String(baseUrl ?? '').trim());
		return url.username !== '' || url.password !== '';
	} catch {
		return false;
	}
}

/**
 * The API root if the Base URL is an http(s) URL with a host and no query, fragment, user name or
 * password, else undefined.
 */
export function validApiRoot(baseUrl: unknown): { root: string; shown: string } | undefined {
	const raw = String(baseUrl ?? '').trim();
	if (hasQueryOrFragment(raw) || hasUserInfo(raw)) return undefined;
	// Checked as typed, a scheme then a host: once /api/v1 is added, "https://" would read as the host "api".
	if (/\s/.test(raw) || !/^https?:\/\/[^/]/i.test(raw)) return undefined;
	try {
		const root = apiRoot(raw);
		return { root, shown: new URL(root).toString() };
	} catch {
		return undefined;
	}
}
