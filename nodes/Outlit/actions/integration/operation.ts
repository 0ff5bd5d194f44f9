import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runForEachItem, type ItemRun } from '../router';

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	fields: INodeProperties[];
	run: ItemRun;
	/** A read, safe to send for several items at once (see runForEachItem). */
	sideBySide?: boolean;
}

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	execute: CustomOperation;
}

/** One operation: its dropdown option, its fields (shown only for it) and its n8n customOperation. */
export function defineOperation(spec: OperationSpec): Operation {
	const { name, value, action, description } = spec;
	return {
		option: { name, value, action, description },
		fields: updateDisplayOptions({ show: { resource: ['integration'], operation: [value] } }, spec.fields),
		async execute(this: IExecuteFunctions) {
			return await runForEachItem.call(this, spec.run, spec.sideBySide === true);
		},
	};
}
