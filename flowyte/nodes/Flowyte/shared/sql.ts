import {
	SQL_FIELDS,
	SSL_MODES,
	VERIFYING_SSL_MODES,
	type IntegrationKind,
	type SqlFieldKey,
	type SslMode,
} from '../catalog/kinds';

/** Why the node refuses to send: shown as the error's message and description. Never holds a secret. */
export interface Refusal {
	message: string;
	description: string;
}

export type SqlInput = Record<SqlFieldKey, unknown> & { caPem?: unknown };

/** The descriptor Flowyte takes: every value a string (`port` too), `ca_pem` only when given. */
export type SqlCredentials = Record<SqlFieldKey, string> & { ca_pem?: string };

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * No value for a required field: blank, or neither text nor a number. An expression's object, list
 * or boolean would otherwise reach Flowyte as "[object Object]", "a,b" or "true".
 */
function isMissing(value: unknown): boolean {
	return typeof value !== 'number' && (typeof value !== 'string' || isBlank(value));
}

/** A port as sent (`"5432"`), or undefined unless it is a whole number in range. */
export function portText(value: unknown): string | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d{1,5}$/.test(text)) return undefined;
	const port = Number(text);
	return port >= PORT_MIN && port <= PORT_MAX ? String(port) : undefined;
}

type PemProblem = 'privateKey' | 'noBlock' | 'unterminated' | 'notCertificate' | 'badBase64';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/** What is wrong with a CA certificate in PEM form (one or more CERTIFICATE blocks), if anything. */
export function pemProblem(pem: string): PemProblem | undefined {
	if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) return 'privateKey';
	const blocks = [...pem.matchAll(PEM_BLOCK)];
	if (blocks.length === 0) return /-----BEGIN /.test(pem) ? 'unterminated' : 'noBlock';
	if (pem.split('-----BEGIN ').length - 1 !== blocks.length) return 'unterminated';
	for (const [, begin, body, end] of blocks) {
		if (begin !== 'CERTIFICATE' || end !== 'CERTIFICATE') return 'notCertificate';
		const base64 = body.replace(/\s+/g, '');
		// DER certificates are ASN.1 SEQUENCEs (0x30), so their base64 starts with "M".
		if (!/^M[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return 'badBase64';
	}
	return undefined;
}

/**
 * A PEM copied out of JSON or an .env line carries the two characters backslash and n (or \\r\\n)
 * where its line breaks were. A PEM never holds a backslash, so they are read as line breaks.
 */
export function normalizePem(pem: string): string {
	return pem.replace(/\\r\\n|\\n/g, '\n').trim();
}

const PEM_REASONS: Record<Exclude<PemProblem, 'privateKey'>, string> = {
	noBlock: 'It has no -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.',
	unterminated: 'A -----BEGIN----- line has no matching -----END----- line.',
	notCertificate: 'It holds a PEM block that is not a CERTIFICATE.',
	badBase64: 'The text between the BEGIN and END lines is not a base64 certificate.',
};

function pemRefusal(problem: PemProblem): Refusal {
	if (problem === 'privateKey') {
		return {
			message: 'The CA Certificate field holds a private key',
			description:
				'Paste the CA certificate that signed your database server\'s certificate (-----BEGIN CERTIFICATE-----), never a private key. Nothing was sent to Flowyte.',
		};
	}
	return {
		message: 'The CA Certificate is not a valid PEM certificate',
		description: `${PEM_REASONS[problem]} Paste the CA certificate of your database server in PEM form, or leave the field empty.`,
	};
}

/**
 * The SQL connection descriptor for `kind`, checked as far as the contract allows before any
 * request: every required field present, a port in range, an SSL mode Flowyte accepts, and a
 * well-formed CA certificate. `ca_pem` is sent only with verify-ca / verify-full (the field is shown
 * only for them, so `require` ignores it).
 */
export function sqlCredentials(kind: IntegrationKind, input: SqlInput): SqlCredentials | Refusal {
	const missing = SQL_FIELDS.filter(({ key }) => isMissing(input[key])).map(({ label }) => label);
	if (missing.length) {
		return {
			message: `The ${kind.name} connection is missing: ${missing.join(', ')}`,
			description: `Fill in ${SQL_FIELDS.map((f) => f.label).join(', ')} with text or a number; an expression may have resolved to nothing, or to an object, a list or true/false.`,
		};
	}
	const port = portText(input.port);
	if (port === undefined) {
		return {
			message: `The ${kind.name} port must be a whole number from ${PORT_MIN} to ${PORT_MAX}`,
			description: `Port is ${JSON.stringify(input.port)}. ${kind.name} usually listens on ${kind.defaultPort}.`,
		};
	}
	const sslmode = String(input.sslmode).trim().toLowerCase();
	if (sslmode === 'disable') {
		return {
			message: 'Flowyte refuses SSL Mode "disable"',
			description:
				'Flowyte connects to databases over TLS only and refuses "disable" at its connect boundary. Choose require, verify-ca or verify-full (verify-full also checks the server\'s name).',
		};
	}
	if (!(SSL_MODES as readonly string[]).includes(sslmode)) {
		return {
			message: `SSL Mode must be one of ${SSL_MODES.join(', ')}`,
			description: `It is ${JSON.stringify(input.sslmode)}.`,
		};
	}
	const credentials: SqlCredentials = {
		host: String(input.host).trim(),
		port,
		database: String(input.database).trim(),
		user: String(input.user).trim(),
		// Sent as typed: spaces may belong to a password.
		password: String(input.password),
		sslmode,
	};
	if (VERIFYING_SSL_MODES.includes(sslmode as SslMode) && !isBlank(input.caPem)) {
		const pem = normalizePem(String(input.caPem));
		const problem = pemProblem(pem);
		if (problem) return pemRefusal(problem);
		credentials.ca_pem = pem;
	}
	return credentials;
}

export function isRefusal(value: SqlCredentials | Refusal): value is Refusal {
	return 'message' in value && 'description' in value;
}
