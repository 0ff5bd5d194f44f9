'use strict';
/**
 * What the sandbox knows about Outlit, read from Outlit's contract files in ./contract (the
 * repository's one copy of each) and never from the package's own code:
 * the REST providers from the route docs' provider table, the gateway's providers and tool schemas
 * from the tools OpenAPI.
 */
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, 'contract');
const ROUTES_DOC = path.join(DIR, 'outlit-integration-routes.md');
const TOOLS_OPENAPI = path.join(DIR, 'outlit-tools', 'openapi.json');

/** Keys the docs mark secret (the capabilities example marks apiToken `secret: true`; keys and secrets alike). */
const SECRET_KEY = /key|token|secret/i;

/**
 * The "Provider IDs" table: `| `id` | Name | Category | Direct config support |`, where the last
 * column is "Browser session" or the config keys in backticks.
 */
function restProvidersFromDoc(text = fs.readFileSync(ROUTES_DOC, 'utf8')) {
	const start = text.indexOf('## Provider IDs');
	const end = text.indexOf('\n## ', start + 1);
	const rows = text
		.slice(start, end)
		.split('\n')
		.filter((line) => /^\|\s*`/.test(line));
	return rows.map((line) => {
		const [id, name, category, support] = line
			.split('|')
			.slice(1, -1)
			.map((cell) => cell.trim());
		const keys = [...support.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
		return {
			id: id.replace(/`/g, ''),
			name,
			category: category.toLowerCase(),
			setupMode: keys.length ? 'direct_api_key' : 'browser_session',
			fieldKeys: keys,
		};
	});
}

/** "The CLI also accepts `gmail` as a convenience alias" for `google-mail`. */
function aliasesFromDoc(text = fs.readFileSync(ROUTES_DOC, 'utf8')) {
	const m = /Use `([a-z-]+)` for direct API requests\. The CLI also accepts `([a-z-]+)` as a convenience alias/.exec(text);
	return m ? { [m[2]]: m[1] } : {};
}

let toolsDoc;
function toolsOpenApi() {
	toolsDoc ??= JSON.parse(fs.readFileSync(TOOLS_OPENAPI, 'utf8'));
	return toolsDoc;
}

/** The five integration tools, as the tools OpenAPI names them. */
const INTEGRATION_TOOLS = [
	'outlit_get_integration_capabilities',
	'outlit_begin_integration_setup',
	'outlit_get_integration_setup_status',
	'outlit_get_integration_status',
	'outlit_setup_integration',
];

/** Every tool the gateway's request schema lists (`oneOf` of `{tool: const}`). */
function gatewayToolNames() {
	const body = toolsOpenApi().paths['/api/tools/call'].post.requestBody.content['application/json'].schema;
	return body.oneOf.map((branch) => branch.properties.tool.const);
}

/** The gateway's providers: the enum of `outlit_setup_integration`'s output. */
function gatewayProviderIds() {
	return toolsOpenApi().components.schemas.ToolOutput_outlit_setup_integration.properties.provider.enum;
}

/** The enum of a tool output's `category` / `status`, etc. */
function outputEnum(tool, ...pointer) {
	let node = toolsOpenApi().components.schemas[`ToolOutput_${tool}`];
	for (const key of pointer) node = node[key];
	return node.enum;
}

module.exports = {
	DIR,
	SECRET_KEY,
	INTEGRATION_TOOLS,
	restProvidersFromDoc,
	aliasesFromDoc,
	toolsOpenApi,
	gatewayToolNames,
	gatewayProviderIds,
	outputEnum,
};
