'use strict';
/**
 * Where canary secrets may and may not be after a run:
 * - the Outlit API key: nowhere in the user folder, not even in the raw DB (n8n stores it encrypted);
 * - provider secrets: only inside the parameters of the Outlit nodes the user typed them into
 *   (workflow definition, its history, and the workflow snapshot n8n keeps with each execution);
 *   never in run data, errors, static data, logs, or any other table;
 * - provider secrets kept in Outlit Provider Credentials (canaries named credential…): like the
 *   Outlit key, nowhere, not even in a workflow definition or the raw DB.
 */
const fs = require('node:fs');
const path = require('node:path');
const { query } = require('@repo/devkit/n8n/n8n-db');
const { DEFINITION_COLUMNS, withoutParametersOf, userFolderFiles } = require('@repo/devkit/e2e/leaks');
const { NODE_TYPE } = require('../../../scripts/lib/outlit-setup');

/** Returns a list of "<canary name> in <where>" findings (empty = clean). */
async function findLeaks({ userFolder, dbFile, canaries, extraLogs = [] }) {
	const findings = [];
	const entries = Object.entries(canaries);
	const outlitKeys = entries.filter(([k]) => k === 'outlitKey' || k === 'wrongKey' || k.startsWith('credential'));
	// 1. Every file of the user folder (logs, event log, config, our captured CLI output) and the
	//    extra logs; the DB files only for the Outlit keys (raw bytes, so no decoding can hide one).
	const files = [...userFolderFiles(userFolder), ...extraLogs];
	for (const f of files) {
		const isDb = /database\.sqlite/.test(path.basename(f));
		const text = fs.readFileSync(f).toString('latin1');
		for (const [name, value] of isDb ? outlitKeys : entries) {
			if (text.includes(value)) findings.push(`${name} in ${path.relative(userFolder, f)}`);
		}
	}
	// 2. Every column of every table, decoded as text; definitions without the Outlit parameters.
	const tables = await query(dbFile, "SELECT name FROM sqlite_master WHERE type = 'table'");
	for (const { name: table } of tables) {
		const rows = await query(dbFile, `SELECT * FROM "${table}"`);
		for (const row of rows) {
			for (const [col, raw] of Object.entries(row)) {
				if (raw === null || raw === undefined) continue;
				let text = String(raw);
				const full = text;
				if (DEFINITION_COLUMNS.has(`${table}.${col}`)) text = withoutParametersOf(text, NODE_TYPE);
				for (const [name, value] of entries) {
					// Credential-held secrets may not hide in Outlit node parameters either.
					if ((name.startsWith('credential') ? full : text).includes(value)) findings.push(`${name} in ${table}.${col}`);
				}
			}
		}
	}
	return [...new Set(findings)];
}

module.exports = { findLeaks, withoutParametersOf, DEFINITION_COLUMNS };
