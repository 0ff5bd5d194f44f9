'use strict';
/**
 * What the suites may import from the package: the nodes, the credentials and the transport's public
 * surface (its index), plus the pure rules a test states row by row (the trigger's decision function,
 * the retry rules). Everything else is pinned through n8n's engine, so a file can move or split
 * without a test noticing. Two suites are named exceptions, each with its reason.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const TEST = path.join(ROOT, 'test');

const ALLOWED = [
	/^nodes\/Outlit\/Outlit\.node$/,
	/^nodes\/OutlitTrigger\/OutlitTrigger\.node$/,
	/^credentials\/\w+\.credentials$/,
	/^nodes\/Outlit\/transport(?:\/index)?$/,
	/^nodes\/OutlitTrigger\/decide$/,
	/^nodes\/Outlit\/transport\/retry$/,
];

/** Suite → module it may import besides, and why. */
const EXCEPTIONS = {
	// The handoff URL rule on Base URLs of other hosts (https://app.outlit.ai, 10.0.0.1…): the sandbox
	// answers only on 127.0.0.1, so these rows cannot run through the engine. The engine suites pin the
	// rule on the sandbox's own origin.
	'test/transport/handoff-url.test.js': 'nodes/Outlit/transport/handoff',
	// Which field wins where both of Outlit's APIs name a key, on made-up providers: today's catalog
	// takes the same fields on both, so no run of the node can tell the rules apart.
	'test/catalog/functions.test.js': 'nodes/Outlit/catalog/providers',
};

function testFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'mutation' ? [] : testFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

/** Every module of nodes/ or credentials/ a file requires, relative to the repository, without extension. */
function packageImports(file) {
	const source = fs.readFileSync(file, 'utf8');
	return [...source.matchAll(/require\(\s*'([^']+)'\s*\)/g)]
		.map(([, spec]) => spec)
		.filter((spec) => spec.startsWith('.'))
		.map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)).replace(/\.(ts|js)$/, ''))
		.filter((module) => /^(nodes|credentials)\//.test(module));
}

const imports = testFiles(TEST).flatMap((file) => {
	const suite = path.relative(ROOT, file);
	return packageImports(file).map((module) => ({ suite, module }));
});

test('the scan sees the imports the suites have (a scan that finds nothing cannot pass)', () => {
	expect(imports).toEqual(
		expect.arrayContaining([
			{ suite: 'test/support/outlit.js', module: 'nodes/Outlit/Outlit.node' },
			{ suite: 'test/trigger/model.test.js', module: 'nodes/OutlitTrigger/decide' },
			{ suite: 'test/transport/retry-rules.test.js', module: 'nodes/Outlit/transport/retry' },
			{ suite: 'test/transport/handoff-url.test.js', module: 'nodes/Outlit/transport/handoff' },
		]),
	);
});

test('no suite imports a module of the package other than a node, a credential, the transport index, the decision function or the retry rules', () => {
	const outside = imports.filter(({ suite, module }) => !ALLOWED.some((allowed) => allowed.test(module)) && EXCEPTIONS[suite] !== module);
	expect(outside).toEqual([]);
});
