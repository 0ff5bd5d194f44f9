// Mutation testing (issue 7): `npm run test:mutation`. StrykerJS 9.5 is the last line that runs on
// Node 20 (10.x needs Node 22). CI runs it incrementally against the committed incremental file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { EVERYTHING, RECORDED } from './test/mutation/scopes.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
// Stryker runs the suites from a copy under .stryker-tmp/, where ../shared is not beside the repo.
process.env.OUTLIT_REFERENCE_DIR ??= path.resolve(root, '..', 'shared', 'reference');
// The randomized trigger model tests run a tenth of their sequences per mutant (they run for every
// mutant of decide.ts); npm test runs them in full.
process.env.OUTLIT_MUTATION_RUN = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	packageManager: 'npm',
	testRunner: 'jest',
	jest: {
		configFile: 'jest.config.js',
		// The 1,000-item runs take about ten seconds each and reach the same code as the small cases:
		// kept out of mutant runs, so a mutant of the transport is not given minutes of timeout.
		config: {
			testPathIgnorePatterns: ['/node_modules/', '/test/outlit-thousand-items\\.test\\.js$'],
			// A mutant run loads only the test files holding its covering tests, as the dry run saw them
			// (test/mutation/covering-test-files.js): jest would load every related file to filter by name.
			// It stops at the first failing test (bail), which Stryker expects and jest's API lacks.
			runner: '<rootDir>/test/mutation/covering-files-runner.js',
			setupFilesAfterEnv: ['<rootDir>/test/mutation/record-dry-run.js'],
			testEnvironment: './test/mutation/bail-environment.js',
		},
	},
	checkers: ['typescript'],
	tsconfigFile: 'tsconfig.json',
	// CI (OUTLIT_MUTATION_SCOPE=recorded) mutates only the files with a full run on record.
	mutate: process.env.OUTLIT_MUTATION_SCOPE === 'recorded' ? RECORDED : EVERYTHING,
	// Per-test coverage runs only the tests that reach a mutant. Static mutants (module-level
	// constants: node descriptions, the catalog) would need the whole suite per mutant; they are
	// left out of the score, and the catalog's facts are pinned by literal tests instead.
	coverageAnalysis: 'perTest',
	ignoreStatic: true,
	incremental: true,
	incrementalFile: 'test/mutation/stryker-incremental.json',
	ignorers: ['outlit-equivalent'],
	plugins: ['@stryker-mutator/*', './test/mutation/equivalent-mutants.mjs', './test/mutation/survivor-log.mjs'],
	thresholds: { high: 90, low: 85, break: 85 },
	concurrency: 4,
	// 5 s over the dry run's time was too little here: timeouts cascaded (a restarted runner starts
	// cold on two loaded cores), and a run with 5 s reported half of one scope as timed out that 20 s
	// showed killed (README, Mutation testing).
	timeoutMS: 20000,
	reporters: ['clear-text', 'progress', 'html', 'json', 'survivor-log'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
