'use strict';
/**
 * The sandbox's provider facts for the REST routes, from Outlit's integration route docs (parsed
 * from the copy in ./contract by ./contract.js), never from the package under test: the sandbox is
 * the other side of the wire and must be able to disagree with it.
 */
const { restProvidersFromDoc, aliasesFromDoc, SECRET_KEY } = require('./contract');
const { FIELD_LABELS, REST_POST_CONNECT_STEPS } = require('./fixtures');

const PROVIDERS = restProvidersFromDoc().map((p) => ({
	id: p.id,
	name: p.name,
	category: p.category,
	// The CLI's name for google-mail is its alias (the docs: "The CLI also accepts gmail").
	cliName: p.id === 'google-mail' ? 'gmail' : p.id,
	setupMode: p.setupMode,
	fields: p.fieldKeys.map((key) => ({ key, label: FIELD_LABELS[key] ?? key, secret: SECRET_KEY.test(key) })),
	postConnectSteps: REST_POST_CONNECT_STEPS[p.id] ?? [],
}));

const PROVIDER_IDS = PROVIDERS.map((p) => p.id);
const PROVIDER_ALIASES = aliasesFromDoc();

/** The capability document (ProviderCapability in the REST OpenAPI), shaped like the docs' example. */
function capabilityOf(provider) {
	const setupCommand = `outlit integrations setup ${provider.cliName}`;
	return {
		cliName: provider.cliName,
		providerId: provider.id,
		setupMode: provider.setupMode,
		credentialType: provider.setupMode === 'direct_api_key' ? (provider.fields[0].key === 'apiToken' ? 'api_token' : 'api_key') : null,
		requiredFields: provider.fields.map(({ key, label, secret }) => ({ key, label, secret })),
		commands: [setupCommand],
		postConnectSteps: provider.postConnectSteps.map((s) => ({
			id: s.id,
			required: s.required,
			supported: true,
			command: `${setupCommand} ${s.step}`,
		})),
	};
}

module.exports = { PROVIDERS, PROVIDER_IDS, PROVIDER_ALIASES, capabilityOf };
