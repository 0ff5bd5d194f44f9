'use strict';
/**
 * Where the project's reference contract lives: `../shared/reference` beside the repository. Tests
 * that compare against it fail when it is missing. (Mutation testing runs the suites in a copy of
 * the repo under .stryker-tmp/, so it names the folder in OUTLIT_REFERENCE_DIR.)
 */
const path = require('node:path');

const REFERENCE_DIR = process.env.OUTLIT_REFERENCE_DIR || path.join(__dirname, '..', '..', '..', 'shared', 'reference');

const reference = (...parts) => path.join(REFERENCE_DIR, ...parts);

module.exports = { REFERENCE_DIR, reference };
