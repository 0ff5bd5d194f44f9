// Stryker ignorer: the surviving mutants that are equivalent (no observable behaviour changes),
// each with its reason. Babel gives an ignorer no file name, so an entry names the mutated code and
// the signature of the function around it (`within`), which together are unique in the sources. A
// signature, because in a full run the function's other statements may already carry Stryker's
// instrumentation when the ignorer sees a node (a statement quoted from the body then never matches).
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

export const EQUIVALENT = [
	{
		within: 'function apiRoot(baseUrl: unknown)',
		code: "''",
		reason: "Flowyte Base URL fallback for a missing value: any text that is not an http(s) URL is refused the same way before apiRoot's result is used",
	},
	{
		within: 'function hasQueryOrFragment(baseUrl: unknown)',
		code: "''",
		reason: 'Flowyte Base URL fallback for a missing value: validApiRoot refuses a missing Base URL whether or not this check sees a "?"',
	},
	{
		within: 'function validApiRoot(baseUrl: unknown)',
		code: "''",
		reason: 'Flowyte Base URL fallback for a missing value: any text that is not an http(s) URL is refused the same way',
	},
	{
		within: 'function portText(value: unknown)',
		code: "''",
		reason: 'Flowyte port fallback for a value that is neither number nor string: any non-digit text fails the same /^\\d{1,5}$/ check',
	},
	{
		within: 'function credentialProblem(apiKey: unknown, baseUrl: unknown)',
		code: "''",
		reason: 'Flowyte API key fallback for a missing value: any text without the flowyte_sk_ prefix is refused the same way',
	},
	{
		within: 'function pemProblem(pem: string)',
		code: '/\\s+/g',
		reason: 'PEM body whitespace removed with replace(..., ""): one run at a time or one character at a time gives the same text',
	},
	{
		within: 'function isProblemAnswer(response: FlowyteResponse)',
		code: "''",
		reason: 'Flowyte answer without a Content-Type: any fallback text that is not application/problem+json reads the same',
	},
	{
		within: 'function isRefusal(value: SqlCredentials | Refusal)',
		code: "'message' in value && 'description' in value",
		reason: 'A refusal always has both keys and SQL credentials neither, so && and || decide the same',
	},
	{
		within: 'function readBody(ctx: IExecuteFunctions, itemIndex: number, kind: IntegrationKind)',
		code: '[]',
		reason: 'An OAuth connect sends no secret: the mask list is empty, and a list holding the one text Stryker puts in masks a text Flowyte never sends',
	},
	{
		within: 'function header(headers: Record<string, unknown>, name: string)',
		code: 'value === undefined || value === null',
		reason: "Every caller reads a header as a number or a date: the text 'undefined' or 'null' is neither, so an absent header and that text read the same",
	},
	{
		within: 'function stepsAdvice(name: string, steps: readonly string[])',
		code: "', '",
		reason: "Run Setup Step's list of a provider's steps: no catalog provider has two distinct post-connect steps (at most webhooks, or mappings on both contracts), so the separator is never printed",
	},
];

const PRINTED = new Set(['StringLiteral', 'RegExpLiteral', 'LogicalExpression']);

function functionSource(nodePath) {
	const fn = nodePath.getFunctionParent?.();
	return fn ? fn.toString() : '';
}

export const strykerPlugins = [
	declareValuePlugin(PluginKind.Ignore, 'outlit-equivalent', {
		shouldIgnore(nodePath) {
			// Only small expressions are printed: printing every node would be slow, and some
			// (a template's parts) cannot be printed on their own.
			const empty = nodePath.node.type === 'ArrayExpression' && nodePath.node.elements.length === 0;
			if (!PRINTED.has(nodePath.node.type) && !empty) return undefined;
			const code = nodePath.toString();
			for (const entry of EQUIVALENT) {
				if (code !== entry.code) continue;
				if (functionSource(nodePath).includes(entry.within)) return entry.reason;
			}
			return undefined;
		},
	}),
];
