import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { findProvider } from '../catalog/providers';
import {
	ContractUnavailable,
	NotOnRest,
	restLacks,
	type ConnectRequest,
	type OutlitCapabilities,
	type ProviderChoice,
	type SessionState,
	type SetupStepRequest,
} from './capabilities';
import {
	bodyObject,
	browserSessionRefused,
	notJsonError,
	parameterError,
	restApiError,
	shapeError,
	type RestNotFound,
} from './errors';
import { credentialObject } from './fields';
import { isJsonObject } from './http';
import type { OutlitResponse, Wire } from './wire';

/** Every REST route the package calls (Outlit's integration route docs). */
export const REST_ROUTES = {
	listIntegrations: { method: 'GET', path: '/api/integrations' },
	getCapabilities: { method: 'GET', path: '/api/integrations/capabilities' },
	connect: { method: 'POST', path: '/api/integrations/connect' },
	sessionStatus: { method: 'GET', path: '/api/integrations/connect/status' },
	disconnect: { method: 'POST', path: '/api/integrations/disconnect' },
	syncStatus: { method: 'GET', path: '/api/integrations/sync-status' },
	setupStep: { method: 'POST', path: '/api/integrations/setup-step' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

type RestRoute = keyof typeof REST_ROUTES;

/** Outlit's own error answers are JSON objects with a message; a retired route is not. */
function isOutlitErrorBody(body: unknown): boolean {
	const b = bodyObject(body);
	return isJsonObject(body) && (typeof b.error === 'string' || typeof b.message === 'string');
}

/** 405, 410, or a 404 without Outlit's JSON error body: the route is gone (or never was here). */
export function isRetiredRoute(response: OutlitResponse): boolean {
	const { statusCode } = response;
	return statusCode === 405 || statusCode === 410 || (statusCode === 404 && !isOutlitErrorBody(response.body));
}

async function send(
	wire: Wire,
	route: RestRoute,
	request: { qs?: IDataObject; body?: IDataObject },
	itemIndex?: number,
): Promise<OutlitResponse> {
	const { method, path } = REST_ROUTES[route];
	const response = await wire.send({ method, path, ...request, idempotent: method === 'GET' }, itemIndex);
	if (isRetiredRoute(response)) throw new ContractUnavailable('rest', response.statusCode);
	return response;
}

function success(wire: Wire, response: OutlitResponse, itemIndex?: number, notFound?: RestNotFound, subject?: string): IDataObject {
	if (response.statusCode >= 400) throw restApiError(wire.node, response, itemIndex, notFound, subject);
	if (!isJsonObject(response.body)) throw notJsonError(wire.node, response, itemIndex);
	return response.body;
}

async function call(
	wire: Wire,
	route: RestRoute,
	request: { qs?: IDataObject; body?: IDataObject },
	itemIndex?: number,
	notFound?: RestNotFound,
	subject?: string,
): Promise<IDataObject> {
	return success(wire, await send(wire, route, request, itemIndex), itemIndex, notFound, subject);
}

/** The catalog's entry, or nothing for a provider it does not know; a provider REST lacks is refused. */
function onRest(provider: ProviderChoice, step?: string): ProviderChoice['entry'] {
	if (restLacks(provider)) throw new NotOnRest(provider, step);
	return provider.entry;
}

/** The `config` of a direct connect, or nothing for a browser session; checked before sending. */
function connectBody(wire: Wire, request: ConnectRequest, itemIndex?: number): IDataObject {
	const { provider, method } = request;
	const setup = onRest(provider)?.rest;
	if (method === 'direct') {
		if (setup && setup.mode !== 'direct') {
			throw parameterError(
				wire.node,
				`${provider.name} connects by browser session only: set "Connection Method" to Browser Session.`,
				'Set "Connection Method" to Browser Session.',
				itemIndex,
			);
		}
		const config = credentialObject(wire.node, provider, setup?.fields ?? [], request.values, request.extra, itemIndex, request.credentialName);
		return { provider: provider.id, config };
	}
	if (setup && setup.mode !== 'browser') throw browserSessionRefused(wire.node, provider, setup.fields, itemIndex);
	return { provider: provider.id };
}

/** The REST routes (`/api/integrations*`): what worked before the gateway, unchanged. */
export function restCapabilities(wire: Wire): OutlitCapabilities {
	return {
		async listIntegrations(connectedOnly, itemIndex) {
			const body = await call(wire, 'listIntegrations', { qs: { connectedOnly } }, itemIndex);
			if (!Array.isArray(body.items)) throw shapeError(wire.node, 'an integration list without "items"', itemIndex);
			const items: unknown[] = body.items;
			if (!items.every(isJsonObject)) throw shapeError(wire.node, 'an integration list with an entry that is not an object', itemIndex);
			return items.map((item) => ({ ...item, connected: item.status === 'connected' }));
		},

		async getCapabilities(providerId, itemIndex) {
			const entry = findProvider(providerId);
			if (entry) onRest({ id: entry.id, name: entry.name, entry });
			const body = await call(wire, 'getCapabilities', providerId ? { qs: { provider: providerId } } : {}, itemIndex);
			// One provider comes wrapped as { provider: {...} }; all providers as { <id>: {...}, ... }.
			return isJsonObject(body.provider)
				? [body.provider]
				: (Object.values(body).filter(isJsonObject) as IDataObject[]);
		},

		async connect(request, itemIndex) {
			return await call(wire, 'connect', { body: connectBody(wire, request, itemIndex) }, itemIndex);
		},

		async continueSetup() {
			return undefined;
		},

		async sessionStatus(sessionId, itemIndex): Promise<SessionState> {
			const body = await call(wire, 'sessionStatus', { qs: { sessionId } }, itemIndex, 'sessionStatus');
			return {
				status: body.status as string,
				provider: typeof body.provider === 'string' ? body.provider : null,
				...(typeof body.error === 'string' ? { error: body.error } : {}),
			};
		},

		async disconnect(provider: ProviderChoice, ignoreNotConnected, itemIndex) {
			onRest(provider);
			const response = await send(wire, 'disconnect', { body: { provider: provider.id } }, itemIndex);
			// Outlit answers its own 404 when the provider is valid but not connected: with the option
			// on, that is the desired end state. A 401 or a 500 is never ignored.
			if (response.statusCode === 404 && ignoreNotConnected) {
				return { success: false, notConnected: true, provider: provider.id };
			}
			return { ...success(wire, response, itemIndex, 'disconnect', provider.name), provider: provider.id };
		},

		async syncStatus(provider, itemIndex) {
			onRest(provider);
			return await call(wire, 'syncStatus', { qs: { provider: provider.id } }, itemIndex, undefined, provider.name);
		},

		async setupStep(request: SetupStepRequest, itemIndex) {
			const { provider, step, config } = request;
			onRest(provider, step);
			const body = { provider: provider.id, step, ...(config ? { config } : {}) };
			// A `config_required` answer (e.g. mappings without config) is a normal item listing what to send.
			const response = await call(wire, 'setupStep', { body }, itemIndex, undefined, provider.name);
			return { provider: provider.id, step, ...response };
		},
	};
}
