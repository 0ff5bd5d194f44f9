#!/usr/bin/env node
'use strict';
/**
 * `npm start` (in flowyte/): try n8n-nodes-flowyte in a real n8n on this machine, offline.
 *
 *   builds + packs the package → installs the pinned n8n (first run only, cached in the
 *   repository's .cache/n8n/) → starts the Flowyte sandbox (127.0.0.1:5681) and n8n
 *   (127.0.0.1:5678) with the package loaded, the Flowyte credentials pointing at the sandbox and
 *   the example workflows imported. Ctrl-C stops both.
 *
 * Options: --n8n <version> (default 2.41.1; also 1.123.81)  --port <n8n port, 5678>
 *          --sandbox-port <5681>  --no-build (pack the existing dist/)  --reset (fresh n8n data)
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseStartArgs, startPackage } = require('@repo/devkit/n8n/start');
const { startSandbox } = require('../test/sandbox');
const { sandboxCredentials, loadExamples, CREDENTIAL_NAMES, API_KEY_KINDS } = require('./setup');

const PACKAGE_DIR = path.resolve(__dirname, '..');

const o = parseStartArgs(process.argv.slice(2), { sandboxPort: 5681 });
const examples = loadExamples();

startPackage({
	packageDir: PACKAGE_DIR,
	o,
	helpText: fs.readFileSync(__filename, 'utf8').split('*/')[0],
	owner: { email: 'owner@flowyte.local', password: 'Flowyte-local-1', firstName: 'Local', lastName: 'Owner' },
	startSandbox: () => startSandbox({ port: o.sandboxPort, flowyte: { apiKeyKinds: API_KEY_KINDS } }),
	imports: (sandbox) => ({
		credentials: sandboxCredentials(sandbox),
		workflows: examples,
	}),
	tryLines: ({ url, sandbox }) => [
		`  Sandbox:  ${sandbox.url}  (a local stand-in for Flowyte; the credentials ${CREDENTIAL_NAMES.map((n) => `"${n}"`).join(', ')} point at it)`,
		'',
		'Try:',
		...examples.map((wf) => `  • ${wf.name}: ${url}/workflow/${wf.id}  → "Execute workflow"`),
	],
});
