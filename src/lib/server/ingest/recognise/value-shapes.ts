// What a cell looks like, judged on the first records of a file (never on millions: the load
// types every value in DuckDB). Loose on purpose: these tell kinds apart, they do not type.

const DAY_FIRST_OR_MONTH_FIRST = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})([ T]\d{1,2}:\d{2}(:\d{2})?.*)?$/;
const ISO = /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?.*)?$/;
const COMPACT = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const MONTH_NAMED = /^\d{1,2}[ /.-]?[a-záéíóú]{3,10}\.?[ /.-]?(\d{2}|\d{4})$/i;
const MONTH_ONLY = /^(\d{4}[/.-]\d{1,2}|\d{1,2}[/.-]\d{4}|[a-záéíóú]{3,10}\.?[ /.-]?(\d{2}|\d{4}))$/i;

/** A date as exports write them (dd/mm/yyyy, mm/dd/yyyy, ISO with or without time, yyyymmdd, 5-ene-2026). */
export function looksLikeDate(value: string): boolean {
	const v = value.trim();
	return DAY_FIRST_OR_MONTH_FIRST.test(v) || ISO.test(v) || COMPACT.test(v) || MONTH_NAMED.test(v);
}

/** A month (forecasts): a date, or 2026-03, 03/2026, mar-26. */
export function looksLikeMonth(value: string): boolean {
	return looksLikeDate(value) || MONTH_ONLY.test(value.trim());
}

/** A number as exports write them: 1.234,56 · 1,234.56 · -12 · (12,00) · $ 1.200 · 25 %. */
export function looksLikeNumber(value: string): boolean {
	const v = value
		.trim()
		.replace(/^[A-Za-z$€£/.\s]{0,4}(?=[-+(\d])/, '')
		.replace(/\s*([A-Za-z$€£%.]{1,4})$/, '')
		.trim();
	return /^[-+]?\(?[-+]?\d[\d.,' ]*\)?-?$/.test(v) && /\d$|\d\)$|\d-$/.test(v);
}

/** A column of names (most values several words with letters: "Ferretería El Sol SRL"), not codes. */
export function looksLikeName(values: string[]): boolean {
	if (values.length === 0) return false;
	const named = values.filter((v) => /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(v) && !/^[\d\s.,/-]+$/.test(v));
	return named.length / values.length >= 0.6;
}

/** Share of the non-empty values that pass a test (0 when there are none). */
export function shareOf(values: string[], test: (v: string) => boolean): number {
	const filled = values.filter((v) => v.trim() !== '');
	return filled.length ? filled.filter(test).length / filled.length : 0;
}

/** Non-empty trimmed values of one column of the records. */
export function columnValues(rows: string[][], index: number): string[] {
	return rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
}
