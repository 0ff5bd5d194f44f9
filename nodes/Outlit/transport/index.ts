export {
	readConnection,
	normalizeBaseUrl,
	BASE_URL_EXPRESSION,
	CREDENTIAL_TYPE,
	DEFAULT_BASE_URL,
	API_CHOICES,
	type ApiChoice,
	type OutlitConnection,
	type OutlitContext,
} from './connection';
export { sendOutlitRequest, isJsonObject, parseBody, type RequestSettings } from './http';
export { retryAfterMs, isTransientStatus, transientInfo, markTransient, contractUnavailableError, keepMessage } from './errors';
export { createOutlitClient, wireFor, type OutlitClient } from './client';
export { DEFAULT_MAX_RETRY_WAIT_S, type RetryPolicy } from './retry';
export { restCapabilities, isRetiredRoute, REST_ROUTES } from './rest';
export { gatewayCapabilities, TOOLS, TOOLS_PATH } from './gateway';
export {
	CONNECTED_READINESS,
	ContractUnavailable,
	type Contract,
	type ConnectRequest,
	type OutlitCapabilities,
	type ProviderChoice,
	type SessionState,
	type SetupStepRequest,
} from './capabilities';
export { parameterError } from './fields';
export { simplifiedIntegration } from './integration';
export type { OutlitResponse, Wire } from './wire';
