import { readOption, readProvider } from '../../shared/params';
import { respond } from '../../shared/respond';
import { providerField } from './common';
import { defineOperation } from './operation';

export const disconnect = defineOperation({
	value: 'disconnect',
	name: 'Disconnect',
	action: 'Disconnect an integration',
	description: 'Disconnect a connected provider',
	route: 'disconnect',
	build(request) {
		request.body = { provider: readProvider.call(this).id };
	},
	output: respond(
		'disconnect',
		function (body) {
			return [{ ...body, provider: readProvider.call(this).id }];
		},
		// Outlit answers 404 when the provider is valid but not connected: with the option on, that
		// is the desired end state, not an error.
		function (response) {
			if (response.statusCode !== 404 || !readOption.call(this, 'ignoreNotConnected', false)) {
				return undefined;
			}
			return [{ success: false, notConnected: true, provider: readProvider.call(this).id }];
		},
	),
	fields: [
		providerField('The provider to disconnect.'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
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
		},
	],
});
