import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOption, readRequiredString, readSeconds } from '../../shared/params';
import type { WaitSettings } from '../../shared/wait';

/** The provider list comes from the credential's Outlit (see methods/loadOptions.ts); `withAll` adds All Providers. */
export function providerField(withAll = false): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Provider Name or ID',
		name: 'provider',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProviders' },
		default: 'hubspot',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `In an expression, give ${withAll ? 'all or ' : ''}the provider's ID, e.g. hubspot or google-mail. A provider Outlit adds later works too.`,
	};
	return withAll ? { ...property, typeOptions: { loadOptionsMethod: 'getProvidersWithAll' }, default: 'all' } : property;
}

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0f6d0f76-1dc7-4c5c-bba5-6685f74a5e3a',
	description: 'The sessionId that Connect returns for a Browser Session',
};

export function readSessionId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readRequiredString(ctx, itemIndex, 'sessionId', 'Session ID', 'the sessionId that Connect (Browser Session) returned');
}

const POLL_INTERVAL_MIN_S = 0.1;
const POLL_INTERVAL_MAX_S = 3600;
/** One hour: a longer wait belongs to the trigger or a Wait-node loop, not a held execution. */
const TIMEOUT_MAX_S = 3600;
const LONG_WAIT_ADVICE =
	"For longer waits, let the Outlit Trigger's Integration Connected event continue the workflow, or loop Get Connection Status with n8n's Wait node";

/** How long to wait; Continue on Unsuccessful goes into the operation's Options. */
export function waitFields(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: POLL_INTERVAL_MIN_S, maxValue: POLL_INTERVAL_MAX_S, numberPrecision: 1 },
			default: 2,
			description: 'How long to wait between status checks',
			displayOptions: { show },
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: TIMEOUT_MAX_S },
			default: 300,
			description: 'How long to wait in total before giving up',
			hint: `At most one hour. ${LONG_WAIT_ADVICE}.`,
			displayOptions: { show },
		},
	];
}

/** An entry of the Options collection; `show` uses n8n's `/parameter` paths to the node's main fields. */
export function continueOnUnsuccessful(show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Continue on Unsuccessful',
		name: 'continueOnUnsuccessful',
		type: 'boolean',
		default: false,
		description:
			'Whether a failed, expired or timed-out session returns an item with its status instead of stopping the workflow',
		...(show ? { displayOptions: { show } } : {}),
	};
}

/** The settings of waitFields and continueOnUnsuccessful, validated. */
export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): Omit<WaitSettings, 'sessionId'> {
	return {
		// The editor's minimum, which an expression escapes: a smaller interval would poll without pause.
		intervalMs: Math.max(POLL_INTERVAL_MIN_S * 1000, readSeconds(ctx, itemIndex, 'pollInterval', 'Poll Interval', POLL_INTERVAL_MAX_S, 2)),
		timeoutMs: readSeconds(ctx, itemIndex, 'timeout', 'Timeout', TIMEOUT_MAX_S, 300, `${LONG_WAIT_ADVICE}.`),
		continueOnUnsuccessful: readOption<boolean>(ctx, itemIndex, 'continueOnUnsuccessful', false) === true,
	};
}
