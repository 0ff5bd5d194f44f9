// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json, one entry per
// part (CONTRIBUTING.md, Mutation testing); together they are all of nodes/ and credentials/ (EVERYTHING).
// `npm run test:mutation:ci` (CI) mutates these, reusing every result whose code and tests are
// unchanged; `npm run test:mutation` mutates EVERYTHING, so a new file outside these parts is included.
export const RECORDED = [
	// The Outlit Trigger and the Outlit credentials.
	'nodes/OutlitTrigger/**/*.ts',
	'credentials/OutlitApi.credentials.ts',
	'credentials/OutlitProviderApi.credentials.ts',
	// The Outlit node.
	'nodes/Outlit/**/*.ts',
];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
