'use strict';
/**
 * Request validation in the shape Outlit returns it: `details: [{ path, message }]`
 * (ValidationIssue). Messages never include received values, so config secrets cannot leak.
 */
const { PROVIDERS, PROVIDER_IDS, PROVIDER_ALIASES } = require('./catalog');

const issue = (path, message) => ({ path, message });
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Exact public id only (the API, unlike the CLI, does not accept aliases or other casing). */
const byExactId = (value) => PROVIDERS.find((p) => p.id === value);
const ENUM_MESSAGE = `Invalid enum value. Expected one of: ${PROVIDER_IDS.join(', ')}`;

function providerIssues(value, path = ['provider']) {
	if (value === undefined) return [issue(path, 'Required')];
	if (typeof value !== 'string') return [issue(path, 'Expected string')];
	return byExactId(value) ? [] : [issue(path, ENUM_MESSAGE)];
}

/** Capabilities is documented to take "public provider ID or CLI alias". */
function resolveIdOrAlias(value) {
	return byExactId(value) ?? byExactId(PROVIDER_ALIASES[value]);
}

function unknownKeyIssues(body, allowed) {
	const extra = Object.keys(body).filter((k) => !allowed.includes(k));
	if (!extra.length) return [];
	return [issue([], `Unrecognized key(s) in object: ${extra.map((k) => `'${k}'`).join(', ')}`)];
}

/** Shared shape checks for POST bodies: object, known keys, provider id, optional object config. */
function bodyIssues(body, allowed) {
	if (!isObject(body)) return [issue([], 'Expected object')];
	const issues = [...unknownKeyIssues(body, allowed), ...providerIssues(body.provider)];
	if (allowed.includes('config') && 'config' in body && !isObject(body.config)) {
		issues.push(issue(['config'], 'Expected object'));
	}
	return issues;
}

function directConfigIssues(provider, config) {
	const issues = [];
	for (const field of provider.fields) {
		const path = ['config', field.key];
		const value = config[field.key];
		if (value === undefined) issues.push(issue(path, 'Required'));
		else if (typeof value !== 'string') issues.push(issue(path, 'Expected string'));
		else if (value.trim() === '')
			issues.push(issue(path, 'String must contain at least 1 character(s)'));
	}
	return issues;
}

/** @returns {{ issues: object[], provider?: object }} */
function validateConnect(body) {
	const issues = bodyIssues(body, ['provider', 'config']);
	if (issues.length) return { issues };
	const provider = byExactId(body.provider);
	if (provider.setupMode === 'direct_api_key') {
		if (body.config === undefined) {
			const keys = provider.fields.map((f) => f.key).join(', ');
			issues.push(
				issue(['config'], `Required: ${provider.id} connects with direct credentials (${keys})`),
			);
		} else issues.push(...directConfigIssues(provider, body.config));
	} else if (body.config !== undefined) {
		issues.push(
			issue(['config'], `${provider.id} connects through a browser session; omit config`),
		);
	}
	return { issues, provider };
}

function validateDisconnect(body) {
	const issues = bodyIssues(body, ['provider']);
	return issues.length ? { issues } : { issues, provider: byExactId(body.provider) };
}

function validateSetupStep(body) {
	const issues = bodyIssues(body, ['provider', 'step', 'config']);
	if (isObject(body)) {
		if (body.step === undefined) issues.push(issue(['step'], 'Required'));
		else if (typeof body.step !== 'string') issues.push(issue(['step'], 'Expected string'));
		else if (body.step === '')
			issues.push(issue(['step'], 'String must contain at least 1 character(s)'));
	}
	// The contract takes any non-empty step token (IntegrationSetupStepRequest.step: minLength 1).
	if (issues.length) return { issues };
	return { issues, provider: byExactId(body.provider) };
}

module.exports = {
	issue,
	isObject,
	byExactId,
	resolveIdOrAlias,
	providerIssues,
	validateConnect,
	validateDisconnect,
	validateSetupStep,
};
