// The table inside a figure's document (segments, months, Lorenz points), for CSV and Arrow.
import { tableFromJSON, tableToIPC } from 'apache-arrow';

export function tabularPart(doc: unknown): Record<string, unknown>[] {
	const d = doc as Record<string, unknown>;
	if (Array.isArray(d.segments)) return d.segments as Record<string, unknown>[];
	if (Array.isArray(d.months)) return d.months as Record<string, unknown>[];
	if (Array.isArray(d.lorenz)) return (d.lorenz as [number, number][]).map(([p, l]) => ({ p, l }));
	return [];
}

/** RFC 4180 CSV (comma, decimal point: for machines; the dashboard's exports follow the user's locale). */
export function toCsv(rows: Record<string, unknown>[]): string {
	if (rows.length === 0) return '';
	const columns = Object.keys(rows[0]!);
	const cell = (v: unknown) => {
		if (v === null || v === undefined) return '';
		const s = String(v);
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function toArrowStream(rows: Record<string, unknown>[]): Uint8Array {
	return tableToIPC(tableFromJSON(rows as Record<string, null>[]), 'stream');
}
