#!/usr/bin/env node
'use strict';
/**
 * `node scripts/fix-lock-optional-platforms.js [package-lock.json]`
 *
 * The registry these machines use lacks the non-Linux builds of some optional platform packages
 * (e.g. @unrs/resolver-binding-darwin-arm64 → 404), so `npm install` leaves them out of the lock
 * and `npm ci` then refuses it ("Missing: … from lock file"). This adds a lock entry with os/cpu
 * for each missing one (taken from the package name); npm skips such entries on other platforms,
 * so nothing is fetched. Run it after every `npm install` that rewrites the lock.
 */
const fs = require('fs');
const file = process.argv[2] || require('path').join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'];
let added = 0;
for (const [loc, meta] of Object.entries(pk)) {
	for (const [name, range] of Object.entries(meta.optionalDependencies || {})) {
		const base = loc ? `${loc}/node_modules/${name}` : `node_modules/${name}`;
		if (pk[base] || pk[`node_modules/${name}`]) continue;
		const parts = name.split('/').pop().split('-');
		const os = parts.find((p) => OS.includes(p));
		const cpu = parts.find((p) => CPU.includes(p));
		if (!os || !cpu) { console.error(`cannot place ${name}`); continue; }
		pk[`node_modules/${name}`] = { version: range, cpu: [cpu], os: [os], optional: true, ...(meta.dev ? { dev: true } : {}) };
		added++;
	}
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} entries`);
