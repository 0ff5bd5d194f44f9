import type { IPollFunctions } from 'n8n-workflow';

import { unreadableListError, type Contract, type OutlitClient } from '../Outlit/transport';
import type { ObservedIntegration, ObservedReadiness } from './decide';
import { parseIntegrationList, parseReadinessList } from './validate';

/** How often a trigger that moved to the gateway asks the REST routes again. */
export const REST_RECHECK_MS = 24 * 60 * 60 * 1000;

/** What the trigger remembers about contracts between polls (in its static data). */
export interface ContractMemory {
	/** When the REST routes were last asked (ISO), while on the gateway in Automatic mode. */
	restCheckedAt?: string;
}

export type Observation =
	| { contract: 'rest'; integrations: ObservedIntegration[] }
	| { contract: 'tools'; integrations: ObservedReadiness[] };

/** A body the trigger does not understand fails the poll before any state is written. */
export function parsed<T>(ctx: IPollFunctions, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		throw unreadableListError(ctx.getNode(), (error as Error).message);
	}
}

/**
 * One poll's list of integrations, from the contract the credential asks for. Automatic follows the
 * trigger's own rule: the REST list while it answers (it names the failing model and its error,
 * which readiness does not), the gateway's readiness once REST answers as retired, with REST asked
 * again at most once a day. A healthy poll is one request either way. Also returns when REST was
 * last asked, while the trigger is on the gateway in Automatic mode (the state keeps it).
 */
export async function observe(
	ctx: IPollFunctions,
	client: OutlitClient,
	memory: ContractMemory,
	now: number,
): Promise<{ observation: Observation; restCheckedAt?: string }> {
	const api = await client.apiSetting();
	// restCheckedAt is in the state only while the trigger is on the gateway; without it this is NaN.
	const recent = now - Date.parse(String(memory.restCheckedAt)) < REST_RECHECK_MS;
	const order: Contract[] = api !== 'auto' ? [api] : recent ? ['tools'] : ['rest', 'tools'];
	const { contract, items } = await client.observeIntegrations(order);
	const observation: Observation =
		contract === 'rest'
			? { contract, integrations: parsed(ctx, () => parseIntegrationList({ items })) }
			: { contract, integrations: parsed(ctx, () => parseReadinessList({ integrations: items })) };
	if (api !== 'auto' || contract === 'rest') return { observation };
	// On the gateway in Automatic: REST was asked now (and did not answer), or not yet again.
	return { observation, restCheckedAt: recent ? memory.restCheckedAt : new Date(now).toISOString() };
}
