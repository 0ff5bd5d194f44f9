import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Flowyte's secret API key and host. No `test` request: the contract this package implements
 * specifies only Connect, which starts a connection (Flowyte's other calls, such as the SQL checks,
 * are outside it). So the Flowyte node's `testedBy` function checks the key's form and the Base URL
 * locally and sends nothing, and the notice below says so.
 */
export class FlowyteApi implements ICredentialType {
	name = 'flowyteApi';

	displayName = 'Flowyte API';

	icon = { light: 'file:../nodes/Flowyte/flowyte.svg', dark: 'file:../nodes/Flowyte/flowyte.dark.svg' } as const;

	documentationUrl = 'https://docs.flowyte.com';

	properties: INodeProperties[] = [
		{
			displayName:
				"The contract this node implements specifies only Flowyte's Connect call, so testing this credential checks the key's form and the Base URL locally and sends nothing. Flowyte checks the key itself on the first Connect.",
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. flowyte_sk_...',
			description:
				'A Flowyte secret API key (it starts with flowyte_sk_). Connect needs a key with the integrations:connect scope.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://flowyte.example.com',
			description: 'Your Flowyte host, without a query string or fragment. The node adds /api/v1 unless the URL already ends with it.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}` },
		};
	}
}
