import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { findProvider, providerCredentialFields } from '../catalog/providers';

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * The test n8n runs when Outlit Provider Credentials are saved. Outlit cannot check a provider key
 * without connecting it, so this checks the form only and sends nothing.
 */
export const credentialTest = {
	async outlitProviderFields(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data: IDataObject = credential.data ?? {};
		const provider = findProvider(data.provider);
		const fields = provider ? providerCredentialFields(provider) : [];
		if (!provider || fields.length === 0) {
			return { status: 'Error', message: 'Choose the provider these keys belong to' };
		}
		const secrets = fields.filter((f) => f.secret);
		if (!secrets.some((f) => filled(data[f.key]))) {
			return { status: 'Error', message: `Fill in ${secrets.map((f) => f.label).join(' or ')} for ${provider.name}` };
		}
		const wrong = fields.find((f) => f.options && filled(data[f.key]) && !f.options.includes(data[f.key] as string));
		if (wrong) {
			return { status: 'Error', message: `${provider.name} ${wrong.label} must be one of ${wrong.options?.join(', ')}: choose one in "${wrong.label}"` };
		}
		return {
			status: 'OK',
			message: `The ${provider.name} fields are filled in. Nothing was sent: Outlit checks the keys when the Outlit node connects ${provider.name}.`,
		};
	},
};
