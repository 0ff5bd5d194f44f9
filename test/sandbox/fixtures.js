'use strict';
/**
 * Sandbox-local data that Outlit's public docs do not fix: the sync models each provider reports,
 * the CRM pipelines offered for mappings, and the webhook events each webhook step asks for.
 * Provider facts (ids, names, fields, steps) come from the catalog; checkFixtures() fails fast
 * when the catalog gains a provider or step these fixtures do not cover.
 */
const { PROVIDERS } = require('./catalog');

const ORG_ID = 'org_sandbox';
const USER_ID = 'user_sandbox';
const DEFAULT_API_KEY = 'ok_sandbox_local_key';

/** Model names in the order sync-status lists them. */
const SYNC_MODELS = {
	hubspot: ['HubspotCompany', 'HubspotContact', 'HubspotDeal'],
	attio: ['AttioCompany', 'AttioPerson', 'AttioDeal'],
	slack: ['SlackChannel', 'SlackMessage'],
	fireflies: ['FirefliesTranscript', 'FirefliesUser'],
	granola: ['GranolaNote', 'GranolaMeeting'],
	'google-calendar': ['GoogleCalendarCalendar', 'GoogleCalendarEvent'],
	'google-mail': ['GmailThread', 'GmailMessage'],
	posthog: ['PosthogPerson', 'PosthogEvent'],
	stripe: ['StripeCustomer', 'StripeSubscription', 'StripeInvoice'],
	supabase: ['SupabaseUser', 'SupabaseIdentity'],
	clerk: ['ClerkUser', 'ClerkOrganization'],
	pylon: ['PylonIssue', 'PylonAccount', 'PylonContact'],
};

/** Pipelines a CRM offers for the `mappings` step. */
function pipelinesFor(providerId) {
	return [
		{
			id: `${providerId}-sales`,
			name: 'Sales Pipeline',
			stages: ['Lead', 'Qualified', 'Won', 'Lost'],
		},
		{ id: `${providerId}-renewals`, name: 'Renewals', stages: ['Upcoming', 'Renewed', 'Churned'] },
	];
}

/** Events the provider must send to Outlit's webhook endpoint. */
const WEBHOOK_EVENTS = {
	stripe: [
		'customer.created',
		'customer.updated',
		'customer.subscription.created',
		'customer.subscription.updated',
		'customer.subscription.deleted',
		'invoice.paid',
		'invoice.payment_failed',
	],
	fireflies: ['Transcription completed'],
	pylon: ['issue.created', 'issue.updated', 'issue.resolved'],
};

function checkFixtures() {
	const problems = [];
	const ids = PROVIDERS.map((p) => p.id);
	for (const id of ids) if (!SYNC_MODELS[id]) problems.push(`no sync models for ${id}`);
	for (const id of Object.keys(SYNC_MODELS))
		if (!ids.includes(id)) problems.push(`sync models for unknown ${id}`);
	for (const p of PROVIDERS) {
		for (const s of p.postConnectSteps) {
			if (!['mappings', 'webhooks'].includes(s.step))
				problems.push(`no sandbox behaviour for ${p.id} step ${s.step}`);
			if (s.step === 'webhooks' && !WEBHOOK_EVENTS[p.id])
				problems.push(`no webhook events for ${p.id}`);
		}
	}
	if (problems.length)
		throw new Error(`Sandbox fixtures out of date with the catalog: ${problems.join('; ')}`);
}

checkFixtures();

module.exports = { ORG_ID, USER_ID, DEFAULT_API_KEY, SYNC_MODELS, WEBHOOK_EVENTS, pipelinesFor };
