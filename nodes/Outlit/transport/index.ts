// What the rest of the package uses from the transport: the Outlit node's operations, parameter
// readers and methods, the trigger, and nothing more (the transport's own modules import each other).
export { BASE_URL_EXPRESSION } from './baseUrl';
export { readConnection, type OutlitConnection } from './connection';
export {
	ContractUnavailable,
	type ConnectRequest,
	type OutlitCapabilities,
	type ProviderChoice,
	type SessionState,
} from './capabilities';
export { contractUnavailableError, keepMessage } from './errors';
export { parameterError } from './fields';
export { isJsonObject, type RequestSettings } from './http';
export { backoffMs, DEFAULT_MAX_RETRY_WAIT_S, transientInfo, type RetryPolicy } from './retry';
export { restCapabilities } from './rest';
export { gatewayCapabilities } from './gateway';
export { createOutlitClient, wireFor, type OutlitClient } from './client';
export { simplifiedIntegration } from './integration';
