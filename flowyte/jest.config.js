/**
 * Tests and test tooling are plain CommonJS (the n8n community lint forbids node globals in any
 * .ts file); the shipped node code is TypeScript, which ts-jest compiles on the fly.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	// The sources are roots too, so jest's dependency graph reaches them through the harness:
	// Stryker asks jest for the tests related to a mutated file (findRelatedTests).
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['**/*.test.js'],
	moduleFileExtensions: ['js', 'ts', 'json'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 30000,
	// Most of a suite's time is spent waiting (the sandbox's retry and rate-limit clocks, the wait's
	// polls), not computing: four workers even on two cores. Jest's default there is one.
	maxWorkers: 4,
};
