// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json, one entry per
// run (README, Mutation testing). `npm run test:mutation:ci` (CI) mutates these, reusing every result
// whose code and tests are unchanged; `npm run test:mutation` mutates all of nodes/ and credentials/.
export const RECORDED = [
	// Flowyte.
	'nodes/Flowyte/**/*.ts',
	'credentials/FlowyteApi.credentials.ts',
	// Next: nodes/OutlitTrigger/ and credentials/Outlit* (a full run went through, and its tests are in;
	// the re-run with the 20 s timeout did not finish in its session), then nodes/Outlit/ a part at a
	// time: its mutants run nearly every engine test each (README).
];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
