// What the rest of the package uses from the transport: the Outlit node's operations, parameter
// readers and methods, the trigger, and nothing more (the transport's own modules import each other).
export { BASE_URL_EXPRESSION } from './baseUrl';
export { type Contract, type ConnectRequest, type ProviderChoice, type SessionState } from './capabilities';
export { parameterError, proxyError, unknownSessionStatusError, unreadableListError, withoutEndPeriod } from './errors';
export { HANDOFF_FIELDS } from './handoff';
export { isJsonObject, type RequestSettings } from './http';
export { backoffMs, DEFAULT_MAX_RETRY_WAIT_S, transientInfo, type RetryPolicy } from './retry';
export { createOutlitClient, type OutlitClient } from './client';
export { simplifiedIntegration } from './integration';
