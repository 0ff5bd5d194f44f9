'use strict';
/**
 * What npm start and the e2e tests put into a fresh n8n: the Outlit credential pointing at a
 * sandbox, the example workflows from examples/workflows/ (all reference that credential), and the
 * OpenAI credential the AI agent example references.
 */
const fs = require('node:fs');
const path = require('node:path');
const { packageName } = require('@repo/devkit/n8n/package');

/** The n8n-nodes-outlit package: the repository root. */
const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = packageName(PACKAGE_DIR);
const EXAMPLES_DIR = path.join(PACKAGE_DIR, 'examples', 'workflows');
const CREDENTIAL = { id: 'OutlitSandbox001', name: 'Outlit sandbox', type: 'outlitApi' };
/** n8n's own OpenAI credential, referenced by the AI agent example's chat model. */
const OPENAI_CREDENTIAL = { id: 'OpenAiExample001', name: 'OpenAI', type: 'openAiApi' };
/** What npm start puts in it: a placeholder to replace, so the example opens without a missing credential. */
const OPENAI_PLACEHOLDER_KEY = 'replace-with-your-openai-api-key';
const NODE_TYPE = `${PACKAGE_NAME}.outlit`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.outlitTrigger`;

/**
 * The credential in `n8n import:credentials` form (n8n encrypts `data` on import). `api` is the
 * credential's contract choice; left out, n8n uses the field's default (Automatic).
 */
function sandboxCredential({ baseUrl, apiKey, api, id = CREDENTIAL.id, name = CREDENTIAL.name }) {
	return { id, name, type: CREDENTIAL.type, data: { apiKey, baseUrl, ...(api ? { api } : {}) } };
}

/**
 * The OpenAI credential in `n8n import:credentials` form. npm start imports it with the placeholder
 * key (and OpenAI's Base URL, the field's default); the e2e points `url` at its scripted model.
 */
function openAiCredential({ apiKey = OPENAI_PLACEHOLDER_KEY, url } = {}) {
	return { ...OPENAI_CREDENTIAL, data: { apiKey, ...(url ? { url } : {}) } };
}

/** Examples that need the OpenAI credential (an AI agent's chat model). */
function needsOpenAi(wf) {
	return wf.nodes.some((n) => n.credentials && n.credentials[OPENAI_CREDENTIAL.type]);
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

module.exports = {
	PACKAGE_DIR,
	PACKAGE_NAME,
	EXAMPLES_DIR,
	CREDENTIAL,
	OPENAI_CREDENTIAL,
	NODE_TYPE,
	TRIGGER_TYPE,
	sandboxCredential,
	openAiCredential,
	needsOpenAi,
	loadExamples,
	forImport,
	isTriggerWorkflow,
};
