// The table inside a figure's document (segments, months, Lorenz points), for CSV and Arrow.
import { tableFromJSON, tableToIPC } from 'apache-arrow';
import { toCsv, type CsvCell } from '../../csv';

export function tabularPart(doc: unknown): Record<string, unknown>[] {
	const d = doc as Record<string, unknown>;
	if (Array.isArray(d.segments)) return d.segments as Record<string, unknown>[];
	if (Array.isArray(d.rows)) return d.rows as Record<string, unknown>[];
	if (Array.isArray(d.months)) return d.months as Record<string, unknown>[];
	// funnel: each entry kind, then all kinds (kind null); loss_reasons: the period's reasons; open_pipeline: its stages.
	if (Array.isArray(d.kinds)) return [...(d.kinds as Record<string, unknown>[]), d.all as Record<string, unknown>];
	if (Array.isArray(d.reasons)) return d.reasons as Record<string, unknown>[];
	if (Array.isArray(d.by_stage)) return d.by_stage as Record<string, unknown>[];
	if (Array.isArray(d.lorenz)) return (d.lorenz as [number, number][]).map(([p, l]) => ({ p, l }));
	return [];
}

/** A value of a figure's table as a CSV cell: numbers, text and booleans as they are, anything else as JSON. */
function cellOf(value: unknown): CsvCell {
	if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (typeof value === 'bigint') return String(value);
	return JSON.stringify(value);
}

/**
 * The table as CSV for machines (comma, decimal point, no BOM; the dashboard's downloads follow
 * the user's locale), written by the app's one CSV writer: text a spreadsheet would run as a
 * formula is neutralised here too (a client named `=HYPERLINK(…)`).
 */
export function tableCsv(rows: Record<string, unknown>[]): string {
	if (rows.length === 0) return '';
	const columns = Object.keys(rows[0]!);
	return toCsv(columns, rows.map((row) => columns.map((column) => cellOf(row[column]))), 'en', { bom: false });
}

export function toArrowStream(rows: Record<string, unknown>[]): Uint8Array {
	return tableToIPC(tableFromJSON(rows as Record<string, null>[]), 'stream');
}
