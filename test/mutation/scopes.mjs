// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json, one entry per
// run (README, Mutation testing). `npm run test:mutation:ci` (CI) mutates these, reusing every result
// whose code and tests are unchanged; `npm run test:mutation` mutates all of nodes/ and credentials/.
export const RECORDED = [
	// Flowyte.
	'nodes/Flowyte/**/*.ts',
	'credentials/FlowyteApi.credentials.ts',
	// The Outlit Trigger and the Outlit credentials.
	'nodes/OutlitTrigger/**/*.ts',
	'credentials/OutlitApi.credentials.ts',
	'credentials/OutlitProviderApi.credentials.ts',
	// The Outlit node, a part at a time: its mutants run nearly every engine test each (README).
	'nodes/Outlit/methods/**/*.ts',
	// Next: the operations (nodes/Outlit/actions/integration/), then the transport and shared helpers.
];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
