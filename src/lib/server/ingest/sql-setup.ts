// Connection-level helpers for the ingest's SQL: parsing macros and the vocabulary table.
// Created before the ingest transaction (temporary objects, rebuilt on every ingest: cheap).
import type { Database } from '../db/database';
import { normalizeKeySql, sqlString } from './text';
import { vocabularyEntries } from './vocabularies';

// Currency symbols and ISO codes of Spanish-speaking markets, % signs, and spaces (also no-break)
// used as thousands separators: stripped before a number is read. Mirrors DECORATION in formats.ts.
const DECORATION = String.raw`(?i)(US\$|USD|EUR|BOB|PEN|MXN|ARS|CLP|COP|UYU|PYG|GTQ|CRC|DOP|HNL|NIO|VES|Bs\.?S?|S/\.?|\$|€|£|%|\s|\x{00A0}|\x{202F})`;

const SPANISH_MONTHS: [string, string][] = [
	['enero', 'January'], ['febrero', 'February'], ['marzo', 'March'], ['abril', 'April'], ['mayo', 'May'], ['junio', 'June'],
	['julio', 'July'], ['agosto', 'August'], ['septiembre', 'September'], ['setiembre', 'September'], ['octubre', 'October'],
	['noviembre', 'November'], ['diciembre', 'December'],
	['ene', 'Jan'], ['abr', 'Apr'], ['ago', 'Aug'], ['set', 'Sep'], ['dic', 'Dec']
];

const MACROS = [
	`CREATE OR REPLACE TEMP MACRO cartera_norm(x) AS ${normalizeKeySql('x')}`,
	// A cell's text: trimmed, NULL when empty. DuckDB's trim looks up each character's Unicode class
	// (it strips the Zs spaces: ' ', no-break and the like), about 0.2 s per column of 10M cells; a
	// cell of ASCII characters without a space at either end (nearly all) is kept as it is.
	`CREATE OR REPLACE TEMP MACRO cartera_text(x) AS CASE
		WHEN x <> '' AND NOT starts_with(x, ' ') AND NOT ends_with(x, ' ') AND strlen(x) = length(x) THEN x
		ELSE nullif(trim(x), '') END`,
	// IDs stay text; "17850.0" (a float written by pandas/Excel) becomes "17850".
	// (The regex runs only on values with a point: most IDs have none.)
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_id(x) AS CASE WHEN contains(x, '.') THEN regexp_replace(x, '^(\d+)\.0+$', '\1') ELSE x END`,
	`CREATE OR REPLACE TEMP MACRO cartera_bare_number(x) AS regexp_replace(x, '${DECORATION}', '', 'g')`,
	// Negatives as -1, 1- or (1).
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_signed(s) AS CASE
		WHEN s LIKE '(%)' THEN '-' || s[2:-2]
		WHEN s LIKE '%-' AND s NOT LIKE '-%' THEN '-' || s[1:-2]
		ELSE s END`,
	// The date part of "dd/mm/yyyy hh:mm" or "yyyy-mm-ddThh:mm:ss".
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_date_part(x) AS regexp_replace(x, '[ T]+\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?$', '')`,
	// Spanish month names and abbreviations → English, for strptime's %b and %B.
	`CREATE OR REPLACE TEMP MACRO cartera_month_names(x) AS ${SPANISH_MONTHS.reduce(
		(expr, [es, en]) => `regexp_replace(${expr}, '(?i)\\b${es}\\b', '${en}')`,
		'x'
	)}`
];

export async function prepareIngestSql(db: Database): Promise<void> {
	for (const sql of MACROS) await db.run(sql);
	const values = vocabularyEntries()
		.map((e) => `(${sqlString(e.domain)}, ${sqlString(e.term)}, ${sqlString(e.canonical)})`)
		.join(',\n');
	await db.run(`CREATE OR REPLACE TEMP TABLE cartera_vocab AS
		SELECT DISTINCT ON (domain, term) * FROM (VALUES ${values}) v(domain, term, canonical)`);
}
