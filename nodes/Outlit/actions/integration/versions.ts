import type { IDisplayOptions, IExecuteFunctions } from 'n8n-workflow';

/**
 * The node's versions (n8n's `@version` display rule, as its built-in nodes gate a changed default):
 * 1 is what stored workflows were built with and keeps behaving as it did; 1.1 is what a new node gets.
 * Spread these first in a `show`: n8n stops checking at a condition whose value is an expression.
 */
export const SHOW_V1: NonNullable<IDisplayOptions['show']> = { '@version': [1] };
export const SHOW_FROM_V1_1: NonNullable<IDisplayOptions['show']> = { '@version': [{ _cnd: { gte: 1.1 } }] };

export function isV1(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().typeVersion < 1.1;
}
