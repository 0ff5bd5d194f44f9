// The surviving mutants of n8n-nodes-outlit that are equivalent (no observable behaviour changes), each with
// its reason; the ignorer itself is the repository's (@repo/devkit/mutation/equivalent-ignorer.mjs).
import { equivalentIgnorer } from '@repo/devkit/mutation/equivalent-ignorer.mjs';

export const EQUIVALENT = [
	{
		within: 'function header(headers: Record<string, unknown>, name: string)',
		code: 'value === undefined || value === null',
		reason: "Every caller reads a header as a number or a date: the text 'undefined' or 'null' is neither, so an absent header and that text read the same",
	},
	{
		within: 'function unknownProviderText(raw: unknown, orAll: boolean)',
		code: "'; '",
		reason: 'The separator between provider aliases: the catalog has one alias (gmail), so it is never printed',
	},
	{
		within: 'function readProvider(ctx: IExecuteFunctions, itemIndex: number, orAll',
		code: "''",
		reason: "The Provider parameter's fallback: n8n always gives the parameter's default, so it is never read",
	},
	{
		within: 'function providerIdOf(raw: unknown)',
		code: "''",
		reason: 'What a Provider (or a Providers entry) that is not text becomes: an empty or any other such text fails the provider-ID pattern, so it is refused with the same message, which shows the raw value',
	},
	{
		within: 'function readConnectionMethod(ctx: IExecuteFunctions, itemIndex: number)',
		code: "''",
		reason: 'What a Connection Method that is not text becomes: any text other than browser or direct is refused with the same message (it shows the raw value), so no replacement changes what happens',
	},
	{
		within: 'async function readSecrets(',
		code: "'credential'",
		reason: "The Provider Secrets fallback for a missing parameter: only 'fields' selects the typed-in path, so any other fallback reads the credential, as 'credential' does",
	},
	{
		within: 'readonly statusCode: number',
		code: "'REST routes'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'readonly statusCode: number',
		code: "'tools gateway'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'readonly statusCode: number',
		code: "'ContractUnavailable'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'readonly provider: ProviderChoice',
		code: "'BrowserSetupOnly'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'readonly what: string',
		code: "'NotOnGateway'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'readonly provider: ProviderChoice',
		code: "'NotOnRest'",
		reason: 'The client turns every one of these internal signals into an n8n error of its own (transport/client.ts) and reads them by class (instanceof), so a signal\'s name and message are never shown or read',
	},
	{
		within: 'function refusesProvider(apiMessage: string | undefined, details: unknown)',
		code: "''",
		reason: 'The text tested when Outlit sent no message: the refusal patterns start with "Invalid tool input at /provider" or "Unknown provider", so an empty fallback and any other text that matches neither read the same (no refusal)',
	},
	{
		within: 'function asProviderRefusal(ctx: IExecuteFunctions, itemIndex: number, error: unknown)',
		code: "''",
		reason: 'The Operation fallback: n8n always fills the Operation parameter (its default at least), so the fallback is never read',
	},
	{
		within: 'function fieldProperties(',
		code: "field.type ?? 'string'",
		reason: "An untyped field is a string field: the default only groups a field typed 'string' with an untyped one of the same key, and the catalog types no field 'string' (only 'boolean'), so the properties come out the same",
	},
];

export const strykerPlugins = [equivalentIgnorer(EQUIVALENT)];
