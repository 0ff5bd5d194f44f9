'use strict';
/** HTTP plumbing both packages' sandboxes share. */

/** The largest request body a sandbox keeps (1 MiB); the rest is read and dropped. */
const MAX_BODY = 1024 * 1024;

/**
 * Reads a request's body as UTF-8: `{ text, tooLarge }`, where `text` holds at most `maxBody` bytes
 * and `tooLarge` says the body was longer than that.
 */
function readBody(req, { maxBody = MAX_BODY } = {}) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= maxBody) chunks.push(c);
		});
		req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > maxBody }));
		req.on('error', reject);
	});
}

module.exports = { readBody, MAX_BODY };
