// Number and date formats, decided per column from all of its values (never per cell):
// "1.234" is 1234 in a column where "5,5" also occurs, and 1.234 where "0.5" occurs.
// Numbers: one scan counts, per column, the values that read under a decimal comma and under a
// decimal point; values that read under both ("1.234", "12") don't decide, the others do.
// Dates: the column's distinct values are tried against each candidate format; the rows are then
// read with the chosen one.
import type { Database } from '../db/database';
import { sqlString } from './text';

export interface NumberFormat {
	decimal: ',' | '.';
	/** Some values carry currency symbols, spaces, parentheses or a trailing minus. */
	decorated: boolean;
	/** Rates written as percentages ("25 %" or 25) are divided by 100. */
	percent: boolean;
	/** Every value reads in this format: conversion needs no per-value check. */
	allValid: boolean;
	/**
	 * Every value reads and has at most 14 characters, so it fits DECIMAL(18,4) (14 digits before
	 * the mark): no value is left unread, and the load looks for none.
	 */
	alwaysReads: boolean;
}

/** The longest value that always fits DECIMAL(18,4). */
const FITS = 14;

export interface NumberColumn {
	name: string;
	/** SQL giving the trimmed raw text, NULL when empty. */
	sql: string;
	rate: boolean;
}

export interface DateFormat {
	/** strptime format of the date part, or null when no format reads the column. */
	format: string | null;
	/** Distinct values that the format reads / that the column holds. */
	matched: number;
	distinct: number;
	/** Some values carry a time after the date ("05/01/2025 08:26", ISO "T"). */
	withTime: boolean;
	/** Some times carry a zone ("10:22:00Z", "10:22+02:00"): dropped, the date is read as written. */
	withZone?: boolean;
}

const PLAIN = String.raw`[-+]?[0-9.,]+`;
/** Dates written as Excel day numbers (45292 = 2024-01-01). */
export const EXCEL_SERIAL = 'excel-serial';

export const COMMA_NUMBER = String.raw`[-+]?((\d{1,3}(\.\d{3})+|\d+)(,\d*)?|,\d+)`;
export const POINT_NUMBER = String.raw`[-+]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)`;

/** Text of a number without currency, spaces or %, negatives as a leading minus. */
function bareSql(x: string): string {
	return `CASE WHEN regexp_full_match(${x}, '${PLAIN}') THEN ${x} ELSE cartera_signed(cartera_bare_number(${x})) END`;
}

/**
 * Aggregates (one scan, any number of columns) counting per column the values that read under a
 * decimal comma and under a decimal point. On the plain pass, `plain_<col>` counts values made of
 * digits, signs and separators only; a column with others (currency, parentheses…) is counted
 * again on its bare text (`bare` pass).
 */
export function numberProfileSql(columns: NumberColumn[], bare: boolean): string[] {
	return columns.flatMap(({ name, sql, rate }) => {
		const x = bare ? bareSql(sql) : sql;
		return [
			`count(${sql})::INTEGER AS n_${name}`,
			`count(*) FILTER (WHERE regexp_full_match(${x}, '${COMMA_NUMBER}'))::INTEGER AS comma_${name}`,
			`count(*) FILTER (WHERE regexp_full_match(${x}, '${POINT_NUMBER}'))::INTEGER AS point_${name}`,
			bare ? `0 AS plain_${name}` : `count(*) FILTER (WHERE regexp_full_match(${sql}, '${PLAIN}'))::INTEGER AS plain_${name}`,
			bare ? `false AS percent_${name}` : percentSql(name, sql, rate),
			`max(strlen(${sql}))::INTEGER AS len_${name}`
		];
	});
}

/** Rates in percent: written with %, or whole numbers above 1 ("25" means 25 %). */
function percentSql(name: string, sql: string, rate: boolean): string {
	return rate
		? `(count(*) FILTER (WHERE contains(${sql}, '%')) > 0 OR coalesce(max(TRY_CAST(${sql} AS DOUBLE)) FILTER (WHERE regexp_full_match(${sql}, '\\d+')), 0) > 1) AS percent_${name}`
		: `false AS percent_${name}`;
}

/**
 * The mark to try first for each column: the user's, else the one the file's first records read
 * under (decideNumberFormats on them; ties, and columns without values there, get a comma).
 */
export async function guessDecimals(db: Database, from: string, columns: NumberColumn[], forced?: ',' | '.'): Promise<Record<string, ',' | '.'>> {
	if (forced || columns.length === 0) return Object.fromEntries(columns.map((c) => [c.name, forced ?? ',']));
	const head = (await db.one<ProfileRow>(`SELECT ${numberProfileSql(columns, false).join(', ')} FROM (SELECT * FROM ${from} LIMIT 2000)`))!;
	const formats = decideNumberFormats(columns, head, null);
	return Object.fromEntries(columns.map((c) => [c.name, formats[c.name]!.decimal]));
}

/**
 * The whole scan's aggregates when each column has a guessed mark: its count (`n_`), the values
 * that read under the guess (`guess_`) and the percent flag. One pattern per value instead of
 * three (about 0.25 s per column of 10M values).
 */
export function guessedNumberProfileSql(columns: NumberColumn[], guesses: Record<string, ',' | '.'>): string[] {
	return columns.flatMap(({ name, sql, rate }) => [
		`count(${sql})::INTEGER AS n_${name}`,
		`count(*) FILTER (WHERE regexp_full_match(${sql}, '${guesses[name] === ',' ? COMMA_NUMBER : POINT_NUMBER}'))::INTEGER AS guess_${name}`,
		percentSql(name, sql, rate),
		`max(strlen(${sql}))::INTEGER AS len_${name}`
	]);
}

/**
 * Every column's format from the whole scan's aggregates (`row`, guessedNumberProfileSql over
 * `from`): those the guess confirms, and the others counted in full over `from`.
 */
export async function settleNumberFormats(
	db: Database,
	from: string,
	columns: NumberColumn[],
	row: ProfileRow,
	guesses: Record<string, ',' | '.'>,
	forced?: ',' | '.'
): Promise<{ formats: Record<string, NumberFormat>; unconfirmed: NumberColumn[] }> {
	const { formats, unconfirmed } = confirmedNumberFormats(columns, row, guesses);
	return { formats: { ...formats, ...(await inferNumberFormats(db, from, unconfirmed, forced)) }, unconfirmed };
}

/**
 * The columns whose every value reads under the guessed mark, with the format the full count
 * (decideNumberFormats) would give them: each pattern only admits digits, signs and separators, so
 * such a column is plain (not decorated) and all valid; under a comma, the comma reads at least as
 * many values as the point and ties go to the comma; a point was guessed only where some first
 * value does not read under a comma, so the comma reads fewer. A mark the user gave is theirs.
 * The others (`unconfirmed`) need the full count.
 */
function confirmedNumberFormats(
	columns: NumberColumn[],
	row: ProfileRow,
	guesses: Record<string, ',' | '.'>
): { formats: Record<string, NumberFormat>; unconfirmed: NumberColumn[] } {
	const formats: Record<string, NumberFormat> = {};
	const unconfirmed: NumberColumn[] = [];
	for (const c of columns) {
		if (Number(row[`guess_${c.name}`]) === Number(row[`n_${c.name}`]))
			formats[c.name] = { decimal: guesses[c.name]!, decorated: false, percent: row[`percent_${c.name}`] === true, allValid: true, alwaysReads: fits(row, c.name) };
		else unconfirmed.push(c);
	}
	return { formats, unconfirmed };
}

export type ProfileRow = Record<string, unknown>;

/** Columns whose values are not all plain numbers: they need the bare pass. */
export function decoratedColumns(columns: NumberColumn[], plain: ProfileRow): NumberColumn[] {
	return columns.filter((c) => plain[`plain_${c.name}`] !== plain[`n_${c.name}`]);
}

/** The format of each column: the decimal mark more values read under; ties go to the locale's. */
export function decideNumberFormats(
	columns: NumberColumn[],
	plain: ProfileRow,
	bare: ProfileRow | null,
	defaultDecimal: ',' | '.' = ',',
	forced?: ',' | '.'
): Record<string, NumberFormat> {
	const result: Record<string, NumberFormat> = {};
	for (const { name } of columns) {
		const decorated = plain[`plain_${name}`] !== plain[`n_${name}`];
		const row = decorated && bare ? bare : plain;
		const comma = Number(row[`comma_${name}`]);
		const point = Number(row[`point_${name}`]);
		const decimal = forced ?? (comma > point ? ',' : point > comma ? '.' : defaultDecimal);
		const allValid = (decimal === ',' ? comma : point) === Number(row[`n_${name}`]);
		result[name] = { decimal, decorated, percent: plain[`percent_${name}`] === true, allValid, alwaysReads: allValid && fits(plain, name) };
	}
	return result;
}

/** Whether the column's longest value (NULL when it has none) always fits. */
function fits(row: ProfileRow, name: string): boolean {
	return Number(row[`len_${name}`] ?? 0) <= FITS;
}

/** The full count over a table or relation: the columns a guess did not confirm, tests, small files. */
export async function inferNumberFormats(db: Database, from: string, columns: NumberColumn[], forced?: ',' | '.'): Promise<Record<string, NumberFormat>> {
	if (columns.length === 0) return {};
	const plain = (await db.one<ProfileRow>(`SELECT ${numberProfileSql(columns, false).join(', ')} FROM ${from}`))!;
	const decorated = decoratedColumns(columns, plain);
	const bare = decorated.length ? (await db.one<ProfileRow>(`SELECT ${numberProfileSql(decorated, true).join(', ')} FROM ${from}`))! : null;
	return decideNumberFormats(columns, plain, bare, ',', forced);
}

/** SQL expression reading raw text `x` as DECIMAL(18,4) in the given format (NULL when unreadable). */
export function numberSql(x: string, f: NumberFormat): string {
	const text = f.decorated ? `cartera_signed(cartera_bare_number(${x}))` : x;
	const digits = f.decimal === ',' ? `replace(replace(${text}, '.', ''), ',', '.')` : `replace(${text}, ',', '')`;
	const cast = `TRY_CAST(${digits} AS DECIMAL(18,4))`;
	if (f.allValid) return cast;
	return `CASE WHEN regexp_full_match(${text}, '${f.decimal === ',' ? COMMA_NUMBER : POINT_NUMBER}') THEN ${cast} END`;
}

/** Day-first formats come before their month-first twins: Spanish-speaking locales write day first. */
const DATE_FORMATS = [
	'%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%d-%m-%Y', '%m-%d-%Y', '%d.%m.%Y', '%Y/%m/%d', '%Y%m%d',
	'%d/%m/%y', '%m/%d/%y', '%d-%m-%y', '%m-%d-%y', '%d.%m.%y',
	'%d %B %Y', '%d %b %Y', '%d-%b-%Y', '%d-%b-%y', '%d/%b/%Y', '%B %d, %Y', '%b %d, %Y', '%d de %B de %Y',
	EXCEL_SERIAL
];
const MONTH_FORMATS = ['%m/%Y', '%Y-%m', '%m-%Y', '%Y/%m', '%m.%Y', '%Y%m', '%b-%y', '%b-%Y', '%B %Y', '%b %Y', '%B-%y', ...DATE_FORMATS];

/** A zone after a time ("10:22:00Z", "10:22:00+02:00", "10:22 UTC"); only after a time, so "05-03-2026" keeps its year. */
const ZONE = String.raw`(\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(:?\d{2})?)$`;

function withoutZoneSql(v: string): string {
	return `regexp_replace(${v}, '${ZONE}', '\\1')`;
}

/** The text strptime reads: the date part (zone and time removed) and, for month-name formats, English names. */
function dateTextSql(v: string, format: string, withTime: boolean, withZone = false): string {
	const bare = withZone ? withoutZoneSql(v) : v;
	const part = withTime ? `cartera_date_part(${bare})` : bare;
	return /%[bB]/.test(format) ? `cartera_month_names(${part})` : part;
}

/** A date read from `text` in `format`, NULL outside 1900–2200 (a 2-digit year read as 4 digits gives 0024). */
function checkedDateSql(text: string, format: string): string {
	const parsed =
		format === EXCEL_SERIAL
			? // Days since 1899-12-30 (Excel's day 0, after its 1900 leap-year bug); a fraction is the time.
				`CASE WHEN regexp_full_match(${text}, '\\d{5}([.,]\\d+)?') THEN DATE '1899-12-30' + TRY_CAST(split_part(replace(${text}, ',', '.'), '.', 1) AS INTEGER) END`
			: `try_strptime(${text}, ${sqlString(format)})::DATE`;
	return `CASE WHEN year(${parsed}) BETWEEN 1900 AND 2200 THEN ${parsed} END`;
}

export function parseDateSql(v: string, format: string, withTime = true, withZone = false): string {
	return checkedDateSql(dateTextSql(v, format, withTime, withZone), format);
}

/** Formats that read ISO dates themselves: a column in them needs no ISO fallback. */
const ISO_FORMATS = new Set(['%Y-%m-%d', '%Y-%m']);

/**
 * An ISO date (2026-03-05, with or without a time or zone; months also 2026-03), whatever format
 * the column was read in: year first with dashes is unambiguous, so an ERP that writes some dates
 * ISO in a dd/mm/yyyy column loses none of them.
 */
function isoDateSql(x: string, month: boolean): string {
	const pattern = month ? String.raw`^\d{4}-\d{2}(-\d{2})?([ T]|$)` : String.raw`^\d{4}-\d{2}-\d{2}([ T]|$)`;
	const value = month ? `TRY_CAST(left(${x}, 7) || '-01' AS DATE)` : `TRY_CAST(left(${x}, 10) AS DATE)`;
	return `CASE WHEN regexp_matches(${x}, '${pattern}') AND year(${value}) BETWEEN 1900 AND 2200 THEN ${value} END`;
}

/** SQL reading raw text `x` as a DATE (months: their first day) in the decided format, ISO dates in any. */
export function dateSql(x: string, f: DateFormat, month: boolean): string {
	const iso = isoDateSql(x, month);
	// coalesce reads the fallback only where the column's own format read nothing: no cost on clean columns.
	const value = !f.format ? iso : ISO_FORMATS.has(f.format) ? parseDateSql(x, f.format, f.withTime, f.withZone) : `coalesce(${parseDateSql(x, f.format, f.withTime, f.withZone)}, ${iso})`;
	return month ? `date_trunc('month', ${value})::DATE` : value;
}

/**
 * Digits-only formats (SAP's yyyymmdd, yyyymm) read many numbers as dates: they count only when
 * every value of that many digits is a valid date in 1990–2100, so a column of codes is never one.
 */
const COMPACT: Record<string, { digits: number }> = { '%Y%m%d': { digits: 8 }, '%Y%m': { digits: 6 } };
const PLAUSIBLE_YEARS = [1990, 2100] as const;

/**
 * Picks the format that reads most values of `distinct` (a table of the column's distinct raw
 * values, column `raw`), day-first on ties.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Whether a format reads day, month and year in the given order (a format without a day: month and year). */
export function inOrder(format: string, order: DateOrder): boolean {
	if (format === EXCEL_SERIAL) return true;
	const position = { d: format.indexOf('%d'), m: Math.max(format.indexOf('%m'), format.indexOf('%b'), format.indexOf('%B')), y: Math.max(format.indexOf('%Y'), format.indexOf('%y')) };
	const present = ([...order] as ('d' | 'm' | 'y')[]).filter((k) => position[k] >= 0);
	return present.every((k, i) => i === 0 || position[present[i - 1]!] < position[k]);
}

export async function decideDateFormat(db: Database, distinct: string, month: boolean, order?: DateOrder): Promise<DateFormat> {
	const formats = (month ? MONTH_FORMATS : DATE_FORMATS).filter((f) => !order || inOrder(f, order));
	// The date part and its English-named form are computed once per value, not once per format.
	const compact = (f: string) =>
		`coalesce(bool_and(coalesce(year(try_strptime(part, ${sqlString(f)})) BETWEEN ${PLAUSIBLE_YEARS[0]} AND ${PLAUSIBLE_YEARS[1]}, false))
			FILTER (WHERE regexp_full_match(part, '\\d{${COMPACT[f]!.digits}}')), true)`;
	const row = (await db.one<Record<string, number | boolean>>(`
		WITH z AS (SELECT raw, ${withoutZoneSql('raw')} AS unzoned FROM ${distinct}),
		d AS (SELECT raw, cartera_date_part(unzoned) AS part, unzoned <> raw AS zoned FROM z),
		e AS (SELECT *, cartera_month_names(part) AS named FROM d)
		SELECT count(*)::INTEGER AS distinct_count, coalesce(bool_or(part <> raw), false) AS with_time, coalesce(bool_or(zoned), false) AS with_zone,
			${formats.map((f, i) => `count(${checkedDateSql(/%[bB]/.test(f) ? 'named' : 'part', f)})::INTEGER AS f_${i}`).join(',\n')},
			${formats.map((f, i) => (COMPACT[f] ? `${compact(f)} AS plausible_${i}` : `true AS plausible_${i}`)).join(',\n')}
		FROM e`))!;
	let best = -1;
	let matched = 0;
	formats.forEach((_, i) => {
		const n = row[`plausible_${i}`] === true ? (row[`f_${i}`] as number) : 0;
		if (n > matched) {
			matched = n;
			best = i;
		}
	});
	return {
		format: best >= 0 ? formats[best]! : null,
		matched,
		distinct: row.distinct_count as number,
		withTime: row.with_time === true,
		withZone: row.with_zone === true
	};
}
