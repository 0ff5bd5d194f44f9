import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { validApiRoot } from '../transport/baseUrl';
import { credentialProblem } from '../transport/connection';

/**
 * The credential test. The contract this node implements specifies only
 * `POST /integrations/{kind}/connect`, and testing a key with it would start a connection. So the
 * test checks what can be checked locally (the key's form, the Base URL), sends nothing, and says
 * that Flowyte checks the key itself on the first Connect.
 */
export async function flowyteApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const problem = credentialProblem(data.apiKey, data.baseUrl);
	if (problem) return { status: 'Error', message: `${problem.message}. ${problem.description}` };
	return {
		status: 'OK',
		message: `The key's form and the Base URL are valid (API root ${validApiRoot(data.baseUrl)?.shown}). The contract this node implements specifies only Connect, so nothing was sent: Flowyte checks the key on the first Connect.`,
	};
}
