// Number and date formats, decided per column from all of its values (never per cell):
// "1.234" is 1234 in a column where "5,5" also occurs, and 1.234 where "0.5" occurs.
import type { Database } from '../db/database';
import { sqlString } from './text';

export interface NumberFormat {
	decimal: ',' | '.';
	/** Some values carry currency symbols, spaces, parentheses or a trailing minus. */
	decorated: boolean;
	/** Rates written as percentages ("25 %" or 25) are divided by 100. */
	percent: boolean;
}

export interface DateFormat {
	/** strptime format of the date part, or null when no format reads the column. */
	format: string | null;
	/** Distinct date parts that the format reads / that the column holds. */
	matched: number;
	distinct: number;
}

/** Day-first formats come before their month-first twins: Spanish-speaking locales write day first. */
const DATE_FORMATS = [
	'%d/%m/%Y', '%m/%d/%Y', '%Y-%m-%d', '%d-%m-%Y', '%m-%d-%Y', '%d.%m.%Y', '%Y/%m/%d', '%Y%m%d',
	'%d/%m/%y', '%m/%d/%y', '%d-%m-%y', '%m-%d-%y', '%d.%m.%y'
];
const MONTH_FORMATS = ['%m/%Y', '%Y-%m', '%m-%Y', '%Y/%m', '%m.%Y', '%Y%m', ...DATE_FORMATS];

/** Votes for a decimal comma / decimal point, from separators' positions. */
const COMMA_DECIMAL = String.raw`,(\d{1,2}|\d{4,})\D*$|\.\d*,|\.\d{3}\.`;
const POINT_DECIMAL = String.raw`\.(\d{1,2}|\d{4,})\D*$|,\d*\.|,\d{3},`;

/**
 * One scan of the staging table for every numeric column. `columns` maps a label to a SQL
 * expression giving the trimmed, non-empty raw text (or NULL).
 */
export async function inferNumberFormats(
	db: Database,
	table: string,
	columns: Record<string, string>,
	defaultDecimal: ',' | '.' = ','
): Promise<Record<string, NumberFormat>> {
	const labels = Object.keys(columns);
	if (labels.length === 0) return {};
	const aggregates = labels.flatMap((label, i) => {
		const x = columns[label]!;
		return [
			`count(*) FILTER (WHERE regexp_matches(${x}, '${COMMA_DECIMAL}')) AS comma_${i}`,
			`count(*) FILTER (WHERE regexp_matches(${x}, '${POINT_DECIMAL}')) AS point_${i}`,
			`count(*) FILTER (WHERE NOT regexp_full_match(${x}, '-?[0-9.,]+')) AS decorated_${i}`,
			`count(*) FILTER (WHERE ${x} LIKE '%\\%%' ESCAPE '\\') AS percent_sign_${i}`,
			`max(TRY_CAST(regexp_replace(${x}, '[^0-9]', '', 'g') AS DOUBLE)) AS digits_max_${i}`
		];
	});
	const row = (await db.one<Record<string, string | number | null>>(`SELECT ${aggregates.join(', ')} FROM ${table}`))!;
	const result: Record<string, NumberFormat> = {};
	labels.forEach((label, i) => {
		const comma = Number(row[`comma_${i}`]);
		const point = Number(row[`point_${i}`]);
		const decimal = comma > point ? ',' : point > comma ? '.' : defaultDecimal;
		const digitsMax = Number(row[`digits_max_${i}`] ?? 0);
		result[label] = {
			decimal,
			decorated: Number(row[`decorated_${i}`]) > 0,
			// A rate column is in percent when written with % or when a value exceeds 1 (digits only: "0,25" → 25 is not > 100).
			percent: Number(row[`percent_sign_${i}`]) > 0 || (comma === 0 && point === 0 && digitsMax > 1)
		};
	});
	return result;
}

/** SQL expression reading raw text `x` as DECIMAL(18,4) in the given format (NULL when unreadable). */
export function numberSql(x: string, f: NumberFormat): string {
	const parse = f.decimal === ',' ? 'cartera_comma_s' : 'cartera_point_s';
	return f.decorated ? `${parse}(cartera_signed(cartera_bare_number(${x})))` : `${parse}(${x})`;
}

/** Picks the format that reads most distinct date parts of the column, day-first on ties. */
export async function inferDateFormat(db: Database, table: string, x: string, month = false): Promise<DateFormat> {
	const formats = month ? MONTH_FORMATS : DATE_FORMATS;
	const reads = (f: string) => `try_strptime(v, ${sqlString(f)})`;
	const row = (await db.one<Record<string, string | number>>(`
		WITH d AS (SELECT DISTINCT cartera_date_part(${x}) AS v FROM ${table} WHERE ${x} IS NOT NULL)
		SELECT count(*) AS distinct_count,
			${formats.map((f, i) => `count(*) FILTER (WHERE year(${reads(f)}) BETWEEN 1900 AND 2200) AS f_${i}`).join(',\n')}
		FROM d`))!;
	let best = -1;
	let matched = 0;
	formats.forEach((_, i) => {
		const n = Number(row[`f_${i}`]);
		if (n > matched) {
			matched = n;
			best = i;
		}
	});
	return { format: best >= 0 ? formats[best]! : null, matched, distinct: Number(row.distinct_count) };
}

export function dateSql(x: string, f: DateFormat, month = false): string {
	if (!f.format) return 'NULL::DATE';
	const parsed = `try_strptime(cartera_date_part(${x}), ${sqlString(f.format)})`;
	// Years outside 1900–2200 are typos (0024 from a 2-digit year read as 4 digits): unreadable.
	const checked = `CASE WHEN year(${parsed}) BETWEEN 1900 AND 2200 THEN ${parsed} END`;
	return month ? `date_trunc('month', ${checked})::DATE` : `${checked}::DATE`;
}
