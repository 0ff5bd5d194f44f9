import type { INode } from 'n8n-workflow';

import { secretFieldKeys } from '../catalog/providers';

/** Parameters that can hold a provider secret: the secret credential fields and the JSON configs. */
const SECRET_PARAMETERS = new Set([
	...secretFieldKeys(),
	'additionalConfig',
	'setupConfig',
]);

const MASK = '[redacted]';

/**
 * n8n stores a node error together with a copy of its node, parameters included, in the execution
 * data. Errors raised here carry this copy instead, with every secret-bearing parameter masked.
 */
export function redactNode(node: INode): INode {
	const parameters = { ...node.parameters };
	for (const key of Object.keys(parameters)) {
		// An empty one stays empty: the stored error still shows that nothing was filled in.
		if (SECRET_PARAMETERS.has(key) && parameters[key] !== '') parameters[key] = MASK;
	}
	return { ...node, parameters };
}
