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
};
