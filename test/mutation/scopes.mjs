// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json (CONTRIBUTING.md,
// Mutation testing). Today that is every file of nodes/ and credentials/ (EVERYTHING), named one by one so
// that a new file, or a part whose tests moved, goes on record by its own run first.
// `npm run test:mutation:ci` (CI) mutates these, reusing every result whose code and tests are
// unchanged; `npm run test:mutation` mutates EVERYTHING, so a new file outside these parts is included.
export const RECORDED = [
	// After the restructuring (issue 20) of December 2026 the test files moved, so no earlier result could
	// be reused; the package went back on record part by part, and all of it is on record again.
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
	'nodes/Outlit/actions/integration/common.ts',
	'nodes/Outlit/actions/integration/index.ts',
	'nodes/Outlit/actions/integration/connect.operation.ts',
	'nodes/Outlit/actions/integration/disconnect.operation.ts',
	'nodes/Outlit/actions/integration/getAll.operation.ts',
	'nodes/Outlit/actions/integration/getCapabilities.operation.ts',
	'nodes/Outlit/actions/integration/getConnectionStatus.operation.ts',
	'nodes/Outlit/actions/integration/getSyncStatus.operation.ts',
	'nodes/Outlit/actions/integration/runSetupStep.operation.ts',
	'nodes/Outlit/actions/integration/waitForConnection.operation.ts',
	'nodes/Outlit/shared/params.ts',
	'nodes/Outlit/catalog/providers.ts',
	'nodes/Outlit/catalog/fieldProperties.ts',
	'nodes/Outlit/methods/credentialTest.ts',
	'nodes/Outlit/methods/loadOptions.ts',
	'nodes/Outlit/transport/index.ts',
	'nodes/Outlit/Outlit.node.ts',
	'credentials/OutlitApi.credentials.ts',
	'credentials/OutlitProviderApi.credentials.ts',
];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
