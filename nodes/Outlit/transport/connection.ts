import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, normalizeBaseUrl } from './baseUrl';
import { apiKeyFormatError, baseUrlFormatError, baseUrlQueryError, baseUrlUserError } from './errors';
import { redactNode } from './redact';
import type { ApiChoice, OutlitConnection } from './wire';

export type OutlitContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'outlitApi';

export const API_CHOICES: readonly ApiChoice[] = ['auto', 'tools', 'rest'];

/**
 * Reads the credential and checks what can be checked without a request: a key that is not an
 * Outlit Platform key, or a Base URL that is not http(s) or has a query, a fragment, a user name or
 * a password, fails here naming the field (and never the value).
 */
export async function readConnection(this: OutlitContext): Promise<OutlitConnection> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string; api?: string }>(
		CREDENTIAL_TYPE,
	);
	// A missing key reads "undefined": refused like any key without ok_.
	const apiKey = String(credentials.apiKey).trim();
	if (!apiKey.startsWith('ok_')) {
		throw apiKeyFormatError(redactNode(this.getNode()));
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
		throw baseUrlFormatError(redactNode(this.getNode()), DEFAULT_BASE_URL);
	}
	// The paths would go after it (and a proxy's token in it into messages).
	if (/[?#]/.test(baseUrl)) {
		throw baseUrlQueryError(redactNode(this.getNode()), DEFAULT_BASE_URL);
	}
	// n8n's HTTP client would send them as Basic authorization instead of the Bearer API key.
	if (url.username || url.password) {
		throw baseUrlUserError(redactNode(this.getNode()), DEFAULT_BASE_URL);
	}
	const shownUrl = url.toString().replace(/\/+$/, '');
	// Credentials saved before the field existed have no `api`: they get the default.
	const api = API_CHOICES.includes(credentials.api as ApiChoice) ? (credentials.api as ApiChoice) : 'auto';
	// The key must never reach a message, an item or a log: printing or spreading the connection leaves it out.
	return Object.defineProperty({ baseUrl, shownUrl, api }, 'credentials', {
		value: credentials as ICredentialDataDecryptedObject,
		enumerable: false,
	});
}
