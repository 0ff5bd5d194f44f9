'use strict';
/**
 * What the e2e secret scans of both packages share: where n8n keeps what a run leaves behind (the
 * user folder's files, and its database's columns) and which columns hold workflow definitions,
 * where a value typed into a node's parameters legitimately lives.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Columns that hold workflow definitions, where typed-in node parameters legitimately live. */
const DEFINITION_COLUMNS = new Set(['workflow_entity.nodes', 'workflow_history.nodes', 'execution_data.workflowData']);

/** Drops the parameters of one node type's nodes from a workflow definition (nodes array or workflow). */
function withoutParametersOf(text, nodeType) {
	let v;
	try {
		v = JSON.parse(text);
	} catch {
		return text;
	}
	const nodes = Array.isArray(v) ? v : v && v.nodes;
	for (const n of nodes || []) if (n.type === nodeType) delete n.parameters;
	return JSON.stringify(v);
}

/** Every file of an n8n user folder (logs, event log, config, the captured CLI output), packages left out. */
function userFolderFiles(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			if (e.name !== 'node_modules') userFolderFiles(p, out);
		} else if (e.isFile()) out.push(p);
	}
	return out;
}

module.exports = { DEFINITION_COLUMNS, withoutParametersOf, userFolderFiles };
