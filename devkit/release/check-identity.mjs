#!/usr/bin/env node
/**
 * The gate at the start of both publish workflows (.github/workflows/publish-outlit.yml and
 * publish-flowyte.yml): refuses to publish a package whose identity is still a placeholder or does not
 * hold together, and names each thing to set and where.
 *
 *   node devkit/release/check-identity.mjs <package folder> [--tag <git tag>] [--repository <owner/name>]
 *
 * For the package in <package folder> (the folder holding its package.json):
 *  - package.json: no `REPLACE-WITH-` placeholder (any case) in repository.url, homepage, bugs.url,
 *    author name and email; repository.url is git+https://github.com/<owner>/<repo>.git; homepage and
 *    bugs.url are on that repository; the author has a name and a real email (not at example.com).
 *  - every codex file nodes/**\/*.node.json: `node` is `<package name>.<node name>` (the node name is
 *    the codex file's base name with a lowercase first letter: Outlit.node.json → outlit), no
 *    placeholder anywhere, each resources.primaryDocumentation URL is on the repository, and any other
 *    github.com URL in it is too. Every node listed in package.json's n8n.nodes has its codex file.
 *  - every `documentationUrl` in the .ts files under credentials/ and nodes/ that points at github.com
 *    is on the repository (vendor documentation elsewhere stays as it is).
 *  - --tag: the tag is `<package name>@<package.json version>` (the workflow passes $GITHUB_REF_NAME).
 *  - --repository: package.json's repository is that GitHub repository (the workflow passes
 *    $GITHUB_REPOSITORY; npm only accepts a provenance statement when `repository` names the
 *    repository the workflow runs in).
 *
 * Prints every problem found and exits 1; exits 0 when there is none; 2 on a usage error. Node's
 * built-ins only: the publish workflows run it right after checkout, before `npm ci`.
 */
import fs from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = /REPLACE-WITH-/i;
const RESERVED_EMAIL = /@example\.(com|org|net)$/i;
const GITHUB_URL = /^https?:\/\/(www\.)?github\.com\//i;
const REPOSITORY_URL = /^git\+https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)\.git$/;

function usage(message) {
	process.stderr.write(
		`${message}\nusage: node devkit/release/check-identity.mjs <package folder> [--tag <git tag>] [--repository <owner/name>]\n`,
	);
	process.exit(2);
}

function parseArgs(argv) {
	const args = { folder: undefined, tag: undefined, repository: undefined };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--tag' || arg === '--repository') {
			if (i + 1 >= argv.length) usage(`${arg} needs a value`);
			args[arg.slice(2)] = argv[++i];
		} else if (arg.startsWith('--')) {
			usage(`unknown option ${arg}`);
		} else if (args.folder === undefined) {
			args.folder = arg;
		} else {
			usage(`one package folder only (got ${args.folder} and ${arg})`);
		}
	}
	if (args.folder === undefined) usage('the package folder is missing');
	return args;
}

/** Files under `dir` (recursively) whose name ends with `suffix`, sorted; none when `dir` is absent. */
function filesUnder(dir, suffix) {
	if (!fs.existsSync(dir)) return [];
	const found = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'node_modules') found.push(...filesUnder(full, suffix));
		} else if (entry.name.endsWith(suffix)) {
			found.push(full);
		}
	}
	return found.sort();
}

/** Every string in a JSON value with its path (`resources.primaryDocumentation[0].url`). */
function strings(value, at = '') {
	if (typeof value === 'string') return [[at, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
	}
	return [];
}

/** The author as { name, email }, from the object form or the "Name <email> (url)" string form. */
function authorOf(author) {
	if (author && typeof author === 'object') return { name: author.name, email: author.email };
	if (typeof author === 'string') {
		const match = /^\s*([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$/.exec(author);
		return { name: match?.[1] || undefined, email: match?.[2] || undefined };
	}
	return { name: undefined, email: undefined };
}

function checkIdentity(folder, { tag, repository } = {}) {
	const problems = [];
	const shown = (rel) => path.join(folder, rel);
	const pkgFile = shown('package.json');
	let pkg;
	try {
		pkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
	} catch (error) {
		return { name: undefined, problems: [`${pkgFile}: cannot be read (${error.message})`] };
	}
	const name = pkg.name;

	// --- package.json: the repository, then what must sit on it --------------------------------------
	const repoUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const match = typeof repoUrl === 'string' ? REPOSITORY_URL.exec(repoUrl) : null;
	const wanted = repository ?? '<owner>/<repo>';
	const repoHttps = match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
	const suggestedHttps = `https://github.com/${PLACEHOLDER.test(repoUrl ?? '') || !match ? wanted : `${match[1]}/${match[2]}`}`;

	if (typeof repoUrl !== 'string' || repoUrl === '') {
		problems.push(
			`${pkgFile}: repository.url is missing; set it to "git+https://github.com/${wanted}.git" (the GitHub repository this package is published from)`,
		);
	} else if (PLACEHOLDER.test(repoUrl)) {
		problems.push(
			`${pkgFile}: repository.url is the placeholder "${repoUrl}"; set it to "git+https://github.com/${wanted}.git" (the GitHub repository this package is published from)`,
		);
	} else if (!match) {
		problems.push(
			`${pkgFile}: repository.url is "${repoUrl}"; set it to the form "git+https://github.com/<owner>/<repo>.git"`,
		);
	} else if (repository && `${match[1]}/${match[2]}`.toLowerCase() !== repository.toLowerCase()) {
		problems.push(
			`${pkgFile}: repository.url is "${repoUrl}" but this workflow runs in ${repository}; set it to "git+https://github.com/${repository}.git" (npm only accepts provenance from the repository package.json names)`,
		);
	}

	/** Whether `url` is on the package's repository: the repository's https URL, then its end or / # ?. */
	const onRepository = (url) =>
		repoHttps !== undefined &&
		typeof url === 'string' &&
		url.toLowerCase().startsWith(repoHttps.toLowerCase()) &&
		/^($|[/#?])/.test(url.slice(repoHttps.length));
	/** One problem (or none) for a URL that must be on the repository. */
	const urlOnRepository = (where, field, url, example) => {
		if (typeof url !== 'string' || url === '') {
			problems.push(`${where}: ${field} is missing; set it to "${example}"`);
		} else if (PLACEHOLDER.test(url)) {
			problems.push(`${where}: ${field} is the placeholder "${url}"; set it to "${example}"`);
		} else if (repoHttps && !onRepository(url)) {
			problems.push(`${where}: ${field} is "${url}", not on the repository ${repoHttps}; set it to "${example}"`);
		}
	};

	const sub = pkg.repository?.directory ? `/tree/main/${pkg.repository.directory}` : '';
	urlOnRepository(pkgFile, 'homepage', pkg.homepage, `${suggestedHttps}${sub}#readme`);
	urlOnRepository(pkgFile, 'bugs.url', typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url, `${suggestedHttps}/issues`);

	const author = authorOf(pkg.author);
	if (!author.name || PLACEHOLDER.test(author.name)) {
		problems.push(
			`${pkgFile}: author.name is ${author.name ? `the placeholder "${author.name}"` : 'missing'}; set it to the publisher's name (the npm account or organisation publishing ${name})`,
		);
	}
	if (!author.email || PLACEHOLDER.test(author.email) || RESERVED_EMAIL.test(author.email)) {
		problems.push(
			`${pkgFile}: author.email is ${author.email ? `the placeholder "${author.email}"` : 'missing'}; set it to the publisher's real contact email`,
		);
	}

	// --- --tag: <name>@<version> ------------------------------------------------------------------------
	if (tag !== undefined && tag !== `${name}@${pkg.version}`) {
		problems.push(
			`the tag "${tag}" does not match ${pkgFile}, which holds ${name}@${pkg.version}; set "version" in ${pkgFile} to the version being released, commit, and push the tag "${name}@<that version>"`,
		);
	}

	// --- codex files -------------------------------------------------------------------------------------
	const codexFiles = filesUnder(path.join(folder, 'nodes'), '.node.json');
	const codexRel = new Set(codexFiles.map((f) => path.relative(folder, f).split(path.sep).join('/')));
	for (const entry of pkg.n8n?.nodes ?? []) {
		const expected = entry.replace(/^dist\//, '').replace(/\.js$/, '.json');
		if (!codexRel.has(expected)) {
			problems.push(`${shown(expected)}: missing; the node ${entry} in ${pkgFile} n8n.nodes has no codex file`);
		}
	}
	for (const file of codexFiles) {
		const rel = path.relative(folder, file);
		const where = shown(rel);
		let codex;
		try {
			codex = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch (error) {
			problems.push(`${where}: cannot be read (${error.message})`);
			continue;
		}
		const base = path.basename(file, '.node.json');
		const nodeName = base.charAt(0).toLowerCase() + base.slice(1);
		if (codex.node !== `${name}.${nodeName}`) {
			problems.push(`${where}: node is ${JSON.stringify(codex.node)}; set it to "${name}.${nodeName}" (<package name>.<node name>)`);
		}
		const primary = new Set();
		const docs = codex.resources?.primaryDocumentation;
		for (const [i, doc] of (Array.isArray(docs) ? docs : []).entries()) {
			const field = `resources.primaryDocumentation[${i}].url`;
			primary.add(field);
			urlOnRepository(where, field, doc?.url, `${suggestedHttps}${sub}#readme`);
		}
		for (const [field, value] of strings(codex)) {
			if (primary.has(field) || field === 'node') continue;
			if (PLACEHOLDER.test(value)) {
				problems.push(`${where}: ${field} is the placeholder "${value}"; set it to a URL on ${suggestedHttps}`);
			} else if (GITHUB_URL.test(value) && repoHttps && !onRepository(value)) {
				problems.push(`${where}: ${field} is "${value}", not on the repository ${repoHttps}; point it at ${repoHttps}`);
			}
		}
	}

	// --- documentationUrl in the credentials' and nodes' sources ----------------------------------------
	const sources = [...filesUnder(path.join(folder, 'credentials'), '.ts'), ...filesUnder(path.join(folder, 'nodes'), '.ts')];
	for (const file of sources) {
		const where = shown(path.relative(folder, file));
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/documentationUrl\s*[:=]\s*(['"`])(.*?)\1/g)) {
			const url = m[2];
			const line = text.slice(0, m.index).split('\n').length;
			if (PLACEHOLDER.test(url)) {
				problems.push(`${where}:${line}: documentationUrl is the placeholder "${url}"; set it to "${suggestedHttps}${sub}#credentials" (or the vendor's documentation)`);
			} else if (GITHUB_URL.test(url) && repoHttps && !onRepository(url)) {
				problems.push(`${where}:${line}: documentationUrl is "${url}", not on the repository ${repoHttps}; point it at ${repoHttps}${sub}#credentials`);
			}
		}
	}

	return { name, repoHttps, problems };
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!fs.existsSync(path.join(args.folder, 'package.json'))) usage(`${args.folder} holds no package.json`);
	const { name, repoHttps, problems } = checkIdentity(args.folder, args);
	if (problems.length === 0) {
		process.stdout.write(`${name}: identity ok (${repoHttps})${args.tag ? `, tag ${args.tag}` : ''}\n`);
		return;
	}
	const lines = [
		`${name ?? args.folder} is not ready to publish: ${problems.length} thing(s) to set first.`,
		...problems.map((p) => `  - ${p}`),
		'Nothing was published. Fix these in the repository, commit, and push the tag again.',
	];
	process.stderr.write(`${lines.join('\n')}\n`);
	if (process.env.GITHUB_ACTIONS === 'true') {
		for (const p of problems) process.stdout.write(`::error title=${name} identity::${p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
	}
	process.exitCode = 1;
}

main();
