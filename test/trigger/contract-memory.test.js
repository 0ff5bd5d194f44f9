'use strict';
/**
 * What the trigger remembers about Outlit's APIs between polls (its static data), through n8n's real
 * engine against the sandbox: when REST was last asked is kept only while Automatic is on the gateway
 * because REST did not answer; "API" set to one API, or REST answering, keeps nothing of it.
 */
const { triggerEnvironment } = require('../support/trigger');

const env = triggerEnvironment({ connected: ['stripe'] });
const trigger = (api) => env.trigger({}, { api });

test.each([
	['rest', 'rest'],
	['tools', 'tools'],
	['auto', 'rest'],
])('API %s, answered by %s: no time of a REST check is kept', async (api, contract) => {
	const t = trigger(api);
	const r = await t.poll();
	expect(r.error).toBeUndefined();
	expect(t.staticData.contract ?? 'rest').toBe(contract);
	expect(t.staticData).not.toHaveProperty('restCheckedAt');
});

test('Automatic, REST retired: the gateway answers and the time REST was asked is kept', async () => {
	env.sandbox.reset({ connected: ['stripe'], contract: 'tools' });
	const before = Date.now();
	const t = trigger('auto');
	const r = await t.poll();
	expect(r.error).toBeUndefined();
	expect(t.staticData.contract).toBe('tools');
	expect(Date.parse(t.staticData.restCheckedAt)).toBeGreaterThanOrEqual(before - 1000);
});
