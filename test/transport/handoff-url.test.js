'use strict';
/**
 * The rule a browser handoff URL must meet before the node outputs it (Outlit's CLI has the same
 * rule): https on the Base URL's origin (http only for a loopback Base URL), no user name or
 * password, no fragment, no credential-like query. Pure cases here; the engine tests show a refused
 * URL never reaches an item.
 */
const { handoffUrlProblem } = require('../../nodes/Outlit/transport/handoff.ts');

const BASE = 'https://app.outlit.ai';

test.each([
	['https://app.outlit.ai/connect/abc', BASE],
	['/connect/abc', BASE],
	['https://app.outlit.ai/integrations?provider=hubspot&step=2', BASE],
	['http://127.0.0.1:5680/connect/abc', 'http://127.0.0.1:5680'],
	['http://localhost:5680/connect/abc', 'http://localhost:5680'],
	['http://[::1]:5680/connect/abc', 'http://[::1]:5680'],
	['http://127.8.9.10/connect', 'http://127.8.9.10'],
	// WHATWG URL writes this IPv4 address out as 127.0.0.1.
	['http://0x7f.1/connect', 'http://0x7f.1'],
])('accepted: %s (Base URL %s)', (url, base) => {
	expect(handoffUrlProblem(url, base)).toBeUndefined();
});

test.each([
	['', BASE, 'it is empty'],
	[undefined, BASE, 'it is empty'],
	[42, BASE, 'it is empty'],
	['https://evil.example/connect', BASE, "it is not on the Base URL's origin"],
	['https://app.outlit.ai.evil.example/connect', BASE, "it is not on the Base URL's origin"],
	// Each part of the origin, one row each: scheme, host, port.
	['http://app.outlit.ai/connect', BASE, "it is not on the Base URL's origin"],
	['https://outlit.ai/connect', BASE, "it is not on the Base URL's origin"],
	['https://app.outlit.ai:8443/connect', BASE, "it is not on the Base URL's origin"],
	['http://127.0.0.1:5681/connect', 'http://127.0.0.1:5680', "it is not on the Base URL's origin"],
	['http://example.test/connect', 'http://example.test', 'it does not use https'],
	['http://10.0.0.1/connect', 'http://10.0.0.1', 'it does not use https'],
	['http://128.0.0.1/connect', 'http://128.0.0.1', 'it does not use https'],
	// Names that start or end like a loopback address are names, not addresses.
	['http://127.0.0.1.example.test/connect', 'http://127.0.0.1.example.test', 'it does not use https'],
	['http://127.example.test1/connect', 'http://127.example.test1', 'it does not use https'],
	['http://[::2]:5680/connect', 'http://[::2]:5680', 'it does not use https'],
	['https://user@app.outlit.ai/connect', BASE, 'it carries a user name or password'],
	['https://app.outlit.ai/connect#token', BASE, 'it has a fragment'],
	['https://app.outlit.ai/connect?token=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?client_secret=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?api-key=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?apikey=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?PASSWORD=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?code=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?credentials=x', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?v=ok_live_123', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?v=RK_live_123', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?v=phx_123', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect?v=whsec_123', BASE, 'its query carries credential-like parameters'],
	['https://app.outlit.ai/connect', 'not a url', 'it is not a URL'],
])('refused: %s (Base URL %s): %s', (url, base, reason) => {
	expect(handoffUrlProblem(url, base)).toBe(reason);
});

test('a user name on the right origin is refused for what it carries', () => {
	expect(handoffUrlProblem('https://user:pw@app.outlit.ai/connect', 'https://user:pw@app.outlit.ai')).toBe('it carries a user name or password');
	expect(handoffUrlProblem('http://u@127.0.0.1:1/connect', 'http://127.0.0.1:1')).toBe('it carries a user name or password');
});

test('a value that merely contains a prefix later is fine', () => {
	expect(handoffUrlProblem('https://app.outlit.ai/connect?v=my_ok_value', BASE)).toBeUndefined();
});

test('any scheme but https, or http on this machine, is refused even on its own origin (the rule does not lean on the Base URL being http(s))', () => {
	expect(handoffUrlProblem('ftp://127.0.0.1/connect', 'ftp://127.0.0.1')).toBe('it does not use https');
	expect(handoffUrlProblem('ws://127.0.0.1:5680/connect', 'ws://127.0.0.1:5680')).toBe('it does not use https');
});
