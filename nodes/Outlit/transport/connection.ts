import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BASE_URL, normalizeBaseUrl } from './baseUrl';
import { redactNode } from './redact';

export type OutlitContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'outlitApi';

/** The credential's "API" choice: which of Outlit's two contracts to speak. */
export type ApiChoice = 'auto' | 'tools' | 'rest';
export const API_CHOICES: readonly ApiChoice[] = ['auto', 'tools', 'rest'];

export interface OutlitConnection {
	/** Without trailing slashes, so paths can be appended. */
	baseUrl: string;
	/** The Base URL as messages may show it: without a user name or password. */
	shownUrl: string;
	api: ApiChoice;
	/**
	 * The decrypted credential the connection was read from: requests hand it to n8n instead of
	 * having n8n load and decrypt the credential again for every one. Not enumerable (readConnection).
	 */
	readonly credentials?: ICredentialDataDecryptedObject;
}

/**
 * Reads the credential and checks what can be checked without a request: a key that is not an
 * Outlit Platform key, or a Base URL that is not http(s), fails here naming the field (and never
 * the value).
 */
export async function readConnection(this: OutlitContext): Promise<OutlitConnection> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string; api?: string }>(
		CREDENTIAL_TYPE,
	);
	// A missing key reads "undefined": refused like any key without ok_.
	const apiKey = String(credentials.apiKey).trim();
	if (!apiKey.startsWith('ok_')) {
		throw new NodeOperationError(
			redactNode(this.getNode()),
			'The Outlit API key must start with "ok_": put a Platform API key from Outlit (Settings → API keys) into "API Key" in the Outlit API credential.',
			{
				description:
					'Open the Outlit credential and paste a Platform API key from Outlit (Settings → API keys). ' +
					'Public ingest keys and provider keys do not work here.',
			},
		);
	}
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	let url: URL | undefined;
	try {
		url = new URL(baseUrl);
	} catch {
		// Not a URL at all: refused below.
	}
	// An http(s) URL always has a host (WHATWG refuses one without).
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || /\s/.test(baseUrl)) {
		throw new NodeOperationError(
			redactNode(this.getNode()),
			`The Base URL in the Outlit API credential is not a valid http(s) URL: set it to ${DEFAULT_BASE_URL} or your proxy's URL.`,
			{ description: `Set Base URL in the Outlit credential to ${DEFAULT_BASE_URL} or your proxy's URL.` },
		);
	}
	// Shown in messages: without a user name or password the Base URL may carry.
	url.username = '';
	url.password = '';
	const shownUrl = url.toString().replace(/\/+$/, '');
	// Credentials saved before the field existed have no `api`: they get the default.
	const api = API_CHOICES.includes(credentials.api as ApiChoice) ? (credentials.api as ApiChoice) : 'auto';
	// The key must never reach a message, an item or a log: printing or spreading the connection leaves it out.
	return Object.defineProperty({ baseUrl, shownUrl, api }, 'credentials', {
		value: credentials as ICredentialDataDecryptedObject,
		enumerable: false,
	});
}
