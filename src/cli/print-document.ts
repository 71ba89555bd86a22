// A figure's document as readable text: scalars as "name: value", lists of rows as aligned tables.
// Numbers in Spanish format (1.234,56), shares and rates as percentages.
import { kpiUnit } from '../lib/kpi-units';

const PERCENT = /share|rate$|rate_|^conversion$|^probability$|^mom$|^yoy$|_change$|^top|^accuracy$|^wape$|^mape$|^bias$|approve_at|observe_below|reject_below/;
const INDEX = /gini|normalized/;
const MONEY = /revenue|amount|forecast|actual|error|prospect_size|weighted|^total$/;

function format(key: string, value: unknown, parent = ''): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number' && parent === 'bridge') return value.toLocaleString('es', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	if (typeof value === 'number') {
		if (PERCENT.test(key)) return `${(value * 100).toLocaleString('es', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
		if (INDEX.test(key)) return value.toLocaleString('es', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
		if (MONEY.test(key)) return value.toLocaleString('es', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		return value.toLocaleString('es', { maximumFractionDigits: 2 });
	}
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return String(value);
}

function table(rows: Record<string, unknown>[]): string {
	if (rows.length === 0) return '  (none)\n';
	const columns = Object.keys(rows[0]!);
	const cells = rows.map((r) => columns.map((c) => format(c, r[c])));
	const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
	const line = (values: string[]) => '  ' + values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
	return [line(columns), ...cells.map(line)].join('\n') + '\n';
}

/** KPI rows: the value as the KPI is read (a rate or HHI points) and its bands in words. */
function kpiRows(kpis: { id: string; value: number | null; status: string | null; thresholds: Record<string, number | string> }[]) {
	const pct = (v: number) => `${(v * 100).toLocaleString('es', { maximumFractionDigits: 1 })} %`;
	// By what the KPI measures (lib/kpi-units.ts): HHI points, money a year (prospect size), a count a month, else a share.
	const show = (id: string, v: number) => {
		const unit = kpiUnit(id);
		if (unit === 'points') return v.toLocaleString('es', { maximumFractionDigits: 0 });
		if (unit === 'money') return v.toLocaleString('es', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		if (unit === 'count') return v.toLocaleString('es', { maximumFractionDigits: 1 });
		return pct(v);
	};
	return kpis.map(({ id, value, status, thresholds: t }) => {
		const bands =
			'approve_at' in t
				? `approved ≥ ${pct(t.approve_at as number)}, observed < ${pct(t.observe_below as number)}, rejected < ${pct(t.reject_below as number)}`
				: t.direction === 'higher'
					? `approved ≥ ${show(id, t.approve as number)}, observed < ${show(id, t.observe as number)}, rejected < ${show(id, t.reject as number)}`
					: `approved ≤ ${show(id, t.approve as number)}, observed > ${show(id, t.observe as number)}, rejected > ${show(id, t.reject as number)}`;
		return { kpi: id, value: value === null ? '—' : show(id, value), status: status ?? '—', bands };
	});
}

export function printDocument(name: string, doc: unknown, indent = '', parent = ''): string {
	if (name === 'kpis' && !indent) {
		const d = doc as { as_of: string; kpis: Parameters<typeof kpiRows>[0] };
		return `kpis\nas_of: ${d.as_of}\n${table(kpiRows(d.kpis))}`;
	}
	let out = indent ? '' : `${name}\n`;
	for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
		if (key === 'lorenz') out += `${indent}lorenz: ${(value as unknown[]).length} points (--json lists them)\n`;
		else if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) out += `${indent}${key}:\n${table(value as Record<string, unknown>[])}`;
		else if (typeof value === 'object' && value !== null) out += `${indent}${key}:\n${printDocument(name, value, indent + '  ', key)}`;
		// prospect_size's `value` is money (its other fields are counts).
		else out += `${indent}${key}: ${format(name === 'prospect_size' && key === 'value' ? 'amount' : key, value, parent)}\n`;
	}
	return out;
}
