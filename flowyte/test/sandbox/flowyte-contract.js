'use strict';
/**
 * What Flowyte's connect contract says, read from the vendored copy of the reference
 * (contract/flowyte-connect-integration.openapi.md) when the sandbox loads. Never from the package:
 * the sandbox must be able to disagree with the node.
 */
const fs = require('node:fs');
const path = require('node:path');

const CONTRACT_FILE = path.join(__dirname, 'contract', 'flowyte-connect-integration.openapi.md');

function must(match, what) {
	if (!match) throw new Error(`Flowyte contract: cannot find ${what} in ${path.basename(CONTRACT_FILE)}`);
	return match;
}

function parseContract(text) {
	// servers: - url: /api/v1
	const basePath = must(/servers:\s*\n\s*- url: (\S+)/.exec(text), 'the server url')[1];
	// paths: /integrations/{kind}/connect:
	const route = must(/\npaths:\s*\n\s*(\/\S+):/.exec(text), 'the path')[1];
	// IntegrationKind: type: string, enum: - a - b …
	const kindBlock = must(/\n(\s*)IntegrationKind:\s*\n\s*type: string\s*\n\s*enum:\s*\n((?:\s*- \w+\s*\n)+)/.exec(text), 'IntegrationKind')[2];
	const kinds = [...kindBlock.matchAll(/- (\w+)/g)].map((m) => m[1]);
	// IntegrationConnectRequest's description (folded YAML, so read with its line breaks flattened):
	// "SQL databases (postgres, mysql): … `host` (required) … `ca_pem` (optional …)"
	const flat = text.replace(/\s+/g, ' ');
	const sqlKinds = must(/SQL databases \(([^)]+)\)/.exec(flat), 'the SQL kinds')[1].split(',').map((s) => s.trim());
	const start = flat.indexOf('SQL databases (');
	const descriptor = flat.slice(start, flat.indexOf('properties:', start));
	const fields = [...descriptor.matchAll(/`(\w+)` \((required|optional)/g)].map((m) => ({ key: m[1], required: m[2] === 'required' }));
	const sslModes = must(/one of ([a-z-]+(?: \| [a-z-]+)+)/.exec(descriptor), 'the sslmode values')[1].split('|').map((s) => s.trim());
	const refusedSslMode = must(/`([\w-]+)` is refused at the connect boundary/.exec(descriptor), 'the refused sslmode')[1];
	// "Most api_key providers: `{ "apiKey": "..." }`"
	const apiKeyField = must(/Most api_key providers: `\{ "(\w+)"/.exec(flat), "the api_key providers' credential key")[1];
	// The operation's security: - apiKey: - integrations:connect
	const scope = must(/security:\s*\n\s*- apiKey:\s*\n\s*- ([\w:]+)/.exec(text), 'the operation scope')[1];
	// "`Authorization: Bearer flowyte_sk_…`"
	const keyPrefix = must(/Bearer\s+(flowyte_sk_)/.exec(text), 'the key prefix')[1];
	return { basePath, route, kinds, sqlKinds, fields, sslModes, refusedSslMode, apiKeyField, scope, keyPrefix };
}

const CONTRACT = parseContract(fs.readFileSync(CONTRACT_FILE, 'utf8'));

module.exports = { CONTRACT, CONTRACT_FILE, parseContract };
