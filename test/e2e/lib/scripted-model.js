'use strict';
/**
 * An OpenAI-compatible chat model served by the test itself on 127.0.0.1, for n8n's OpenAI Chat
 * Model node (its credential's Base URL pointed here): `POST /v1/chat/completions` answers with
 * what `reply(request, index)` returns, a tool call or a final text. It records every request body
 * as received (the raw text too, for the secret scan). Bounded: after `maxRequests` it answers 500,
 * so an agent that keeps calling can never loop for long.
 */
const http = require('node:http');

const MAX_BODY = 5 * 1024 * 1024;

/** An assistant message that calls one tool. */
function toolCall(id, name, args) {
	return { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }] };
}

/** An assistant message with the final answer. */
function finalAnswer(text) {
	return { role: 'assistant', content: text };
}

function completion(message, model) {
	return {
		id: `chatcmpl-e2e-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: model || 'scripted',
		choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same answer as server-sent events, for a client that asked for `stream: true`. */
function streamed(res, message, model) {
	const base = { id: `chatcmpl-e2e-${Date.now()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: model || 'scripted' };
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) }
		: { role: 'assistant', content: message.content };
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }] })}\n\n`);
	res.end('data: [DONE]\n\n');
}

/**
 * @param reply (request: { body, raw }, index: number) => assistant message
 * @returns {Promise<{ url: string, requests: {path, method, raw, body, headers}[], close: () => Promise<void> }>}
 */
async function startScriptedModel({ reply, maxRequests = 12 }) {
	const requests = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= MAX_BODY) chunks.push(c);
		});
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = undefined;
			}
			const path = req.url.split('?')[0];
			const entry = { method: req.method, path, raw, body, headers: req.headers };
			requests.push(entry);
			const send = (status, json) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(json));
			};
			if (req.method !== 'POST' || path !== '/v1/chat/completions') return send(404, { error: { message: `Not served here: ${req.method} ${path}` } });
			const chats = requests.filter((r) => r.path === '/v1/chat/completions');
			if (chats.length > maxRequests) return send(500, { error: { message: `The scripted model answers at most ${maxRequests} requests` } });
			let message;
			try {
				message = reply(entry, chats.length - 1);
			} catch (e) {
				return send(500, { error: { message: `The scripted model failed: ${e.message}` } });
			}
			if (body && body.stream) return streamed(res, message, body.model);
			return send(200, completion(message, body && body.model));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		chats: () => requests.filter((r) => r.path === '/v1/chat/completions'),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startScriptedModel, toolCall, finalAnswer };
