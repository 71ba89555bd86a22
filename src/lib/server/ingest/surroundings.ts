// What surrounds the data in a report-style export, told apart by evidence and skipped: reported
// with its lines, never rejected as data and never loaded.
// - The title block above the header (layout.ts finds the header below it; linesAbove names them).
// - Lines of nothing but spaces and delimiters (";;;;;;"); empty lines DuckDB skips itself.
// - Total and subtotal footers: every identifying field (key, date) is empty or holds a total
//   word, and either a cell says so ("TOTAL", "Total general", "Subtotal", "Total cliente X",
//   "Grand Total", "Totales") or each of its amounts is the sum of the rows above it (of its group
//   or of the whole file). A row with a real key is data, whatever its description says.
// The conversion (convert.ts) marks candidate rows in SQL as it types them (`cartera_edge`: NULL on
// every ordinary row, so a clean file pays one filtered count); the decision runs on the few
// candidates, and the skipped rows leave the typed table before anything counts them.
import type { Database } from '../db/database';
import type { ColumnSpec, KindSpec } from './kinds';
import type { ColumnMapping } from './mapping';
import { linesAbove } from './line-numbers';
import type { Converted } from './sources';
import { sqlIdent } from './text';

export type SkipReason = 'title' | 'blank' | 'subtotal' | 'total';

/** Lines skipped for one reason: how many, and their line numbers (the first LISTED of them). */
export interface SkippedLines {
	reason: SkipReason;
	rows: number;
	lines: number[];
}

/** Line numbers listed per reason in the report (the count is always whole). */
export const LISTED = 20;

/** `${conv}_skipped`: the record index of each skipped row and why. */
export const skippedTable = (conv: string) => `${conv}_skipped`;

// "Total", "TOTAL GENERAL", "Totales", "Subtotal", "Sub-total", "Grand Total", "Gran total", "Suma":
// at the start of the cell, as a whole word ("Totalizadora" is not one).
const TOTAL_WORD = String.raw`(?i)^[^[:alnum:]]*(sub[ -]?totale?s?|totale?s?|grand[ -]+total|gran[ -]+total|sumas?)\b`;

/** SQL: the text `x` starts with a total word (the LIKE filters first: most cells have no "tot"). */
export function totalWordSql(x: string): string {
	return `((${x} ILIKE '%tot%' OR ${x} ILIKE '%sum%') AND regexp_matches(${x}, '${TOTAL_WORD}'))`;
}

/** The columns that identify a row: the key's ids and dates, and the dates every row needs. */
export function identifyingColumns(spec: KindSpec, mapping: ColumnMapping): ColumnSpec[] {
	return spec.columns.filter(
		(c) => c.name in mapping && ((spec.key.includes(c.name) && ['id', 'date', 'month'].includes(c.type)) || (c.notNull && (c.type === 'date' || c.type === 'month')))
	);
}

/** SQL over the raw cells: every identifying field is empty or a total word (false when none is mapped). */
export function candidateSql(identifying: string[]): string {
	if (identifying.length === 0) return 'false';
	return identifying.map((x) => `(${x} IS NULL OR ${totalWordSql(x)})`).join(' AND ');
}

/** SQL: a candidate's non-empty cells (`cells`: every column of the relation), NULL on other rows. */
export function candidateCellsSql(candidate: string, cells: string[]): string {
	return `CASE WHEN ${candidate} THEN list_filter([${cells.join(', ')}], v -> trim(v) <> '') END`;
}

/** SQL over those cells: the first one written ('' on a blank line) and whether any is a total word. */
export function edgeSql(cells: string): string {
	return `CASE WHEN ${cells} IS NOT NULL THEN {'first': coalesce(trim(${cells}[1]), ''), 'word': coalesce(list_bool_or(list_transform(${cells}, v -> ${totalWordSql('v')})), false)} END`;
}

/**
 * Decides which candidate rows of `target` (column `rid`, `cartera_edge`) are blank lines or
 * footers, records them in `${target}_skipped` and removes them from `target`. `amounts`: the
 * typed money and quantity columns a footer sums.
 */
export async function skipSurroundings(db: Database, target: string, amounts: string[]): Promise<void> {
	const t = sqlIdent(target);
	const sums = amounts.map((m, i) => ({ m, g: `g_${i}`, all: `all_${i}` }));
	// Each amount written is the sum of its group (the rows since the previous footer) or of all rows above.
	const isSum = sums.length
		? `(${sums.map((s) => `${s.m} IS NOT NULL`).join(' OR ')}) AND ` +
			sums.map((s) => `(${s.m} IS NULL OR coalesce(round(${s.m}, 2) IN (round(${s.g}, 2), round(${s.all}, 2)), false))`).join(' AND ')
		: 'false';
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(skippedTable(target))} AS
		WITH marks AS (
			SELECT rid, cartera_edge.first AS first, cartera_edge.word AS word${amounts.map((m) => `, ${m}`).join('')}
			FROM ${t} WHERE cartera_edge IS NOT NULL
		), written AS (
			SELECT *, lag(rid, 1, -1) OVER (ORDER BY rid) AS prev FROM marks WHERE first <> ''
		), groups AS (
			SELECT w.rid${sums.map((s) => `, sum(d.${s.m}) AS ${s.g}`).join('')}
			FROM (SELECT rid, prev FROM written WHERE NOT word) w JOIN ${t} d ON d.rid > w.prev AND d.rid < w.rid AND d.cartera_edge IS NULL
			GROUP BY w.rid
		), summed AS (
			SELECT w.*${sums.map((s) => `, g.${s.g}, sum(g.${s.g}) OVER (ORDER BY w.rid) AS ${s.all}`).join('')}
			FROM written w LEFT JOIN groups g USING (rid)
		), footers AS (
			SELECT rid, first FROM summed WHERE word OR (${isSum})
		), bounds AS (
			SELECT (SELECT coalesce(max(rid), -1) FROM ${t} WHERE cartera_edge IS NULL) AS last_data, (SELECT max(rid) FROM footers) AS last_footer
		)
		SELECT rid::INTEGER AS rid, 'blank' AS reason FROM marks WHERE first = ''
		UNION ALL
		-- The last footer after the last data row is the file's total; the others close a group.
		SELECT f.rid::INTEGER, CASE WHEN f.rid = b.last_footer AND f.rid > b.last_data AND NOT regexp_matches(f.first, '(?i)^[^[:alnum:]]*sub') THEN 'total' ELSE 'subtotal' END
		FROM footers f, bounds b`);
	await db.run(`DELETE FROM ${t} WHERE rid IN (SELECT rid FROM ${sqlIdent(skippedTable(target))})`);
}

/** An empty `${target}_skipped`, for a file with no candidate rows. */
export async function noSkips(db: Database, target: string): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(skippedTable(target))} (rid INTEGER, reason VARCHAR)`);
}

const ORDER: SkipReason[] = ['title', 'blank', 'subtotal', 'total'];

/**
 * What was skipped in a converted file, per reason: the title block and blank lines above the
 * header, then the blank lines and footers among the records (lines from `${conv}_lines`).
 */
export async function skippedLines(db: Database, c: Converted): Promise<SkippedLines[]> {
	const above = linesAbove(c.source.utf8Path, c.source.headerLine, c.source.delimiter);
	const rows = await db.all<{ reason: SkipReason; rows: number; lines: number[] | null }>(
		`SELECT s.reason, count(*)::INTEGER AS rows, (list(l.line ORDER BY s.rid) FILTER (WHERE l.line IS NOT NULL))[1:${LISTED}] AS lines
		 FROM ${sqlIdent(skippedTable(c.conv))} s LEFT JOIN ${sqlIdent(`${c.conv}_lines`)} l USING (rid) GROUP BY s.reason`
	);
	const found = new Map<SkipReason, SkippedLines>();
	const add = (reason: SkipReason, count: number, lines: number[]) => {
		const before = found.get(reason) ?? { reason, rows: 0, lines: [] };
		found.set(reason, { reason, rows: before.rows + count, lines: [...before.lines, ...lines].slice(0, LISTED) });
	};
	if (above.title.length) add('title', above.title.length, above.title);
	if (above.blank.length) add('blank', above.blank.length, above.blank);
	for (const r of rows) add(r.reason, r.rows, (r.lines ?? []).map(Number));
	return ORDER.flatMap((reason) => (found.has(reason) ? [found.get(reason)!] : []));
}
