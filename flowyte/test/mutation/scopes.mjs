// The files whose full Stryker run is recorded in test/mutation/stryker-incremental.json: all of
// nodes/ and credentials/. `npm run test:mutation:ci` (CI) mutates these, reusing every result whose
// code and tests are unchanged; `npm run test:mutation` mutates EVERYTHING, so a new file is included.
export const RECORDED = ['nodes/Flowyte/**/*.ts', 'credentials/**/*.ts'];

export const EVERYTHING = ['nodes/**/*.ts', 'credentials/**/*.ts'];
