import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { MIXPANEL_MAPPING_STEP } from '../catalog/providers';
import {
	ContractUnavailable,
	NotOnGateway,
	type ConnectRequest,
	type OutlitCapabilities,
	type ProviderChoice,
	type SetupStepRequest,
} from './capabilities';
import { bodyObject, gatewayApiError, isGatewayEnvelope, notJsonError, shapeError } from './errors';
import { credentialObject, parameterError } from './fields';
import { handoffUrlProblem } from './handoff';
import { isJsonObject } from './http';
import type { Wire } from './wire';

export const TOOLS_PATH = '/api/tools/call';

export const TOOLS = {
	capabilities: 'outlit_get_integration_capabilities',
	setup: 'outlit_setup_integration',
	status: 'outlit_get_integration_status',
	beginSetup: 'outlit_begin_integration_setup',
	setupStatus: 'outlit_get_integration_setup_status',
} as const;

type Tool = (typeof TOOLS)[keyof typeof TOOLS];

/** Tools that only read: safe to call again after any transient failure. */
const READ_TOOLS: readonly Tool[] = [TOOLS.capabilities, TOOLS.status, TOOLS.setupStatus];

/** Readiness values that mean the integration is connected (Outlit's CLI counts these as set up). */
export const CONNECTED_READINESS = ['ready', 'setup_required', 'requires_intervention'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ToolResult = { body: IDataObject } | { failure: NodeApiError; code?: string };

/** One gateway call; an error envelope comes back as a readable NodeApiError with its code. */
async function callTool(wire: Wire, tool: Tool, input: IDataObject, itemIndex?: number): Promise<ToolResult> {
	const response = await wire.send(
		{ method: 'POST', path: TOOLS_PATH, body: { tool, input }, idempotent: READ_TOOLS.includes(tool) },
		itemIndex,
	);
	if (response.statusCode >= 400) {
		// No envelope on a 404/405: the server has no gateway at all.
		if ((response.statusCode === 404 || response.statusCode === 405) && !isGatewayEnvelope(response.body)) {
			throw new ContractUnavailable('tools', response.statusCode);
		}
		const code = bodyObject(response.body).code;
		return { failure: gatewayApiError(wire.node, tool, response, itemIndex), ...(typeof code === 'string' ? { code } : {}) };
	}
	if (!isJsonObject(response.body)) throw notJsonError(wire.node, response, itemIndex);
	return { body: response.body };
}

/** The gateway call's output, or its error thrown. */
async function tool(wire: Wire, name: Tool, input: IDataObject, itemIndex?: number): Promise<IDataObject> {
	const result = await callTool(wire, name, input, itemIndex);
	if ('failure' in result) throw result.failure;
	return result.body;
}

const SETUP_ERRORS: Record<string, (name: string) => string> = {
	CREDENTIAL_REJECTED: (name) => `Outlit rejected the ${name} credentials`,
	CREDENTIAL_REQUIRED: (name) => `${name} needs credentials before Outlit can connect it`,
	OWNER_REQUIRED: (name) => `Only the owner of the ${name} connection can change it`,
	CONNECTION_CONFLICT: (name) => `${name} is already connected in a way that conflicts with this setup`,
	LEGACY_CONNECTION_REQUIRED: (name) => `${name} is connected the old way and must be reconnected in the Outlit web app`,
	HANDOFF_UNAVAILABLE: (name) => `Outlit cannot start a browser handoff for ${name} right now`,
	TRANSIENT_FAILURE: (name) => `Outlit could not finish the ${name} setup this time`,
};

const SETUP_ADVICE: Record<string, string> = {
	CREDENTIAL_REJECTED: 'Check the credential fields (a valid, unrevoked key with the access Outlit needs), then run the node again.',
	CREDENTIAL_REQUIRED: 'Set "Connection Method" to Direct and fill in the credential fields.',
	OWNER_REQUIRED: 'Ask the person who connected it, or an Outlit admin, to make this change.',
	CONNECTION_CONFLICT: 'Disconnect the existing connection in the Outlit web app, then connect again.',
	LEGACY_CONNECTION_REQUIRED: 'Open Integrations in the Outlit web app and reconnect the provider there.',
	HANDOFF_UNAVAILABLE: 'Try again later, or connect the provider in the Outlit web app.',
	TRANSIENT_FAILURE: 'This is temporary: run the node again in a moment.',
};

/**
 * A setup failure arrives inside a 200 as `error: {code, message, retryable}`. It is not retried,
 * whatever `retryable` says: a setup is a write, each code's advice says what to do, and Outlit's
 * CLI reports it without retrying too (outlit-sdk, commands/integrations/setup.ts).
 */
function setupFailure(wire: Wire, provider: ProviderChoice, body: IDataObject, itemIndex?: number): NodeApiError | undefined {
	if (!isJsonObject(body.error)) return undefined;
	const { code, message } = body.error;
	const known = typeof code === 'string' ? SETUP_ERRORS[code] : undefined;
	const text = typeof message === 'string' && message ? message : 'no reason given';
	return new NodeApiError(
		wire.node,
		{ statusCode: 200, ...(typeof code === 'string' ? { code } : {}), message: text },
		{
			message: `${known ? known(provider.name) : `Outlit could not set up ${provider.name}`}: ${text}`,
			description: (typeof code === 'string' && SETUP_ADVICE[code]) || `Outlit answered with setup error ${String(code)}.`,
			itemIndex,
		},
	);
}

/** The setup answer as an item: Outlit's fields, `connected`, a flattened handoff, no null `next`/`error`. */
function setupItem(wire: Wire, provider: ProviderChoice, body: IDataObject, itemIndex?: number): IDataObject {
	const failure = setupFailure(wire, provider, body, itemIndex);
	if (failure) throw failure;
	const { next, ...rest } = body;
	// `error` is null here (a failure was raised above).
	delete rest.error;
	const item: IDataObject = { ...rest, connected: body.status === 'ready' };
	if (!isJsonObject(next)) return item;
	item.next = next;
	if (next.kind === 'browser_handoff') {
		const problem = handoffUrlProblem(next.url, wire.connection.baseUrl);
		if (problem) throw unsafeUrlError(wire, problem, itemIndex);
		Object.assign(item, { sessionId: next.sessionId, connectUrl: next.url, expiresAt: next.expiresAt, purpose: next.purpose });
	}
	return item;
}

function unsafeUrlError(wire: Wire, problem: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		wire.node,
		{ statusCode: 200 },
		{
			message: `Outlit returned a connect URL this node will not use: ${problem}`,
			description: `A connect URL must be https on the Base URL's origin (${wire.connection.shownUrl}), without a user name, password, fragment or credential-like query. Check the Base URL in the Outlit credential.`,
			itemIndex,
		},
	);
}

/** `outlit_setup_integration`'s input for a connect, checked against the provider's gateway shape. */
function setupInput(wire: Wire, request: ConnectRequest, itemIndex?: number): IDataObject {
	const { provider, method, values, extra } = request;
	const setup = provider.entry?.tools;
	if (!setup) {
		// A provider Outlit added after this release: its fields come from Additional Config.
		const credentials = { ...values, ...extra };
		return method === 'direct' ? { provider: provider.id, credentials } : { provider: provider.id };
	}
	const mode = setup.connectionMode;
	if (method === 'browser') {
		if (!setup.browser) {
			const fields = (setup.credentials ?? []).map((f) => f.label).join(', ');
			throw parameterError(
				wire.node,
				`${provider.name} connects with credentials (${fields}), not a browser session`,
				'Set "Connection Method" to Direct and fill in the fields.',
				itemIndex,
			);
		}
		return { provider: provider.id, ...(mode ? { connectionMode: mode.browser } : {}) };
	}
	if (!setup.credentials) {
		throw parameterError(
			wire.node,
			`${provider.name} takes no credentials through Outlit's API`,
			'Set "Connection Method" to Browser Session: a person finishes the setup in the browser.',
			itemIndex,
		);
	}
	const credentials = credentialObject(wire.node, provider, setup.credentials, values, extra, itemIndex, request.credentialName);
	return { provider: provider.id, ...(mode ? { connectionMode: mode.direct } : {}), credentials };
}

/** A setup step the gateway runs as `configuration` of `outlit_setup_integration`. */
async function configurationStep(wire: Wire, request: SetupStepRequest, itemIndex?: number): Promise<IDataObject> {
	const { provider, step, config, acceptRecommendation } = request;
	const crm = step === 'mappings';
	const kind = crm ? 'crm_mapping' : 'mixpanel_mapping';
	const expected = provider.entry?.tools.configuration;
	if (provider.entry && expected !== kind) {
		throw parameterError(
			wire.node,
			`${provider.name} has no "${step}" setup step on Outlit's tools gateway`,
			crm ? 'Mappings are for Salesforce, HubSpot and Attio.' : 'Mixpanel Mapping is for Mixpanel.',
			itemIndex,
		);
	}
	const key = crm ? 'mappings' : 'mapping';
	const given = config?.[key];
	const base = { provider: provider.id, step };
	const send = async (value: unknown) => {
		const configuration = { kind, [key]: value, confirm: true };
		const body = await tool(wire, TOOLS.setup, { provider: provider.id, configuration } as IDataObject, itemIndex);
		return { ...base, ...setupItem(wire, provider, body, itemIndex) };
	};
	if (given !== undefined) return await send(given);

	// No configuration: ask Outlit what it recommends (CRM) or previews (Mixpanel).
	const body = await tool(wire, TOOLS.setup, { provider: provider.id }, itemIndex);
	const item = setupItem(wire, provider, body, itemIndex);
	const next = bodyObject(item.next);
	if (next.kind !== kind) return { ...base, ...item };
	if (crm && acceptRecommendation) return await send(next.recommendation);
	const offer = crm ? { recommendation: next.recommendation } : { preview: next.preview };
	return { ...base, status: 'config_required', ...offer };
}

/** Outlit's tools gateway (`POST /api/tools/call`). */
export function gatewayCapabilities(wire: Wire): OutlitCapabilities {
	return {
		async listIntegrations(connectedOnly, itemIndex) {
			const body = await tool(wire, TOOLS.status, {}, itemIndex);
			if (!Array.isArray(body.integrations)) {
				throw shapeError(wire.node, 'an integration status without "integrations"', itemIndex);
			}
			const items = (body.integrations as IDataObject[]).map((item) => ({
				...item,
				connected: CONNECTED_READINESS.includes(bodyObject(item).status as string),
			}));
			// The gateway has no connectedOnly filter: it is applied here.
			return connectedOnly ? items.filter((item) => item.connected) : items;
		},

		async getCapabilities(providerId, itemIndex) {
			const body = await tool(wire, TOOLS.capabilities, providerId ? { provider: providerId } : {}, itemIndex);
			if (!Array.isArray(body.providers)) throw shapeError(wire.node, 'capabilities without "providers"', itemIndex);
			return body.providers as IDataObject[];
		},

		async connect(request, itemIndex) {
			const input = setupInput(wire, request, itemIndex);
			const result = await callTool(wire, TOOLS.setup, input, itemIndex);
			if ('body' in result) return setupItem(wire, request.provider, result.body, itemIndex);
			// An older gateway without outlit_setup_integration: its compatibility tool starts a browser session.
			if (result.code !== 'INVALID_TOOL_CALL' || request.method !== 'browser') throw result.failure;
			const body = await tool(wire, TOOLS.beginSetup, { provider: request.provider.id }, itemIndex);
			if (body.connectUrl !== null && body.connectUrl !== undefined) {
				const problem = handoffUrlProblem(body.connectUrl, wire.connection.baseUrl);
				if (problem) throw unsafeUrlError(wire, problem, itemIndex);
			}
			return { ...body, connected: body.state === 'already_connected' };
		},

		async continueSetup(request, itemIndex) {
			// As Outlit's CLI does: the provider (and Stripe's mode) only; credentials are never re-sent.
			const mode = request.provider.entry?.tools.connectionMode;
			const input = { provider: request.provider.id, ...(mode ? { connectionMode: mode.browser } : {}) };
			const body = await tool(wire, TOOLS.setup, input, itemIndex);
			const item = setupItem(wire, request.provider, body, itemIndex);
			return { status: item.status, connected: item.connected, ...(item.next ? { next: item.next } : {}) };
		},

		async sessionStatus(sessionId, itemIndex) {
			if (!UUID.test(sessionId)) {
				throw parameterError(
					wire.node,
					'The Session ID must be a UUID on Outlit\'s tools gateway',
					'Use the sessionId that Connect (Browser Session) returned, for example 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a.',
					itemIndex,
				);
			}
			const body = await tool(wire, TOOLS.setupStatus, { sessionId }, itemIndex);
			return { status: body.status as string, provider: typeof body.provider === 'string' ? body.provider : null };
		},

		async disconnect() {
			throw new NotOnGateway('Disconnect');
		},

		/** Readiness only: the gateway has no per-model sync detail. */
		async syncStatus(provider, itemIndex) {
			const body = await tool(wire, TOOLS.status, { provider: provider.id }, itemIndex);
			const list = Array.isArray(body.integrations) ? (body.integrations as IDataObject[]) : [];
			const found = list.find((i) => bodyObject(i).provider === provider.id);
			if (!found) throw shapeError(wire.node, `no status for "${provider.id}"`, itemIndex);
			return { ...found, connected: CONNECTED_READINESS.includes(found.status as string), syncs: null };
		},

		async setupStep(request, itemIndex) {
			if (request.step === 'mappings' || request.step === MIXPANEL_MAPPING_STEP) {
				return await configurationStep(wire, request, itemIndex);
			}
			throw new NotOnGateway(`The "${request.step}" setup step`);
		},
	};
}
