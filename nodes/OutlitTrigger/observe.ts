import type { IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ContractUnavailable,
	contractUnavailableError,
	keepMessage,
	gatewayCapabilities,
	readConnection,
	restCapabilities,
	wireFor,
	type OutlitCapabilities,
	type OutlitConnection,
} from '../Outlit/transport';
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
	| { contract: 'rest'; integrations: ObservedIntegration[]; rest: OutlitCapabilities }
	| { contract: 'tools'; integrations: ObservedReadiness[] };

/** A body the trigger does not understand fails the poll before any state is written. */
export function parsed<T>(ctx: IPollFunctions, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		const message = `${(error as Error).message}. Check that the Base URL in the Outlit API credential points at Outlit's API; the trigger keeps its state and tries again at its next poll.`;
		throw keepMessage(
			new NodeApiError(ctx.getNode(), { statusCode: 200 }, {
				message,
				description:
					'The answer did not have the shape Outlit documents, so the trigger kept its state and retries at the next poll. Check that the Base URL in the credential points at the Outlit API.',
			}),
			message,
		);
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
	memory: ContractMemory,
	now: number,
): Promise<{ observation: Observation; restCheckedAt?: string }> {
	const connection = await readConnection.call(ctx);
	const wire = wireFor(ctx, connection);
	const rest = restCapabilities(wire);
	const tools = gatewayCapabilities(wire);
	// The failing models' detail is asked later, by the node: its errors read as the list's do.
	const detail: OutlitCapabilities = {
		...rest,
		syncStatus: async (provider, itemIndex) =>
			await rest.syncStatus(provider, itemIndex).catch((error: unknown) => {
				throw asPollError(ctx, error, connection);
			}),
	};
	const fromRest = async (): Promise<Observation> => ({ contract: 'rest', integrations: await restList(ctx, rest), rest: detail });
	const fromTools = async (): Promise<Observation> => ({ contract: 'tools', integrations: await toolsList(ctx, tools) });

	if (connection.api === 'rest') return { observation: await explained(ctx, connection, fromRest) };
	if (connection.api === 'tools') return { observation: await explained(ctx, connection, fromTools) };
	// restCheckedAt is in the state only while the trigger is on the gateway; without it this is NaN.
	const checked = Date.parse(String(memory.restCheckedAt));
	if (now - checked < REST_RECHECK_MS) {
		return { observation: await explained(ctx, connection, fromTools), restCheckedAt: memory.restCheckedAt };
	}
	const viaRest = await fromRest().then(
		(observation) => ({ observation }),
		(error: unknown) => ({ error }),
	);
	if ('observation' in viaRest) return { observation: viaRest.observation };
	// Only the REST routes were asked, so an unavailable contract here is REST's.
	if (!(viaRest.error instanceof ContractUnavailable)) {
		throw asPollError(ctx, viaRest.error, connection);
	}
	const observation = await explained(ctx, connection, fromTools);
	return { observation, restCheckedAt: new Date(now).toISOString() };
}

/** Runs one contract's list; a contract that does not answer becomes a readable error. */
async function explained(ctx: IPollFunctions, connection: OutlitConnection, list: () => Promise<Observation>): Promise<Observation> {
	return await list().catch((error: unknown) => {
		throw asPollError(ctx, error, connection);
	});
}

function asPollError(ctx: IPollFunctions, error: unknown, connection: OutlitConnection): NodeApiError | NodeOperationError {
	if (error instanceof ContractUnavailable) {
		// In Automatic the trigger reads the gateway only once the REST routes did not answer.
		return contractUnavailableError(ctx.getNode(), error, connection.shownUrl, undefined, { api: connection.api, trigger: true });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error));
}

async function restList(ctx: IPollFunctions, rest: OutlitCapabilities): Promise<ObservedIntegration[]> {
	const items = await rest.listIntegrations(false);
	return parsed(ctx, () => parseIntegrationList({ items }));
}

async function toolsList(ctx: IPollFunctions, tools: OutlitCapabilities): Promise<ObservedReadiness[]> {
	const integrations = await tools.listIntegrations(false);
	return parsed(ctx, () => parseReadinessList({ integrations }));
}
