'use strict';
/**
 * `POST /api/tools/call`: Outlit's tools gateway, as its contract files (test/sandbox/contract/outlit-tools) describe it.
 * Every input is validated against the tool's `ToolInput_*` schema from the copied OpenAPI; outputs
 * are the tool's output object itself, errors the GatewayError envelope. State (connections,
 * sessions, syncs) is the one the REST routes use: one organisation, two contracts.
 */
const { randomBytes } = require('node:crypto');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');
const { toolsOpenApi, gatewayToolNames, INTEGRATION_TOOLS } = require('./contract');
const { recommendationFor, mixpanelPreview } = require('./fixtures');

const DOC_ID = 'https://outlit.sandbox.local/outlit-tools-openapi.json';
const INTEGRATION_GRANTS = ['integrations:connect_own', 'integrations:manage'];
/** Providers that connect by credentials on the gateway (the others hand off to a browser). */
const CREDENTIAL_PROVIDERS = ['granola', 'fireflies', 'pylon', 'mixpanel', 'posthog'];
const CRM = ['salesforce', 'hubspot', 'attio'];

let compiled;
function validators() {
	if (compiled) return compiled;
	const ajv = new Ajv2020({ allErrors: true, strict: false });
	addFormats(ajv);
	ajv.addSchema(toolsOpenApi(), DOC_ID);
	const input = new Map();
	for (const tool of INTEGRATION_TOOLS) input.set(tool, ajv.getSchema(`${DOC_ID}#/components/schemas/ToolInput_${tool}`));
	compiled = { input, known: new Set(gatewayToolNames()) };
	return compiled;
}

const requestId = () => `req_${randomBytes(8).toString('hex')}`;

/** The GatewayError envelope. */
function gatewayError(status, code, message, extra = {}) {
	return { status, body: { code, message, retryable: status === 429 || status >= 500, requestId: requestId(), ...extra } };
}

/**
 * Ajv's messages name the place, never the value, so a secret cannot be echoed. Of an `anyOf`'s
 * branch errors, those of the branch whose `provider` matched say what is wrong.
 */
function inputMessage(errors = []) {
	const branchOf = (e) => /anyOf\/(\d+)\//.exec(e.schemaPath)?.[1];
	const providerMissed = new Set(errors.filter((e) => /^\/provider/.test(e.instancePath) || e.params?.missingProperty === 'provider').map(branchOf));
	const relevant = errors.filter((e) => e.keyword !== 'anyOf' && !providerMissed.has(branchOf(e)));
	const depth = (e) => e.instancePath.split('/').length;
	const best = [...relevant].sort((a, b) => depth(b) - depth(a))[0] ?? errors.find((e) => e.keyword !== 'anyOf') ?? errors[0];
	if (!best) return 'Invalid tool input';
	return `Invalid tool input at ${best.instancePath || '/'}: ${best.message}`;
}

const ok = (body) => ({ status: 200, body });

function describe(state, id) {
	const p = state.provider(id);
	return { provider: id, name: p.name, category: p.category };
}

function capability(state, id) {
	const credentials = CREDENTIAL_PROVIDERS.includes(id);
	return {
		...describe(state, id),
		authType: id === 'mixpanel' ? 'basic_auth' : credentials ? 'api_key' : 'oauth',
		setupMode: credentials ? 'human_controlled' : 'browser_handoff',
		browserHandoffAvailable: !credentials,
	};
}

function handoff(state, id) {
	const session = state.createSession(id);
	return {
		kind: 'browser_handoff',
		purpose: 'authentication',
		url: state.handoffUrlOf(session),
		sessionId: session.id,
		expiresAt: session.expiresAt,
	};
}

/** What comes next for a connected provider: a mapping to confirm, or nothing. */
function nextStep(state, id) {
	if (state.mapped.has(id)) return null;
	if (CRM.includes(id)) return { kind: 'crm_mapping', recommendation: recommendationFor(id) };
	if (id === 'mixpanel') return { kind: 'mixpanel_mapping', preview: mixpanelPreview() };
	return null;
}

function setupResult(state, id, next, error = null) {
	return ok({ ...describe(state, id), status: state.readiness(id), next, error });
}

function setupIntegration(state, input) {
	const id = input.provider;
	const injected = state.takeSetupError(id);
	if (injected) return setupResult(state, id, null, injected);
	if (input.configuration) {
		if (!state.isConnected(id)) {
			// Mapping a provider that is not connected: only its (future) owner could; Outlit's code for that.
			return setupResult(state, id, null, { code: 'OWNER_REQUIRED', message: `Connect ${state.provider(id).name} before confirming a mapping.`, retryable: false });
		}
		state.mapped.add(id);
		state.setupRuns.push({ provider: id, configuration: input.configuration.kind, status: 'completed' });
		return setupResult(state, id, null);
	}
	if (input.credentials) {
		// Checked by the schema, then dropped: the sandbox never stores or echoes credentials.
		state.connect(id);
		return setupResult(state, id, nextStep(state, id));
	}
	if (CREDENTIAL_PROVIDERS.includes(id) && !state.isConnected(id)) {
		return setupResult(state, id, null, { code: 'CREDENTIAL_REQUIRED', message: `${state.provider(id).name} needs credentials.`, retryable: false });
	}
	if (state.isConnected(id)) return setupResult(state, id, nextStep(state, id));
	return setupResult(state, id, handoff(state, id));
}

function beginSetup(state, input) {
	const id = input.provider;
	if (!state.provider(id)) return gatewayError(400, 'INVALID_TOOL_INPUT', 'Unknown provider');
	if (state.isConnected(id)) {
		return ok({ provider: id, state: 'already_connected', sessionId: null, connectUrl: null, expiresAt: null });
	}
	const session = state.createSession(id);
	return ok({ provider: id, state: 'handoff_ready', sessionId: session.id, connectUrl: state.handoffUrlOf(session), expiresAt: session.expiresAt });
}

function setupStatus(state, input) {
	const session = state.pollSession(input.sessionId);
	if (!session) {
		if (state.unknownSession === 'expired') return ok({ provider: null, status: 'expired' });
		if (state.unknownSession === '400') return gatewayError(400, 'INVALID_TOOL_INPUT', 'Unknown setup session');
		return gatewayError(404, 'TOOL_IMPLEMENTATION_ERROR', 'Setup session not found');
	}
	return ok({ provider: session.provider, status: session.status });
}

function selected(state, provider) {
	const ids = state.gatewayProviders().map((p) => p.id);
	if (provider === undefined) return ids;
	return ids.includes(provider) ? [provider] : undefined;
}

const TOOLS = {
	outlit_get_integration_capabilities(state, input) {
		const ids = selected(state, input.provider);
		if (!ids) return gatewayError(400, 'INVALID_TOOL_INPUT', 'Unknown provider');
		const body = { providers: ids.map((id) => capability(state, id)) };
		return ok(state.legacyGateway ? body : { ...body, preferredSetupVersion: 1 });
	},
	outlit_get_integration_status(state, input) {
		const ids = selected(state, input.provider);
		if (!ids) return gatewayError(400, 'INVALID_TOOL_INPUT', 'Unknown provider');
		return ok({ integrations: ids.map((id) => ({ ...describe(state, id), status: state.readiness(id) })) });
	},
	outlit_setup_integration: setupIntegration,
	outlit_begin_integration_setup: beginSetup,
	outlit_get_integration_setup_status: setupStatus,
};

/**
 * @param body the parsed JSON body (undefined when it was not JSON)
 * @returns {{status:number, body:object}}
 */
function callTool(state, body) {
	if (body === undefined) return gatewayError(400, 'INVALID_JSON', 'The request body is not valid JSON');
	const envelopeOk =
		body !== null && typeof body === 'object' && !Array.isArray(body) && typeof body.tool === 'string' &&
		Object.keys(body).every((k) => k === 'tool' || k === 'input') &&
		(body.input === undefined || (body.input !== null && typeof body.input === 'object' && !Array.isArray(body.input)));
	if (!envelopeOk) return gatewayError(400, 'INVALID_TOOL_CALL', 'The body must be {"tool": <name>, "input": {…}}');
	const { input, known } = validators();
	const unsupported = state.legacyGateway && body.tool === 'outlit_setup_integration';
	if (!known.has(body.tool) || unsupported) return gatewayError(400, 'INVALID_TOOL_CALL', `Unknown tool: ${body.tool}`);
	if (!TOOLS[body.tool]) return gatewayError(400, 'INVALID_TOOL_CALL', `The sandbox does not implement ${body.tool}`);
	if (!state.grants.some((g) => INTEGRATION_GRANTS.includes(g))) {
		return gatewayError(403, 'TOOL_CALL_FORBIDDEN', 'The API key lacks the integrations:connect_own or integrations:manage grant');
	}
	const toolInput = body.input ?? {};
	const validate = input.get(body.tool);
	if (!validate(toolInput)) return gatewayError(400, 'INVALID_TOOL_INPUT', inputMessage(validate.errors));
	return TOOLS[body.tool](state, toolInput);
}

module.exports = { callTool, gatewayError, TOOLS_PATH: '/api/tools/call' };
