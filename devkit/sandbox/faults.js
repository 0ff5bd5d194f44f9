'use strict';
/**
 * Injected faults: canned responses (or delays) served instead of, or before, the real handler.
 * Each matching request consumes the oldest matching fault once; `times` says how many requests
 * it affects.
 */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function normalize(spec, Err) {
	if (typeof spec !== 'object' || spec === null) throw new Err('fault must be an object');
	const { method, path, tool, status, body, headers, delayMs, malformed, times = 1 } = spec;
	const known = ['method', 'path', 'tool', 'status', 'body', 'headers', 'delayMs', 'malformed', 'times'];
	const extra = Object.keys(spec).filter((k) => !known.includes(k));
	if (extra.length) throw new Err(`unknown fault option(s): ${extra.join(', ')}`);
	if (typeof path !== 'string' || !path.startsWith('/'))
		throw new Err('fault.path must be a path like /api/integrations');
	if (tool !== undefined && typeof tool !== 'string') throw new Err('fault.tool must be a tool name');
	if (method !== undefined && !METHODS.includes(String(method).toUpperCase()))
		throw new Err('fault.method is not an HTTP method');
	if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599))
		throw new Err('fault.status must be an integer 200-599');
	if (delayMs !== undefined && !(Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= 60000))
		throw new Err('fault.delayMs must be an integer 0-60000');
	if (malformed !== undefined && typeof malformed !== 'boolean')
		throw new Err('fault.malformed must be a boolean');
	if (!Number.isInteger(times) || times < 1)
		throw new Err('fault.times must be a positive integer');
	if (
		headers !== undefined &&
		(typeof headers !== 'object' ||
			headers === null ||
			Object.values(headers).some((v) => typeof v !== 'string'))
	) {
		throw new Err('fault.headers must map header names to strings');
	}
	if (status === undefined && !malformed && delayMs === undefined)
		throw new Err('fault needs status, malformed or delayMs');
	return {
		method: method === undefined ? undefined : String(method).toUpperCase(),
		path,
		tool,
		status,
		body,
		headers,
		delayMs,
		malformed: malformed === true,
		times,
	};
}

/** Consumes one use of the first fault matching the request (and gateway tool); returns it or undefined. */
function take(queue, method, path, tool) {
	const index = queue.findIndex(
		(f) => f.path === path && (f.method === undefined || f.method === method) && (f.tool === undefined || f.tool === tool),
	);
	if (index < 0) return undefined;
	const fault = queue[index];
	fault.times -= 1;
	if (fault.times === 0) queue.splice(index, 1);
	return { ...fault };
}

/** True when the fault replaces the handler's response (a delay-only fault does not). */
const replacesResponse = (fault) => fault.status !== undefined || fault.malformed;

module.exports = { normalize, take, replacesResponse };
