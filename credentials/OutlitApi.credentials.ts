import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/Outlit/transport/baseUrl';

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
			placeholder: 'ok_...',
			description: 'An Outlit Platform API key. It starts with ok_ (not the public ingest key).',
		},
		{
			displayName: 'API',
			name: 'api',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description:
						"Outlit's tools gateway for what it covers, the REST routes for the rest (Disconnect, sync detail, webhooks), and whichever one the server has",
				},
				{
					name: 'Tools Gateway',
					value: 'tools',
					description: 'Only POST /api/tools/call, the API Outlit documents since August 2026',
				},
				{
					name: 'REST Routes (Legacy)',
					value: 'rest',
					description: 'Only the /api/integrations routes, as before the gateway',
				},
			],
			default: 'auto',
			description: 'Which of Outlit\'s two APIs the nodes speak',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.outlit.ai',
			description: 'Leave as is unless you reach Outlit through a proxy or a local sandbox',
		},
	];

	// A function, not the generic form: the generic form resolves an expression on every request,
	// which was most of the node's per-item cost over n8n's HTTP Request node (npm run bench).
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
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Outlit did not accept this API key. Use a Platform API key: it starts with ok_.',
				},
			},
		],
	};
}
