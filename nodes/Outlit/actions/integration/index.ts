import type { INodeProperties } from 'n8n-workflow';

import type { CustomOperation } from '../router';
import { connect } from './connect.operation';
import { disconnect } from './disconnect.operation';
import { getAll } from './getAll.operation';
import { getCapabilities } from './getCapabilities.operation';
import { getConnectionStatus } from './getConnectionStatus.operation';
import { getSyncStatus } from './getSyncStatus.operation';
import { runSetupStep } from './runSetupStep.operation';
import { waitForConnection } from './waitForConnection.operation';

/** Alphabetical by name, as the operation dropdown shows them. */
const operations = [connect, disconnect, getCapabilities, getConnectionStatus, getAll, getSyncStatus, runSetupStep, waitForConnection];

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

/** Every operation runs as an n8n customOperation, by the one rule in ../router.ts. */
export const integrationOperations: Record<string, CustomOperation> = Object.fromEntries(
	operations.map((op) => [op.option.value, op.execute]),
);
