import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from '../shared/errors';
import { pause } from '../shared/sleep';
import { createOutlitClient, type OutlitClient } from '../transport';
import { readRequestOptions } from './requestOptions';
import { readRetryPolicy } from './retrySettings';

/** What an operation does for one input item: its output JSONs, or a thrown n8n error. */
export type ItemRun = (this: IExecuteFunctions, itemIndex: number, api: OutlitClient) => Promise<IDataObject[]>;

/**
 * The one execution rule for every operation: item by item, with n8n's Request Options
 * (batching, timeout, proxy, SSL) and the node's retry settings applied, pairedItem on every output, and Continue On Fail
 * turning an item's error into an error item while the others go on.
 */
export async function runForEachItem(this: IExecuteFunctions, run: ItemRun): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { settings, batching } = readRequestOptions(this);
	const api = createOutlitClient(this, { ...settings, retry: readRetryPolicy(this) });
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (batching && itemIndex > 0 && itemIndex % batching.size === 0) {
			await pause(this, itemIndex, batching.intervalMs);
		}
		try {
			const json = await run.call(this, itemIndex, api);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: errorItem(nodeError, this.getNode().onError), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
