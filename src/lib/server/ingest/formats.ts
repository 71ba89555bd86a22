// Number and date formats, decided per column from all of its values (never per cell):
// "1.234" is 1234 in a column where "5,5" also occurs, and 1.234 where "0.5" occurs.
// Numbers: one scan counts, per column, the values that read under a decimal comma and under a
// decimal point; values that read under both ("1.234", "12") don't decide, the others do.
// Dates: the column's distinct values are tried against each candidate format.
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
}

export interface NumberColumn {
	name: string;
	/** SQL giving the trimmed raw text, NULL when empty. */
	sql: string;
	rate: boolean;
}

export interface DateFormat {
	/** strptime format of the date part, or null when no format reads the column. */
	format: string | null;
	/** Distinct date parts that the format reads / that the column holds. */
	matched: number;
	distinct: number;
}

const PLAIN = String.raw`[-+]?[0-9.,]+`;
export const COMMA_NUMBER = String.raw`[-+]?((\d{1,3}(\.\d{3})+|\d+)(,\d*)?|,\d+)`;
export const POINT_NUMBER = String.raw`[-+]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)`;

/** Text of a number without currency, spaces or %, negatives as a leading minus. */
function bareSql(x: string): string {
	return `CASE WHEN regexp_full_match(${x}, '${PLAIN}') THEN ${x} ELSE cartera_signed(cartera_bare_number(${x})) END`;
}

export async function inferNumberFormats(db: Database, table: string, columns: NumberColumn[], defaultDecimal: ',' | '.' = ','): Promise<Record<string, NumberFormat>> {
	if (columns.length === 0) return {};
	// First pass on the raw text; a column with values that read in neither format (currency
	// symbols, parentheses, garbage) is counted again on its bare text.
	const counts = async (cols: NumberColumn[], bare: boolean) => {
		const aggregates = cols.flatMap(({ sql, rate }, i) => {
			const x = bare ? bareSql(sql) : sql;
			return [
				`count(${sql})::INTEGER AS n_${i}`,
				`count(*) FILTER (WHERE regexp_full_match(${x}, '${COMMA_NUMBER}'))::INTEGER AS comma_${i}`,
				`count(*) FILTER (WHERE regexp_full_match(${x}, '${POINT_NUMBER}'))::INTEGER AS point_${i}`,
				`count(*) FILTER (WHERE NOT (regexp_full_match(${x}, '${COMMA_NUMBER}') OR regexp_full_match(${x}, '${POINT_NUMBER}')))::INTEGER AS neither_${i}`,
				// Rates in percent: written with %, or whole numbers above 1 ("25" means 25 %).
				rate
					? `(count(*) FILTER (WHERE contains(${sql}, '%')) > 0 OR coalesce(max(TRY_CAST(${sql} AS DOUBLE)) FILTER (WHERE regexp_full_match(${sql}, '\\d+')), 0) > 1) AS percent_${i}`
					: `false AS percent_${i}`
			];
		});
		const row = (await db.one<Record<string, number | boolean>>(`SELECT ${aggregates.join(', ')} FROM ${table}`))!;
		return cols.map((_, i) => ({
			n: row[`n_${i}`] as number,
			comma: row[`comma_${i}`] as number,
			point: row[`point_${i}`] as number,
			neither: row[`neither_${i}`] as number,
			percent: row[`percent_${i}`] === true
		}));
	};
	const plain = await counts(columns, false);
	const decoratedColumns = columns.filter((_, i) => plain[i]!.neither > 0);
	const bare = decoratedColumns.length ? await counts(decoratedColumns, true) : [];

	const result: Record<string, NumberFormat> = {};
	columns.forEach((column, i) => {
		const d = decoratedColumns.indexOf(column);
		const c = d >= 0 ? bare[d]! : plain[i]!;
		const decimal = c.comma > c.point ? ',' : c.point > c.comma ? '.' : defaultDecimal;
		result[column.name] = {
			decimal,
			decorated: d >= 0,
			percent: plain[i]!.percent,
			allValid: (decimal === ',' ? c.comma : c.point) === c.n
		};
	});
	return result;
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
	'%d/%m/%y', '%m/%d/%y', '%d-%m-%y', '%m-%d-%y', '%d.%m.%y'
];
const MONTH_FORMATS = ['%m/%Y', '%Y-%m', '%m-%Y', '%Y/%m', '%m.%Y', '%Y%m', ...DATE_FORMATS];

/** strptime of the date part, NULL outside 1900–2200 (a 2-digit year read as 4 digits gives 0024). */
export function parseDateSql(v: string, format: string): string {
	const parsed = `try_strptime(cartera_date_part(${v}), ${sqlString(format)})`;
	return `CASE WHEN year(${parsed}) BETWEEN 1900 AND 2200 THEN ${parsed}::DATE END`;
}

/**
 * Picks the format that reads most values of `lookup` (a table of the column's distinct raw
 * values, column `raw`), day-first on ties, and fills its `value` column with the dates read.
 */
export async function decideDateFormat(db: Database, lookup: string, month: boolean): Promise<DateFormat> {
	const formats = month ? MONTH_FORMATS : DATE_FORMATS;
	const row = (await db.one<Record<string, number>>(`
		SELECT count(*)::INTEGER AS distinct_count,
			${formats.map((f, i) => `count(${parseDateSql('raw', f)})::INTEGER AS f_${i}`).join(',\n')}
		FROM ${lookup}`))!;
	let best = -1;
	let matched = 0;
	formats.forEach((_, i) => {
		if (row[`f_${i}`]! > matched) {
			matched = row[`f_${i}`]!;
			best = i;
		}
	});
	const format = best >= 0 ? formats[best]! : null;
	if (format) {
		const value = parseDateSql('raw', format);
		await db.run(`UPDATE ${lookup} SET value = ${month ? `date_trunc('month', ${value})::DATE` : value}`);
	}
	return { format, matched, distinct: row.distinct_count! };
}
