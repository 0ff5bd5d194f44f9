// Jest's runner under Stryker only (stryker.config.mjs). A mutant run loads only the test files
// that hold a test covering the mutant (covering-test-files.js says why), and stops after the first
// file with a failing test: the mutant is killed, and Stryker expects a runner to bail.
const { default: TestRunner } = require('jest-runner');

const { isDryRun, forget, load, filesToRun } = require('./covering-test-files');

let namesByFile;

class CoveringFilesRunner extends TestRunner {
	async runTests(tests, watcher, options) {
		if (isDryRun(process.env)) {
			forget();
			return super.runTests(tests, watcher, options);
		}
		namesByFile ??= load();
		const keep = new Set(
			filesToRun(
				tests.map((test) => test.path),
				this._globalConfig.testNamePattern,
				namesByFile,
			),
		);
		const chosen = tests.filter((test) => keep.has(test.path));
		if (!options.serial) return super.runTests(chosen, watcher, options);

		let failed = false;
		const unsubscribe = [
			this.on('test-file-success', ([, result]) => {
				if (result.numFailingTests > 0 || result.testExecError) failed = true;
			}),
			this.on('test-file-failure', () => {
				failed = true;
			}),
		];
		try {
			for (const test of chosen) {
				if (failed) break;
				await super.runTests([test], watcher, options);
			}
		} finally {
			for (const off of unsubscribe) off();
		}
	}
}

module.exports = CoveringFilesRunner;
