export { ROUTES, routeRequest, BASE_URL_EXPRESSION, type OutlitRoute } from './routes';
export {
	outlitApiError,
	outlitNetworkError,
	retryAfterMs,
	isTransientStatus,
	type OutlitResponse,
} from './errors';
export {
	outlitApiRequest,
	outlitRawRequest,
	assertOutlitSuccess,
	credentialBaseUrl,
	parseBody,
	isJsonObject,
	CREDENTIAL_TYPE,
	DEFAULT_BASE_URL,
	type OutlitContext,
	type OutlitRequest,
} from './request';
