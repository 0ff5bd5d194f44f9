import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from '../shared/errors';
import { asProviderRefusal } from '../shared/params';
import { createOutlitClient, type OutlitClient } from '../transport';
import { pause } from '../transport/sleep';
import { readRequestOptions } from './requestOptions';
import { readRetryPolicy } from './retrySettings';

/** What the items of one execution share: made by runForEachItem, handed to every item's run. */
export interface Execution {
	/** Outlit Provider Credentials, read once: n8n decrypts a credential on every getCredentials call. */
	providerCredential?: Promise<IDataObject>;
}

/** What an operation does for one input item: its output JSONs, or a thrown n8n error. */
export type ItemRun = (
	this: IExecuteFunctions,
	itemIndex: number,
	api: OutlitClient,
	execution: Execution,
) => Promise<IDataObject[]>;

/**
 * How many read requests one execution keeps in flight. n8n's RoutingNode and HTTP Request node send
 * every item's request at once; a bound keeps a 10,000-item run from opening 10,000 sockets, and
 * the transport's pacer still spaces them when Outlit's rate limit runs out.
 */
export const READS_IN_FLIGHT = 8;

type Outcome = { json: IDataObject[] } | { error: unknown };

/**
 * The one execution rule for every operation: n8n's Request Options (batching, timeout, proxy, SSL)
 * and the node's retry settings applied, output in input order with pairedItem on every item, and
 * Continue On Fail turning an item's error into an error item while the others go on.
 *
 * Writes go item by item. Reads (`sideBySide`) overlap up to READS_IN_FLIGHT requests, after the
 * first item has run alone: it reads the credential and learns which contract the server speaks,
 * so the others neither repeat that nor probe a missing gateway.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	run: ItemRun,
	sideBySide: boolean,
): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const { settings, batching } = readRequestOptions(this);
	const api = createOutlitClient(this, { ...settings, retry: readRetryPolicy(this) });
	const execution: Execution = {};
	const outcomes: Outcome[] = [];
	let failed = false;

	const runOne = async (itemIndex: number): Promise<void> => {
		try {
			outcomes[itemIndex] = { json: await run.call(this, itemIndex, api, execution) };
		} catch (error) {
			// A provider Outlit refused as unknown reads as the node's own refusal of it.
			outcomes[itemIndex] = { error: asProviderRefusal(this, itemIndex, error) };
			// Without Continue On Fail the first failure ends the run: nothing new starts.
			if (!this.continueOnFail()) failed = true;
		}
	};

	// Batching (n8n's Request Options): `size` items, then a pause, as the RoutingNode does.
	const groupSize = batching ? batching.size : count;
	for (let start = 0; start < count && !failed; start += groupSize) {
		if (start > 0 && batching) await pause(this, start, batching.intervalMs);
		const end = Math.min(start + groupSize, count);
		let next = start;
		if (start === 0 && sideBySide) await runOne(next++);
		const lanes = sideBySide ? READS_IN_FLIGHT : 1;
		const lane = async () => {
			while (next < end && !failed) await runOne(next++);
		};
		await Promise.all(Array.from({ length: Math.min(lanes, end - next) }, lane));
	}

	const output: INodeExecutionData[] = [];
	// Items after a failure (without Continue On Fail) never ran: holes, skipped.
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (outcome === undefined) continue;
		if ('json' in outcome) {
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome.json), {
					itemData: { item: itemIndex },
				}),
			);
			continue;
		}
		const nodeError = asNodeError(this, outcome.error, itemIndex);
		// The lowest failing item is the one a run item by item would have stopped at.
		if (!this.continueOnFail()) throw nodeError;
		output.push({ json: errorItem(nodeError, this.getNode().onError), pairedItem: { item: itemIndex } });
	}
	return [output];
}
