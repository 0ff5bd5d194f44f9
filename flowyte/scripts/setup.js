'use strict';
/**
 * What npm start and the e2e put into a fresh n8n for Flowyte: the credentials the example workflows
 * reference, pointing at the local sandbox with its own key, and the examples themselves. The
 * connection secrets here are sandbox stand-ins, not anyone's secrets. Provider kinds the sandbox
 * connects by API key are listed here, so the examples and the sandbox agree.
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples', 'workflows');

/** Provider kinds the sandbox connects with an API key (the others answer an OAuth URL). */
const API_KEY_KINDS = ['square', 'calendly'];

const FLOWYTE_CREDENTIAL = { id: 'FlowyteSandbox01', name: 'Flowyte sandbox', type: 'flowyteApi' };
const PASSWORD_CREDENTIAL = { id: 'FlowyteExDbPw01', name: 'Database password (sandbox)', type: 'flowyteConnectionSecretApi' };
const API_KEY_CREDENTIAL = { id: 'FlowyteExSqKy01', name: 'Square API key (sandbox)', type: 'flowyteConnectionSecretApi' };

function sandboxCredentials(sandbox) {
	return [
		{ ...FLOWYTE_CREDENTIAL, data: { apiKey: sandbox.flowyte.defaultKey, baseUrl: sandbox.url } },
		{ ...PASSWORD_CREDENTIAL, data: { holds: 'password', password: 'sandbox-db-password' } },
		{ ...API_KEY_CREDENTIAL, data: { holds: 'apiKey', apiKey: 'sq0_sandbox_key' } },
	];
}

const CREDENTIAL_NAMES = [FLOWYTE_CREDENTIAL, PASSWORD_CREDENTIAL, API_KEY_CREDENTIAL].map((c) => c.name);

/** The example workflows, by file name order; each has a stable `id`. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')));
}

module.exports = { API_KEY_KINDS, CREDENTIAL_NAMES, sandboxCredentials, loadExamples };
