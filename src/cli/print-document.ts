// A figure's document as readable text: scalars as "name: value", lists of rows as aligned tables.
// Numbers in Spanish format, grouped as the pages write them (lib/format.ts: 1.234,56), shares and
// rates as percentages.
import { formatNumber, formatPercent } from '../lib/format';
import { formatKpi, kpiUnit } from '../lib/kpi-units';

const PERCENT = /share|rate$|rate_|^conversion$|^probability$|^mom$|^yoy$|_change$|^top|^accuracy$|^wape$|^mape$|^bias$|approve_at|observe_below|reject_below/;
const INDEX = /gini|normalized/;
const MONEY = /revenue|amount|forecast|actual|error|prospect_size|weighted|^total$/;

function format(key: string, value: unknown, parent = ''): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number' && parent === 'bridge') return formatNumber(value, 'es', 2);
	if (typeof value === 'number') {
		if (PERCENT.test(key)) return formatPercent(value, 'es');
		if (INDEX.test(key)) return formatNumber(value, 'es', 3);
		if (MONEY.test(key)) return formatNumber(value, 'es', 2);
		return formatNumber(value, 'es', Number.isInteger(value) ? 0 : 2);
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
	const pct = (v: number) => formatPercent(v, 'es');
	// As the pages write the KPI (lib/kpi-units.ts formatKpi): HHI points, a count a month, a share;
	// money a year as a plain amount (the documents do not carry the currency's label).
	const show = (id: string, v: number) => (kpiUnit(id) === 'money' ? formatNumber(v, 'es', 2) : formatKpi(id, v, 'es', ''));
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
