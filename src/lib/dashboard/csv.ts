// Tables as CSV the way a spreadsheet of the reader's language opens them: Spanish uses `;`
// between cells and a decimal comma, English `,` and a point. Numbers are written plainly (no
// grouping, full precision the table holds); text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) gets a leading apostrophe (OWASP "CSV injection").
import type { Lang } from '../i18n/lang';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, lang: Lang): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		const text = String(value);
		return lang === 'es' ? text.replace('.', ',') : text;
	}
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	const separator = lang === 'es' ? ';' : ',';
	return safe.includes('"') || safe.includes(separator) || /[\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row and data rows as CSV text, with a BOM so spreadsheets read it as UTF-8. */
export function toCsv(header: string[], rows: CsvCell[][], lang: Lang): string {
	const separator = lang === 'es' ? ';' : ',';
	const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, lang)).join(separator));
	return `\ufeff${lines.join('\r\n')}\r\n`;
}
