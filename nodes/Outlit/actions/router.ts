import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asNodeError, errorItem } from '../shared/errors';
import { asProviderRefusal } from '../shared/params';
import { createOutlitClient, type OutlitClient } from '../transport';
import { pause } from '../transport/sleep';
import { readRequestOptions, readRetryPolicy, retryOptions } from './settings';

/** What the items of one execution share: made by runForEachItem, handed to every item's run. */
export interface Execution {
	/** Outlit Provider Credentials, read once: n8n decrypts a credential on every getCredentials call. */
	providerCredential?: Promise<IDataObject>;
}

/** What an operation does for one input item: its output JSONs, or a thrown n8n error. */
export type ItemRun = (this: IExecuteFunctions, itemIndex: number, api: OutlitClient, execution: Execution) => Promise<IDataObject[]>;

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	fields: INodeProperties[];
	run: ItemRun;
	/** A read, safe to send for several items at once (see runForEachItem). */
	sideBySide?: boolean;
	/** The operation's own entries of its Options collection. */
	options?: INodeProperties[];
	/** Whether Options offers the retry settings (default true; Wait for Connection retries by its own rule). */
	retries?: boolean;
}

/**
 * One operation: its dropdown option, its fields (shown only for it) and its n8n customOperation.
 * Its Options collection comes last, as in n8n's own nodes: its own settings and the retry settings,
 * in alphabetical order as the UX guidelines and the lint want them.
 */
export function defineOperation(spec: OperationSpec) {
	const { name, value, action, description } = spec;
	const retries = spec.retries === false ? [] : retryOptions(spec.sideBySide !== true);
	const options = [...(spec.options ?? []), ...retries].sort((a, b) => a.displayName.localeCompare(b.displayName));
	const collection: INodeProperties[] = options.length
		? [{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options }]
		: [];
	return {
		option: { name, value, action, description },
		fields: updateDisplayOptions({ show: { resource: ['integration'], operation: [value] } }, [...spec.fields, ...collection]),
		async execute(this: IExecuteFunctions) {
			return await runForEachItem.call(this, spec.run, spec.sideBySide === true);
		},
	};
}

/**
 * How many read requests one execution keeps in flight: n8n's RoutingNode sends every item's request
 * at once; a bound keeps a 10,000-item run from opening 10,000 sockets.
 */
export const READS_IN_FLIGHT = 8;

type Outcome = { json: IDataObject[] } | { error: unknown };

/**
 * The one execution rule for every operation: n8n's Request Options and the retry settings applied,
 * output in input order with pairedItem, and Continue On Fail turning an item's error into an error
 * item. Writes go item by item. Reads (`sideBySide`) overlap up to READS_IN_FLIGHT requests after the
 * first item has run alone, so that it alone reads the credential and learns the server's contract.
 */
export async function runForEachItem(this: IExecuteFunctions, run: ItemRun, sideBySide: boolean): Promise<INodeExecutionData[][]> {
	try {
		return await runItems.call(this, run, sideBySide);
	} catch (error) {
		// Also what fails outside an item's run (Request Options, a batching pause): its node copy masked.
		throw asNodeError(this, error, 0);
	}
}

async function runItems(this: IExecuteFunctions, run: ItemRun, sideBySide: boolean): Promise<INodeExecutionData[][]> {
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
			outcomes[itemIndex] = { error: asProviderRefusal(this, itemIndex, error) };
			// Without Continue On Fail the first failure ends the run: nothing new starts.
			if (!this.continueOnFail()) failed = true;
		}
	};

	// Batching: `size` items, then a pause, as the RoutingNode does.
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
			const items = this.helpers.returnJsonArray(outcome.json);
			output.push(...this.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } }));
			continue;
		}
		const nodeError = asNodeError(this, outcome.error, itemIndex);
		// The lowest failing item is the one a run item by item would have stopped at.
		if (!this.continueOnFail()) throw nodeError;
		output.push({ json: errorItem(nodeError, this.getNode().onError), pairedItem: { item: itemIndex } });
	}
	return [output];
}
