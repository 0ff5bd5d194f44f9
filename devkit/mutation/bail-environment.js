// Jest's test environment under Stryker only (stryker.config.mjs): once a test fails in a mutant
// run, the mutant is killed, and the file's remaining tests are skipped. Stryker expects a runner to
// stop at the first failure (its disableBail option), which jest cannot do from its API.
const { TestEnvironment } = require('jest-environment-node');

const { ACTIVE_MUTANT, isDryRun } = require('./covering-test-files');

// The mutant a test failed for; module state outlives one file, as runs are in band.
let killedMutant;

class BailEnvironment extends TestEnvironment {
	async handleTestEvent(event) {
		if (isDryRun(process.env)) return;
		const mutant = process.env[ACTIVE_MUTANT];
		if (event.name === 'test_done' && event.test.errors.length > 0) killedMutant = mutant;
		if (event.name === 'test_start' && killedMutant === mutant) event.test.mode = 'skip';
	}
}

module.exports = BailEnvironment;
