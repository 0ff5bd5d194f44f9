'use strict';
/**
 * Trigger standing cost over a simulated day of 1-minute polls: every provider the REST routes
 * know is connected, and two fail at some point (one recovers). The Outlit Trigger's requests are
 * counted against a naive trigger built from n8n's HTTP Request node: per poll, the list plus one
 * sync-status call per provider. Both run through n8n's real engine against the same sandbox.
 */
const { PROVIDER_IDS } = require('../../test/sandbox/catalog');
const { httpRequestParameters, HTTP_REQUEST_VERSION } = require('./http-request-node');

/** Poll index → what happens to the sandbox just before that poll. */
function scriptFor(polls, sandbox) {
	const [a, b] = ['stripe', 'hubspot'];
	return new Map([
		[Math.floor(polls * 0.2), () => sandbox.setSyncFailure(a, 'StripeInvoice', 'Card declined')],
		[Math.floor(polls * 0.3), () => sandbox.clearSyncFailure(a, 'StripeInvoice')],
		[Math.floor(polls * 0.6), () => sandbox.setSyncFailure(b, 'HubspotDeal', 'Token expired')],
	]);
}

async function outlitDay(ctx, polls) {
	const { harness, sandbox, credential } = ctx;
	sandbox.reset({ connected: PROVIDER_IDS });
	const script = scriptFor(polls, sandbox);
	const t = harness.pollTrigger({ type: 'outlitTrigger', parameters: { events: ['syncFailed'] }, credentials: credential('auto') });
	let fired = 0;
	for (let i = 0; i < polls; i++) {
		script.get(i)?.();
		const r = await t.poll();
		if (r.error) throw new Error(`Outlit Trigger poll ${i} failed: ${r.error.message}`);
		if (r.items) fired += r.items[0].length;
	}
	return { requests: sandbox.requests.length, fired };
}

async function naiveDay(ctx, polls) {
	const { harness, sandbox, key } = ctx;
	sandbox.reset({ connected: PROVIDER_IDS });
	const script = scriptFor(polls, sandbox);
	const perProvider = PROVIDER_IDS.map((p) => ({ json: { p } }));
	const list = httpRequestParameters(`${sandbox.url}/api/integrations`, { connectedOnly: true }, key);
	const status = httpRequestParameters(`${sandbox.url}/api/integrations/sync-status`, { provider: '={{ $json.p }}' }, key);
	for (let i = 0; i < polls; i++) {
		script.get(i)?.();
		for (const [parameters, input] of [[list, undefined], [status, perProvider]]) {
			const r = await harness.runNode({ type: 'httpRequest', typeVersion: HTTP_REQUEST_VERSION, parameters, input });
			if (r.error) throw new Error(`naive poll ${i} failed: ${r.error.message}`);
		}
	}
	return { requests: sandbox.requests.length };
}

async function triggerDay(ctx, polls) {
	const outlit = await outlitDay(ctx, polls);
	const naive = await naiveDay(ctx, polls);
	ctx.sandbox.reset();
	return [
		{
			figure: `Trigger, ${polls} polls, ${PROVIDER_IDS.length} providers, 2 failing: Outlit Trigger / naive HTTP Request trigger (requests)`,
			ratio: outlit.requests / naive.requests,
			detail: `${outlit.requests} vs ${naive.requests} requests; the Outlit Trigger fired ${outlit.fired} times`,
		},
	];
}

module.exports = { triggerDay };
