#!/usr/bin/env node
'use strict';
/**
 * `npm start`: try n8n-nodes-outlit in a real n8n on this machine, offline.
 *
 *   builds + packs the package → installs the pinned n8n (first run only, cached in .cache/n8n/)
 *   → starts the Outlit sandbox (127.0.0.1:5680) and n8n (127.0.0.1:5678) with the package
 *   loaded, an Outlit credential pointing at the sandbox and the example workflows imported.
 *   Ctrl-C stops both.
 *
 * Options: --n8n <version> (default 2.41.1; also 1.123.81)  --port <n8n port, 5678>
 *          --sandbox-port <5680>  --no-build (pack the existing dist/)  --reset (fresh n8n data)
 *          --manual-connect (browser sessions wait for you to press Connect on the sandbox page;
 *          by default the sandbox completes them by itself after 5 status polls, ~10 s)
 */
const fs = require('node:fs');
const { parseStartArgs, startPackage } = require('@repo/devkit/n8n/start');
const { portInUse } = require('@repo/devkit/n8n/proc');
const { PACKAGE_DIR, sandboxCredential, openAiCredential, needsOpenAi, loadExamples, forImport, isTriggerWorkflow, CREDENTIAL, OPENAI_CREDENTIAL } = require('./lib/outlit-setup');

const SANDBOX_KEY = 'ok_sandbox_local_key';

const o = parseStartArgs(process.argv.slice(2), {
	sandboxPort: 5680,
	autoConnectPolls: 5,
	flags: { '--manual-connect': (opts) => (opts.autoConnectPolls = undefined) },
});

/** Our own sandbox on sandboxPort, or an already running one (e.g. `npm run sandbox`). */
async function startOrReuseSandbox() {
	if (await portInUse(o.sandboxPort)) {
		const res = await fetch(`http://127.0.0.1:${o.sandboxPort}/__sandbox/state`).catch(() => null);
		if (!res || !res.ok) throw new Error(`Port ${o.sandboxPort} is in use by something that is not the Outlit sandbox. Pass --sandbox-port <n>.`);
		return { url: `http://127.0.0.1:${o.sandboxPort}`, apiKey: SANDBOX_KEY, close: async () => {}, reused: true };
	}
	const { startSandbox } = require('../test/sandbox');
	return startSandbox({ port: o.sandboxPort, apiKeys: [SANDBOX_KEY], autoCompleteAfterPolls: o.autoConnectPolls });
}

const examples = loadExamples();

startPackage({
	packageDir: PACKAGE_DIR,
	o,
	helpText: fs.readFileSync(__filename, 'utf8').split('*/')[0],
	startSandbox: startOrReuseSandbox,
	imports: (sandbox) => ({
		// The AI agent example's chat model needs an OpenAI key: a placeholder credential to fill in.
		credentials: [sandboxCredential({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, api: 'auto' }), openAiCredential()],
		workflows: examples.map(forImport),
		activate: examples.filter(isTriggerWorkflow).map((wf) => wf.id),
	}),
	tryLines: ({ url, sandbox }) => [
		`  Sandbox:  ${sandbox.url}  (a local stand-in for Outlit; credential "${CREDENTIAL.name}" points at it)`,
		'',
		'Try:',
		...examples.map((wf) => `  • ${wf.name}: ${url}/workflow/${wf.id}${isTriggerWorkflow(wf) ? '  (active: polls the sandbox every minute)' : '  → "Execute workflow"'}`),
		...(examples.some(needsOpenAi)
			? [`  • The AI agent example needs an OpenAI API key: paste yours into the credential "${OPENAI_CREDENTIAL.name}" (it holds a placeholder).`]
			: []),
		o.autoConnectPolls === undefined || sandbox.reused
			? `  • Browser connections: while the node waits, open the connectUrl of ${sandbox.url}/__sandbox/sessions/latest and press Connect.`
			: `  • Browser connections complete by themselves after ${o.autoConnectPolls} status polls (start with --manual-connect to press Connect yourself).`,
		'  • Make a sync fail (connect Stripe first with the example), then watch the alert workflow run within a minute:',
		`      curl -s -X POST ${sandbox.url}/__sandbox/sync-failure -H 'content-type: application/json' \\`,
		`        -d '{"provider":"stripe","model":"StripeInvoice","errorMessage":"Stripe API key was revoked"}'`,
		`  • What the sandbox received: curl -s ${sandbox.url}/__sandbox/requests`,
	],
});
