'use strict';
/**
 * A local, contract-faithful Outlit API for tests and for trying the package by hand.
 *
 *   const { startSandbox } = require('./test/sandbox');
 *   const sb = await startSandbox({ connected: ['stripe'] });
 *   // … point the node at sb.url with sb.apiKey …
 *   await sb.close();
 */
const { createServer } = require('./server');
const { SandboxState } = require('./state');

const HOST = '127.0.0.1';

/**
 * @param {{ port?: number, apiKeys?: string[], connected?: string[], plan?: string,
 *   connectionLimit?: number, autoCompleteAfterPolls?: number, contract?: 'both'|'tools'|'rest',
 *   legacyGateway?: boolean, unknownSession?: '404'|'400'|'expired', grants?: string[],
 *   rateLimit?: { perSecond: number, burst?: number } }} [options]
 */
async function startSandbox(options = {}) {
	const state = new SandboxState(options);
	const server = createServer(state);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address();
	const url = `http://${HOST}:${port}`;
	state.baseUrl = url;
	let closed;

	return {
		url,
		port,
		apiKey: state.apiKeys[0],
		apiKeys: [...state.apiKeys],
		/** A copy of the API requests received so far (control routes and /connect pages excluded). */
		get requests() {
			return state.requests.map((r) => ({ ...r }));
		},
		clearRequests: () => {
			state.requests = [];
		},
		/** The most API requests answered at the same time since the last reset (control routes excluded). */
		peakInFlight: () => state.peakInFlight,
		reset: (overrides) => state.reset(overrides),
		state: () => state.snapshot(),
		completeSession: (id) => state.completeSession(id),
		failSession: (id, message) => state.failSession(id, message),
		expireSession: (id) => state.expireSession(id),
		latestSession: () => state.latestSession(),
		setSyncFailure: (provider, model, errorMessage, opts) =>
			state.setSyncFailure(provider, model, errorMessage, opts),
		clearSyncFailure: (provider, model) => state.clearSyncFailure(provider, model),
		setConnected: (provider, connected) => state.setConnected(provider, connected),
		/** 'both' (default), 'tools' (REST routes answer like retired ones), 'rest' (no gateway). */
		setContract: (contract) => state.setContract(contract),
		/** The next outlit_setup_integration call for the provider answers this error inside a 200. */
		setSetupError: (provider, error) => state.setSetupError(provider, error),
		/** Handoff URLs from now on, `{sessionId}` replaced; undefined = the sandbox's own page. */
		setHandoffUrl: (template) => state.setHandoffUrl(template),
		readiness: (provider) => state.readiness(provider),
		injectFault: (fault) => state.injectFault(fault),
		/** Answers let through and refused (429) since the last reset, when a rate limit is set. */
		rateLimitCounts: () => (state.limiter ? { allowed: state.limiter.allowed, limited: state.limiter.limited } : undefined),
		clearFaults: () => {
			state.faults = [];
		},
		close: () => {
			closed ??= new Promise((resolve) => {
				server.stopTimers();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
}

module.exports = { startSandbox, SandboxState };
