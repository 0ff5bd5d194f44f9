import type { IDataObject } from 'n8n-workflow';

import { isGatewayStep } from '../catalog/providers';
import {
	BrowserSetupOnly,
	CONNECTED_READINESS,
	ContractUnavailable,
	NotOnGateway,
	type ConnectRequest,
	type OutlitCapabilities,
	type ProviderChoice,
	type SetupStepRequest,
} from './capabilities';
import {
	bodyObject,
	browserSessionRefused,
	gatewayApiError,
	invalidSetupAnswer,
	isGatewayEnvelope,
	notJsonError,
	parameterError,
	setupFailureError,
	shapeError,
	unsafeUrlError,
	webApp,
	type SetupContext,
} from './errors';
import { credentialObject } from './fields';
import { HANDOFF_FIELDS, handoffUrlProblem } from './handoff';
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

/** The tool's `sessionId` pattern (ToolInput_outlit_get_integration_setup_status): an RFC 9562 UUID, or the nil or max one. */
const UUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/;

/**
 * What Outlit's setup negotiation said about one provider: whether the server prefers
 * `outlit_setup_integration` (`preferredSetupVersion: 1`), and the provider's capability entry.
 */
export interface Negotiation {
	preferred: boolean;
	capability?: IDataObject;
}

/** Negotiations by provider ID for one execution: the first item asks, the others reuse the answer. */
export type Negotiations = Map<string, Promise<Negotiation>>;

/** The `next` transitions Outlit documents for `outlit_setup_integration`. */
const NEXT_KINDS = ['browser_handoff', 'crm_mapping', 'mixpanel_mapping'];

/** One gateway call's output; an error answer is thrown as a readable error. */
async function tool(wire: Wire, name: Tool, input: IDataObject, itemIndex?: number): Promise<IDataObject> {
	const response = await wire.send(
		{ method: 'POST', path: TOOLS_PATH, body: { tool: name, input }, idempotent: READ_TOOLS.includes(name) },
		itemIndex,
	);
	if (response.statusCode >= 400) {
		// No envelope on a 404/405: the server has no gateway at all.
		if ((response.statusCode === 404 || response.statusCode === 405) && !isGatewayEnvelope(response.body)) {
			throw new ContractUnavailable('tools', response.statusCode);
		}
		throw gatewayApiError(wire.node, name, response, itemIndex);
	}
	if (!isJsonObject(response.body)) throw notJsonError(wire.node, response, itemIndex);
	return response.body;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A connect URL goes to a person: one the node cannot trust is refused (handoff.ts). */
function checkUrl(wire: Wire, url: unknown, itemIndex?: number): void {
	const problem = handoffUrlProblem(url, wire.connection.baseUrl);
	if (problem) throw unsafeUrlError(wire, problem, itemIndex);
}

/**
 * A browser handoff's fields, its URL checked. Any handoff's session ID may be null (Outlit's schema):
 * then there is only the URL to show, as Outlit's CLI does.
 */
function handoffFields(wire: Wire, ctx: SetupContext, next: IDataObject, itemIndex?: number): IDataObject {
	if (!isText(next.url)) {
		throw invalidSetupAnswer(wire, ctx, `a browser handoff without a connect URL (${JSON.stringify(next.url ?? null)})`, itemIndex);
	}
	checkUrl(wire, next.url, itemIndex);
	// Exactly the keys Connect drops once the handoff is used (HANDOFF_FIELDS): the type ties the two.
	return { sessionId: next.sessionId, connectUrl: next.url, expiresAt: next.expiresAt, purpose: next.purpose } satisfies Record<
		(typeof HANDOFF_FIELDS)[number],
		unknown
	>;
}

/** The setup answer as an item: Outlit's fields, `connected`, a flattened handoff, no null `next`/`error`. */
function setupItem(wire: Wire, ctx: SetupContext, body: IDataObject, itemIndex?: number): IDataObject {
	if (isJsonObject(body.error)) throw setupFailureError(wire, ctx, body.error, itemIndex);
	const { next, ...rest } = body;
	delete rest.error; // null: a failure was raised above
	const item: IDataObject = { ...rest, connected: body.status === 'ready' };
	if (!isJsonObject(next)) return item;
	if (!NEXT_KINDS.includes(next.kind as string)) {
		throw invalidSetupAnswer(wire, ctx, `a next step of an unknown kind (${JSON.stringify(next.kind ?? null)})`, itemIndex);
	}
	item.next = next;
	if (next.kind === 'browser_handoff') Object.assign(item, handoffFields(wire, ctx, next, itemIndex));
	return item;
}

/**
 * Outlit's setup negotiation: the provider's capabilities, asked without credentials, once per
 * provider per execution. A failed negotiation is forgotten, so the next item asks again.
 */
async function negotiate(wire: Wire, negotiations: Negotiations, provider: ProviderChoice, itemIndex?: number): Promise<Negotiation> {
	let pending = negotiations.get(provider.id);
	if (!pending) {
		pending = tool(wire, TOOLS.capabilities, { provider: provider.id }, itemIndex).then((body) => {
			if (!Array.isArray(body.providers)) throw shapeError(wire.node, 'capabilities without "providers"', itemIndex);
			const capability = (body.providers as IDataObject[]).find((p) => bodyObject(p).provider === provider.id);
			return { preferred: body.preferredSetupVersion === 1, ...(capability ? { capability } : {}) };
		});
		negotiations.set(provider.id, pending);
		pending.catch(() => negotiations.delete(provider.id));
	}
	return await pending;
}

/**
 * A browser connect on a server that does not negotiate setup: Outlit's compatibility tool, with
 * the provider only, as Outlit's CLI does. A provider that server sets up only by a person gets an
 * item saying where, and no session.
 */
async function compatibilityConnect(wire: Wire, ctx: SetupContext, negotiation: Negotiation, itemIndex?: number): Promise<IDataObject> {
	const { provider } = ctx;
	const capability = negotiation.capability ?? {};
	if (capability.browserHandoffAvailable === false || capability.setupMode === 'human_controlled') {
		return { provider: provider.id, status: 'human_controlled', connected: false, setupUrl: webApp(wire.connection.shownUrl) };
	}
	const body = await tool(wire, TOOLS.beginSetup, { provider: provider.id }, itemIndex);
	if (body.state === 'already_connected') return { ...body, connected: true };
	if (body.state !== 'handoff_ready') {
		throw invalidSetupAnswer(wire, ctx, `a browser session in the state ${JSON.stringify(body.state ?? null)}`, itemIndex);
	}
	// The node needs the URL to show; a session ID may be null (Outlit's schema), and then there is nothing to wait on.
	if (!isText(body.connectUrl)) throw invalidSetupAnswer(wire, ctx, 'a browser session without a connect URL', itemIndex);
	checkUrl(wire, body.connectUrl, itemIndex);
	return { ...body, connected: false };
}

/** `outlit_setup_integration`'s input for a connect, checked against the provider's gateway shape. */
function setupInput(wire: Wire, request: ConnectRequest, itemIndex?: number): IDataObject {
	const { provider, method, values, extra } = request;
	const setup = provider.entry?.tools;
	if (!setup) {
		// A provider Outlit added after this release: its fields come from Additional Config.
		return method === 'direct' ? { provider: provider.id, credentials: { ...values, ...extra } } : { provider: provider.id };
	}
	const mode = setup.connectionMode;
	if (method === 'browser') {
		if (!setup.browser) throw browserSessionRefused(wire.node, provider, setup.credentials ?? [], itemIndex);
		return { provider: provider.id, ...(mode ? { connectionMode: mode.browser } : {}) };
	}
	if (!setup.credentials) {
		throw parameterError(
			wire.node,
			`${provider.name} takes no credentials through Outlit's API: set "Connection Method" to Browser Session, where a person finishes the setup.`,
			'Set "Connection Method" to Browser Session: a person finishes the setup in the browser.',
			itemIndex,
		);
	}
	const credentials = credentialObject(wire.node, provider, setup.credentials, values, extra, itemIndex, request.credentialName);
	return { provider: provider.id, ...(mode ? { connectionMode: mode.direct } : {}), credentials };
}

/** A setup step the gateway runs as `configuration` of `outlit_setup_integration`, once negotiated. */
async function configurationStep(wire: Wire, negotiations: Negotiations, request: SetupStepRequest, itemIndex?: number): Promise<IDataObject> {
	const { provider, step, config, acceptRecommendation } = request;
	const ctx: SetupContext = { provider, step };
	const crm = step === 'mappings';
	const kind = crm ? 'crm_mapping' : 'mixpanel_mapping';
	if (provider.entry && provider.entry.tools.configuration !== kind) {
		const which = crm ? 'Mappings are for Salesforce, HubSpot and Attio' : 'Mixpanel Mapping is for Mixpanel';
		throw parameterError(
			wire.node,
			`${provider.name} has no "${step}" setup step: ${which}, so change "Provider" or "Step".`,
			`${which}.`,
			itemIndex,
		);
	}
	// Configuration goes only to a server that negotiates setup.
	if (!(await negotiate(wire, negotiations, provider, itemIndex)).preferred) throw new BrowserSetupOnly(provider, step);
	const key = crm ? 'mappings' : 'mapping';
	const base = { provider: provider.id, step };
	const send = async (value: unknown) => {
		const configuration = { kind, [key]: value, confirm: true };
		const body = await tool(wire, TOOLS.setup, { provider: provider.id, configuration } as IDataObject, itemIndex);
		return { ...base, ...setupItem(wire, ctx, body, itemIndex) };
	};
	const given = config?.[key];
	if (given !== undefined) return await send(given);

	// No configuration: ask Outlit what it recommends (CRM) or previews (Mixpanel).
	const item = setupItem(wire, ctx, await tool(wire, TOOLS.setup, { provider: provider.id }, itemIndex), itemIndex);
	const next = bodyObject(item.next);
	if (next.kind !== kind) return { ...base, ...item };
	if (crm && acceptRecommendation) return await send(next.recommendation);
	const offer = crm ? { recommendation: next.recommendation } : { preview: next.preview };
	return { ...base, status: 'config_required', ...offer };
}

/** Outlit's tools gateway (`POST /api/tools/call`), with the caller's negotiations for one execution. */
export function gatewayCapabilities(wire: Wire, negotiations: Negotiations = new Map()): OutlitCapabilities {
	return {
		async listIntegrations(connectedOnly, itemIndex) {
			const body = await tool(wire, TOOLS.status, {}, itemIndex);
			if (!Array.isArray(body.integrations)) {
				throw shapeError(wire.node, 'an integration status without "integrations"', itemIndex);
			}
			const entries: unknown[] = body.integrations;
			if (!entries.every(isJsonObject)) {
				throw shapeError(wire.node, 'an integration status with an entry that is not an object', itemIndex);
			}
			const items = entries.map((item) => ({ ...item, connected: CONNECTED_READINESS.includes(item.status as string) }));
			// The gateway has no connectedOnly filter.
			return connectedOnly ? items.filter((item) => item.connected) : items;
		},

		async getCapabilities(providerId, itemIndex) {
			const body = await tool(wire, TOOLS.capabilities, providerId ? { provider: providerId } : {}, itemIndex);
			if (!Array.isArray(body.providers)) throw shapeError(wire.node, 'capabilities without "providers"', itemIndex);
			return body.providers as IDataObject[];
		},

		async connect(request, itemIndex) {
			const ctx: SetupContext = { provider: request.provider, method: request.method, credentialName: request.credentialName };
			// Checked before any request: a field problem is the user's to fix on any server.
			const input = setupInput(wire, request, itemIndex);
			const negotiation = await negotiate(wire, negotiations, request.provider, itemIndex);
			if (negotiation.preferred) return setupItem(wire, ctx, await tool(wire, TOOLS.setup, input, itemIndex), itemIndex);
			// A server that does not negotiate setup never receives credentials.
			if (request.method === 'direct') throw new BrowserSetupOnly(request.provider);
			return await compatibilityConnect(wire, ctx, negotiation, itemIndex);
		},

		async continueSetup(request, itemIndex) {
			// A compatibility session ends connected: there is no follow-up to ask for.
			if (!(await negotiate(wire, negotiations, request.provider, itemIndex)).preferred) return undefined;
			// As Outlit's CLI does: the provider (and Stripe's mode) only; credentials are never re-sent.
			const mode = request.provider.entry?.tools.connectionMode;
			const input = { provider: request.provider.id, ...(mode ? { connectionMode: mode.browser } : {}) };
			const body = await tool(wire, TOOLS.setup, input, itemIndex);
			const item = setupItem(wire, { provider: request.provider, method: 'browser' }, body, itemIndex);
			// A new browser handoff (recovery, external setup) comes flattened, as Connect's first answer does.
			const handoff = HANDOFF_FIELDS.filter((key) => key in item).map((key) => [key, item[key]]);
			return { status: item.status, connected: item.connected, ...(item.next ? { next: item.next } : {}), ...Object.fromEntries(handoff) };
		},

		async sessionStatus(sessionId, itemIndex) {
			if (!UUID.test(sessionId)) {
				throw parameterError(
					wire.node,
					'Parameter "Session ID" must be a UUID, e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a: use the sessionId that Connect (Browser Session) returned.',
					'Use the sessionId that Connect (Browser Session) returned, for example 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a.',
					itemIndex,
				);
			}
			const body = await tool(wire, TOOLS.setupStatus, { sessionId }, itemIndex);
			return { status: body.status as string, provider: typeof body.provider === 'string' ? body.provider : null };
		},

		async disconnect(provider) {
			throw new NotOnGateway('Disconnect', provider);
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
			if (isGatewayStep(request.step)) return await configurationStep(wire, negotiations, request, itemIndex);
			throw new NotOnGateway(`The "${request.step}" setup step`, request.provider);
		},
	};
}
