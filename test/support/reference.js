'use strict';
/**
 * Outlit's contract files, the repository's one copy of each (test/sandbox/contract): the sandbox
 * is written from them, and tests compare the node's requests and answers with them.
 */
const path = require('node:path');

const REFERENCE_DIR = path.join(__dirname, '..', 'sandbox', 'contract');

const reference = (...parts) => path.join(REFERENCE_DIR, ...parts);

module.exports = { REFERENCE_DIR, reference };
