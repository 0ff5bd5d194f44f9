#!/usr/bin/env node
// Lists import cycles among the TypeScript files under the folders given (default: nodes credentials),
// following relative imports and re-exports (`import ... from './x'`, `export ... from './x'`).
// Exit 1 when there is a cycle. Usage: node scripts/import-cycles.js [dir ...]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['nodes', 'credentials'];
const files = roots.flatMap((root) => walk(path.resolve(root)));
const SPEC = /(?:^|\n)\s*(?:import|export)\b(?:[^'"`;]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

function walk(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return walk(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

function resolve(from, spec) {
	const base = path.resolve(path.dirname(from), spec);
	for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

const graph = new Map();
for (const file of files) {
	const source = fs.readFileSync(file, 'utf8');
	const targets = new Set();
	for (const match of source.matchAll(SPEC)) {
		if (/^\s*import\s+type\b/.test(match[0].trim()) || /^\s*export\s+type\b/.test(match[0].trim())) continue;
		const target = resolve(file, match[1]);
		if (target) targets.add(target);
	}
	graph.set(file, [...targets]);
}

// Tarjan's strongly connected components: every component with more than one file (or a file that
// imports itself) is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function connect(node) {
	state.set(node, { index, low: index, onStack: true });
	index++;
	stack.push(node);
	for (const next of graph.get(node) ?? []) {
		if (!state.has(next)) {
			connect(next);
			state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
		} else if (state.get(next).onStack) {
			state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
		}
	}
	if (state.get(node).low === state.get(node).index) {
		const component = [];
		let member;
		do {
			member = stack.pop();
			state.get(member).onStack = false;
			component.push(member);
		} while (member !== node);
		if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
	}
}
for (const file of graph.keys()) if (!state.has(file)) connect(file);

const rel = (file) => path.relative(process.cwd(), file);
if (cycles.length === 0) {
	console.log(`No import cycle among ${graph.size} files (${roots.join(', ')}).`);
	process.exit(0);
}
for (const component of cycles) console.log(`Cycle: ${component.map(rel).sort().join(' <-> ')}`);
process.exit(1);
