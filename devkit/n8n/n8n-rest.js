'use strict';
/**
 * The few n8n REST calls we need: first-run owner setup and a logged-in session (cookie jar).
 * n8n binds the auth cookie to a `browser-id` header, so every call sends the same one.
 */
const { randomUUID } = require('node:crypto');

const DEFAULT_OWNER = {
	email: 'owner@outlit.local',
	password: 'Outlit-local-1',
	firstName: 'Local',
	lastName: 'Owner',
};

class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
		this.browserId = randomUUID();
	}

	async call(method, path, body) {
		const res = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30000),
		});
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	async ok(method, path, body) {
		const r = await this.call(method, path, body);
		if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text.slice(0, 300)}`);
		return r.json && 'data' in r.json ? r.json.data : r.json;
	}

	/** True while n8n still shows the "set up owner account" screen. */
	async needsOwnerSetup() {
		const settings = await this.ok('GET', '/rest/settings');
		return Boolean(settings.userManagement && settings.userManagement.showSetupOnFirstLoad);
	}

	/** Creates the owner on a fresh instance (no-op otherwise), then logs in. */
	async ensureOwner(owner = DEFAULT_OWNER) {
		if (await this.needsOwnerSetup()) await this.ok('POST', '/rest/owner/setup', owner);
		await this.login(owner);
		return owner;
	}

	async login({ email, password }) {
		// 1.x/2.x take `emailOrLdapLoginId`; older builds took `email`. Send both.
		return this.ok('POST', '/rest/login', { emailOrLdapLoginId: email, email, password });
	}
}

module.exports = { N8nRest, DEFAULT_OWNER };
