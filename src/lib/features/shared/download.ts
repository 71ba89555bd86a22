// Files the browser saves: a Blob, a name from a title, a table's rows as CSV.
import { toCsv } from '../../csv';
import type { Lang } from '../../i18n/lang';

/** Saves a Blob as a file through a temporary link (browser only). */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file name from a title: lower case, ASCII letters, digits and dashes. */
export function fileName(title: string, extension: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${base || 'cartera'}.${extension}`;
}

/** Downloads rows as the CSV of a table's columns (their labels and values; csv.ts's format for `lang`), named after its title. */
export function downloadTableCsv<Row>(title: string, columns: readonly { label: string; value: (row: Row) => string | number | null }[], rows: readonly Row[], lang: Lang): void {
	const text = toCsv(
		columns.map((c) => c.label),
		rows.map((row) => columns.map((c) => c.value(row))),
		lang
	);
	downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName(title, 'csv'));
}
