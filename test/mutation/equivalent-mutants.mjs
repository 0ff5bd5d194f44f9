// Stryker ignorer: the surviving mutants that are equivalent (no observable behaviour changes),
// each with its reason. Matched by file and by the exact source of the smallest enclosing node.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

export const EQUIVALENT = [];

export const strykerPlugins = [
	declareValuePlugin(PluginKind.Ignore, 'outlit-equivalent', {
		shouldIgnore(nodePath) {
			const file = nodePath.hub?.file?.opts?.filename ?? '';
			for (const entry of EQUIVALENT) {
				if (!file.endsWith(entry.file)) continue;
				if (nodePath.toString() === entry.code) return entry.reason;
			}
			return undefined;
		},
	}),
];
