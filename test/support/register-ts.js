'use strict';
/**
 * Lets plain `node` require the TypeScript sources (the provider catalog, the trigger's decision
 * logic) so that the sandbox and scripts share them with the node instead of copying facts.
 * Jest does the same through ts-jest; this is for `npm run sandbox` and the end-to-end drivers.
 */
const fs = require('node:fs');
const ts = require('typescript');

if (!require.extensions['.ts']) {
	require.extensions['.ts'] = (module, filename) => {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
		});
		module._compile(outputText, filename);
	};
}
