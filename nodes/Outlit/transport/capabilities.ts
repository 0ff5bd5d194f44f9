import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../catalog/providers';

/** The two ways Outlit can be spoken to. */
export type Contract = 'rest' | 'tools';

/** A provider as the user chose it: a catalog entry, or a slug Outlit may know before the catalog does. */
export interface ProviderChoice {
	id: string;
	name: string;
	entry?: Provider;
}

export interface ConnectRequest {
	provider: ProviderChoice;
	method: 'browser' | 'direct';
	/** The typed-in credential fields that have a value (strings trimmed). */
	values: IDataObject;
	/** Additional Config (JSON): keys on top of the fields, for providers the catalog does not know. */
	extra: IDataObject;
	/** Set when `values` came from Outlit Provider Credentials: problems then point at that credential. */
	credentialName?: string;
}

export interface SetupStepRequest {
	provider: ProviderChoice;
	step: string;
	config?: IDataObject;
	/** Confirm the mapping Outlit recommends in the same run (gateway mappings only). */
	acceptRecommendation: boolean;
}

/**
 * Gateway readiness values of an integration that is connected, as REST's `connected` status means it:
 * authorized, whether setup remains (setup_required) or it needs repair (requires_intervention).
 */
export const CONNECTED_READINESS = ['ready', 'setup_required', 'requires_intervention'];

export interface SessionState {
	status: string;
	provider: string | null;
	error?: string;
}

/** One method per Outlit capability: rest.ts and gateway.ts implement them, client.ts chooses. `itemIndex` only labels errors. */
export interface OutlitCapabilities {
	listIntegrations(connectedOnly: boolean, itemIndex?: number): Promise<IDataObject[]>;
	getCapabilities(providerId: string | undefined, itemIndex?: number): Promise<IDataObject[]>;
	connect(request: ConnectRequest, itemIndex?: number): Promise<IDataObject>;
	/** After a browser session connected: the gateway's follow-up (status, next, a new handoff's fields); nothing on REST or an older gateway. */
	continueSetup(request: ConnectRequest, itemIndex?: number): Promise<IDataObject | undefined>;
	sessionStatus(sessionId: string, itemIndex?: number): Promise<SessionState>;
	disconnect(provider: ProviderChoice, ignoreNotConnected: boolean, itemIndex?: number): Promise<IDataObject>;
	syncStatus(provider: ProviderChoice, itemIndex?: number): Promise<IDataObject>;
	setupStep(request: SetupStepRequest, itemIndex?: number): Promise<IDataObject>;
}

/** Thrown when a contract does not answer on this server (retired REST routes, no gateway): the client falls back or explains. */
export class ContractUnavailable extends Error {
	constructor(
		readonly contract: Contract,
		readonly statusCode: number,
	) {
		super(`The Outlit ${contract === 'rest' ? 'REST routes' : 'tools gateway'} did not answer (${statusCode})`);
		this.name = 'ContractUnavailable';
	}
}

/**
 * Thrown by the gateway when the server does not negotiate setup (no `preferredSetupVersion: 1`)
 * and the call would send credentials or configuration: such a server gets browser setup only.
 */
export class BrowserSetupOnly extends Error {
	constructor(
		readonly provider: ProviderChoice,
		/** Undefined for a Direct connect; the step for a setup step. */
		readonly step?: string,
	) {
		super(`This Outlit server only offers browser setup for ${provider.name}`);
		this.name = 'BrowserSetupOnly';
	}
}

/** Thrown by the gateway implementation for what only REST offers (Disconnect, webhook steps). */
export class NotOnGateway extends Error {
	constructor(
		readonly what: string,
		/** The provider it was for, where one: a provider REST lacks leaves only the web app. */
		readonly provider?: ProviderChoice,
	) {
		super(`${what} is not available on Outlit's tools gateway`);
		this.name = 'NotOnGateway';
	}
}

/** A catalog provider Outlit's REST routes do not have (the catalog's `rest: null`). */
export function restLacks(provider: ProviderChoice | undefined): boolean {
	return provider?.entry !== undefined && provider.entry.rest === null;
}

/** Thrown by REST, before a request, for a provider its routes do not have (Outlit would refuse the ID). */
export class NotOnRest extends Error {
	constructor(
		readonly provider: ProviderChoice,
		/** The setup step, for Run Setup Step. */
		readonly step?: string,
	) {
		super(`Outlit's REST routes have no ${provider.name}`);
		this.name = 'NotOnRest';
	}
}
