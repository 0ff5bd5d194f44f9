// Stryker ignorer for the surviving mutants a package lists as equivalent (no observable behaviour
// changes), each with its reason (its test/mutation/equivalent-mutants.mjs). Babel gives an ignorer
// no file name, so an entry names the mutated code and the signature of the function around it
// (`within`), which together are unique in the sources. A signature, because in a full run the
// function's other statements may already carry Stryker's instrumentation when the ignorer sees a
// node (a statement quoted from the body then never matches).
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const PRINTED = new Set(['StringLiteral', 'RegExpLiteral', 'LogicalExpression']);

function functionSource(nodePath) {
	const fn = nodePath.getFunctionParent?.();
	return fn ? fn.toString() : '';
}

/** @param {{ within: string, code: string, reason: string }[]} entries */
export function equivalentIgnorer(entries) {
	return declareValuePlugin(PluginKind.Ignore, 'equivalent-mutants', {
		shouldIgnore(nodePath) {
			// Only small expressions are printed: printing every node would be slow, and some
			// (a template's parts) cannot be printed on their own.
			const empty = nodePath.node.type === 'ArrayExpression' && nodePath.node.elements.length === 0;
			if (!PRINTED.has(nodePath.node.type) && !empty) return undefined;
			const code = nodePath.toString();
			for (const entry of entries) {
				if (code !== entry.code) continue;
				if (functionSource(nodePath).includes(entry.within)) return entry.reason;
			}
			return undefined;
		},
	});
}
