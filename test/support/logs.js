'use strict';
/**
 * n8n's logger, captured for a leak check: every line it writes from the tests that follow (in the
 * calling describe block or file), with an error's own fields spelled out, since a secret could sit
 * in any of them.
 */
const { LoggerProxy } = require('n8n-workflow');

const errorJson = (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value);

/** The lines logged so far; the caller empties it before each run it checks. */
function captureLogs() {
	const logged = [];
	const capture = (level) => (message, meta) => logged.push(`${level} ${message} ${JSON.stringify(meta ?? {}, errorJson)}`);
	beforeAll(() => {
		LoggerProxy.init({ error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), verbose: capture('verbose') });
	});
	return logged;
}

module.exports = { captureLogs };
