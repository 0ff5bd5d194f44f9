import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** Output items for the current input item, each paired to it. */
export function toItems(this: IExecuteSingleFunctions, jsons: IDataObject[]): INodeExecutionData[] {
	const pairedItem = { item: this.getItemIndex() };
	return jsons.map((json) => ({ json, pairedItem }));
}
