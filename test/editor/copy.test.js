'use strict';
/**
 * Every word the editor shows of the Outlit node, the Outlit Trigger and the two Outlit credentials,
 * as n8n loads them from dist/ (n8n-core's PackageDirectoryLoader): written for a person who knows
 * n8n and Outlit's web app, not Outlit's APIs. No route, tool name, HTTP verb or status code, and
 * none of the words "gateway", "REST", "route", "endpoint": the panels say what works and what to
 * pick. Outlit's two APIs are named in one place only, the Outlit API credential's API field, whose
 * words are pinned here as literals. Also the case and punctuation n8n's UX guidelines ask for:
 * Title Case for names, sentence case for descriptions, "Whether" for a boolean, "e.g." placeholders,
 * a final period exactly when a tooltip has more than one sentence.
 *
 * The walk covers every displayed field at any depth (options, collections' options, fixedCollection
 * values, notices, hints, placeholders, actions), the subtitles as n8n renders them, the provider
 * list the editor loads, and the messages of both credential tests. It is checked on itself first:
 * forbidden words planted at each depth must be found. `npm test` builds first; without dist/ this
 * suite fails and says so.
 */
const fs = require('node:fs');
const path = require('node:path');

const { loadPackage } = require('@repo/devkit/harness');
const { PROVIDERS } = require('../support/providers');

const root = path.resolve(__dirname, '..', '..');
const pkg = require('../../package.json');

/** What a person must never have to know: Outlit's mechanism instead of its meaning. */
const FORBIDDEN = [
	['an API route', /\/api\//i],
	['a tool name', /\boutlit_[a-z_]+/i],
	['an HTTP verb', /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\b/],
	['an HTTP status code', /\b(?:4[0-2]\d|5[0-1]\d)\b/],
	['an HTTP header', /\b(?:Retry-After|X-RateLimit|Authorization|Bearer)\b|\bheaders?\b/i],
	['"gateway"', /gateway/i],
	['"REST"', /\bREST\b/],
	['"route"', /\broutes?\b/i],
	['"endpoint"', /\bend-?points?\b/i],
	['"legacy"', /\blegacy\b/i],
	['"readiness"', /\breadiness\b/i],
	['"contract"', /\bcontracts?\b/i],
	['"payload" or "request body"', /\bpayload\b|\brequest body\b/i],
	['a request field path', /\b(?:config|credentials|input|configuration)\.[a-z]/i],
	['"browser-auth"', /browser-auth/i],
];

/**
 * The Outlit API credential's API field: the one place that names the two APIs, with what each means
 * for the user. Exactly these words are exempt; any other wording there fails as anywhere else.
 */
const API_FIELD = {
	description: "Which of Outlit's two integration APIs the Outlit nodes use. Leave it on Automatic unless you must use only one of them.",
	options: [
		{
			name: 'Automatic',
			value: 'auto',
			description:
				"Recommended: everything the nodes offer. The Tools Gateway, and the REST routes for what only they do (Disconnect, each model's sync status, the Webhooks and Custom setup steps) for as long as Outlit keeps them.",
		},
		{
			name: 'Tools Gateway',
			value: 'tools',
			description:
				'Only the API Outlit documents today and its CLI uses. Disconnect and the Webhooks and Custom setup steps then stop with a link to the Outlit web app, and sync status has no per-model detail.',
		},
		{
			name: 'REST Routes (Legacy)',
			value: 'rest',
			description:
				'Only the API from before August 2026, which Outlit no longer documents and may turn off. Salesforce, Gong, Mixpanel and recommended CRM mappings are not available.',
		},
	],
};
const EXEMPT = new Set([API_FIELD.description, ...API_FIELD.options.flatMap((o) => [o.name, o.description])]);

/** Short words Title Case leaves in lower case. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * Every string the editor shows, with where it is and what kind it is. `kind`: name (Title Case),
 * text (a tooltip or an info box: sentence case, the period rule), hint, action (sentence case),
 * placeholder, button (a collection's "Add option", in n8n's own case), message (a credential test's result).
 */
function displayed(properties, where, out = []) {
	for (const property of properties ?? []) {
		const at = `${where} > ${property.name ?? property.value ?? property.displayName}`;
		const isNotice = property.type === 'notice';
		if (property.displayName !== undefined) out.push({ at: `${at} (displayName)`, kind: isNotice ? 'text' : 'name', text: property.displayName });
		// An option of an options list: its name is what the dropdown shows.
		if (property.displayName === undefined && property.name !== undefined) out.push({ at: `${at} (name)`, kind: 'name', text: property.name });
		if (property.description !== undefined) {
			out.push({ at: `${at} (description)`, kind: 'text', text: property.description, boolean: property.type === 'boolean' });
		}
		if (property.hint !== undefined) out.push({ at: `${at} (hint)`, kind: 'hint', text: property.hint });
		if (property.action !== undefined) out.push({ at: `${at} (action)`, kind: 'action', text: property.action });
		if (property.placeholder !== undefined) {
			// A collection's placeholder is its button ("Add option"), not an example.
			const button = ['collection', 'fixedCollection'].includes(property.type);
			out.push({ at: `${at} (placeholder)`, kind: button ? 'button' : 'placeholder', text: property.placeholder });
		}
		if (Array.isArray(property.options)) displayed(property.options, at, out);
		if (Array.isArray(property.values)) displayed(property.values, at, out);
	}
	return out;
}

/** The subtitle as the canvas renders it (n8n evaluates the expression with the node's parameters). */
function subtitleOf(description, parameters) {
	const body = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameters);
}

const sentences = (text) => text.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter(Boolean);
const isTitleCase = (text) =>
	text.split(/[\s/]+/).every((word, i) => !/^[a-z]/.test(word) || (i > 0 && SMALL_WORDS.has(word)) || /^e\.g\./.test(word));

/** What is wrong with one displayed string, if anything. */
function problems({ kind, text, boolean }) {
	const found = [];
	if (typeof text !== 'string' || text.trim() === '') return ['empty'];
	if (!EXEMPT.has(text)) for (const [name, pattern] of FORBIDDEN) if (pattern.test(text)) found.push(`names ${name}`);
	if (kind === 'name' && !isTitleCase(text)) found.push('not in Title Case');
	if (['text', 'hint', 'action', 'message'].includes(kind) && /^[a-z]/.test(text) && !/^e\.g\./.test(text)) found.push('not in sentence case');
	if (kind === 'text') {
		if (boolean && !/^Whether\b/.test(text)) found.push('a boolean that does not start with "Whether"');
		const many = sentences(text).length > 1;
		if (many && !/[.!?)]$/.test(text)) found.push('more than one sentence without a final period');
		if (!many && /(?<!\.\.)\.$/.test(text)) found.push('one sentence with a final period');
	}
	if (kind === 'placeholder' && !/^e\.g\. /.test(text)) found.push('a placeholder that does not start with "e.g."');
	return found;
}

const report = (strings) =>
	strings.flatMap((s) => problems(s).map((p) => `${s.at}: ${p}: ${JSON.stringify(s.text)}`));

let loader;
let strings;

beforeAll(async () => {
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((f) => !fs.existsSync(path.join(root, f)));
	if (missing.length) throw new Error(`dist/ is not built (missing ${missing.join(', ')}): run npm run build`);
	loader = await loadPackage(root);
	strings = await everything();
});

/** n8n's own parameters, added at load time (Request Options, Poll Times): n8n's words, not ours. */
const N8N_OWN = ['requestOptions', 'pollTimes'];

async function everything() {
	const out = [];
	for (const name of ['outlit', 'outlitTrigger']) {
		const { description, methods } = loader.nodeTypes[name].type;
		out.push({ at: `${name} (displayName)`, kind: 'name', text: description.displayName });
		out.push({ at: `${name} (description)`, kind: 'action', text: description.description });
		displayed(description.properties.filter((p) => !N8N_OWN.includes(p.name)), name, out);
		// What the editor loads into the Provider dropdown when Outlit cannot be asked (a fresh node).
		for (const [method, load] of Object.entries(methods?.loadOptions ?? {})) {
			for (const option of await load.call({})) out.push({ at: `${name} > ${method}() > ${option.value}`, kind: 'name', text: option.name });
		}
	}
	const node = loader.nodeTypes.outlit.type.description;
	const operations = node.properties.find((p) => p.name === 'operation').options.map((o) => o.value);
	// The 15 providers the dropdowns offer (node-description and trigger-description hold them to this table).
	for (const operation of operations) {
		for (const provider of [undefined, 'all', ...PROVIDERS.map((p) => p.id)]) {
			out.push({ at: `outlit subtitle (${operation}, ${provider})`, kind: 'name', text: subtitleOf(node, { operation, provider }) });
		}
	}
	const trigger = loader.nodeTypes.outlitTrigger.type.description;
	for (const providers of [[], ...PROVIDERS.map((p) => [p.id])]) {
		out.push({ at: `outlitTrigger subtitle (${providers})`, kind: 'name', text: subtitleOf(trigger, { providers }) });
	}
	for (const name of ['outlitApi', 'outlitProviderApi']) {
		const { type } = loader.credentialTypes[name];
		out.push({ at: `${name} (displayName)`, kind: 'name', text: type.displayName });
		displayed(type.properties, name, out);
		for (const rule of type.test?.rules ?? []) out.push({ at: `${name} test rule`, kind: 'message', text: rule.properties.message });
	}
	// The Outlit Provider Credentials' own test (the node's testedBy method): each of its answers.
	const { credentialTest } = loader.nodeTypes.outlit.type.methods;
	for (const data of [{}, { provider: 'stripe' }, { provider: 'posthog', apiKey: 'phx_x', region: 'mars' }, { provider: 'stripe', apiKey: 'rk_x' }]) {
		const result = await credentialTest.outlitProviderFields.call({}, { data });
		out.push({ at: `outlitProviderFields test (${JSON.stringify(data)})`, kind: 'message', text: result.message });
	}
	return out;
}

describe('the checker finds what it is for (planted at every depth)', () => {
	const clone = (value) => JSON.parse(JSON.stringify(value));

	test('a route, a tool name, a verb, "gateway", "REST", an endpoint: each found where it was planted', () => {
		const node = clone(loader.nodeTypes.outlit.type.description);
		node.properties = node.properties.filter((p) => !N8N_OWN.includes(p.name));
		const operation = node.properties.find((p) => p.name === 'operation');
		operation.options.find((o) => o.value === 'disconnect').description = 'Only on the REST routes';
		const options = node.properties.find((p) => p.name === 'options' && p.displayOptions.show.operation[0] === 'connect');
		options.options[0].description = 'Whether to call outlit_setup_integration again';
		node.properties.find((p) => p.name === 'provider').hint = 'Sent as POST /api/tools/call';
		const nested = { name: 'deep', type: 'fixedCollection', displayName: 'Deep', options: [{ name: 'group', displayName: 'Group', values: [{ name: 'leaf', displayName: 'Leaf', type: 'string', description: 'The gateway endpoint' }] }] };
		const found = report(displayed([...node.properties, nested], 'outlit'));
		expect(found).toEqual([
			'outlit > operation > Disconnect (description): names "REST": "Only on the REST routes"',
			'outlit > operation > Disconnect (description): names "route": "Only on the REST routes"',
			'outlit > provider (hint): names an API route: "Sent as POST /api/tools/call"',
			'outlit > provider (hint): names an HTTP verb: "Sent as POST /api/tools/call"',
			'outlit > options > continueOnUnsuccessful (description): names a tool name: "Whether to call outlit_setup_integration again"',
			'outlit > deep > group > leaf (description): names "gateway": "The gateway endpoint"',
			'outlit > deep > group > leaf (description): names "endpoint": "The gateway endpoint"',
		]);
	});

	test('the API field\'s words are exempt only in exactly those words', () => {
		expect(problems({ kind: 'text', text: API_FIELD.options[1].description })).toEqual([]);
		expect(problems({ kind: 'text', text: API_FIELD.options[0].description.replace('keeps', 'has') })).toEqual([
			'names "gateway"',
			'names "REST"',
			'names "route"',
		]);
		expect(problems({ kind: 'name', text: 'Tools Gateway' })).toEqual([]);
		expect(problems({ kind: 'name', text: 'REST Routes' })).toEqual(['names "REST"', 'names "route"']);
	});

	test('case, "Whether", placeholders and the period rule', () => {
		expect(problems({ kind: 'name', text: 'Retry transient errors' })).toEqual(['not in Title Case']);
		expect(problems({ kind: 'name', text: 'Wait for Connection' })).toEqual([]);
		expect(problems({ kind: 'text', text: 'how long to wait' })).toEqual(['not in sentence case']);
		expect(problems({ kind: 'text', text: 'To retry or not', boolean: true })).toEqual(['a boolean that does not start with "Whether"']);
		expect(problems({ kind: 'text', text: 'One sentence.' })).toEqual(['one sentence with a final period']);
		expect(problems({ kind: 'text', text: 'One sentence. Another one' })).toEqual(['more than one sentence without a final period']);
		expect(problems({ kind: 'text', text: 'A key, e.g. rk_live_...' })).toEqual([]);
		expect(problems({ kind: 'placeholder', text: 'rk_live_...' })).toEqual(['a placeholder that does not start with "e.g."']);
	});
});

describe('what the editor shows', () => {
	test('the walk reaches every level: main fields, options, collection options, notices, hints, subtitles, tests', () => {
		const at = (pattern) => strings.filter((s) => pattern.test(s.at)).length;
		expect(at(/^outlit > operation > [^>]+ \(action\)$/)).toBe(8);
		expect(at(/^outlit > options > retryTransientErrors \(description\)$/)).toBeGreaterThanOrEqual(7);
		expect(at(/^outlit > secretFieldsNotice/)).toBeGreaterThan(0);
		expect(at(/^outlit > provider \(hint\)$/)).toBeGreaterThan(0);
		expect(at(/^outlit > getProvidersWithAll\(\) > all$/)).toBe(1);
		expect(at(/^outlitTrigger > options > fireOnExistingFailures/)).toBe(2);
		expect(at(/^outlitApi > api > [^>]+ \(description\)$/)).toBe(3);
		expect(at(/^outlitProviderApi > \w+ \(description\)$/)).toBeGreaterThan(8);
		expect(at(/ subtitle /)).toBeGreaterThan(100);
		expect(at(/test/)).toBe(6);
	});

	test('every displayed string reads for a person: no mechanism, n8n\'s case and punctuation', () => {
		expect(report(strings)).toEqual([]);
	});

	test('Outlit\'s two APIs are named in the Outlit API credential\'s API field, in these words, and nowhere else', () => {
		const { properties } = loader.credentialTypes.outlitApi.type;
		const api = properties.find((p) => p.name === 'api');
		expect({ description: api.description, options: api.options }).toEqual(API_FIELD);
		const elsewhere = strings.filter((s) => !EXEMPT.has(s.text) && /tools gateway|rest routes/i.test(s.text));
		expect(elsewhere).toEqual([]);
	});
});
