'use strict';
/**
 * What the editor shows of the Outlit API credential, pinned as literals, and its Bearer header.
 * n8n runs its credential test against the sandbox in the e2e editor test (test/e2e/editor.js); here
 * the request it sends is pinned as data. Built inside each test for Stryker's per-test coverage.
 */
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');

describe('the Outlit API credential', () => {
	test('name, icon, documentation', () => {
		const credential = new OutlitApi();
		expect(credential).toMatchObject({
			name: 'outlitApi',
			displayName: 'Outlit API',
			icon: { light: 'file:../nodes/Outlit/outlit.svg', dark: 'file:../nodes/Outlit/outlit.dark.svg' },
			documentationUrl: 'https://docs.outlit.ai/api-reference/overview',
		});
	});

	test('fields: the key (a password), the API (Automatic by default) and the Base URL', () => {
		const [apiKey, api, baseUrl] = new OutlitApi().properties;
		expect(apiKey).toEqual({
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. ok_...',
			description: 'An Outlit Platform API key. It starts with ok_ (not the public ingest key).',
		});
		expect(api).toEqual({
			displayName: 'API',
			name: 'api',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description:
						"Recommended: everything the nodes offer. The Tools Gateway, and the REST routes for what only they do (Disconnect, each model's sync status, the Webhooks and Custom setup steps) for as long as Outlit keeps them.",
				},
				{
					name: 'Tools Gateway',
					value: 'tools',
					description:
						'Only the API Outlit documents today and its CLI uses. Disconnect and the Webhooks and Custom setup steps then stop with a link to the Outlit web app, and sync status has no per-model detail.',
				},
				{
					name: 'REST Routes (Legacy)',
					value: 'rest',
					description:
						'Only the API from before August 2026, which Outlit no longer documents and may turn off. Salesforce, Gong, Mixpanel and recommended CRM mappings are not available.',
				},
			],
			default: 'auto',
			description: "Which of Outlit's two integration APIs the Outlit nodes use. Leave it on Automatic unless you must use only one of them.",
		});
		expect(baseUrl).toMatchObject({
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.outlit.ai',
			description: 'Leave as is unless you reach Outlit through a proxy or a local sandbox',
		});
	});

	test('the credential test: POST /api/validate-api-key; a 401 says what to check, true whatever key was typed; a 404 says to fix Base URL', () => {
		const { test: check } = new OutlitApi();
		// A redirect is not followed: n8n would send the key to whatever origin it points at.
		expect(check.request).toMatchObject({ url: '/api/validate-api-key', method: 'POST', disableFollowRedirect: true });
		expect(check.request.baseURL).toMatch(/^=\{\{.*baseUrl.*\}\}$/s);
		expect(check.rules).toEqual([
			{
				type: 'responseCode',
				properties: {
					value: 401,
					// n8n sends the key as typed, so the message may not assume its shape either way.
					message:
						'Outlit did not accept this API key. Check that it is an Outlit Platform API key (those start with ok_), that it was not revoked, and that Base URL is the Outlit it comes from, without a user name or password (those would be sent instead of the key).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Nothing at this Base URL answers as Outlit. Set Base URL to https://app.outlit.ai, or to the address of the proxy in front of your Outlit, without a query (?…) or fragment (#…).',
				},
			},
		]);
	});

	test('sends the key as a Bearer token and keeps the other headers', async () => {
		const options = await new OutlitApi().authenticate({ apiKey: 'ok_abc' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(options).toEqual({ url: '/x', headers: { Accept: 'application/json', Authorization: 'Bearer ok_abc' } });
	});

	test('a missing key gives an empty Bearer token, never "undefined"', async () => {
		const options = await new OutlitApi().authenticate({}, { url: '/x' });
		expect(options).toEqual({ url: '/x', headers: { Authorization: 'Bearer ' } });
	});
});
