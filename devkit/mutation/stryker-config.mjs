// The Stryker settings both packages share (CONTRIBUTING.md, Mutation testing); each package's
// stryker.config.mjs adds its scopes and its list of equivalent mutants. StrykerJS 9.5 is the last
// line that runs on Node 20 (10.x needs Node 22). CI runs it incrementally against the committed
// incremental file.
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

// The randomized model tests run a tenth of their sequences per mutant (they run for every mutant of
// the code they check); npm test runs them in full.
process.env.OUTLIT_MUTATION_RUN = '1';

/**
 * @param {{ mutate: string[], ignoreTests?: string[], ignorePatterns?: string[] }} pkg
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig({ mutate, ignoreTests = [], ignorePatterns = [] }) {
	return {
		packageManager: 'npm',
		testRunner: 'jest',
		jest: {
			configFile: 'jest.config.js',
			config: {
				testPathIgnorePatterns: ['/node_modules/', ...ignoreTests],
				// A mutant run loads only the test files holding its covering tests, as the dry run saw them
				// (covering-test-files.js): jest would load every related file to filter by name. It stops at
				// the first failing test (bail), which Stryker expects and jest's API lacks.
				runner: here('./covering-files-runner.js'),
				setupFilesAfterEnv: [here('./record-dry-run.js')],
				testEnvironment: here('./bail-environment.js'),
			},
		},
		checkers: ['typescript'],
		tsconfigFile: 'tsconfig.json',
		mutate,
		// Per-test coverage runs only the tests that reach a mutant. Static mutants (module-level
		// constants: node descriptions, catalogs) would need the whole suite per mutant; they are left
		// out of the score, and those facts are pinned by literal tests instead.
		coverageAnalysis: 'perTest',
		ignoreStatic: true,
		incremental: true,
		incrementalFile: 'test/mutation/stryker-incremental.json',
		ignorers: ['equivalent-mutants'],
		ignorePatterns,
		plugins: ['@stryker-mutator/*', './test/mutation/equivalent-mutants.mjs', here('./survivor-log.mjs')],
		thresholds: { high: 90, low: 85, break: 85 },
		concurrency: 4,
		// 5 s over the dry run's time was too little here: timeouts cascaded (a restarted runner starts
		// cold on two loaded cores), and a run with 5 s reported half of one scope as timed out that
		// 20 s showed killed.
		timeoutMS: 20000,
		reporters: ['clear-text', 'progress', 'html', 'json', 'survivor-log'],
		htmlReporter: { fileName: 'reports/mutation/index.html' },
		jsonReporter: { fileName: 'reports/mutation/mutation.json' },
		tempDirName: '.stryker-tmp',
		cleanTempDir: 'always',
	};
}
