/**
 * Which test file holds which test, as seen in Stryker's dry run (README, Mutation testing).
 *
 * Stryker runs a mutant with jest's findRelatedTests plus a name pattern of the tests that cover
 * it. Jest still loads every related test file (each with its own n8n-core) to learn its test names,
 * about 18 s per Outlit-node mutant whose covering tests take milliseconds. The dry run records each
 * test's file here, and the mutant runs load only the files that hold a covering test.
 */
const fs = require('node:fs');
const path = require('node:path');

// In the working folder of Stryker's test runners, its sandbox copy of the package: removed with it,
// and started afresh by each dry run.
const MAP_FILE = path.join(process.cwd(), '.stryker-dry-run-test-files.jsonl');
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

const isDryRun = (env) => env[ACTIVE_MUTANT] === undefined;

function record(testPath, testName) {
	fs.appendFileSync(MAP_FILE, `${JSON.stringify([testPath, testName])}\n`);
}

function forget() {
	fs.rmSync(MAP_FILE, { force: true });
}

/** @returns {Map<string, string[]>} test names by test file; empty when nothing was recorded */
function load() {
	const namesByFile = new Map();
	if (!fs.existsSync(MAP_FILE)) return namesByFile;
	for (const line of fs.readFileSync(MAP_FILE, 'utf8').split('\n')) {
		if (!line) continue;
		const [testPath, testName] = JSON.parse(line);
		if (!namesByFile.has(testPath)) namesByFile.set(testPath, []);
		namesByFile.get(testPath).push(testName);
	}
	return namesByFile;
}

/**
 * The test files to run for a name pattern. A file the dry run did not see is kept (it may hold a
 * covering test); when no file matches, all are kept, so a gap in the record can only cost time.
 */
function filesToRun(testPaths, testNamePattern, namesByFile) {
	if (!testNamePattern || namesByFile.size === 0) return testPaths;
	const pattern = new RegExp(testNamePattern, 'i');
	const kept = testPaths.filter((testPath) => {
		const names = namesByFile.get(testPath);
		return names === undefined || names.some((name) => pattern.test(name));
	});
	return kept.length > 0 ? kept : testPaths;
}

module.exports = { MAP_FILE, ACTIVE_MUTANT, isDryRun, record, forget, load, filesToRun };
