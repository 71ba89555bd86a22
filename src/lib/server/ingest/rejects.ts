// Why cells were rejected (a code and the values it names, in the file's own formats), and the
// rejected rows written out for the analyst to fix (`--rejects FILE`): one line per rejected
// record with its file, line, the columns and reasons, and the record as it was in the export.
// The words of a reason are the edge's (ReasonWords, i18n/ingest-report.ts): the core has none.
import type { Database } from '../db/database';
import { ROW, sourceColumn, type ConversionPlan, type ProblemCode } from './convert';
import type { ColumnSpec, KindSpec } from './kinds';
import type { Said } from './codes';
import type { DateFormat, NumberFormat } from './formats';
import { recordLines } from './line-numbers';
import { csvRelation, displayName, headersOf, type Prepared } from './sources';
import { skippedTable } from './surroundings';
import { sqlIdent, sqlString } from './text';

/**
 * How the edge words a reason: `stored` for upload_rejections.reason (English, as always) and
 * `shown` for the rejects file (the user's language).
 */
export interface ReasonWords {
	stored(reason: Said): string;
	shown(reason: Said): string;
}

/** Without words from the edge, a reason is its code (a script that only reads codes needs no more). */
export const CODE_WORDS: ReasonWords = { stored: (r) => r.code, shown: (r) => r.code };

const CODES: ProblemCode[] = ['missing', 'bad_number', 'bad_integer', 'bad_date', 'bad_month', 'out_of_range', 'negative', 'unknown_value', 'no_document'];

// Why a cell was rejected, naming what was expected in the file's own format.

function numberExample(f: NumberFormat | undefined): string {
	return f?.decimal === '.' ? '1,234.56' : '1.234,56';
}

function dateFormatOf(f: DateFormat | undefined, month: boolean): string {
	return f?.format ?? (month ? '%m/%Y' : '%d/%m/%Y');
}

/** The reason code and values for a problem found in a column (extra_fields: see createReasons). */
export function reasonOf(code: ProblemCode, column: ColumnSpec, plan: ConversionPlan, documentsFile?: string): Said {
	switch (code) {
		case 'missing':
			return { code: column.name === 'amount' && column.requiredUnless ? 'missing_amount' : 'missing', params: {} };
		case 'bad_number':
			return { code, params: { example: numberExample(plan.numbers[column.name]) } };
		case 'bad_date':
			return { code, params: { format: dateFormatOf(plan.dates[column.name], false) } };
		case 'bad_month':
			return { code, params: { format: dateFormatOf(plan.dates[column.name], true) } };
		case 'unknown_value':
			return { code, params: { domain: column.type } };
		case 'no_document':
			return { code, params: documentsFile === undefined ? {} : { documents: documentsFile } };
		case 'bad_integer':
		case 'out_of_range':
		case 'negative':
		case 'extra_fields':
			return { code, params: {} };
	}
}

/**
 * `${conv}_reasons`: for every (column, problem code), the source header and the reason: its code
 * and values (stored with the rejection), its stored text (upload_rejections.reason) and its shown
 * text (the rejects file), both worded by the edge's `words`.
 */
export async function createReasons(
	db: Database,
	p: Prepared,
	spec: KindSpec,
	conv: string,
	plan: ConversionPlan,
	words: ReasonWords = CODE_WORDS
): Promise<void> {
	const headers = headersOf(p);
	const row = (col: string, code: string, header: string, reason: Said) => [
		col,
		code,
		header,
		words.stored(reason),
		words.shown(reason),
		reason.code,
		JSON.stringify(reason.params)
	];
	const texts = spec.columns.flatMap((col) =>
		CODES.map((code) => row(col.name, code, col.name in p.mapping ? headers[p.mapping[col.name]!]! : col.name, reasonOf(code, col, plan, p.documents?.source.name)))
	);
	texts.push(row(ROW, 'extra_fields', '(row)', { code: 'extra_fields', params: { fields: p.source.headers.length } }));
	const width = texts[0]!.length;
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${sqlIdent(`${conv}_reasons`)} AS
		 SELECT col, code, header, reason, shown, reason_code, reason_params::JSON AS reason_params FROM (VALUES ${texts
				.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${width * i + j + 1}`).join(', ')})`)
				.join(', ')}) r(col, code, header, reason, shown, reason_code, reason_params)`,
		texts.flat()
	);
}

/** Examples (with their lines) listed per column in a warning about unreadable optional values. */
export const NOTE_EXAMPLES = 3;

/**
 * `${conv}_lines`: the source line of every record a message names — the rejected ones, the
 * skipped ones (surroundings.ts) and the first few with an unreadable optional value — found in one
 * scan of the file (line-numbers.ts), which stops at the last of them. Returns how many were rejected.
 */
export async function createRecordLines(db: Database, p: Prepared, conv: string, plan: ConversionPlan): Promise<number> {
	const t = sqlIdent(conv);
	const rows = await db.all<{ rid: number; rejected: boolean }>(
		`SELECT rid, bool_or(rejected) AS rejected FROM (
			SELECT ${plan.recordIndex}::INTEGER AS rid, true AS rejected FROM ${t} WHERE problems IS NOT NULL
			UNION ALL SELECT rid, false FROM ${sqlIdent(skippedTable(conv))}
			UNION ALL SELECT rid, false FROM (
				SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(cartera_notes).col AS col FROM ${t} WHERE problems IS NULL AND cartera_notes IS NOT NULL
			) QUALIFY row_number() OVER (PARTITION BY col ORDER BY rid) <= ${NOTE_EXAMPLES}
		) GROUP BY rid ORDER BY rid`
	);
	const lines = await recordLines(p.source.utf8Path, p.source.headerLine, rows.map((r) => r.rid), p.source.delimiter, p.source.quote);
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(`${conv}_lines`)} AS SELECT unnest($1::JSON::INTEGER[]) AS rid, unnest($2::JSON::INTEGER[]) AS line`, [
		JSON.stringify([...lines.keys()]),
		JSON.stringify([...lines.values()])
	]);
	return rows.filter((r) => r.rejected).length;
}

/** `${conv}_rejects`: the rejected records of one file, ready to be written out. */
export async function collectRejects(db: Database, p: Prepared, conv: string, plan: ConversionPlan): Promise<string> {
	const table = `${conv}_rejects`;
	const record = p.source.headers.map((_, i) => `coalesce(${sourceColumn(i)}, '')`).join(', ');
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(table)} AS
		WITH problems AS (
			SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(problems) AS p FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL
		), reasons AS (
			SELECT rid, string_agg(r.header, ', ' ORDER BY r.header) AS columns,
				string_agg(r.header || ': ' || r.shown || coalesce(' ("' || p.value || '")', ''), '; ' ORDER BY r.header) AS reasons
			FROM problems JOIN ${sqlIdent(`${conv}_reasons`)} r ON r.col = p.col AND r.code = p.code GROUP BY rid
		), source AS (
			SELECT row_number() OVER () - 1 AS rid, concat_ws(${sqlString(p.source.delimiter)}, ${record}) AS record
			FROM ${csvRelation(p.source, false)}
		)
		SELECT ${sqlString(displayName(p))} AS file, l.line, reasons.columns, reasons.reasons, source.record
		FROM reasons JOIN source USING (rid) LEFT JOIN ${sqlIdent(`${conv}_lines`)} l USING (rid)`);
	return table;
}

/** Writes the collected rejects of all files to one `;`-separated UTF-8 CSV (header in Spanish). */
export async function writeRejects(db: Database, tables: string[], path: string): Promise<number> {
	const union = tables.length
		? tables.map((t) => `SELECT * FROM ${sqlIdent(t)}`).join(' UNION ALL ')
		: `SELECT NULL::VARCHAR AS file, NULL::INTEGER AS line, NULL::VARCHAR AS columns, NULL::VARCHAR AS reasons, NULL::VARCHAR AS record WHERE false`;
	await db.run(`COPY (SELECT file AS "Archivo", line AS "Línea", columns AS "Columnas", reasons AS "Motivo", record AS "Registro"
		FROM (${union}) ORDER BY file, line) TO ${sqlString(path)} (FORMAT csv, HEADER, DELIMITER ';')`);
	return (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${union})`))!.n;
}
