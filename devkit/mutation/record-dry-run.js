// setupFilesAfterEnv under Stryker only (stryker.config.mjs): in the dry run, note each test's file.
const { isDryRun, record } = require('./covering-test-files');

if (isDryRun(process.env)) {
	beforeEach(() => {
		const { testPath, currentTestName } = expect.getState();
		record(testPath, currentTestName);
	});
}
