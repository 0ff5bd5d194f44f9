'use strict';
/**
 * The stand-in for Outlit's browser connect page (`connectUrl`): a person trying the package can
 * press Connect or Deny, which completes or fails the session the node is polling.
 */
const { SandboxError } = require('./state');

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(state, session) {
	const name = escapeHtml(state.provider(session.provider)?.name ?? session.provider);
	const id = encodeURIComponent(session.id);
	const actions =
		session.status === 'pending'
			? `<form method="post" action="/connect/${id}/complete"><button type="submit" id="connect">Connect</button></form>
<form method="post" action="/connect/${id}/deny"><button type="submit" id="deny">Deny</button></form>`
			: `<p>You can close this window.</p>`;
	return `<!doctype html>
<html><head><meta charset="utf-8"><title>Connect ${name} – Outlit sandbox</title></head>
<body><h1>Connect ${name}</h1>
<p>Outlit sandbox: allow the local sandbox organisation to read your ${name} data?</p>
<p>Status: <strong id="status">${escapeHtml(session.status)}</strong></p>
${actions}
</body></html>`;
}

/** @returns {{status:number, html?:string, location?:string}} */
function handlePage(state, method, path) {
	const match = /^\/connect\/([^/]+)(?:\/(complete|deny))?$/.exec(path);
	const session = match && state.sessions.get(decodeURIComponent(match[1]));
	if (!session)
		return {
			status: 404,
			html: '<!doctype html><title>Not found</title><p>Unknown connection session.</p>',
		};
	const action = match[2];
	if (!action)
		return method === 'GET'
			? { status: 200, html: render(state, session) }
			: { status: 405, html: 'Method not allowed' };
	if (method !== 'POST') return { status: 405, html: 'Method not allowed' };
	try {
		if (action === 'complete') state.completeSession(session.id);
		else state.failSession(session.id, 'The user denied access');
	} catch (err) {
		if (!(err instanceof SandboxError)) throw err; // not pending any more: just show its status
	}
	return { status: 303, location: `/connect/${encodeURIComponent(session.id)}` };
}

module.exports = { handlePage };
