import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { fieldProperties } from '../nodes/Outlit/catalog/fieldProperties';
import { PROVIDERS, providerCredentialFields } from '../nodes/Outlit/catalog/providers';

/** The providers whose setup takes fields: a credential holds one of them. */
const providers = PROVIDERS.filter((p) => providerCredentialFields(p).length > 0).sort((a, b) => a.name.localeCompare(b.name));

/**
 * One provider's keys for the Outlit node's Connect and Run Setup Step, encrypted by n8n instead of
 * kept in the workflow. Data, not authentication: the node sends them in Outlit's request body.
 */
export class OutlitProviderApi implements ICredentialType {
	name = 'outlitProviderApi';

	// n8n's lint and its package scanner want credential names to end in "API".
	displayName = 'Outlit Provider Credentials API';

	icon = { light: 'file:../nodes/Outlit/outlit.svg', dark: 'file:../nodes/Outlit/outlit.dark.svg' } as const;

	documentationUrl = 'https://github.com/REPLACE-WITH-OWNER/n8n-nodes-outlit#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			options: providers.map((p) => ({ name: p.name, value: p.id })),
			default: providers[0].id,
			required: true,
			description: 'The provider these keys belong to; the Outlit node refuses them for another provider',
		},
		...fieldProperties(providerCredentialFields, {}, (field) =>
			field.secret
				? 'Encrypted by n8n. The Outlit node sends it only to Outlit, to connect or set up the provider, and never outputs it.'
				: (field.about ?? 'Sent to Outlit when the Outlit node connects or sets up the provider'),
		),
	];
}
