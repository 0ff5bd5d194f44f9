// Mutation testing of n8n-nodes-outlit (CONTRIBUTING.md, Mutation testing): `npm run test:mutation`;
// CI runs `npm run test:mutation:ci`, incrementally against test/mutation/stryker-incremental.json.
import { strykerConfig } from '@repo/devkit/mutation/stryker-config.mjs';

import { EVERYTHING, RECORDED } from './test/mutation/scopes.mjs';

export default strykerConfig({
	// CI (OUTLIT_MUTATION_SCOPE=recorded) mutates only the files with a full run on record.
	mutate: process.env.OUTLIT_MUTATION_SCOPE === 'recorded' ? RECORDED : EVERYTHING,
	// The 1,000-item runs take about ten seconds each and reach the same code as the small cases:
	// kept out of mutant runs, so a mutant of the transport is not given minutes of timeout. The
	// identity checks read the package's sources as text, which Stryker's sandbox holds instrumented.
	ignoreTests: ['/test/node/thousand-items\\.test\\.js$', '/test/package/identity\\.test\\.js$'],
	// What no test reads is not copied into Stryker's sandbox.
	ignorePatterns: ['bench', 'docs'],
});
