// Text helpers shared by header matching, vocabularies and SQL generation.

/** Case-, accent- and punctuation-insensitive form: "Nº Factura " → "no factura", "Razón social" → "razon social". */
export function normalizeKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** The SQL twin of normalizeKey, for values normalised inside DuckDB. */
export function normalizeKeySql(expr: string): string {
	return `trim(regexp_replace(lower(strip_accents(${expr})), '[^a-z0-9]+', ' ', 'g'))`;
}

/** A DuckDB identifier; file-supplied names never reach SQL unquoted. */
export function sqlIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** A DuckDB string literal (standard SQL: only the quote needs doubling). */
export function sqlString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
