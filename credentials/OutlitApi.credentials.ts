import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../nodes/Outlit/transport/baseUrl';

export class OutlitApi implements ICredentialType {
	name = 'outlitApi';

	displayName = 'Outlit API';

	icon = { light: 'file:../nodes/Outlit/outlit.svg', dark: 'file:../nodes/Outlit/outlit.dark.svg' } as const;

	documentationUrl = 'https://docs.outlit.ai/api-reference/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. ok_...',
			description: 'An Outlit Platform API key. It starts with ok_ (not the public ingest key).',
		},
		{
			displayName: 'API',
			name: 'api',
			type: 'options',
			// The one place that names Outlit's two APIs: the nodes' panels say only what works.
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description:
						'Recommended: everything the nodes offer. The Tools Gateway, and the REST routes for what only they do (Disconnect, each model\'s sync status, the Webhooks and Custom setup steps) for as long as Outlit keeps them.',
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
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is unless you reach Outlit through a proxy or a local sandbox',
		},
	];

	// A function: the generic form resolves an expression on every request (most of the per-item cost, npm run bench).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/api/validate-api-key',
			method: 'POST',
			// n8n would send the key again to wherever a redirect points, on any origin.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Outlit did not accept this API key. Check that it is an Outlit Platform API key (those start with ok_), that it was not revoked, and that Base URL is the Outlit it comes from, without a user name or password (those would be sent instead of the key).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						`Nothing at this Base URL answers as Outlit. Set Base URL to ${DEFAULT_BASE_URL}, or to the address of the proxy in front of your Outlit, without a query (?…) or fragment (#…).`,
				},
			},
		],
	};
}
