// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json (CONTRIBUTING.md,
// Mutation testing). Not all of nodes/ and credentials/ (EVERYTHING) today: see the comment below.
// `npm run test:mutation:ci` (CI) mutates these, reusing every result whose code and tests are
// unchanged; `npm run test:mutation` mutates EVERYTHING, so a new file outside these parts is included.
export const RECORDED = [
	// After the restructuring (issue 20) of December 2026 the test files moved, so no earlier result could
	// be reused. On record again: the client and the request layer under it, the errors and the two APIs,
	// the trigger, the wait, the router, the settings and the secret source. The operations, params, the
	// catalog, the methods, the node's description and the credentials wait for their run.
	'nodes/Outlit/transport/client.ts',
	'nodes/Outlit/transport/retry.ts',
	'nodes/Outlit/transport/http.ts',
	'nodes/Outlit/transport/connection.ts',
	'nodes/Outlit/transport/capabilities.ts',
	'nodes/Outlit/transport/sleep.ts',
	'nodes/Outlit/transport/redact.ts',
	'nodes/Outlit/transport/baseUrl.ts',
	'nodes/Outlit/transport/integration.ts',
	'nodes/Outlit/transport/wire.ts',
	'nodes/Outlit/transport/errors.ts',
	'nodes/Outlit/transport/gateway.ts',
	'nodes/Outlit/transport/rest.ts',
	'nodes/Outlit/transport/fields.ts',
	'nodes/Outlit/transport/handoff.ts',
	'nodes/OutlitTrigger/observe.ts',
	'nodes/OutlitTrigger/decide.ts',
	'nodes/OutlitTrigger/validate.ts',
	'nodes/OutlitTrigger/OutlitTrigger.node.ts',
	'nodes/Outlit/shared/wait.ts',
	'nodes/Outlit/shared/errors.ts',
	'nodes/Outlit/actions/router.ts',
	'nodes/Outlit/actions/settings.ts',
	'nodes/Outlit/actions/integration/secretSource.ts',
];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
