'use strict';
/**
 * What npm start and the e2e tests put into a fresh n8n: the Outlit credential pointing at a
 * sandbox, and the example workflows from examples/workflows/ (all reference that credential).
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./n8n-versions');
const { PACKAGE_NAME } = require('./package');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples', 'workflows');
const CREDENTIAL = { id: 'OutlitSandbox001', name: 'Outlit sandbox', type: 'outlitApi' };
const NODE_TYPE = `${PACKAGE_NAME}.outlit`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.outlitTrigger`;

/**
 * The credential in `n8n import:credentials` form (n8n encrypts `data` on import). `api` is the
 * credential's contract choice; left out, n8n uses the field's default (Automatic).
 */
function sandboxCredential({ baseUrl, apiKey, api, id = CREDENTIAL.id, name = CREDENTIAL.name }) {
	return { id, name, type: CREDENTIAL.type, data: { apiKey, baseUrl, ...(api ? { api } : {}) } };
}

/** Example workflows, by file name order; each has a stable `id`. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: f, ...JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) }))
		.map(({ file, ...wf }) => Object.assign(wf, { __file: file }));
}

/** Strips helper fields before import. */
function forImport(wf) {
	const { __file, ...rest } = wf;
	return { active: false, settings: {}, pinData: {}, ...rest };
}

/** Workflows whose first node is an Outlit Trigger (to be activated). */
function isTriggerWorkflow(wf) {
	return wf.nodes.some((n) => n.type === TRIGGER_TYPE);
}

module.exports = { EXAMPLES_DIR, CREDENTIAL, NODE_TYPE, TRIGGER_TYPE, sandboxCredential, loadExamples, forImport, isTriggerWorkflow };
