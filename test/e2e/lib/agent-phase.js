'use strict';
/**
 * The Outlit node as an AI agent's tool, in real n8n. The example
 * examples/workflows/ai-agent-failing-integrations.json (AI Agent + OpenAI Chat Model + two Outlit
 * tools) runs with `n8n execute`, its chat model served by the test itself (scripted-model.js, the
 * OpenAI credential's Base URL pointed at it). The script calls List integrations, then Get sync
 * status with a provider that is no provider ("salesforc"), then with the failing one it found, then
 * answers from what the tools returned.
 *
 * Checked: the tools n8n offers the model (names from the node names, descriptions, the `$fromAI`
 * parameter and its description); the requests Outlit (the sandbox) receives from the tool calls;
 * the refused provider coming back to the model in the next chat request, the valid IDs in its
 * message; the answer; and no secret in any chat request.
 *
 * Two ways n8n hands a failed tool call to the model, both run:
 * - the example as shipped, its Outlit tools on "On Error: Continue (regular output)": the model
 *   gets the node's error item (message, description, httpCode), on n8n 2.x and 1.x alike;
 * - the same workflow with n8n's default (stop on error): n8n 2.x gives the model
 *   `[{"error": <message>}]` and drops the description; n8n 1.x ends the run with the node's error
 *   and the model never hears of it (why the example sets Continue; docs/ai-agent.md).
 */
const { assert, assertEqual } = require('@repo/devkit/e2e/report');
const { executionsOf, nodeItems } = require('@repo/devkit/n8n/n8n-db');
const { VERSIONS } = require('@repo/devkit/n8n/n8n-versions');
const setup = require('../../../scripts/lib/outlit-setup');
const { startScriptedModel, toolCall, finalAnswer } = require('./scripted-model');

const EXAMPLE_ID = 'outlitExAgent001';
/** The example with n8n's default On Error (stop), imported beside it. */
const STOP_ID = 'e2eOutlitAgent02';
const AGENT_NODE = 'AI Agent';

/** The example's texts, as literals: what a user reads in the example is what n8n must send. */
const LIST_DESCRIPTION =
	'Lists every Outlit integration of this workspace, connected or not, with its provider ID and status. Status requires_intervention means the integration is failing.';
const STATUS_DESCRIPTION =
	"Gets one Outlit integration's connection state and, per synced model, its status, last sync and error message.";
const PROVIDER_DESCRIPTION =
	'The provider ID of one Outlit integration, exactly as List integrations returns it in the provider field, for example stripe or hubspot';
const REFUSED =
	'Parameter "Provider" is "salesforc", which is not an Outlit provider ID. Use one of these 15: salesforce, hubspot, attio, slack, google-calendar, google-mail, granola, gong, fireflies, pylon, stripe, mixpanel, posthog, supabase, clerk (or gmail, an alias of google-mail).';
const REFUSED_DESCRIPTION =
	"In the editor, pick the provider from the Provider list. An expression, or an AI agent filling the parameter with $fromAI(), must give one of these IDs. Outlit's answer: Outlit rejected the request: Invalid request (provider: Invalid enum value. Expected one of: hubspot, attio, slack, fireflies, granola, google-calendar, google-mail, posthog, stripe, supabase, clerk, pylon).";
const ANSWER =
	"Stripe is failing: StripeInvoice (Stripe API key was revoked). Reconnect Stripe in the Outlit web app (Integrations), or with the Outlit node's Connect operation.";
const FAILURE = { provider: 'stripe', model: 'StripeInvoice', errorMessage: 'Stripe API key was revoked' };

/** A tool message's content, parsed (n8n sends the node's output items as a JSON string). */
function toolResult(messages, callId) {
	const m = (messages || []).find((x) => x.role === 'tool' && x.tool_call_id === callId);
	if (!m) return undefined;
	const text = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

const asItems = (result) => (Array.isArray(result) ? result : []);

/** The agent's script. Each answer depends only on what the request carries, so runs cannot mix. */
function reply({ body }) {
	const messages = (body && body.messages) || [];
	const answered = (id) => toolResult(messages, id) !== undefined;
	if (!answered('call_list')) return toolCall('call_list', 'List_integrations', {});
	if (!answered('call_typo')) return toolCall('call_typo', 'Get_sync_status', { provider: 'salesforc' });
	if (!answered('call_status')) {
		const failing = asItems(toolResult(messages, 'call_list')).find((i) => i.status === 'requires_intervention');
		if (!failing) return finalAnswer('No integration is failing.');
		return toolCall('call_status', 'Get_sync_status', { provider: failing.provider });
	}
	const [status] = asItems(toolResult(messages, 'call_status'));
	const failed = ((status && status.syncs) || []).filter((s) => s.status === 'FAILED');
	return finalAnswer(
		`${status.name} is failing: ${failed.map((s) => `${s.model} (${s.errorMessage})`).join(', ')}. ` +
			`Reconnect ${status.name} in the Outlit web app (Integrations), or with the Outlit node's Connect operation.`,
	);
}

/** Every canary value found in `text`, by name. */
const found = (text, canaries) => Object.entries(canaries).filter(([, v]) => text.includes(v)).map(([k]) => k);

/** The example with n8n's default On Error (the Outlit tools stop the run on an error). */
function stopOnErrorVariant() {
	const example = setup.loadExamples().find((wf) => wf.id === EXAMPLE_ID);
	const wf = setup.forImport(JSON.parse(JSON.stringify(example)));
	for (const node of wf.nodes) delete node.onError;
	return { ...wf, id: STOP_ID, name: 'e2e: the AI agent example with On Error left at Stop' };
}

/**
 * Starts the scripted model before n8n's imports (the OpenAI credential the example references
 * points at it). Returns what to import, the phase, and `close`.
 */
async function prepareAgentPhase({ version }) {
	const model = await startScriptedModel({ reply, maxRequests: 10 });
	const apiKey = `e2e-scripted-model-${version}`;
	return {
		credentials: [setup.openAiCredential({ apiKey, url: model.url })],
		workflows: [stopOnErrorVariant()],
		run: (scope, ctx) => runAgentPhase(scope, { ...ctx, version, model, apiKey }),
		close: () => model.close(),
	};
}

/** Runs one workflow with a fresh sandbox state; returns the run and the chat requests it made. */
async function runOnce(scope, { n8n, sb, model }, id, what) {
	sb.reset({ connected: ['stripe', 'pylon'] });
	sb.setSyncFailure(FAILURE.provider, FAILURE.model, FAILURE.errorMessage);
	sb.clearRequests();
	const before = model.chats().length;
	const result = await scope.time(`execute ${what}`, () => n8n.execute(id, { timeoutMs: 240000 }));
	return { result, runData: result.run && result.run.data && result.run.data.resultData.runData, chats: model.chats().slice(before), outlit: sb.requests };
}

const shown = (requests) => requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
/** Get Many on Automatic: the gateway's readiness list; Get Sync Status on Automatic: REST first (per-model detail). */
const LIST_REQUEST = { method: 'POST', path: '/api/tools/call', query: {}, body: { tool: 'outlit_get_integration_status', input: {} } };
const statusRequest = (provider) => ({ method: 'GET', path: '/api/integrations/sync-status', query: { provider }, body: undefined });

async function runAgentPhase(scope, { n8n, sb, canaries, version, model, apiKey }) {
	const check = (name, fn) => scope.check(`agent: ${name}`, fn);
	const ok = ({ result }) => assert(result.ok && result.run && result.run.status === 'success', `run failed (exit ${result.code}): ${result.stderr.slice(-600)}\n${result.stdout.slice(-600)}`);

	const shipped = await runOnce(scope, { n8n, sb, model }, EXAMPLE_ID, 'the AI agent example');
	const { chats } = shipped;

	await check('the example runs; the agent answers from what the tools returned', () => {
		ok(shipped);
		assertEqual(nodeItems(shipped.runData, AGENT_NODE), [{ output: ANSWER }], 'the AI Agent\'s output');
		assertEqual(chats.length, 4, 'chat requests (List, Get sync status "salesforc", Get sync status stripe, answer)');
		assert(chats.every((c) => c.headers.authorization === `Bearer ${apiKey}`), 'the chat model used the example\'s OpenAI credential');
	});

	await check('n8n offers the model the two Outlit tools: names, descriptions, the $fromAI parameter', () => {
		const tools = (chats[0] && chats[0].body.tools) || [];
		const byName = Object.fromEntries(tools.map((t) => [t.function.name, t.function]));
		assertEqual(Object.keys(byName).sort(), ['Get_sync_status', 'List_integrations'], 'tool names (the node names)');
		assertEqual([byName.List_integrations.description, byName.Get_sync_status.description], [LIST_DESCRIPTION, STATUS_DESCRIPTION], 'tool descriptions');
		const params = (f) => ({ type: f.parameters.type, properties: f.parameters.properties, required: f.parameters.required, additionalProperties: f.parameters.additionalProperties });
		assertEqual(params(byName.List_integrations), { type: 'object', properties: {}, required: undefined, additionalProperties: false }, 'List integrations: no parameters');
		assertEqual(
			params(byName.Get_sync_status),
			{ type: 'object', properties: { provider: { type: 'string', description: PROVIDER_DESCRIPTION } }, required: ['provider'], additionalProperties: false },
			'Get sync status: only the $fromAI parameter',
		);
	});

	await check('the tool calls reach Outlit as the sandbox received them, with the Outlit credential', () => {
		assertEqual(shown(shipped.outlit), [LIST_REQUEST, statusRequest('salesforc'), statusRequest('stripe')], 'requests');
		assert(shipped.outlit.every((r) => r.headers.authorization === `Bearer ${canaries.outlitKey}`), 'Bearer header');
	});

	await check('what the tools return reaches the model: the list, and the refused provider with the valid IDs', () => {
		const next = chats[2] && chats[2].body.messages;
		const stripe = asItems(toolResult(next, 'call_list')).find((i) => i.provider === 'stripe');
		assertEqual(stripe, { provider: 'stripe', name: 'Stripe', category: 'billing', status: 'requires_intervention', connected: true }, 'List integrations result');
		// On Error: Continue: the node's error item, description included.
		assertEqual(toolResult(next, 'call_typo'), [{ error: REFUSED, description: REFUSED_DESCRIPTION, httpCode: '400' }], 'the tool message for Get_sync_status("salesforc")');
	});

	const stop = await runOnce(scope, { n8n, sb, model }, STOP_ID, 'the example with On Error left at Stop');
	if (VERSIONS[version].major >= 2) {
		await check('On Error left at Stop (n8n 2.x): the model gets [{"error": <message>}] only, and still answers', () => {
			ok(stop);
			assertEqual(stop.chats.length, 4, 'chat requests');
			assertEqual(toolResult(stop.chats[2].body.messages, 'call_typo'), [{ error: REFUSED }], 'the tool message: the message alone');
			assertEqual(nodeItems(stop.runData, AGENT_NODE), [{ output: ANSWER }], 'the AI Agent\'s output');
			assertEqual(shown(stop.outlit), [LIST_REQUEST, statusRequest('salesforc'), statusRequest('stripe')], 'requests');
		});
	} else {
		await check('On Error left at Stop (n8n 1.x): the failed call ends the run with the node\'s message; the model never sees it', async () => {
			assert(!stop.result.ok, 'the run fails');
			const [stored] = (await executionsOf(n8n.dbFile, STOP_ID)).slice(-1);
			const error = stored && stored.data && stored.data.resultData.error;
			assertEqual([stored && stored.status, error && error.message, error && error.node && error.node.name], ['error', REFUSED, 'Get sync status'], 'the stored execution\'s error');
			assertEqual(stop.chats.length, 2, 'chat requests (List, then the call that failed)');
			assertEqual(shown(stop.outlit), [LIST_REQUEST, statusRequest('salesforc')], 'requests');
		});
	}

	await check('no secret in anything sent to the model (every chat request, body and headers)', () => {
		const all = model.requests;
		assert(all.length >= 6 && all.every((r) => r.raw.length > 0), 'chat requests recorded');
		assert(chats[3].raw.includes(FAILURE.errorMessage), 'the scan reads the tool results too');
		assertEqual(all.flatMap((r) => found(`${r.raw}\n${JSON.stringify(r.headers)}`, canaries)), [], 'canaries sent to the model');
	});
}

module.exports = { prepareAgentPhase, EXAMPLE_ID, STOP_ID };
