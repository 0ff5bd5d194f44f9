#!/usr/bin/env node
// Lists import cycles among the TypeScript files under the folders given (default: nodes credentials),
// following relative imports and re-exports (`import ... from './x'`, `export ... from './x'`), type-only
// ones included (`import type`, `export type`, `import { type X }`): a type import is still a
// dependency a reader follows. Two levels:
//   - files: a file that (through others) imports itself;
//   - folders: each file collapsed to its folder (nodes/Outlit/transport ↔ nodes/Outlit/shared), a
//     folder's imports of itself ignored.
// Exit 1 when there is a cycle at either level.
// Usage: node scripts/import-cycles.js [dir ...]   e.g. node scripts/import-cycles.js flowyte/nodes flowyte/credentials
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['nodes', 'credentials'];
const files = roots.flatMap((root) => walk(path.resolve(root)));
// `import x from`, `import type { X } from`, `export * from`, `export type { X } from`, and a bare
// `import './x'`: the specifier is what counts, whatever stands between the keyword and `from`.
const SPEC = /(?:^|[\n;])\s*(?:import|export)\b(?:[^'"`;]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
// `import('./x')` in a type position (`typeof import('./x')`).
const DYNAMIC = /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function walk(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

function resolve(from, spec) {
	const base = path.resolve(path.dirname(from), spec.replace(/\.(?:ts|js)$/, ''));
	for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Block and line comments out, so an import in a comment is no dependency (strings are kept). */
function withoutComments(source) {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const fileGraph = new Map();
for (const file of files) {
	const source = withoutComments(fs.readFileSync(file, 'utf8'));
	const targets = new Set();
	for (const match of [...source.matchAll(SPEC), ...source.matchAll(DYNAMIC)]) {
		const target = resolve(file, match[1]);
		if (target) targets.add(target);
	}
	fileGraph.set(file, [...targets]);
}

// The same graph with each file collapsed to its folder, a folder's imports of itself left out.
const folderGraph = new Map();
for (const [file, targets] of fileGraph) {
	const from = path.dirname(file);
	const edges = folderGraph.get(from) ?? new Set();
	for (const target of targets) if (path.dirname(target) !== from) edges.add(path.dirname(target));
	folderGraph.set(from, edges);
	for (const target of targets) if (!folderGraph.has(path.dirname(target))) folderGraph.set(path.dirname(target), new Set());
}

/**
 * Tarjan's strongly connected components: every component with more than one member (or a member
 * that imports itself) is a cycle. Each is given with one concrete loop through it, so the reader
 * sees which imports to follow.
 */
function cyclesOf(graph) {
	const next = (node) => [...(graph.get(node) ?? [])];
	let index = 0;
	const stack = [];
	const state = new Map();
	const found = [];
	function connect(node) {
		state.set(node, { index, low: index, onStack: true });
		index++;
		stack.push(node);
		for (const to of next(node)) {
			if (!state.has(to)) {
				connect(to);
				state.get(node).low = Math.min(state.get(node).low, state.get(to).low);
			} else if (state.get(to).onStack) {
				state.get(node).low = Math.min(state.get(node).low, state.get(to).index);
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
			if (component.length > 1 || next(node).includes(node)) found.push(component);
		}
	}
	for (const node of graph.keys()) if (!state.has(node)) connect(node);
	return found.map((component) => loopThrough(component, next));
}

/** The shortest loop from the component's first member (sorted) back to itself, inside the component. */
function loopThrough(component, next) {
	const members = new Set(component);
	const start = [...component].sort()[0];
	const previous = new Map([[start, undefined]]);
	const queue = [start];
	while (queue.length) {
		const node = queue.shift();
		for (const to of next(node)) {
			if (!members.has(to)) continue;
			if (to === start) {
				const loop = [start];
				for (let at = node; at !== start; at = previous.get(at)) loop.splice(1, 0, at);
				return { members: [...component].sort(), loop: [...loop, start] };
			}
			if (!previous.has(to)) {
				previous.set(to, node);
				queue.push(to);
			}
		}
	}
	return { members: [...component].sort(), loop: [start, start] };
}

const rel = (file) => path.relative(process.cwd(), file) || '.';
const fileCycles = cyclesOf(fileGraph);
const folderCycles = cyclesOf(folderGraph);
const where = `${fileGraph.size} files in ${folderGraph.size} folders (${roots.join(', ')})`;
if (fileCycles.length === 0 && folderCycles.length === 0) {
	console.log(`No import cycle among ${where}, between files or between folders.`);
	process.exit(0);
}
for (const { members, loop } of fileCycles) {
	console.log(`File cycle: ${loop.map(rel).join(' -> ')}${members.length > loop.length - 1 ? ` (all of: ${members.map(rel).join(', ')})` : ''}`);
}
for (const { members, loop } of folderCycles) {
	console.log(`Folder cycle: ${loop.map(rel).join('/ -> ')}/${members.length > loop.length - 1 ? ` (all of: ${members.map(rel).join(', ')})` : ''}`);
	// Each step of the loop, with the file imports that make it.
	for (let i = 0; i + 1 < loop.length; i++) {
		const because = [...fileGraph]
			.flatMap(([file, targets]) => targets.filter((t) => path.dirname(file) === loop[i] && path.dirname(t) === loop[i + 1]).map((t) => `${rel(file)} imports ${rel(t)}`));
		console.log(`  ${rel(loop[i])}/ -> ${rel(loop[i + 1])}/: ${because.join('; ')}`);
	}
}
console.log(`${fileCycles.length} file cycle(s), ${folderCycles.length} folder cycle(s) among ${where}.`);
process.exit(1);
