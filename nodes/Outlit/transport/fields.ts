import type { IDataObject, INode } from 'n8n-workflow';

import type { CredentialField } from '../catalog/providers';
import type { ProviderChoice } from './capabilities';
import { parameterError } from './errors';

/**
 * The credential object one contract expects: the typed-in fields (or those of Outlit Provider
 * Credentials named `credentialName`), then Additional Config on top, checked against the
 * contract's fields (required, closed sets, stated rules) before anything is sent. Values are never
 * quoted in messages: they may be secrets.
 */
export function credentialObject(
	node: INode,
	provider: ProviderChoice,
	fields: readonly CredentialField[],
	values: IDataObject,
	extra: IDataObject,
	itemIndex?: number,
	credentialName?: string,
): IDataObject {
	const where = (label: string) =>
		credentialName === undefined
			? `Parameter "${label}"`
			: `Field "${label}" of the Outlit Provider Credentials "${credentialName}"`;
	// Where to change a field, inside a message: the node's parameter (or its key in Additional
	// Config, which may have set it), or the credential's field.
	const change = (field: CredentialField) =>
		credentialName === undefined
			? `change parameter "${field.label}" (or ${field.key} in Additional Config (JSON))`
			: `change field "${field.label}" of the Outlit Provider Credentials "${credentialName}"`;
	// Only this contract's keys from the fields (the node shows both contracts' fields), then all of
	// Additional Config, which may name keys the catalog does not know.
	const own = Object.entries(values).filter(([key]) => fields.some((field) => field.key === key));
	const out: IDataObject = { ...Object.fromEntries(own), ...extra };
	const missing = fields.filter((f) => !f.optional && (typeof out[f.key] !== 'string' || (out[f.key] as string).trim() === ''));
	if (missing.length) {
		const labels = missing.map((f) => `"${f.label}"`).join(', ');
		const names = missing.map((f) => f.label).join(', ');
		throw parameterError(
			node,
			credentialName === undefined
				? `${provider.name} needs ${names}: fill in ${labels} in the node, or give ${missing.map((f) => f.key).join(', ')} in Additional Config (JSON).`
				: `${provider.name} needs ${names}: open the Outlit Provider Credentials "${credentialName}" and fill in ${labels}.`,
			credentialName === undefined
				? `Fill in ${labels}. When Provider comes from an expression, ` +
						`put them in Additional Config (JSON) as ${missing.map((f) => f.key).join(', ')}.`
				: `Open the Outlit Provider Credentials "${credentialName}" and fill in ${labels}.`,
			itemIndex,
		);
	}
	for (const field of fields) {
		const value = out[field.key];
		if (value === undefined) continue;
		if (field.type === 'boolean') {
			if (typeof value !== 'boolean') {
				throw parameterError(
					node,
					`${provider.name} ${field.label} must be true or false: ${change(field)}.`,
					`${where(field.label)} is not a boolean.`,
					itemIndex,
				);
			}
			continue;
		}
		if (field.options && !field.options.includes(value as string)) {
			throw parameterError(
				node,
				`${provider.name} ${field.label} must be one of ${field.options.join(', ')}: ${change(field)}.`,
				`${where(field.label)} is not one of the values Outlit accepts.`,
				itemIndex,
			);
		}
		if (field.rule && !(typeof value === 'string' && field.rule.pattern.test(value))) {
			throw parameterError(
				node,
				`${provider.name} ${field.label} must be ${field.rule.says}: ${change(field)}.`,
				`${where(field.label)} does not have the form Outlit accepts.`,
				itemIndex,
			);
		}
	}
	return out;
}
