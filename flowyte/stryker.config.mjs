// Mutation testing of n8n-nodes-flowyte (CONTRIBUTING.md, Mutation testing): `npm run test:mutation`;
// CI runs `npm run test:mutation:ci`, incrementally against test/mutation/stryker-incremental.json.
import { strykerConfig } from '@repo/devkit/mutation/stryker-config.mjs';

import { EVERYTHING, RECORDED } from './test/mutation/scopes.mjs';

export default strykerConfig({
	// CI (FLOWYTE_MUTATION_SCOPE=recorded) mutates only the files with a full run on record.
	mutate: process.env.FLOWYTE_MUTATION_SCOPE === 'recorded' ? RECORDED : EVERYTHING,
	// These read the package's sources as text (the identity check) and the repository's workflows
	// beside the package: Stryker's sandbox holds the sources instrumented, and nothing beside them.
	ignoreTests: ['/test/identity\\.test\\.js$', '/test/publish-workflow\\.test\\.js$'],
});
