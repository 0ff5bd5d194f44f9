import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.outlit.ai',
			description: 'Leave as is unless you reach Outlit through a proxy or a local sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://app.outlit.ai").replace(/\\/+$/, "") }}',
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
