import type { IDataObject } from 'n8n-workflow';

/**
 * Get Many's simplified item: the gateway's integration shape plus `connected`, on both contracts,
 * so a workflow reads the same keys whichever API answered (REST names the provider `id`).
 */
export function simplifiedIntegration(item: IDataObject): IDataObject {
	return {
		provider: item.provider ?? item.id,
		name: item.name,
		category: item.category,
		status: item.status,
		connected: item.connected,
	};
}
