import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { CONNECTION_SECRETS } from '../nodes/Flowyte/catalog/kinds';

const { password, apiKey } = CONNECTION_SECRETS;

/**
 * The secret the Flowyte node hands Flowyte when it connects an integration (a database user's
 * password or a provider's API key), kept encrypted by n8n instead of in the workflow and its
 * executions. Data, not authentication: the node puts it in Connect's request body, and nothing here
 * touches a request's headers (the Flowyte API credential signs the request). No `test` request:
 * Flowyte has no call that checks such a secret without connecting it, so the node's
 * `flowyteConnectionSecretTest` checks the form locally and sends nothing.
 */
export class FlowyteConnectionSecretApi implements ICredentialType {
	name = 'flowyteConnectionSecretApi';

	// n8n's lint and its package scanner want credential display names to end in "API".
	displayName = 'Flowyte Connection Secret API';

	icon = { light: 'file:../nodes/Flowyte/flowyte.svg', dark: 'file:../nodes/Flowyte/flowyte.dark.svg' } as const;

	documentationUrl = 'https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit/tree/main/flowyte#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'The Flowyte node sends this secret to Flowyte when it connects a database or a provider; it does not sign in to Flowyte (the Flowyte API credential does). Test checks that the secret is filled in and sends nothing.',
			name: 'dataNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Holds',
			name: 'holds',
			type: 'options',
			options: [
				{
					name: password.label,
					value: 'password',
					description: 'The password of the PostgreSQL or MySQL user Flowyte connects as',
				},
				{
					name: apiKey.label,
					value: 'apiKey',
					description: 'The API key of a provider Flowyte connects by key (Connect With: API Key)',
				},
			],
			default: 'password',
			description: 'Which secret this is; the Flowyte node refuses it where the other one is needed',
		},
		{
			displayName: password.field,
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent to Flowyte as credentials.password, exactly as typed; never output by the node',
			displayOptions: { show: { holds: ['password'] } },
		},
		{
			displayName: apiKey.field,
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent to Flowyte as credentials.apiKey, without surrounding spaces; never output by the node',
			displayOptions: { show: { holds: ['apiKey'] } },
		},
	];
}
