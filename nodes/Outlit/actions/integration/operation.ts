import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { retryOptions } from '../retrySettings';
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
	/** The operation's own entries of its Options collection. */
	options?: INodeProperties[];
	/** Whether Options offers the retry settings (default true; Wait for Connection retries by its own rule). */
	retries?: boolean;
}

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	execute: CustomOperation;
}

/**
 * One Options collection per operation, last, as n8n's own nodes have it: the settings that are not
 * what the operation is about (the retry settings of every operation that sends requests, and the
 * operation's own), in alphabetical order as the UX guidelines and the lint want them.
 */
function optionsCollection(spec: OperationSpec): INodeProperties[] {
	const retries = spec.retries === false ? [] : retryOptions(spec.sideBySide !== true);
	const options = [...(spec.options ?? []), ...retries].sort((a, b) => a.displayName.localeCompare(b.displayName));
	if (options.length === 0) return [];
	return [{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options }];
}

/** One operation: its dropdown option, its fields (shown only for it) and its n8n customOperation. */
export function defineOperation(spec: OperationSpec): Operation {
	const { name, value, action, description } = spec;
	return {
		option: { name, value, action, description },
		fields: updateDisplayOptions({ show: { resource: ['integration'], operation: [value] } }, [
			...spec.fields,
			...optionsCollection(spec),
		]),
		async execute(this: IExecuteFunctions) {
			return await runForEachItem.call(this, spec.run, spec.sideBySide === true);
		},
	};
}
