import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { findProvider, providerOptions } from '../catalog/providers';
import { createOutlitClient } from '../transport';

/** The providers the credential's Outlit offers (Get Capabilities); the catalog when that call fails. */
async function providersFromOutlit(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const capabilities = await createOutlitClient(ctx).getCapabilities(undefined);
		const options = capabilities.flatMap((c) => {
			const id = typeof c.provider === 'string' ? c.provider : typeof c.providerId === 'string' ? c.providerId : undefined;
			if (!id) return [];
			const name = typeof c.name === 'string' && c.name ? c.name : (findProvider(id)?.name ?? id);
			return [{ name, value: id }];
		});
		if (options.length) return options.sort((a, b) => a.name.localeCompare(b.name));
	} catch {
		// The dropdown must never be empty: the catalog below.
	}
	return providerOptions();
}

export const loadOptions = {
	async getProviders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await providersFromOutlit(this);
	},
	async getProvidersWithAll(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return [{ name: 'All Providers', value: 'all' }, ...(await providersFromOutlit(this))];
	},
};
