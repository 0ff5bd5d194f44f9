'use strict';
/**
 * The Outlit Trigger's Providers filter given by an expression, in n8n's real engine against the
 * sandbox: it takes what the Outlit node's Provider takes (a name in any case, an alias, surrounding
 * spaces) and refuses what can be no provider ID, instead of silently watching nothing.
 */
const { PROVIDERS } = require('../support/providers');
const { CANARY } = require('../support/engine');
const { triggerEnvironment } = require('../support/trigger');

const env = triggerEnvironment({ connected: ['stripe', 'google-mail'] });
const IDS = `${PROVIDERS.map((p) => p.id).join(', ')}`;

/** The trigger's first poll, firing existing failures, with this Providers expression. */
async function firstPoll(providers) {
	const t = env.trigger({ providers, options: { fireOnExistingFailures: true } });
	const r = await t.poll();
	return { r, t, fired: r.items ? r.items[0].map((i) => i.json.provider) : [] };
}

test.each([
	['a name in another case', '={{ ["Stripe"] }}', ['stripe'], ['stripe']],
	['surrounding spaces', '={{ [" stripe "] }}', ['stripe'], ['stripe']],
	['an alias', '={{ ["gmail"] }}', ['google-mail'], ['google-mail']],
	['one ID, not in a list', '={{ "stripe" }}', ['stripe'], ['stripe']],
])('%s watches that provider', async (_name, providers, fires, scope) => {
	env.sandbox.setSyncFailure('stripe', 'StripeInvoice', 'Card declined');
	env.sandbox.setSyncFailure('google-mail', 'GmailMessage', 'Token revoked');
	const { r, t, fired } = await firstPoll(providers);
	expect(r.error).toBeUndefined();
	expect(fired).toEqual(fires);
	expect(t.staticData.scope).toEqual(scope);
});

test.each([
	['a well-formed ID the catalog does not know yet', '={{ ["acme-crm"] }}'],
	['the same in another case, with spaces', '={{ [" Acme-CRM "] }}'],
])('%s is watched as that ID (Outlit may add providers first)', async (_name, providers) => {
	const { r, t } = await firstPoll(providers);
	expect(r.error).toBeUndefined();
	expect(t.staticData.scope).toEqual(['acme-crm']);
});

test.each([
	['a value with spaces inside', '={{ ["google mail"] }}', '"google mail"'],
	['an empty entry', '={{ [""] }}', 'an empty entry'],
	['a number', '={{ [7] }}', '"7"'],
])('%s is refused before any request, naming the parameter and the IDs', async (_name, providers, shown) => {
	const { r, t } = await firstPoll(providers);
	expect(r.error.message).toBe(
		`Parameter "Providers" has ${shown}, which is not an Outlit provider ID: pick the integrations from its list, or leave it empty to watch all of them. The IDs: ${IDS}.`,
	);
	expect(r.error.description).toBe('An expression in Providers must give a list of provider IDs, for example ["stripe", "hubspot"].');
	expect(env.sandbox.requests).toEqual([]);
	expect(t.staticData).toEqual({});
});

test('a key pasted into Providers is refused without being repeated', async () => {
	const { r } = await firstPoll(`={{ ["${CANARY.apiKey}"] }}`);
	expect(r.error.message.startsWith('Parameter "Providers" has a value that looks like an API key (not shown), which is not an Outlit provider ID')).toBe(true);
	expect(r.error.message).not.toContain(CANARY.apiKey);
	expect(env.sandbox.requests).toEqual([]);
});
