'use strict';
/**
 * Sandbox-only data that Outlit's contract files do not fix, each labelled with where it stands in
 * for a fact: field labels, which REST provider has which post-connect step (from the route docs'
 * prose and examples), names of the three gateway-only providers, the sync models each provider
 * reports, CRM pipelines and recommendations, the Mixpanel preview, and webhook events.
 */
const ORG_ID = 'org_sandbox';
const USER_ID = 'user_sandbox';
const DEFAULT_API_KEY = 'ok_sandbox_local_key';

/** Labels for the docs' config keys (the capabilities example gives "API Token" for apiToken). */
const FIELD_LABELS = {
	apiKey: 'API Key',
	apiToken: 'API Token',
	region: 'Region',
	projectId: 'Project ID',
	projectUrl: 'Project URL',
	serviceRoleKey: 'Service Role Key',
	secretKey: 'Secret Key',
};

/**
 * The docs: CRM mapping setup (hubspot, attio) "uses { mappings }"; "Stripe webhooks … Fireflies
 * webhooks"; Pylon's capability example lists a required webhook-setup step.
 */
const mappings = { id: 'mappings', step: 'mappings', required: false };
const webhooks = (required) => ({ id: 'webhook-setup', step: 'webhooks', required });
const REST_POST_CONNECT_STEPS = {
	hubspot: [mappings],
	attio: [mappings],
	stripe: [webhooks(false)],
	fireflies: [webhooks(false)],
	pylon: [webhooks(true)],
};

/** Providers the gateway has and the REST docs do not: their display facts. */
const GATEWAY_ONLY = {
	salesforce: { name: 'Salesforce', category: 'crm' },
	gong: { name: 'Gong', category: 'calls' },
	mixpanel: { name: 'Mixpanel', category: 'analytics' },
};

/** Model names in the order sync-status lists them. */
const SYNC_MODELS = {
	hubspot: ['HubspotCompany', 'HubspotContact', 'HubspotDeal'],
	attio: ['AttioCompany', 'AttioPerson', 'AttioDeal'],
	salesforce: ['SalesforceAccount', 'SalesforceOpportunity'],
	slack: ['SlackChannel', 'SlackMessage'],
	fireflies: ['FirefliesTranscript', 'FirefliesUser'],
	granola: ['GranolaNote', 'GranolaMeeting'],
	gong: ['GongCall'],
	'google-calendar': ['GoogleCalendarCalendar', 'GoogleCalendarEvent'],
	'google-mail': ['GmailThread', 'GmailMessage'],
	posthog: ['PosthogPerson', 'PosthogEvent'],
	mixpanel: ['MixpanelEvent'],
	stripe: ['StripeCustomer', 'StripeSubscription', 'StripeInvoice'],
	supabase: ['SupabaseUser', 'SupabaseIdentity'],
	clerk: ['ClerkUser', 'ClerkOrganization'],
	pylon: ['PylonIssue', 'PylonAccount', 'PylonContact'],
};

/** Pipelines a CRM offers for the REST `mappings` step. */
function pipelinesFor(providerId) {
	return [
		{ id: `${providerId}-sales`, name: 'Sales Pipeline', stages: ['Lead', 'Qualified', 'Won', 'Lost'] },
		{ id: `${providerId}-renewals`, name: 'Renewals', stages: ['Upcoming', 'Renewed', 'Churned'] },
	];
}

/** The gateway's `crm_mapping` recommendation (shape: ToolOutput_outlit_setup_integration). */
function recommendationFor(providerId) {
	return [
		{
			pipelineId: `${providerId}-sales`,
			pipelineName: 'Sales Pipeline',
			mappings: [
				{ outlitStage: 'Created', crmStages: [{ id: 'lead', name: 'Lead' }] },
				{ outlitStage: 'Won', crmStages: [{ id: 'won', name: 'Won' }] },
				{ outlitStage: 'Lost', crmStages: [{ id: 'lost', name: 'Lost' }] },
			],
		},
	];
}

/** The gateway's `mixpanel_mapping` preview (every field its schema requires). */
function mixpanelPreview(now = new Date()) {
	return {
		sampleSize: 500,
		sampleWindowStartAt: new Date(now.getTime() - 7 * 86400000).toISOString(),
		sampleWindowEndAt: now.toISOString(),
		accountKeyCoveragePct: 82.5,
		emailOrDomainCoveragePct: 64,
		unmappedPct: 17.5,
		matchedCustomerCount: 41,
		opaqueOnlyUnmappedCount: 3,
		candidateAccountKeys: [{ key: 'company_id', count: 412, coveragePct: 82.4 }],
		unmappedReasons: [{ reason: 'missing_account_key', count: 88 }],
		warnings: [],
	};
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

module.exports = {
	ORG_ID,
	USER_ID,
	DEFAULT_API_KEY,
	FIELD_LABELS,
	REST_POST_CONNECT_STEPS,
	GATEWAY_ONLY,
	SYNC_MODELS,
	WEBHOOK_EVENTS,
	pipelinesFor,
	recommendationFor,
	mixpanelPreview,
};
