// The one CSV writer of the app: the dashboard's downloads (tables, the client list, rejected
// rows) and the metrics API's format=csv. Spanish uses `;` between cells and a decimal comma,
// English (and the API, for machines) `,` and a point. Numbers are written plainly (no grouping,
// full precision the table holds); text that a spreadsheet would run as a formula (starting with
// =, +, -, @, tab, CR or LF, or their full-width forms) gets a leading apostrophe (OWASP "CSV
// injection"), wherever the CSV comes from. Imports nothing from SvelteKit: pages and server use it.
import type { Lang } from './i18n/lang';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

export function csvSeparator(lang: Lang): string {
	return lang === 'es' ? ';' : ',';
}

export function csvCell(value: CsvCell, lang: Lang): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		const text = String(value);
		return lang === 'es' ? text.replace('.', ',') : text;
	}
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return safe.includes('"') || safe.includes(csvSeparator(lang)) || /[\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of cells, without its line end. */
export function csvLine(cells: CsvCell[], lang: Lang): string {
	return cells.map((cell) => csvCell(cell, lang)).join(csvSeparator(lang));
}

/**
 * A header row and data rows as CSV text, CRLF line ends. With a BOM by default, so spreadsheets
 * read it as UTF-8; `bom: false` for scripts (the API).
 */
export function toCsv(header: string[], rows: CsvCell[][], lang: Lang, options: { bom?: boolean } = {}): string {
	const lines = [header, ...rows].map((row) => csvLine(row, lang));
	return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}
