'use strict';
/**
 * n8n's own HTTP Request node (n8n-nodes-base, from the pinned n8n 2.41.1 install: the same line as
 * the n8n-core devDependency), set up to make exactly the request an Outlit operation makes.
 */
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_ROOT } = require('@repo/devkit/n8n/n8n-versions');

const VERSION = '2.41.1';
const NODE_FILE = path.join(CACHE_ROOT, VERSION, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');

function loadHttpRequestNode() {
	if (!fs.existsSync(NODE_FILE)) {
		throw new Error(`n8n ${VERSION} is not installed (no ${path.relative(process.cwd(), NODE_FILE)}): run npm run n8n:install first`);
	}
	return require(NODE_FILE).HttpRequest;
}

/** HTTP Request v4.2 parameters for GET `url` with query `qs` and the Outlit key as a Bearer header. */
function httpRequestParameters(url, qs, apiKey) {
	const parameters = {
		method: 'GET',
		url,
		authentication: 'none',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${apiKey}` }] },
		options: {},
	};
	const query = Object.entries(qs);
	if (query.length) {
		parameters.sendQuery = true;
		parameters.queryParameters = { parameters: query.map(([name, value]) => ({ name, value: String(value) })) };
	}
	return parameters;
}

/**
 * The same request with the key where n8n asks a secret to be kept: a Header Auth credential
 * (`Authorization: Bearer …`), so n8n reads and applies the credential as it does for the Outlit node.
 */
function httpRequestWithCredentialParameters(url, qs) {
	const { headerParameters, sendHeaders, ...rest } = httpRequestParameters(url, qs, '');
	return { ...rest, authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' };
}

/** The Header Auth credential those parameters name, in `n8n import:credentials` form. */
function headerAuthCredential(apiKey) {
	return { id: 'BenchHeaderAuth1', name: 'Outlit key (Header Auth)', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${apiKey}` } };
}

module.exports = { loadHttpRequestNode, httpRequestParameters, httpRequestWithCredentialParameters, headerAuthCredential, HTTP_REQUEST_VERSION: 4.2 };
