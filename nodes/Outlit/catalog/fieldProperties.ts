import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { PROVIDERS, type CredentialField, type Provider } from './providers';

/** Region codes as the providers' apps show them (Mixpanel's "in" is India); other values in Title Case. */
const OPTION_NAMES: Readonly<Record<string, string>> = { us: 'US', eu: 'EU', in: 'India' };
const optionName = (value: string) => OPTION_NAMES[value] ?? value.charAt(0).toUpperCase() + value.slice(1);

/**
 * One n8n property per catalog field, shown only for the providers that take it: the node's typed-in
 * fields and the Outlit Provider Credentials alike. A key whose values or example differ by provider
 * (Region, API Key) gets one property per variant under the same name.
 */
export function fieldProperties(
	fieldsOf: (provider: Provider) => readonly CredentialField[],
	show: NonNullable<IDisplayOptions['show']>,
	describe: (field: CredentialField) => string,
): INodeProperties[] {
	const variants = new Map<string, { field: CredentialField; providers: string[] }>();
	for (const provider of PROVIDERS) {
		for (const field of fieldsOf(provider)) {
			// The placeholder too: Stripe's and PostHog's API Keys show their own example.
			const variant = JSON.stringify([field.key, field.type ?? 'string', field.options ?? null, field.placeholder ?? null]);
			const seen = variants.get(variant);
			if (seen) seen.providers.push(provider.id);
			else variants.set(variant, { field, providers: [provider.id] });
		}
	}
	return [...variants.values()].map(({ field, providers }) => ({
		displayName: field.label,
		name: field.key,
		type: field.type === 'boolean' ? 'boolean' : field.options ? 'options' : 'string',
		...(field.options ? { options: field.options.map((value) => ({ name: optionName(value), value })) } : {}),
		...(field.secret ? { typeOptions: { password: true } } : {}),
		default: field.type === 'boolean' ? false : field.options ? field.options[0] : '',
		// Not `required`: n8n would demand every field while Provider is an expression; the request builders check.
		...(field.placeholder ? { placeholder: `e.g. ${field.placeholder}` } : {}),
		description: describe(field),
		// `provider` last: n8n stops checking at a condition whose value is an expression.
		displayOptions: { show: { ...show, provider: providers } },
	}));
}

/** The catalog's providers without these fields: hiding by this list keeps them shown for providers Outlit adds later. */
export function providersWithout(fieldsOf: (provider: Provider) => readonly CredentialField[]): string[] {
	return PROVIDERS.filter((provider) => fieldsOf(provider).length === 0).map((provider) => provider.id);
}
