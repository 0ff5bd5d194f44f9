import type { IDataObject } from 'n8n-workflow';

import { isGatewayStep } from '../catalog/providers';
import {
	BrowserSetupOnly,
	ContractUnavailable,
	NotOnGateway,
	NotOnRest,
	restLacks,
	type Contract,
	type OutlitCapabilities,
	type ProviderChoice,
} from './capabilities';
import { readConnection, type OutlitContext } from './connection';
import {
	asN8nError,
	browserSetupOnlyError,
	contractUnavailableError,
	METHOD_WORDS,
	notOnGatewayError,
	notOnRestError,
} from './errors';
import { gatewayCapabilities, type Negotiations } from './gateway';
import { sendOutlitRequest, type RequestSettings } from './http';
import { redactNode } from './redact';
import { restCapabilities } from './rest';
import { newPacer, type Pacer } from './retry';
import type { OutlitConnection, Wire } from './wire';

type Method = keyof OutlitCapabilities;

/** What each capability prefers in Automatic mode, and where it may fall back. */
const PLAN: Record<Method, { first: Contract; fallback?: Contract }> = {
	listIntegrations: { first: 'tools', fallback: 'rest' },
	getCapabilities: { first: 'tools', fallback: 'rest' },
	connect: { first: 'tools', fallback: 'rest' },
	continueSetup: { first: 'tools', fallback: 'rest' },
	sessionStatus: { first: 'tools', fallback: 'rest' },
	setupStep: { first: 'tools', fallback: 'rest' },
	// The gateway has no Disconnect and no sync detail (only readiness).
	disconnect: { first: 'rest' },
	syncStatus: { first: 'rest', fallback: 'tools' },
};

/** Whether the gateway has the call at all (its plan has it, and for a step, a tool). */
function gatewayHas(method: Method, gatewayStep: boolean): boolean {
	const plan = PLAN[method];
	return gatewayStep && (plan.first === 'tools' || plan.fallback === 'tools');
}

/** A sender bound to one connection, for the two implementations. */
function wireFor(
	ctx: OutlitContext,
	connection: OutlitConnection,
	settings: RequestSettings = {},
	pacer?: Pacer,
): Wire {
	return {
		connection,
		node: redactNode(ctx.getNode()),
		send: async (request, itemIndex) => await sendOutlitRequest(ctx, connection, request, settings, itemIndex, pacer),
	};
}

/**
 * The client, plus a view of it for a loop that retries by its own rule until a deadline (epoch ms):
 * its calls never retry, and none outlasts the deadline.
 */
export interface OutlitClient extends OutlitCapabilities {
	withoutRetries(deadline: number): OutlitCapabilities;
	/** The credential's "API" setting. */
	apiSetting(): Promise<OutlitConnection['api']>;
	/**
	 * The trigger's list: from the first API of `order` that answers (one that does not answer is
	 * skipped), with the API that answered, since the two describe an integration differently.
	 */
	observeIntegrations(order: readonly Contract[]): Promise<{ contract: Contract; items: IDataObject[] }>;
	/** The trigger's per-model detail of one provider, from the REST routes. */
	restSyncDetail(provider: ProviderChoice): Promise<IDataObject>;
}

/**
 * The one place that chooses a contract per call. Automatic uses the gateway for what it covers
 * and REST for the rest, falling back when a server lacks one; a server found without a gateway
 * is remembered for the execution, so Automatic costs no extra request in steady state.
 */
export function createOutlitClient(ctx: OutlitContext, settings: RequestSettings = {}): OutlitClient {
	let gatewayMissing = false;
	// Outlit's setup negotiation, once per provider for the whole execution.
	const negotiations: Negotiations = new Map();
	// One pace for the whole execution: Outlit's allowance is per key, not per item.
	const pacer: Pacer = newPacer();

	// Built once per execution (masking the node walks its parameters); a credential error is raised for every item.
	let retrying: Wire | undefined;

	/** The execution's wire, or for a loop with a deadline one without retries, bounded by it. */
	async function wire(deadline?: number): Promise<Wire> {
		retrying ??= wireFor(ctx, await readConnection.call(ctx), settings, pacer);
		if (deadline === undefined) return retrying;
		return wireFor(ctx, retrying.connection, { ...settings, retry: undefined, deadline }, pacer);
	}

	/** The contracts to try, in order, for one call. */
	function contractsFor(api: OutlitConnection['api'], method: Method, gatewayStep: boolean): Contract[] {
		if (api !== 'auto') return [api];
		// Only setup steps can be ones the gateway lacks (gatewayStep is false for no other call).
		const plan = gatewayStep ? PLAN[method] : { first: 'rest' as const };
		const order = [plan.first, ...(plan.fallback ? [plan.fallback] : [])];
		// A server found without a gateway is not asked again in this execution (every plan has REST).
		return gatewayMissing ? order.filter((c) => c !== 'tools') : order;
	}

	async function run<T>(
		method: Method,
		itemIndex: number | undefined,
		call: (impl: OutlitCapabilities, contract: Contract) => Promise<T>,
		gatewayStep: boolean,
		trigger?: { order: readonly Contract[] },
		deadline?: number,
	): Promise<T> {
		const w = await wire(deadline);
		const order = trigger?.order ?? contractsFor(w.connection.api, method, gatewayStep);
		// Why a contract did not take the call: each explains a next contract that does not answer either.
		let browserOnly: BrowserSetupOnly | undefined;
		let notOnRest: NotOnRest | undefined;
		for (let i = 0; ; i++) {
			const contract = order[i];
			try {
				return await call(contract === 'rest' ? restCapabilities(w) : gatewayCapabilities(w, negotiations), contract);
			} catch (error) {
				if (error instanceof BrowserSetupOnly) browserOnly = error;
				else if (error instanceof NotOnRest) notOnRest = error;
				else if (error instanceof ContractUnavailable) {
					if (contract === 'tools') gatewayMissing = true;
				} else if (error instanceof NotOnGateway) {
					throw notOnGatewayError(w, error.what, error.provider, restLacks(error.provider), itemIndex);
				} else throw asN8nError(w.node, error, itemIndex);
				if (i < order.length - 1) continue;
				// No contract took the call: the most telling reason is the one given.
				if (browserOnly) throw browserSetupOnlyError(w, browserOnly.provider, browserOnly.step, itemIndex);
				// After REST, a gateway that does not answer would have had the provider: only a call whose plan has the gateway gets there.
				if (notOnRest) throw notOnRestError(w, notOnRest.provider, notOnRest.step, gatewayHas(method, gatewayStep), itemIndex);
				const unavailable = error as ContractUnavailable;
				throw contractUnavailableError(w.node, unavailable, w.connection.shownUrl, itemIndex, {
					api: w.connection.api,
					// In Automatic, a REST route that does not answer on a server found without a gateway.
					neither: w.connection.api === 'auto' && unavailable.contract === 'rest' && gatewayMissing,
					what: METHOD_WORDS[method],
					trigger: trigger !== undefined,
				});
			}
		}
	}

	function capabilities(deadline?: number): OutlitCapabilities {
		const via = <T>(method: Method, i: number | undefined, call: (c: OutlitCapabilities) => Promise<T>, gatewayStep = true) =>
			run(method, i, call, gatewayStep, undefined, deadline);
		return {
			listIntegrations: async (connectedOnly, i) =>
				await via('listIntegrations', i, async (c) => await c.listIntegrations(connectedOnly, i)),
			getCapabilities: async (providerId, i) =>
				await via('getCapabilities', i, async (c) => await c.getCapabilities(providerId, i)),
			connect: async (request, i) => await via('connect', i, async (c) => await c.connect(request, i)),
			continueSetup: async (request, i) => await via('continueSetup', i, async (c) => await c.continueSetup(request, i)),
			sessionStatus: async (sessionId, i) => await via('sessionStatus', i, async (c) => await c.sessionStatus(sessionId, i)),
			disconnect: async (provider, ignore, i) =>
				await via('disconnect', i, async (c) => await c.disconnect(provider, ignore, i)),
			syncStatus: async (provider, i) => await via('syncStatus', i, async (c) => await c.syncStatus(provider, i)),
			setupStep: async (request, i) =>
				await via('setupStep', i, async (c) => await c.setupStep(request, i), isGatewayStep(request.step)),
		};
	}

	return {
		...capabilities(),
		withoutRetries: (deadline) => capabilities(deadline),
		apiSetting: async () => (await wire()).connection.api,
		observeIntegrations: async (order) =>
			await run('listIntegrations', undefined, async (c, contract) => ({ contract, items: await c.listIntegrations(false) }), true, { order }),
		restSyncDetail: async (provider) =>
			await run('syncStatus', undefined, async (c) => await c.syncStatus(provider), true, { order: ['rest'] }),
	};
}
