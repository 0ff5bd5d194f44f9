'use strict';
/**
 * A reader for the block layout the GitHub workflows in .github/workflows are written in (two-space
 * indents, no flow style), shared by both packages' workflow tests (test/package/github-workflows.test.js and
 * flowyte/test/publish-workflow.test.js). Its self-test is in test/package/github-workflows.test.js.
 */

/** The lines of `text` that are not comments. */
const uncommented = (text) => text.split('\n').filter((line) => !/^\s*#/.test(line));

/** The lines of a top-level key's block (`on`, `permissions`, `jobs`), comments and blank lines left out. */
function topLevel(text, key) {
	const lines = uncommented(text);
	const start = lines.indexOf(`${key}:`);
	if (start < 0) return [];
	const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
	return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim() !== '');
}

/** A key's value in a block whose keys sit at `indent` spaces; a `|` block scalar is joined. */
function value(lines, indent, key) {
	const pad = ' '.repeat(indent);
	const i = lines.findIndex((line) => line.startsWith(`${pad}${key}:`));
	if (i < 0) return undefined;
	const inline = lines[i].slice(pad.length + key.length + 1).trim();
	if (inline !== '|' && inline !== '>') return inline.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
	const body = [];
	for (const line of lines.slice(i + 1)) {
		if (!line.startsWith(`${pad}  `)) break;
		body.push(line.trim());
	}
	return body.join('\n');
}

/** The sub-block under `key:` at `indent` spaces (its lines, as they are). */
function block(lines, indent, key) {
	const pad = ' '.repeat(indent);
	const i = lines.findIndex((line) => line === `${pad}${key}:`);
	if (i < 0) return [];
	const end = lines.findIndex((line, j) => j > i && !line.startsWith(`${pad} `));
	return lines.slice(i + 1, end < 0 ? undefined : end);
}

/** The jobs in order: { name, lines, needs, permissions: {..}, steps: [{ lines, uses, run, with: {..}, env: {..}, dir }] }. */
function jobsOf(text) {
	const jobs = [];
	for (const line of topLevel(text, 'jobs')) {
		const m = /^ {2}([A-Za-z_][\w-]*):\s*$/.exec(line);
		if (m) jobs.push({ name: m[1], lines: [] });
		else jobs.at(-1).lines.push(line);
	}
	const pairs = (lines) => Object.fromEntries(lines.map((l) => /^\s*([\w-]+):\s*(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2].replace(/^'(.*)'$/, '$1')]));
	return jobs.map((job) => {
		const steps = [];
		for (const line of block(job.lines, 4, 'steps')) {
			if (line.startsWith('      - ')) steps.push([`        ${line.slice(8)}`]);
			else steps.at(-1).push(line);
		}
		return {
			name: job.name,
			lines: job.lines,
			needs: value(job.lines, 4, 'needs'),
			permissions: pairs(block(job.lines, 4, 'permissions')),
			steps: steps.map((lines) => ({
				lines,
				uses: value(lines, 8, 'uses'),
				run: value(lines, 8, 'run'),
				with: pairs(block(lines, 8, 'with')),
				env: pairs(block(lines, 8, 'env')),
				dir: value(lines, 8, 'working-directory'),
			})),
		};
	});
}

module.exports = { uncommented, topLevel, value, block, jobsOf };
