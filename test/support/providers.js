'use strict';
/**
 * Outlit's 15 providers as the tests expect them, written once: the id Outlit's APIs take and the
 * name a person sees. The ids and their order are the Tools Gateway's list (contract/outlit-tools/
 * README.md); the names are the Name column of the REST route docs (contract/outlit-integration-
 * routes.md), which list 12 of them. Salesforce, Gong and Mixpanel are only on the gateway, whose
 * contract names none: those three names are the providers' own. test/editor/node-description.test.js
 * holds this table to both files.
 */
const PROVIDERS = [
	['salesforce', 'Salesforce'],
	['hubspot', 'HubSpot'],
	['attio', 'Attio'],
	['slack', 'Slack'],
	['google-calendar', 'Google Calendar'],
	['google-mail', 'Gmail'],
	['granola', 'Granola'],
	['gong', 'Gong'],
	['fireflies', 'Fireflies.ai'],
	['pylon', 'Pylon'],
	['stripe', 'Stripe'],
	['mixpanel', 'Mixpanel'],
	['posthog', 'PostHog'],
	['supabase', 'Supabase Auth'],
	['clerk', 'Clerk'],
].map(([id, name]) => ({ id, name }));

/** The providers as a dropdown lists them: alphabetical by name, as n8n's UI guidelines ask. */
const providerOptionsByName = () =>
	[...PROVIDERS].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ name: p.name, value: p.id }));

module.exports = { PROVIDERS, providerOptionsByName };
