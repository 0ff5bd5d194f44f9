'use strict';
/**
 * Validates bodies against outlit-openapi.json (OpenAPI 3.1 = JSON Schema 2020-12) with ajv.
 * The whole document is registered under one $id and each schema is compiled through a JSON
 * pointer into it, so its internal `#/components/...` refs resolve unchanged.
 *
 * The contract is the vendored copy in ./contract (identical to the project reference; a test
 * checks that). One documented patch, SPEC_PATCHES, is applied before compiling.
 */
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const SPEC_PATH =
	process.env.OUTLIT_OPENAPI_PATH || path.join(__dirname, 'contract', 'outlit-openapi.json');
const DOC_ID = 'https://outlit.sandbox.local/outlit-openapi.json';

/**
 * IntegrationCapabilitiesResponse is `oneOf: [ProviderCapabilityEnvelope, {additionalProperties:
 * ProviderCapability}]`. The single-provider envelope `{ provider: <capability> }` matches BOTH
 * branches (its one key maps to a capability), so a strict oneOf rejects exactly the response the
 * docs show. We read the intent as "either shape" and validate it with anyOf.
 */
const SPEC_PATCHES = [
	{
		pointer: '/components/schemas/IntegrationCapabilitiesResponse',
		why: 'single-provider envelope matches both oneOf branches',
		apply: (schema) => {
			schema.anyOf = schema.oneOf;
			delete schema.oneOf;
		},
	},
];

const escapePointer = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(doc, pointer) {
	return pointer
		.split('/')
		.slice(1)
		.reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

let cached;
function load() {
	if (cached) return cached;
	const doc = JSON.parse(require('node:fs').readFileSync(SPEC_PATH, 'utf8'));
	for (const patch of SPEC_PATCHES) patch.apply(at(doc, patch.pointer));
	const ajv = new Ajv2020({ allErrors: true, strict: false });
	addFormats(ajv);
	ajv.addSchema(doc, DOC_ID);
	cached = { doc, ajv, validators: new Map() };
	return cached;
}

/** Follows `$ref`s (local ones only) and returns the final pointer. */
function deref(doc, pointer) {
	for (let i = 0; i < 10; i++) {
		const node = at(doc, pointer);
		if (!node || typeof node.$ref !== 'string') return pointer;
		pointer = node.$ref.replace(/^#/, '');
	}
	throw new Error(`$ref loop at ${pointer}`);
}

function validatorAt(schemaPointer) {
	const { ajv, validators } = load();
	if (!validators.has(schemaPointer))
		validators.set(schemaPointer, ajv.compile({ $ref: `${DOC_ID}#${schemaPointer}` }));
	return validators.get(schemaPointer);
}

function operationPointer(method, apiPath) {
	const { doc } = load();
	const pathname = apiPath.split('?')[0];
	const pointer = `/paths/${escapePointer(pathname)}/${method.toLowerCase()}`;
	return at(doc, pointer) ? pointer : undefined;
}

function formatErrors(errors) {
	return errors.map(
		(e) =>
			`${e.instancePath || '(root)'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
	);
}

function run(schemaPointer, body) {
	const validate = validatorAt(schemaPointer);
	return validate(body) ? [] : formatErrors(validate.errors);
}

/**
 * Errors for a response body (object or JSON text) against the documented response of
 * METHOD path at status; an undocumented status or non-JSON text is itself an error.
 * @returns {string[]} empty when valid
 */
function validateResponse(method, apiPath, status, body) {
	const { doc } = load();
	const op = operationPointer(method, apiPath);
	if (!op) return [`${method.toUpperCase()} ${apiPath} is not in the contract`];
	const responses = at(doc, `${op}/responses`);
	const key =
		String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
	if (!key) return [`${method.toUpperCase()} ${apiPath} documents no ${status} response`];
	const response = deref(doc, `${op}/responses/${key}`);
	const schema = `${response}/content/application~1json/schema`;
	if (!at(doc, schema)) return [`${method.toUpperCase()} ${apiPath} ${status} has no JSON schema`];
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return ['body is not JSON'];
		}
	}
	return run(schema, body);
}

/** Errors for a request body against the operation's documented requestBody schema. */
function validateRequestBody(method, apiPath, body) {
	const op = operationPointer(method, apiPath);
	if (!op) return [`${method.toUpperCase()} ${apiPath} is not in the contract`];
	const schema = `${op}/requestBody/content/application~1json/schema`;
	if (!at(load().doc, schema))
		return [`${method.toUpperCase()} ${apiPath} documents no JSON request body`];
	return run(schema, body);
}

/** Errors for a value against `#/components/schemas/<name>`. */
function validateSchema(name, value) {
	const pointer = `/components/schemas/${escapePointer(name)}`;
	if (!at(load().doc, pointer)) return [`no schema ${name}`];
	return run(pointer, value);
}

module.exports = { validateResponse, validateRequestBody, validateSchema, SPEC_PATH, SPEC_PATCHES };
