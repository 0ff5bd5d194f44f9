'use strict';
/**
 * What the trigger remembers about Outlit's APIs between polls (its static data), through n8n's real
 * engine against the sandbox: when REST was last asked is kept only while Automatic is on the gateway
 * because REST did not answer; "API" set to one API, or REST answering, keeps nothing of it.
 */
const { createHarness } = require('@repo/devkit/harness');
const { startSandbox } = require('../sandbox');
const { OutlitTrigger } = require('../../nodes/OutlitTrigger/OutlitTrigger.node');
const { OutlitApi } = require('../../credentials/OutlitApi.credentials');
const { CANARY } = require('../support/outlit');

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ apiKeys: [CANARY.apiKey] });
});
afterAll(async () => {
	await sandbox?.close();
});
beforeEach(() => {
	sandbox.reset({ connected: ['stripe'] });
});

const trigger = (api) =>
	createHarness({ nodes: [OutlitTrigger], credentials: [OutlitApi] }).pollTrigger({
		type: 'outlitTrigger',
		parameters: { events: ['syncFailed'] },
		credentials: { outlitApi: { apiKey: CANARY.apiKey, baseUrl: sandbox.url, api } },
	});

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
	sandbox.reset({ connected: ['stripe'], contract: 'tools' });
	const before = Date.now();
	const t = trigger('auto');
	const r = await t.poll();
	expect(r.error).toBeUndefined();
	expect(t.staticData.contract).toBe('tools');
	expect(Date.parse(t.staticData.restCheckedAt)).toBeGreaterThanOrEqual(before - 1000);
});
