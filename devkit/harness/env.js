'use strict';
/**
 * Environment for n8n-core, set before it is first required (every harness module requires this
 * first). Also gives the DI Container that n8n-core's services live in.
 */
const os = require('node:os');
const path = require('node:path');

// n8n-core's InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config (an encryption key) the first time
// a node context is created; without this it would write into $HOME. A fixed folder and key keep
// repeated runs consistent. Left alone when the caller configured n8n already.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = path.join(os.tmpdir(), 'n8n-nodes-outlit-harness');
	process.env.N8N_ENCRYPTION_KEY ??= 'harness-only-encryption-key';
}
// The engine logs every node error with its stack; N8N_LOG_LEVEL=debug shows them when wanted.
process.env.N8N_LOG_LEVEL ??= 'silent';

// n8n-core has its own nested @n8n/di (0.17 vs the top-level 0.16): resolve it from n8n-core, or
// Container.get() finds none of its services ("not decorated with Service").
const coreDir = path.dirname(require.resolve('n8n-core'));
const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));

module.exports = { Container };
