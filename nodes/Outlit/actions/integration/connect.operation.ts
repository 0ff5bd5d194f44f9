import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldProperties, providersWithout } from '../../catalog/fieldProperties';
import { providerFields } from '../../catalog/providers';
import { readJsonObject, readProvider, shownValue } from '../../shared/params';
import { waitForSession } from '../../shared/wait';
import { HANDOFF_FIELDS, parameterError, type ConnectRequest } from '../../transport';
import { defineOperation, type Execution } from '../router';
import { continueOnUnsuccessful, providerField, readWaitSettings, waitFields } from './common';
import { readSecrets, secretSourceFields } from './secretSource';

const DIRECT = { connectionMethod: ['direct'] };
const ADDITIONAL_CONFIG = 'Additional Config (JSON)';
/** No source switch for the catalog's browser-only providers (they take no fields). */
const NO_FIELDS = { provider: providersWithout(providerFields) };
const TYPED = { ...DIRECT, secretSource: ['fields'] };
const WAIT = { connectionMethod: ['browser'], waitUntilConnected: [true] };
/** The same, from inside the Options collection (n8n's path to a main field). */
const WAIT_FROM_OPTIONS = { '/connectionMethod': ['browser'], '/waitUntilConnected': [true] };

/** Connection Method, which an expression or an AI agent may fill with anything. */
function readConnectionMethod(ctx: IExecuteFunctions, itemIndex: number): ConnectRequest['method'] {
	const raw = ctx.getNodeParameter('connectionMethod', itemIndex) as unknown;
	const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (value === 'browser' || value === 'direct') return value;
	throw parameterError(
		ctx.getNode(),
		`Parameter "Connection Method" is ${shownValue(raw) ?? 'empty'}: use browser (Browser Session, a link a person opens) or direct (Direct, with the provider's keys).`,
		'Pick Browser Session or Direct in the list; an expression must give browser or direct.',
		itemIndex,
	);
}

/**
 * The session Wait Until Connected may poll: only an authentication handoff's (REST's and the older
 * gateway's sessions have no purpose and are one). Recovery and external-setup handoffs are terminal
 * answers, and a handoff without a session ID has nothing to wait on (Outlit's integration docs).
 */
function sessionToWaitOn(result: IDataObject): string | undefined {
	const authentication = result.purpose === undefined || result.purpose === 'authentication';
	return authentication && typeof result.sessionId === 'string' ? result.sessionId : undefined;
}

/** Provider, method, and for Direct the provider's keys: from the credential, or typed in with Additional Config on top. */
async function readConnectRequest(ctx: IExecuteFunctions, execution: Execution, itemIndex: number): Promise<ConnectRequest> {
	const provider = readProvider(ctx, itemIndex);
	const method = readConnectionMethod(ctx, itemIndex);
	if (method === 'browser') return { provider, method, values: {}, extra: {} };
	const { source, values, credentialName } = await readSecrets(ctx, execution, itemIndex, provider, providerFields, ADDITIONAL_CONFIG);
	if (source === 'credential') return { provider, method, values, extra: {}, credentialName };
	const extra = readJsonObject(ctx, itemIndex, 'additionalConfig', ADDITIONAL_CONFIG) ?? {};
	return { provider, method, values, extra };
}

export const connect = defineOperation({
	value: 'connect',
	name: 'Connect',
	action: 'Connect an integration',
	description: "Connect an integration with the provider's keys, or get a link for a person to connect it in a browser",
	async run(itemIndex, api, execution) {
		const request = await readConnectRequest(this, execution, itemIndex);
		const waitUntilConnected =
			request.method === 'browser' && this.getNodeParameter('waitUntilConnected', itemIndex) === true;
		// Read the wait settings first, so a bad interval fails before a session is created.
		const wait = waitUntilConnected ? readWaitSettings(this, itemIndex) : undefined;
		// Connect's item gets `provider` here, whichever API answered (Outlit's own, where sent, wins).
		const result: IDataObject = { provider: request.provider.id, ...(await api.connect(request, itemIndex)) };
		const sessionId = sessionToWaitOn(result);
		if (!wait || sessionId === undefined) return [result];
		const outcome = await waitForSession(this, api, itemIndex, { sessionId, ...wait });
		if (outcome.status !== 'connected') return [{ ...result, ...outcome }];
		const followUp = await api.continueSetup(request, itemIndex);
		// The handoff is used up: it is no longer what comes next.
		const item: IDataObject = { ...result, ...outcome };
		delete item.next;
		// No follow-up (REST, an older gateway, or a gateway gone during the wait): the connected session is where it stands.
		if (!followUp) return [{ ...item, ...('connected' in result ? { connected: true } : {}) }];
		// Outlit's follow-up says what is next (a CRM mapping, a new handoff): the used handoff's fields go.
		for (const key of HANDOFF_FIELDS) delete item[key];
		return [{ ...item, ...followUp }];
	},
	fields: [
		providerField(),
		{
			displayName: 'Connection Method',
			name: 'connectionMethod',
			type: 'options',
			options: [
				{
					name: 'Browser Session',
					value: 'browser',
					description: 'Returns a link (connectUrl) for a person to open and connect the provider in a browser',
				},
				{
					name: 'Direct',
					value: 'direct',
					description: "Sends the provider's keys (API key, token…) to Outlit",
				},
			],
			default: 'browser',
			description: 'How the provider is connected; see Get Capabilities for what each provider supports',
		},
		...secretSourceFields(DIRECT, NO_FIELDS),
		...fieldProperties(
			providerFields,
			TYPED,
			(field) =>
				field.secret || field.about
					? `${field.about ? `${field.about}.` : "Kept by Outlit, never in this node's output."} Its name in ${ADDITIONAL_CONFIG} is ${field.key}.`
					: `Its name in ${ADDITIONAL_CONFIG} is ${field.key}`,
		),
		{
			displayName: ADDITIONAL_CONFIG,
			name: 'additionalConfig',
			type: 'json',
			default: '{}',
			description:
				"More of the provider's keys, sent with the fields above; a key here replaces the field of the same name. For a provider this node does not list yet, put all of its keys here.",
			displayOptions: { show: TYPED },
		},
		{
			displayName: 'Wait Until Connected',
			name: 'waitUntilConnected',
			type: 'boolean',
			default: false,
			description: 'Whether to wait in this run until the person has connected the provider, or the session has failed or expired',
			displayOptions: { show: { connectionMethod: ['browser'] } },
		},
		...waitFields(WAIT),
	],
	options: [continueOnUnsuccessful(WAIT_FROM_OPTIONS)],
});
