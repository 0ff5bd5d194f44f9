#!/usr/bin/env node
// Prints a package's mutation figures on record (its test/mutation/stryker-incremental.json) per
// recorded scope entry (its test/mutation/scopes.mjs) and in all, as CONTRIBUTING.md's table gives
// them. Run in the package's folder: `npm run mutation:scores`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.join(process.cwd(), 'test', 'mutation');
const { RECORDED } = await import(pathToFileURL(path.join(dir, 'scopes.mjs')).href);
const report = JSON.parse(readFileSync(path.join(dir, 'stryker-incremental.json'), 'utf8'));
// The scopes are globs of `**` (any folders) and `*` (part of one name) only.
const matcher = (glob) =>
	new RegExp(
		`^${glob
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.split('**/')
			.map((part) => part.replace(/\*/g, '[^/]*'))
			.join('(?:.*/)?')}$`,
	);
const pct = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(2)}%`);

function line(label, files) {
	const count = {};
	for (const file of files) for (const m of report.files[file].mutants) count[m.status] = (count[m.status] ?? 0) + 1;
	const [killed, timedOut, survived, noCoverage] = ['Killed', 'Timeout', 'Survived', 'NoCoverage'].map((s) => count[s] ?? 0);
	const tested = killed + timedOut + survived + noCoverage;
	const all = Object.values(count).reduce((a, b) => a + b, 0);
	return (
		`${label}: ${all} in all, ${tested} tested (${killed} killed, ${timedOut} timed out, ${survived} survived, ` +
		`${noCoverage} not covered), ${count.CompileError ?? 0} rejected by the type checker, ${count.Ignored ?? 0} ignored; ` +
		`score ${pct(killed + timedOut, tested)}, killed only ${pct(killed, killed + survived + noCoverage)}, strict ${pct(killed, tested)}`
	);
}

const recorded = Object.keys(report.files).filter((file) => RECORDED.some((glob) => matcher(glob).test(file)));
for (const glob of RECORDED) console.log(line(glob, recorded.filter((file) => matcher(glob).test(file))));
console.log(line('all recorded', recorded));

// Every mutated file on record must fall in a scope entry, or the figures above leave it out.
const outside = Object.keys(report.files).filter((file) => !recorded.includes(file));
if (outside.length) {
	console.error(`On record but in no scope entry: ${outside.join(', ')}`);
	process.exitCode = 1;
}
