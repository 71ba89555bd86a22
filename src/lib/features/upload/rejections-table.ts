// The rejected rows as a table a person can act on: the line, what identifies the row (its key,
// client and date as written in the file, under their business names), then the failing cell:
// column, value, reason. The upload page's download (the dry-run report) and the history's
// rejections CSV (/cargar/historial/[id]/rechazos.csv) both write it through csv.ts.
import type { CsvCell } from '$lib/csv';
import { fieldName } from '$lib/i18n/field-names';
import type { Lang } from '$lib/i18n/lang';
import type { RejectedRow } from '$lib/server/ingest/rejection-context';
import type { Rejection } from '$lib/server/ingest/report';
import { messages } from './messages';

/** The header row: line, the identifying fields of the file's kind, column, value, reason. */
export function rejectionHeader(kind: string, identifying: string[], lang: Lang): string[] {
	const t = messages[lang];
	return [t.line, ...identifying.map((c) => fieldName(kind, c, lang)), t.column, t.value, t.reason];
}

/** One record per rejected cell, with its row's identifying values beside it. */
export function rejectionRecords(cells: Pick<Rejection, 'line' | 'column' | 'value' | 'reason'>[], rows: RejectedRow[], identifying: string[]): CsvCell[][] {
	const byLine = new Map(rows.map((r) => [r.line, r.values]));
	return cells.map((r) => {
		const values = byLine.get(r.line) ?? {};
		return [r.line, ...identifying.map((c) => values[c] ?? null), r.column, r.value, r.reason];
	});
}
