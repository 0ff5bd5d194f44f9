import { readOption, readProvider } from '../../shared/params';
import { defineOperation } from '../router';
import { providerField } from './common';

export const disconnect = defineOperation({
	value: 'disconnect',
	name: 'Disconnect',
	action: 'Disconnect an integration',
	description:
		'Disconnect a connected integration. Where Outlit allows this only in its web app, the error links there.',
	async run(itemIndex, api) {
		const provider = readProvider(this, itemIndex);
		const ignore = readOption<boolean>(this, itemIndex, 'ignoreNotConnected', false) === true;
		return [await api.disconnect(provider, ignore, itemIndex)];
	},
	fields: [providerField()],
	options: [
		{
			displayName: 'Ignore Not Connected',
			name: 'ignoreNotConnected',
			type: 'boolean',
			default: false,
			description:
				'Whether a provider that is not connected returns an item with notConnected: true instead of an error',
		},
	],
});
