import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { API_KEY_PREFIX } from '../catalog/kinds';
import { redactNode } from '../shared/redact';
import { hasQueryOrFragment, hasUserInfo, validApiRoot } from './baseUrl';

export const CREDENTIAL_TYPE = 'flowyteApi';

export interface FlowyteConnection {
	/** The API root requests go to: the Base URL with `/api/v1`, no trailing slash. */
	root: string;
	/** The same, as messages show it. */
	shown: string;
	/** The decrypted credential, handed to n8n so it is not loaded again for every request. */
	credentials: ICredentialDataDecryptedObject;
	/** Values that must never come back out of the node (the key). */
	secrets: string[];
}

/** A credential problem found without a request. Never names the value, only the field. */
export function credentialProblem(apiKey: unknown, baseUrl: unknown): { message: string; description: string } | undefined {
	const key = String(apiKey ?? '').trim();
	if (!key.startsWith(API_KEY_PREFIX)) {
		return {
			message: `The Flowyte API key must start with "${API_KEY_PREFIX}"`,
			description:
				'Open the Flowyte API credential and paste a secret API key from the Flowyte dashboard. ' +
				'Publishable keys and provider keys do not work here.',
		};
	}
	if (hasQueryOrFragment(baseUrl)) {
		return {
			message: 'The Flowyte Base URL must not contain "?" or "#"',
			description:
				'Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com: remove the query string or fragment (from the "?" or "#" on). The node adds /api/v1 and the route itself. Nothing was sent.',
		};
	}
	if (hasUserInfo(baseUrl)) {
		return {
			message: 'The Flowyte Base URL must not contain a user name or password',
			description:
				'Flowyte takes only the API key, as a Bearer token: a user name or password in Base URL would be sent as Basic authorization in its place. Set Base URL in the Flowyte API credential to your Flowyte host only, e.g. https://flowyte.example.com. Nothing was sent.',
		};
	}
	if (!validApiRoot(baseUrl)) {
		return {
			message: 'The Flowyte Base URL is not a valid http(s) URL',
			description:
				'Set Base URL in the Flowyte API credential to the address of your Flowyte host, with https://, e.g. https://flowyte.example.com (the node adds /api/v1).',
		};
	}
	return undefined;
}

/** Reads the credential and checks it before any request. */
export async function readConnection(ctx: IExecuteFunctions): Promise<FlowyteConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const problem = credentialProblem(credentials.apiKey, credentials.baseUrl);
	if (problem) throw new NodeOperationError(redactNode(ctx.getNode()), problem.message, { description: problem.description });
	const { root, shown } = validApiRoot(credentials.baseUrl)!;
	return { root, shown, credentials, secrets: [String(credentials.apiKey).trim()] };
}
