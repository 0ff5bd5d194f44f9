'use strict';
/**
 * Handlers for the Outlit Platform API routes the package uses. Each takes
 * `{ state, query, body }` and returns `{ status, body }`.
 */
const { PROVIDERS, capabilityOf } = require('./catalog');
const { ORG_ID, USER_ID, WEBHOOK_EVENTS, pipelinesFor } = require('./fixtures');
const v = require('./validate');

const ok = (body) => ({ status: 200, body });
const invalid = (details) => ({ status: 400, body: { error: 'Invalid request', details } });

/**
 * The two contracts document this route differently: the REST OpenAPI's ValidateApiKeySuccess
 * (no other keys), and the gateway era's apiKeyValidationSuccessSchema, which adds the key's
 * grants. A REST-only sandbox answers the first, otherwise the second.
 */
function validateApiKey({ state }) {
	const base = { valid: true, organizationId: ORG_ID, createdById: USER_ID };
	return ok(state.contract === 'rest' ? base : { ...base, authorization: { grants: [...state.grants] } });
}

function listIntegrations({ state, query }) {
	// The contract documents no 400 here: only the literal `true` filters, anything else lists all.
	return ok({ items: state.listIntegrations(query.get('connectedOnly') === 'true') });
}

function capabilities({ query }) {
	const raw = query.get('provider');
	if (raw === null) return ok(Object.fromEntries(PROVIDERS.map((p) => [p.id, capabilityOf(p)])));
	const provider = v.resolveIdOrAlias(raw);
	if (!provider) return invalid(v.providerIssues(raw));
	return ok({ provider: capabilityOf(provider) });
}

function connect({ state, body }) {
	const { issues, provider } = v.validateConnect(body);
	if (issues.length) return invalid(issues);
	const limit = state.limitError(provider.id);
	if (limit) return { status: 403, body: limit };
	if (provider.setupMode === 'direct_api_key') {
		// The config is checked and dropped: the sandbox never stores or echoes credentials.
		const { connectionId, alreadyConnected } = state.connect(provider.id);
		return ok({ connected: true, connectionId, alreadyConnected });
	}
	const alreadyConnected = state.isConnected(provider.id);
	const session = state.createSession(provider.id, alreadyConnected ? 'connected' : 'pending');
	return ok({
		sessionId: session.id,
		connectUrl: state.handoffUrlOf(session),
		alreadyConnected,
	});
}

function connectStatus({ state, query }) {
	const sessionId = query.get('sessionId');
	if (!sessionId) return invalid([v.issue(['sessionId'], 'Required')]);
	const session = state.pollSession(sessionId);
	// The docs give no answer for an unknown session; which plausible one is configurable.
	if (!session) return unknownSessionAnswer(state);
	const body = { status: session.status, provider: session.provider };
	if (session.status === 'failed' && session.error) body.error = session.error;
	return ok(body);
}

function unknownSessionAnswer(state) {
	// ('expired' is a gateway-only answer: REST's status body requires a provider id.)
	if (state.unknownSession === '400') return invalid([v.issue(['sessionId'], 'Invalid session')]);
	return { status: 404, body: { error: 'Connection session not found' } };
}

function disconnect({ state, body }) {
	const { issues, provider } = v.validateDisconnect(body);
	if (issues.length) return invalid(issues);
	if (!state.disconnect(provider.id)) {
		return { status: 404, body: { success: false, message: 'Integration is not connected' } };
	}
	return ok({ success: true });
}

function syncStatus({ state, query }) {
	const raw = query.get('provider');
	const issues = v.providerIssues(raw ?? undefined);
	if (issues.length) return invalid(issues);
	return ok(state.syncStatus(v.byExactId(raw)));
}

function mappingsStep(state, provider, config) {
	const base = { step: 'mappings', provider: provider.id };
	if (!config || config.mappings === undefined) {
		return ok({
			status: 'config_required',
			...base,
			availablePipelines: pipelinesFor(provider.id),
			message: `Choose which ${provider.name} pipelines to map, then run this step again with config.mappings.`,
		});
	}
	if (!Array.isArray(config.mappings))
		return invalid([v.issue(['config', 'mappings'], 'Expected array')]);
	const bad = config.mappings.findIndex((m) => !v.isObject(m));
	if (bad >= 0) return invalid([v.issue(['config', 'mappings', bad], 'Expected object')]);
	state.setupRuns.push({ ...base, status: 'completed', mappingsApplied: config.mappings.length });
	return ok({ status: 'completed', ...base, mappingsApplied: config.mappings.length });
}

function webhooksStep(state, provider, config) {
	const base = {
		step: 'webhooks',
		provider: provider.id,
		webhookUrl: `${state.baseUrl}/api/webhooks/${provider.id}/${ORG_ID}`,
	};
	const secret = config?.webhookSecret;
	if (secret === undefined) {
		return ok({
			status: 'manual_setup_required',
			...base,
			headers: { 'Content-Type': 'application/json' },
			requiredEvents: WEBHOOK_EVENTS[provider.id],
			message: `Create a webhook in ${provider.name} that sends the required events to webhookUrl, then run this step again with config.webhookSecret.`,
		});
	}
	if (typeof secret !== 'string' || secret.trim() === '') {
		return invalid([v.issue(['config', 'webhookSecret'], 'Expected a non-empty string')]);
	}
	// Stored as a fact only; the value itself is never kept or echoed.
	state.setupRuns.push({
		step: 'webhooks',
		provider: provider.id,
		status: 'completed',
		webhookSecretStored: true,
	});
	return ok({ status: 'completed', ...base, webhookSecretStored: true });
}

function setupStep({ state, body }) {
	const { issues, provider } = v.validateSetupStep(body);
	if (issues.length) return invalid(issues);
	if (!state.isConnected(provider.id)) {
		return {
			status: 400,
			body: { error: `${provider.name} is not connected. Connect it before running setup steps.` },
		};
	}
	const steps = provider.postConnectSteps.map((st) => st.step);
	if (body.step === 'mappings' && steps.includes('mappings')) return mappingsStep(state, provider, body.config);
	if (body.step === 'webhooks' && steps.includes('webhooks')) return webhooksStep(state, provider, body.config);
	// The docs describe no answer for other steps; the sandbox says it has nothing to run.
	return ok({ status: 'unsupported', step: body.step, provider: provider.id, message: `The sandbox has no "${body.step}" step for ${provider.name}.` });
}

/** path → method → { handler, json (parse the body) } */
const ROUTES = {
	'/api/validate-api-key': { POST: { handler: validateApiKey } },
	'/api/integrations': { GET: { handler: listIntegrations } },
	'/api/integrations/capabilities': { GET: { handler: capabilities } },
	'/api/integrations/setup-step': { POST: { handler: setupStep, json: true } },
	'/api/integrations/connect': { POST: { handler: connect, json: true } },
	'/api/integrations/connect/status': { GET: { handler: connectStatus } },
	'/api/integrations/disconnect': { POST: { handler: disconnect, json: true } },
	'/api/integrations/sync-status': { GET: { handler: syncStatus } },
};

module.exports = { ROUTES };
