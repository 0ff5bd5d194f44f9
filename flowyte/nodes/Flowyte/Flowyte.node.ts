import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { connectFields, connectItem } from './actions/connect';
import { secretStore } from './actions/secretSource';
import { flowyteConnectionSecretTest } from './methods/connectionSecretTest';
import { flowyteApiTest } from './methods/credentialTest';
import { asNodeError, errorItem } from './shared/errors';
import { readConnection, type FlowyteConnection } from './transport/connection';

export class Flowyte implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flowyte',
		name: 'flowyte',
		icon: { light: 'file:flowyte.svg', dark: 'file:flowyte.dark.svg' },
		group: ['transform'],
		version: 1,
		// Labels, not values; the lint wants a literal. test/flowyte-units.test.js ("what the editor shows") keeps it equal to the catalog.
		subtitle:
			'={{ "Connect: " + ({"google_calendar":"Google Calendar","google_sheets":"Google Sheets","calendly":"Calendly","hubspot":"HubSpot","square":"Square","opentable":"OpenTable","shopify":"Shopify","postgres":"PostgreSQL","mysql":"MySQL"}[$parameter["kind"]] || $parameter["kind"]) }}',
		description: 'Connect Flowyte integrations: OAuth providers, API-key providers and SQL databases',
		defaults: { name: 'Flowyte' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'flowyteApi', required: true, testedBy: 'flowyteApiTest' },
			{
				// The SQL password or provider API key, as data in Connect's body (never auth), where
				// Secret Source is Credential: the switch shows only where a secret is sent.
				name: 'flowyteConnectionSecretApi',
				required: true,
				testedBy: 'flowyteConnectionSecretTest',
				displayOptions: { show: { secretSource: ['credential'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Integration', value: 'integration' }],
				default: 'integration',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['integration'] } },
				options: [
					{
						name: 'Connect',
						value: 'connect',
						action: 'Connect a provider or database',
						description: 'Start an OAuth connection, or connect with an API key or a SQL connection',
					},
				],
				default: 'connect',
			},
			...connectFields,
		],
	};

	methods = { credentialTest: { flowyteApiTest, flowyteConnectionSecretTest } };

	/**
	 * Item by item: pairedItem on every output, and Continue On Fail turning an item's error into an
	 * error item while the others go on. The credential is read and checked once per execution; its
	 * error, if any, is every item's error.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let connection: Promise<FlowyteConnection> | undefined;
		// The connection secret too is read once, and only by an item that needs it.
		const secrets = secretStore(this);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				connection ??= readConnection(this);
				const json = await connectItem(this, itemIndex, await connection, secrets);
				output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: errorItem(nodeError, this.getNode().onError), pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
