'use strict';
/**
 * Reads n8n's sqlite DB (executions, workflow static data) without a native module: the cached
 * Node 24 has `node:sqlite`, so a tiny child process does the query (read-only) and prints JSON.
 * Execution data is stored `flatted`-encoded; n8n's own copy of flatted decodes it.
 */
const path = require('node:path');
const { versionInfo, VERSIONS } = require('./n8n-versions');
const { run, sleep } = require('./proc');

const QUERY_SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const [file, sql, params] = process.argv.slice(1);
const db = new DatabaseSync(file, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');
const rows = db.prepare(sql).all(...JSON.parse(params));
db.close();
process.stdout.write(JSON.stringify(rows));
`;

function node24() {
	const v = Object.keys(VERSIONS).find((k) => VERSIONS[k].nodePackage);
	return versionInfo(v);
}

async function query(dbFile, sql, params = []) {
	const { nodeBin } = node24();
	let last;
	for (let attempt = 0; attempt < 5; attempt++) {
		const r = await run(nodeBin, ['--no-warnings', '-e', QUERY_SCRIPT, dbFile, sql, JSON.stringify(params)], { timeoutMs: 30000 });
		if (r.code === 0) return JSON.parse(r.stdout);
		last = r.stderr;
		if (!/locked|busy/i.test(last)) break;
		await sleep(500);
	}
	throw new Error(`sqlite query failed on ${dbFile}: ${last}`);
}

function flatted() {
	return require(path.join(node24().nodeModules, 'flatted'));
}

/** Executions of one workflow, oldest first, with the decoded run data. */
async function executionsOf(dbFile, workflowId) {
	const rows = await query(
		dbFile,
		`SELECT e.id, e.workflowId, e.status, e.mode, e.finished, e.startedAt, e.stoppedAt, d.data AS data, d.workflowData AS workflowData
		 FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id
		 WHERE e.workflowId = ? ORDER BY e.id`,
		[workflowId],
	);
	const { parse } = flatted();
	return rows.map((r) => ({ ...r, data: r.data ? parse(r.data) : null, workflowData: r.workflowData ? JSON.parse(r.workflowData) : null }));
}

/** The items (json) a node output on its first run, output 0. */
function nodeItems(runData, nodeName, output = 0) {
	const runs = runData && runData[nodeName];
	if (!runs || !runs.length) return null;
	const main = runs[0].data && runs[0].data.main;
	return ((main && main[output]) || []).map((i) => i.json);
}

async function staticDataOf(dbFile, workflowId) {
	const rows = await query(dbFile, 'SELECT staticData FROM workflow_entity WHERE id = ?', [workflowId]);
	return rows[0] && rows[0].staticData ? JSON.parse(rows[0].staticData) : null;
}

module.exports = { query, executionsOf, nodeItems, staticDataOf };
