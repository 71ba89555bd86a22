// Goals written wide, one column per month (`Comercial;ene 2026;feb 2026;…`, `Ejecutivo;2026-01;2026-02`),
// as spreadsheets keep them: rewritten to the long form (`Comercial;Mes;Meta`, one row per scope
// and month) before anything else reads the file, so the goals load as any metas export. A file
// is read so only when at least two headers are months and every other header is a goal's column
// (the scope: Ejecutivo, Línea, Región, Ámbito/Valor…); a month left empty is no goal. A rejected
// goal is reported at its line of the long form (header, then one line per scope and month written).
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { KIND_SPECS } from './kinds';
import { mapHeaders } from './recognise/map-headers';

const MONTHS: Record<string, number> = {};
const NAMES = [
	['ene', 'enero', 'jan', 'january'], ['feb', 'febrero', 'february'], ['mar', 'marzo', 'march'], ['abr', 'abril', 'apr', 'april'],
	['may', 'mayo'], ['jun', 'junio', 'june'], ['jul', 'julio', 'july'], ['ago', 'agosto', 'aug', 'august'],
	['sep', 'sept', 'set', 'septiembre', 'setiembre', 'september'], ['oct', 'octubre', 'october'], ['nov', 'noviembre', 'november'],
	['dic', 'diciembre', 'dec', 'december']
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (m: number) => String(m).padStart(2, '0');

/** A header naming a month ("ene 2026", "Enero-2026", "Jan. 2026", "2026-01", "01/2026") as YYYY-MM; else null. */
export function monthHeader(header: string): string | null {
	const h = header.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	let m = /^(\d{4})[-/.](\d{1,2})$/.exec(h);
	if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : null;
	m = /^(\d{1,2})[-/.](\d{4})$/.exec(h);
	if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(Number(m[1]))}` : null;
	m = /^([a-z]+)\.?[\s\-/]*(?:de\s+)?(\d{4}|\d{2})$/.exec(h);
	if (m && MONTHS[m[1]!]) return `${m[2]!.length === 2 ? `20${m[2]}` : m[2]}-${pad(MONTHS[m[1]!]!)}`;
	return null;
}

/** The month columns and the others, when the headers are goals written wide; else null. */
export function wideGoalColumns(headers: string[]): { months: { index: number; month: string }[]; others: number[] } | null {
	const months = headers.flatMap((h, index) => {
		const month = monthHeader(h);
		return month ? [{ index, month }] : [];
	});
	if (months.length < 2) return null;
	const others = headers.map((_, i) => i).filter((i) => !months.some((m) => m.index === i) && headers[i]!.trim() !== '');
	if (others.length === 0) return null;
	// Every other header must be a goal's column other than month or amount (its scope).
	const mapped = mapHeaders(others.map((i) => headers[i]!), KIND_SPECS.targets).mapping;
	const used = new Set(Object.entries(mapped).filter(([c]) => c !== 'month' && c !== 'revenue_target').map(([, i]) => i));
	return used.size === others.length ? { months, others } : null;
}

/**
 * Writes the long form of a wide goals file (at `path`, in `encoding`, its header on `headerLine`) to `out`:
 * the other columns, then "Mes" and "Meta", one row per record and month with a goal written.
 */
export function writeLongGoals(path: string, encoding: 'utf8' | 'latin1', layout: { headers: string[]; headerLine: number; delimiter: string; quote: string }, wide: NonNullable<ReturnType<typeof wideGoalColumns>>, out: string): void {
	const text = readFileSync(path, encoding).replace(/^\uFEFF/, '');
	// A goals file is a few hundred rows: Papaparse reads it whole, as the layout's sniffing does.
	const rows = Papa.parse<string[]>(text, { delimiter: layout.delimiter, quoteChar: layout.quote || '"' }).data.slice(layout.headerLine);
	const long = [[...wide.others.map((i) => layout.headers[i]!), 'Mes', 'Meta']];
	for (const r of rows) {
		if (r.every((v) => v.trim() === '')) continue;
		for (const m of wide.months) {
			const value = (r[m.index] ?? '').trim();
			if (value !== '') long.push([...wide.others.map((i) => r[i] ?? ''), m.month, value]);
		}
	}
	writeFileSync(out, `${Papa.unparse(long, { delimiter: ';', newline: '\n' })}\n`);
}
