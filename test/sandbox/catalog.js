'use strict';
/**
 * The provider catalog (TypeScript) is the single source of truth for provider facts. Under jest,
 * ts-jest compiles it; under plain node, register-ts does (harmless under jest).
 */
require('../support/register-ts');

module.exports = require('../../nodes/Outlit/catalog/providers');
