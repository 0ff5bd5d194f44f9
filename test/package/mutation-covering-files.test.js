// The Stryker-only jest runner loads just the test files that hold a mutant's covering tests
// (devkit/mutation/covering-test-files.js). A wrong choice would let mutants survive untested, so the
// choice is pinned here: it may only ever run too many files, never too few.
const { filesToRun, isDryRun } = require('@repo/devkit/mutation/covering-test-files');

const recorded = new Map([
	['/t/a.test.js', ['Connect sends the key', 'Connect (rest) retries']],
	['/t/b.test.js', ['Disconnect ignores a 404']],
]);
const all = ['/t/a.test.js', '/t/b.test.js', '/t/c.test.js'];

describe('choosing the test files for a mutant run', () => {
	test('keeps the files holding a covering test, and files the dry run never saw', () => {
		expect(filesToRun(all, '(Disconnect ignores a 404)', recorded)).toEqual(['/t/b.test.js', '/t/c.test.js']);
	});

	test('matches names as jest-circus does: a case-insensitive search, not a whole-name match', () => {
		expect(filesToRun(all, '(connect \\(rest\\))', recorded)).toEqual(['/t/a.test.js', '/t/c.test.js']);
	});

	test('runs every file when no recorded name matches', () => {
		const seen = ['/t/a.test.js', '/t/b.test.js'];
		expect(filesToRun(seen, '(Get Many pages)', recorded)).toEqual(seen);
	});

	test('runs every file without a name pattern or without a record', () => {
		expect(filesToRun(all, undefined, recorded)).toEqual(all);
		expect(filesToRun(all, '(Connect sends the key)', new Map())).toEqual(all);
	});

	test('a run is the dry run when Stryker has no active mutant', () => {
		expect(isDryRun({})).toBe(true);
		expect(isDryRun({ __STRYKER_ACTIVE_MUTANT__: '12' })).toBe(false);
	});
});
