// Connection-level helpers for the ingest's SQL: parsing macros and the vocabulary table.
// Created before the ingest transaction (temporary objects, rebuilt on every ingest: cheap).
import type { Database } from '../db/database';
import { normalizeKeySql, sqlString } from './text';
import { vocabularyEntries } from './vocabularies';

// Currency symbols and ISO codes of Spanish-speaking markets, plus spaces (also no-break) used
// as thousands separators: stripped before a number is read.
const CURRENCY = String.raw`(?i)(US\$|USD|EUR|BOB|PEN|MXN|ARS|CLP|COP|UYU|PYG|GTQ|CRC|DOP|HNL|NIO|VES|Bs\.?S?|S/\.?|\$|€|£|\s|\x{00A0}|\x{202F})`;

const MACROS = [
	`CREATE OR REPLACE TEMP MACRO cartera_norm(x) AS ${normalizeKeySql('x')}`,
	// IDs stay text; "17850.0" (a float written by pandas/Excel) becomes "17850".
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_id(x) AS regexp_replace(x, '^(\d+)\.0+$', '\1')`,
	`CREATE OR REPLACE TEMP MACRO cartera_bare_number(x) AS regexp_replace(x, '${CURRENCY}', '', 'g')`,
	// Negatives as -1, 1- or (1).
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_signed(s) AS CASE
		WHEN s LIKE '(%)' THEN '-' || s[2:-2]
		WHEN s LIKE '%-' AND s NOT LIKE '-%' THEN '-' || s[1:-2]
		ELSE s END`,
	// Decimal comma: 1.234,56 / 1234,5 / -12; grouping must be well formed.
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_comma_s(s) AS CASE
		WHEN regexp_full_match(s, '[-+]?(\d{1,3}(\.\d{3})+|\d*)(,\d*)?') AND regexp_matches(s, '\d')
		THEN TRY_CAST(replace(replace(s, '.', ''), ',', '.') AS DECIMAL(18,4)) END`,
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_point_s(s) AS CASE
		WHEN regexp_full_match(s, '[-+]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?') AND regexp_matches(s, '\d')
		THEN TRY_CAST(replace(s, ',', '') AS DECIMAL(18,4)) END`,
	`CREATE OR REPLACE TEMP MACRO cartera_number_comma(x) AS cartera_comma_s(cartera_signed(cartera_bare_number(x)))`,
	`CREATE OR REPLACE TEMP MACRO cartera_number_point(x) AS cartera_point_s(cartera_signed(cartera_bare_number(x)))`,
	// The date part of "dd/mm/yyyy hh:mm" or "yyyy-mm-ddThh:mm:ss".
	String.raw`CREATE OR REPLACE TEMP MACRO cartera_date_part(x) AS regexp_extract(x, '^[^ T]+')`
];

export async function prepareIngestSql(db: Database): Promise<void> {
	for (const sql of MACROS) await db.run(sql);
	const values = vocabularyEntries()
		.map((e) => `(${sqlString(e.domain)}, ${sqlString(e.term)}, ${sqlString(e.canonical)})`)
		.join(',\n');
	await db.run(`CREATE OR REPLACE TEMP TABLE cartera_vocab AS
		SELECT DISTINCT ON (domain, term) * FROM (VALUES ${values}) v(domain, term, canonical)`);
}
