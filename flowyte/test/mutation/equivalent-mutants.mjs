// The surviving mutants of n8n-nodes-flowyte that are equivalent (no observable behaviour changes), each with
// its reason; the ignorer itself is the repository's (@repo/devkit/mutation/equivalent-ignorer.mjs).
import { equivalentIgnorer } from '@repo/devkit/mutation/equivalent-ignorer.mjs';

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
		within: 'function hasUserInfo(baseUrl: unknown)',
		code: "''",
		reason: 'Flowyte Base URL fallback for a missing value: neither the empty text nor any fallback text without "://" parses as a URL, so neither has a user name',
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
		within: 'function readBody(ctx: IExecuteFunctions, itemIndex: number, kind: IntegrationKind, store: SecretStore)',
		code: '[]',
		reason: 'An OAuth connect sends no secret: the mask list is empty, and a list holding the one text Stryker puts in masks a text Flowyte never sends',
	},
	{
		within: 'function readSecretSource(ctx: IExecuteFunctions, itemIndex: number)',
		code: "'credential'",
		reason: "Secret Source fallback for a missing value: anything but 'typed' reads the credential, so '' and 'credential' decide the same",
	},
];

export const strykerPlugins = [equivalentIgnorer(EQUIVALENT)];
