import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * Every Outlit route the package calls, by name. Operations and the trigger refer to routes only by
 * these names, so moving to Outlit's `POST /api/tools/call` gateway means changing this table and
 * the request builder beside it, not the operations.
 */
export const ROUTES = {
	validateApiKey: { method: 'POST', path: '/api/validate-api-key' },
	listIntegrations: { method: 'GET', path: '/api/integrations' },
	getCapabilities: { method: 'GET', path: '/api/integrations/capabilities' },
	connect: { method: 'POST', path: '/api/integrations/connect' },
	getConnectionStatus: { method: 'GET', path: '/api/integrations/connect/status' },
	disconnect: { method: 'POST', path: '/api/integrations/disconnect' },
	getSyncStatus: { method: 'GET', path: '/api/integrations/sync-status' },
	runSetupStep: { method: 'POST', path: '/api/integrations/setup-step' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type OutlitRoute = keyof typeof ROUTES;

/** The `routing.request` block of a declarative operation for a route. */
export function routeRequest(route: OutlitRoute): { method: IHttpRequestMethods; url: string } {
	const { method, path } = ROUTES[route];
	return { method, url: path };
}

/** Trailing slashes on a user's base URL would double up with the route paths. */
export const BASE_URL_EXPRESSION = '={{ String($credentials.baseUrl || "https://app.outlit.ai").replace(/\\/+$/, "") }}';
