import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../transport';
import { readProvider } from '../../shared/params';
import { respond } from '../../shared/respond';
import { providerField } from './common';
import { defineOperation } from './operation';

export const getCapabilities = defineOperation({
	value: 'getCapabilities',
	name: 'Get Capabilities',
	action: 'Get setup capabilities',
	description: 'How a provider connects: setup mode, required fields and post-connect steps',
	route: 'getCapabilities',
	build(request) {
		const raw = this.getNodeParameter('provider', 'all');
		if (typeof raw === 'string' && raw.trim().toLowerCase() === 'all') return;
		request.qs!.provider = readProvider.call(this).id;
	},
	// One provider comes wrapped as { provider: {...} }; all providers as { <id>: {...}, ... }.
	output: respond('getCapabilities', (body) =>
		isJsonObject(body.provider)
			? [body.provider]
			: (Object.values(body).filter(isJsonObject) as IDataObject[]),
	),
	fields: [providerField('The provider to describe, or All Providers.', true)],
});
