import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { CONNECTION_SECRETS } from '../catalog/kinds';

/**
 * The test n8n runs when a Flowyte Connection Secret is saved. Flowyte has no call that checks a
 * password or a provider key without connecting it, so this checks the form here and sends nothing:
 * what the credential holds, and that secret filled in. Flowyte judges it when the node connects.
 */
export async function flowyteConnectionSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const holds = data.holds;
	if (holds !== 'password' && holds !== 'apiKey') {
		return { status: 'Error', message: 'Set Holds to Database Password or Provider API Key' };
	}
	const { field, label } = CONNECTION_SECRETS[holds];
	const value = data[holds];
	if (!((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')) {
		return { status: 'Error', message: `Fill in ${field}: Holds is ${label}` };
	}
	return {
		status: 'OK',
		message: `The ${field} is filled in. Nothing was sent: Flowyte checks it when the Flowyte node connects.`,
	};
}
