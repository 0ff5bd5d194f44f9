'use strict';
/** A tiny fetch wrapper for tests that drive the sandbox over real HTTP. */

/**
 * @param {string} baseUrl
 * @param {string|undefined} apiKey sent as `Authorization: Bearer <key>` unless undefined
 */
function sandboxClient(baseUrl, apiKey) {
	return async function call(method, path, opts = {}) {
		const { body, rawBody, headers = {}, redirect } = opts;
		// An explicit `key: undefined` means "send no Authorization header".
		const key = 'key' in opts ? opts.key : apiKey;
		const init = {
			method,
			headers: { ...headers },
			redirect: redirect ?? 'follow',
			signal: AbortSignal.timeout(10000),
		};
		if (key !== undefined) init.headers.Authorization = `Bearer ${key}`;
		const hasBody = method !== 'GET' && method !== 'HEAD';
		if (hasBody && rawBody !== undefined) init.body = rawBody;
		else if (hasBody && body !== undefined) init.body = JSON.stringify(body);
		if (init.body !== undefined) init.headers['Content-Type'] = 'application/json';
		const res = await fetch(baseUrl + path, init);
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json };
	};
}

module.exports = { sandboxClient };
