import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
import { bodyObject, gatewayApiError, isGatewayEnvelope, keepMessage, notJsonError, shapeError } from './errors';
import { browserSessionRefused, credentialObject, parameterError } from './fields';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What Outlit's setup negotiation said about one provider: whether the server prefers
 * `outlit_setup_integration` (`preferredSetupVersion: 1`), and the provider's capability entry.
 */
export interface Negotiation {
	preferred: boolean;
	capability?: IDataObject;
}

/**
 * Negotiations by provider ID, kept by the caller for one execution: the first item that sets a
 * provider up asks, the others reuse the answer (or its pending request).
 */
export type Negotiations = Map<string, Promise<Negotiation>>;

/** The handoff purposes that start an authentication session the node can wait on. */
const AUTHENTICATION = 'authentication';

/** The `next` transitions Outlit documents for `outlit_setup_integration`. */
const NEXT_KINDS = ['browser_handoff', 'crm_mapping', 'mixpanel_mapping'];

/** One gateway call's output; an error envelope is thrown as a readable NodeApiError with its code. */
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

const SETUP_ERRORS: Record<string, (name: string) => string> = {
	CREDENTIAL_REJECTED: (name) => `Outlit rejected the ${name} credentials`,
	CREDENTIAL_REQUIRED: (name) => `${name} needs credentials before Outlit can connect it`,
	OWNER_REQUIRED: (name) => `Only the owner of the ${name} connection can change it`,
	CONNECTION_CONFLICT: (name) => `${name} is already connected in a way that conflicts with this setup`,
	LEGACY_CONNECTION_REQUIRED: (name) => `${name} is connected the old way and must be reconnected in the Outlit web app`,
	HANDOFF_UNAVAILABLE: (name) => `Outlit cannot start a browser handoff for ${name} right now`,
	TRANSIENT_FAILURE: (name) => `Outlit could not finish the ${name} setup this time`,
};

/**
 * What the node was doing when Outlit answered a setup error, so the advice fits it: a Direct or
 * Browser Session connect (with the credential its fields came from), or a setup step.
 */
export interface SetupContext {
	provider: ProviderChoice;
	method?: ConnectRequest['method'];
	credentialName?: string;
	step?: string;
}

/** A setup context with where the user finishes a setup by hand: the web app's Integrations page. */
type AdviceContext = SetupContext & { webApp: string };

/** The provider's credential fields as the catalog names them, for advice; empty when unknown. */
function fieldLabels(provider: ProviderChoice): string {
	const fields = provider.entry?.tools.credentials ?? [];
	return fields.length ? ` (${fields.map((f) => f.label).join(', ')})` : '';
}

/** Where the node took a Direct connect's fields from. */
function fieldSource(ctx: SetupContext): string {
	return ctx.credentialName ? `the Outlit Provider Credentials "${ctx.credentialName}"` : "the node's provider fields";
}

const SETUP_ADVICE: Record<string, (ctx: AdviceContext) => string> = {
	CREDENTIAL_REJECTED: (ctx) =>
		ctx.method === 'direct'
			? `Check ${ctx.provider.name}'s fields${fieldLabels(ctx.provider)} in ${fieldSource(ctx)}: a valid, unrevoked key with the access Outlit needs. Then run the node again.`
			: `Reconnect ${ctx.provider.name} with an account that has the access Outlit needs, then run the node again.`,
	CREDENTIAL_REQUIRED: (ctx) => {
		if (ctx.step) return `Connect ${ctx.provider.name} first with the Connect operation, then run the "${ctx.step}" step again.`;
		if (ctx.method === 'direct') {
			return `Fill in every field Outlit needs${fieldLabels(ctx.provider)} in ${fieldSource(ctx)}, then run the node again.`;
		}
		return fieldLabels(ctx.provider)
			? `Set Connection Method to Direct and give the node ${ctx.provider.name}'s fields${fieldLabels(ctx.provider)} in an Outlit Provider Credentials credential.`
			: `Connect ${ctx.provider.name} in the Outlit web app (${ctx.webApp}), where Outlit asks for what it needs.`;
	},
	OWNER_REQUIRED: () => 'Ask the person who connected it, or an Outlit admin, to make this change.',
	CONNECTION_CONFLICT: () => 'Disconnect the existing connection in the Outlit web app, then connect again.',
	LEGACY_CONNECTION_REQUIRED: (ctx) => `Reconnect ${ctx.provider.name} in the Outlit web app (${ctx.webApp}).`,
	HANDOFF_UNAVAILABLE: (ctx) =>
		`Try again later, or connect ${ctx.provider.name} in the Outlit web app (${ctx.webApp})${ctx.method === 'browser' && fieldLabels(ctx.provider) ? ', or set Connection Method to Direct' : ''}.`,
	TRANSIENT_FAILURE: () => 'This is temporary: run the node again in a moment.',
};

/**
 * A setup failure arrives inside a 200 as `error: {code, message, retryable}`. It is not retried,
 * whatever `retryable` says: a setup is a write, each code's advice says what to do, and Outlit's
 * CLI reports it without retrying too (outlit-sdk, commands/integrations/setup.ts). The advice is
 * in the message too: an AI agent receives only the message.
 */
function setupFailure(wire: Wire, ctx: SetupContext, body: IDataObject, itemIndex?: number): NodeApiError | undefined {
	if (!isJsonObject(body.error)) return undefined;
	const { code, message } = body.error;
	// Only the codes this release knows: a code such as "constructor" is not a key of these tables.
	const knownCode = typeof code === 'string' && Object.hasOwn(SETUP_ERRORS, code) ? code : undefined;
	const known = knownCode ? SETUP_ERRORS[knownCode] : undefined;
	const text = typeof message === 'string' && message ? message.replace(/[.\s]+$/, '') : 'no reason given';
	const advising = { ...ctx, webApp: `${wire.connection.shownUrl}/integrations` };
	const advice = knownCode
		? SETUP_ADVICE[knownCode](advising)
		: `Outlit answered with setup error ${String(code)}: try again later, or set ${ctx.provider.name} up in the Outlit web app (${advising.webApp}).`;
	const said = `${known ? known(ctx.provider.name) : `Outlit could not set up ${ctx.provider.name}`}: ${text}. ${advice}`;
	return keepMessage(
		new NodeApiError(
			wire.node,
			{ statusCode: 200, ...(typeof code === 'string' ? { code } : {}), message: text },
			{ message: said, description: advice, itemIndex },
		),
		said,
	);
}

/** An answer the node cannot act on is an error naming what Outlit returned, never a success item. */
function invalidSetupAnswer(wire: Wire, ctx: SetupContext, what: string, itemIndex?: number): NodeApiError {
	const message = `Outlit answered the ${ctx.provider.name} setup with ${what}, so the node cannot continue: run it again, or set ${ctx.provider.name} up in the Outlit web app (${wire.connection.shownUrl}/integrations)`;
	return keepMessage(
		new NodeApiError(
			wire.node,
			{ statusCode: 200 },
			{ message, description: 'The answer is not one Outlit documents for this step; nothing was output as a success.', itemIndex },
		),
		message,
	);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A browser handoff's fields, checked: a URL the node may show, and a session where the purpose needs one. */
function handoffFields(wire: Wire, ctx: SetupContext, next: IDataObject, itemIndex?: number): IDataObject {
	if (!isText(next.url)) {
		throw invalidSetupAnswer(wire, ctx, `a browser handoff without a connect URL (${JSON.stringify(next.url ?? null)})`, itemIndex);
	}
	if (next.purpose === AUTHENTICATION && !isText(next.sessionId)) {
		throw invalidSetupAnswer(wire, ctx, 'an authentication handoff without a session ID', itemIndex);
	}
	const problem = handoffUrlProblem(next.url, wire.connection.baseUrl);
	if (problem) throw unsafeUrlError(wire, problem, itemIndex);
	return { sessionId: next.sessionId, connectUrl: next.url, expiresAt: next.expiresAt, purpose: next.purpose };
}

/** The setup answer as an item: Outlit's fields, `connected`, a flattened handoff, no null `next`/`error`. */
function setupItem(wire: Wire, ctx: SetupContext, body: IDataObject, itemIndex?: number): IDataObject {
	const failure = setupFailure(wire, ctx, body, itemIndex);
	if (failure) throw failure;
	const { next, ...rest } = body;
	// `error` is null here (a failure was raised above).
	delete rest.error;
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
 * Outlit's setup negotiation ("Preferred setup negotiation" in its integration tools docs): the
 * provider's capabilities, asked without credentials, once per provider per execution. A failed
 * negotiation is forgotten, so the next item asks again.
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
		return { provider: provider.id, status: 'human_controlled', connected: false, setupUrl: `${wire.connection.shownUrl}/integrations` };
	}
	const body = await tool(wire, TOOLS.beginSetup, { provider: provider.id }, itemIndex);
	if (body.state === 'already_connected') return { ...body, connected: true };
	if (body.state !== 'handoff_ready') {
		throw invalidSetupAnswer(wire, ctx, `a browser session in the state ${JSON.stringify(body.state ?? null)}`, itemIndex);
	}
	// An authentication session: the node needs its ID to wait on it and its URL to show.
	const missing = [!isText(body.sessionId) && 'session ID', !isText(body.connectUrl) && 'connect URL'].filter(Boolean);
	if (missing.length) throw invalidSetupAnswer(wire, ctx, `a browser session without a ${missing.join(' or ')}`, itemIndex);
	const problem = handoffUrlProblem(body.connectUrl, wire.connection.baseUrl);
	if (problem) throw unsafeUrlError(wire, problem, itemIndex);
	return { ...body, connected: false };
}

function unsafeUrlError(wire: Wire, problem: string, itemIndex?: number): NodeApiError {
	const message = `Outlit returned a connect URL this node will not use (${problem}): check that the Base URL in the Outlit API credential is your Outlit's address, or connect in the Outlit web app (${wire.connection.shownUrl}/integrations).`;
	return keepMessage(
		new NodeApiError(
			wire.node,
			{ statusCode: 200 },
			{
				message,
				description: `A connect URL must be https on the Base URL's origin (${wire.connection.shownUrl}), without a user name, password, fragment or credential-like query. Check the Base URL in the Outlit credential.`,
				itemIndex,
			},
		),
		message,
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
	const expected = provider.entry?.tools.configuration;
	if (provider.entry && expected !== kind) {
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
	const given = config?.[key];
	const base = { provider: provider.id, step };
	const send = async (value: unknown) => {
		const configuration = { kind, [key]: value, confirm: true };
		const body = await tool(wire, TOOLS.setup, { provider: provider.id, configuration } as IDataObject, itemIndex);
		return { ...base, ...setupItem(wire, ctx, body, itemIndex) };
	};
	if (given !== undefined) return await send(given);

	// No configuration: ask Outlit what it recommends (CRM) or previews (Mixpanel).
	const body = await tool(wire, TOOLS.setup, { provider: provider.id }, itemIndex);
	const item = setupItem(wire, ctx, body, itemIndex);
	const next = bodyObject(item.next);
	if (next.kind !== kind) return { ...base, ...item };
	if (crm && acceptRecommendation) return await send(next.recommendation);
	const offer = crm ? { recommendation: next.recommendation } : { preview: next.preview };
	return { ...base, status: 'config_required', ...offer };
}

/**
 * Outlit's tools gateway (`POST /api/tools/call`). `negotiations` is the caller's memory of setup
 * negotiations for one execution (a fresh one when not given).
 */
export function gatewayCapabilities(wire: Wire, negotiations: Negotiations = new Map()): OutlitCapabilities {
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
			return { status: item.status, connected: item.connected, ...(item.next ? { next: item.next } : {}) };
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
			if (isGatewayStep(request.step)) {
				return await configurationStep(wire, negotiations, request, itemIndex);
			}
			throw new NotOnGateway(`The "${request.step}" setup step`, request.provider);
		},
	};
}
