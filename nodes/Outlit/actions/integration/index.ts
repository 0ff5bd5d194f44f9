import type { INodeProperties } from 'n8n-workflow';

import type { CustomOperation } from './operation';

import { connect } from './connect.operation';
import { disconnect } from './disconnect.operation';
import { getAll } from './getAll.operation';
import { getCapabilities } from './getCapabilities.operation';
import { getConnectionStatus } from './getConnectionStatus.operation';
import { getSyncStatus } from './getSyncStatus.operation';
import { runSetupStep } from './runSetupStep.operation';
import { waitForConnection } from './waitForConnection.operation';

/** Alphabetical by name, as the operation dropdown shows them. */
const operations = [
	connect,
	disconnect,
	getCapabilities,
	getConnectionStatus,
	getAll,
	getSyncStatus,
	runSetupStep,
	waitForConnection,
];

export const integrationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.fields),
];

export const integrationCustomOperations: Record<string, CustomOperation> = Object.fromEntries(
	operations.flatMap((op) => (op.custom ? [[op.option.value as string, op.custom]] : [])),
);
