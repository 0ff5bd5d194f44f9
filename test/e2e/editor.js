#!/usr/bin/env node
'use strict';
/**
 * The editor test: a headless Debian Chromium (playwright-core) signs in to a real n8n, opens
 * workflows with the Outlit node, checks that operations, providers and provider-specific fields
 * render from the built package, and that the credential test passes against the sandbox (and a
 * wrong key fails). Screenshots go to docs/ (or another folder) for people to look at.
 *
 * Run by test/e2e/run.js; or alone against `npm start`:
 *   node test/e2e/editor.js [--url http://127.0.0.1:5678] [--sandbox http://127.0.0.1:5680] [--shots docs]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT, RUNTIME_ROOT } = require('@repo/devkit/n8n/n8n-versions');
const { N8nRest, DEFAULT_OWNER } = require('@repo/devkit/n8n/n8n-rest');
const { CREDENTIAL } = require('../../scripts/lib/outlit-setup');
const { waitFor } = require('@repo/devkit/n8n/proc');
const { assert, assertEqual } = require('@repo/devkit/e2e/report');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const UI_TIMEOUT = 45000;

/** The built node's own description: the UI must show exactly what the package declares. */
function builtDescription() {
	const { Outlit } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'Outlit', 'Outlit.node.js'));
	const description = new Outlit().description;
	const operation = description.properties.find((p) => p.name === 'operation');
	return { operations: operation.options.map((o) => o.name) };
}

async function openNode(page, baseUrl, workflowId, nodeName) {
	// Reloading the editor costs seconds; stay on the canvas when it already shows this workflow.
	if (!new URL(page.url()).pathname.endsWith(`/workflow/${workflowId}`)) await page.goto(`${baseUrl}/workflow/${workflowId}`);
	const node = page.locator(`[data-test-id=canvas-node][data-node-name="${nodeName}"]`);
	await node.waitFor({ timeout: UI_TIMEOUT });
	await node.dblclick();
	await page.locator('[data-test-id=ndv] [data-test-id=node-parameters]').waitFor({ timeout: UI_TIMEOUT });
	await page.waitForTimeout(500); // parameters settle (icons, code editors)
}

async function closeNode(page) {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
}

/**
 * A parameter's shown value. One whose options come from a loadOptions method shows n8n's
 * "Loading options..." until the sandbox answers (seen on a busy CI machine), so read it after that.
 */
async function paramValue(page, name) {
	const input = page.locator(`[data-test-id=parameter-input-${name}] input`).first();
	const read = await waitFor(
		`${name} to finish loading its options`,
		async () => {
			const value = await input.inputValue();
			return value.startsWith('Loading options') ? false : { value };
		},
		{ timeoutMs: UI_TIMEOUT, intervalMs: 200 },
	);
	return read.value;
}
const hasParam = async (page, name) => (await page.locator(`[data-test-id=parameter-input-${name}]`).count()) > 0;
/** Fails with the parameter's name unless it shows; a busy machine gets time to render it. */
async function expectParam(page, name, what = '') {
	const found = page.locator(`[data-test-id=parameter-input-${name}]`).first();
	await found.waitFor({ timeout: UI_TIMEOUT }).catch(() => assert(false, `${what}${name} missing`));
}

async function dropdownOptions(page, name) {
	await page.locator(`[data-test-id=parameter-input-${name}]`).click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor({ timeout: 10000 });
	const texts = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	await page.keyboard.press('Escape');
	// The closing dropdown stays in the DOM during its transition; wait it out before the next one.
	await options.first().waitFor({ state: 'hidden', timeout: 10000 });
	return texts;
}

/**
 * @param o { baseUrl, scope (report scope), getRequests: async () => sandbox requests,
 *   shotsDir, hasE2eWorkflows, version, slowNextOptions?: () => void (the sandbox answers the
 *   next provider list late, so the editor shows its loading state first) }
 */
async function editorChecks({ baseUrl, scope, getRequests, shotsDir, hasE2eWorkflows, version, slowNextOptions }) {
	const { chromium } = require('playwright-core');
	const check = (name, fn) => scope.check(`editor: ${name}`, fn);
	const shot = (page, name) => page.screenshot({ path: path.join(shotsDir, name) });
	fs.mkdirSync(shotsDir, { recursive: true });

	const ok = await check('Chromium is installed', () => assert(fs.existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install -y chromium`));
	if (!ok) return;
	const owner = await new N8nRest(baseUrl).ensureOwner(DEFAULT_OWNER);
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outlit-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS, // playwright passes the fresh userDataDir as --user-data-dir
		viewport: { width: 1440, height: 900 },
	});
	try {
		const page = context.pages()[0] || (await context.newPage());
		page.setDefaultTimeout(UI_TIMEOUT);
		const want = builtDescription();

		await check('owner signs in through the sign-in form', async () => {
			await page.goto(`${baseUrl}/signin`);
			await page.locator('input[type=email]').fill(owner.email);
			await page.locator('input[type=password]').fill(owner.password);
			await page.locator('[data-test-id=form-submit-button]').click();
			await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: UI_TIMEOUT });
		});

		await check('workflow canvas shows the Outlit nodes', async () => {
			await page.goto(`${baseUrl}/workflow/outlitExDirect01`);
			const nodes = page.locator('[data-test-id=canvas-node][data-node-type="n8n-nodes-outlit.outlit"]');
			await nodes.first().waitFor();
			assertEqual(await nodes.count(), 3, 'Outlit nodes on the canvas');
			await page.waitForTimeout(800);
			await shot(page, 'editor-workflow.png');
		});

		await check('Connect node renders operation, provider and the provider field (masked)', async () => {
			// As on a busy machine: the Provider dropdown's options arrive after the form renders.
			if (slowNextOptions) slowNextOptions();
			await openNode(page, baseUrl, 'outlitExDirect01', 'Connect Stripe');
			assertEqual(await paramValue(page, 'operation'), 'Connect', 'operation');
			assertEqual(await paramValue(page, 'provider'), 'Stripe', 'provider');
			assertEqual(await paramValue(page, 'connectionMethod'), 'Direct', 'connection method');
			assertEqual(await page.locator('[data-test-id=parameter-input-apiKey] input').getAttribute('type'), 'password', 'API Key input type');
			for (const hidden of ['region', 'projectId', 'waitUntilConnected']) assert(!(await hasParam(page, hidden)), `${hidden} should not show for Stripe direct`);
			await shot(page, 'editor-outlit-connect-node.png');
		});

		await check('operation dropdown lists every operation of the built node', async () => {
			const shown = await dropdownOptions(page, 'operation');
			// n8n itself appends "Custom API Call" to nodes whose credential can authenticate requests.
			assertEqual(shown.filter((o) => o !== 'Custom API Call'), want.operations, 'operations');
		});

		await check("provider dropdown lists the providers the credential's Outlit offers (Get Capabilities)", async () => {
			const shown = await dropdownOptions(page, 'provider');
			// The gateway's 15 providers, as the sandbox names them (the route docs' names, and its own for the three gateway-only ones).
			const GATEWAY = ['Attio', 'Clerk', 'Fireflies.ai', 'Gmail', 'Gong', 'Google Calendar', 'Granola', 'HubSpot', 'Mixpanel', 'PostHog', 'Pylon', 'Salesforce', 'Slack', 'Stripe', 'Supabase Auth'];
			assertEqual([...shown].sort(), GATEWAY, 'providers');
		});

		await check('browser-session connect offers the wait, not credential fields', async () => {
			await closeNode(page);
			await openNode(page, baseUrl, 'outlitExOnboard1', 'Connect HubSpot');
			assertEqual(await paramValue(page, 'connectionMethod'), 'Browser Session', 'connection method');
			await expectParam(page, 'waitUntilConnected');
			assert(!(await hasParam(page, 'apiKey')), 'apiKey should not show');
			await shot(page, 'editor-outlit-browser-connect.png');
		});

		await check('Get Many shows what it lists; the retry settings sit in Options, not among the main fields', async () => {
			await closeNode(page);
			// The AI-agent example's Outlit tool (imported by npm start and the e2e alike).
			await openNode(page, baseUrl, 'outlitExAgent001', 'List integrations');
			assertEqual(await paramValue(page, 'operation'), 'Get Many', 'operation');
			for (const name of ['returnAll', 'simplify']) await expectParam(page, name);
			for (const hidden of ['retryTransientErrors', 'maxRetryWait']) assert(!(await hasParam(page, hidden)), `${hidden} should sit in Options`);
			await shot(page, 'editor-outlit-get-many.png');
		});

		await check('Wait for Connection shows its session, interval and timeout', async () => {
			await closeNode(page);
			await openNode(page, baseUrl, 'outlitExOnboard1', 'Wait for HubSpot');
			for (const name of ['sessionId', 'pollInterval', 'timeout']) await expectParam(page, name);
		});

		if (hasE2eWorkflows) {
			await check('each provider shows its own credential fields', async () => {
				const expect = { 'Connect PostHog': ['apiKey', 'region', 'projectId'], 'Connect Supabase': ['serviceRoleKey', 'projectUrl'], 'Connect Clerk': ['secretKey'], 'Connect Pylon': ['apiToken'] };
				const all = [...new Set(Object.values(expect).flat())];
				for (const [node, fields] of Object.entries(expect)) {
					await closeNode(page);
					await openNode(page, baseUrl, 'e2eOutlitOps0001', node);
					// The fields that must show first, so the form has rendered before absences are read.
					for (const f of fields) await expectParam(page, f, `${node}: field `);
					for (const f of all.filter((x) => !fields.includes(x))) assert(!(await hasParam(page, f)), `${node}: field ${f} should not show`);
				}
			});
		}

		await check('credential test succeeds against the sandbox', async () => {
			await closeNode(page);
			await openNode(page, baseUrl, 'outlitExDirect01', 'Connect Stripe');
			const before = (await getRequests()).length;
			await page.locator('[data-test-id=credential-edit-button]').click();
			const modal = page.locator('[data-test-id=editCredential-modal]');
			await modal.waitFor();
			// n8n tests the credential when the modal opens: the sandbox must see that request, and
			// the banner must say it passed.
			const sent = await waitFor(
				'the credential test request',
				async () => {
					const r = (await getRequests()).slice(before).filter((x) => x.path === '/api/validate-api-key');
					return r.length ? r : false;
				},
				{ timeoutMs: UI_TIMEOUT },
			);
			await modal.locator('[data-test-id=credentials-config-container-test-success]').waitFor();
			assert(sent.every((r) => r.method === 'POST' && /^Bearer ok_\S+$/.test(r.headers.authorization)), 'Bearer ok_ key on the test request');
			await page.waitForTimeout(500);
			await shot(page, 'editor-credential-test.png');
			await page.keyboard.press('Escape');
		});

		if (hasE2eWorkflows) {
			await check('credential test with a wrong key fails with the readable message', async () => {
				await closeNode(page);
				await openNode(page, baseUrl, 'e2eOutlitOps0001', 'List with wrong key');
				await page.locator('[data-test-id=credential-edit-button]').click();
				const modal = page.locator('[data-test-id=editCredential-modal]');
				await modal.waitFor();
				await modal.getByText(/connect with these settings/i).first().waitFor();
				// n8n folds the credential test's message behind "More details".
				const more = modal.getByText('More details');
				if (await more.count()) await more.first().click();
				// n8n 1.x replaces any 401 by its own text; 2.x shows the credential's test rule message.
				const message = String(version).startsWith('1.') ? /Authorization failed/i : /did not accept this API key/i;
				await modal.getByText(message).first().waitFor();
				assertEqual(await modal.locator('[data-test-id=credentials-config-container-test-success]').isVisible(), false, 'success banner shown');
				await shot(page, 'editor-credential-test-wrong-key.png');
				await page.keyboard.press('Escape');
			});
		}

		await check('Outlit Trigger node renders its events and providers', async () => {
			await closeNode(page);
			await openNode(page, baseUrl, 'outlitExSyncAlrt', 'Outlit Trigger');
			for (const name of ['events', 'providers']) await expectParam(page, name);
			const text = await page.locator('[data-test-id=parameter-input-events]').innerText();
			assert(/Sync Failed/.test(text), `events shows: ${text}`);
			await shot(page, 'editor-outlit-trigger.png');
		});
	} finally {
		await context.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

/** Hook for test/e2e/run.js (runs while the trigger test waits for n8n's minute poll). */
async function runEditorTest({ baseUrl, scope, sandbox, version }) {
	// The README's screenshots in docs/ are refreshed on purpose (`npm run test:editor`), not by every run.
	const shotsDir = process.env.OUTLIT_SHOTS_DIR || path.join(RUNTIME_ROOT, 'e2e', version, 'screenshots');
	await scope.time('editor test (Chromium)', () =>
		editorChecks({
			baseUrl,
			scope,
			getRequests: async () => sandbox.requests,
			shotsDir,
			hasE2eWorkflows: true,
			version,
			slowNextOptions: () => sandbox.injectFault({ path: '/api/tools/call', tool: 'outlit_get_integration_capabilities', delayMs: 3000 }),
		}).catch((e) => scope.fail('editor: aborted', e)),
	);
}

module.exports = { runEditorTest, editorChecks, CREDENTIAL };

if (require.main === module) {
	const { Report } = require('@repo/devkit/e2e/report');
	const arg = (name, fallback) => {
		const i = process.argv.indexOf(name);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const baseUrl = arg('--url', 'http://127.0.0.1:5678');
	const sandboxUrl = arg('--sandbox', 'http://127.0.0.1:5680');
	const shotsDir = path.resolve(arg('--shots', path.join(REPO_ROOT, 'docs')));
	const report = new Report();
	const getRequests = async () => (await (await fetch(`${sandboxUrl}/__sandbox/requests`)).json()).requests;
	editorChecks({ baseUrl, scope: report.scope('editor'), getRequests, shotsDir, hasE2eWorkflows: false })
		.catch((e) => report.fail('editor: aborted', e))
		.then(() => {
			report.summary();
			process.exitCode = report.failed ? 1 : 0;
		});
}
