// The layout of a text export, from its head: delimiter, quote character and header row (ERP
// reports often put a title block above it: "Informe de ventas", "Empresa: …", a blank line).
import Papa from 'papaparse';

export const DELIMITERS = [';', ',', '\t', '|'] as const;

export interface Layout {
	delimiter: string;
	quote: string;
	headers: string[];
	/** 1-based physical line of the header row. */
	headerLine: number;
}

export interface LayoutOptions {
	delimiter?: string;
	quote?: string;
	/** 1-based line of the header row, when the user knows better. */
	headerLine?: number;
}

interface Row {
	fields: string[];
	/** 1-based physical line where the row starts. */
	line: number;
}

const PREVIEW_ROWS = 200;

function parseRows(text: string, delimiter: string, quote: string): Row[] {
	const rows: Row[] = [];
	const lineStarts = lineStartOffsets(text);
	let start = 0;
	Papa.parse<string[]>(text, {
		delimiter,
		quoteChar: quote,
		escapeChar: quote,
		preview: PREVIEW_ROWS,
		step: (result) => {
			// Papaparse reports where each row ends; the row starts after the previous one's line break.
			let s = start;
			while (text[s] === '\r' || text[s] === '\n') s++;
			rows.push({ fields: result.data, line: lineOf(lineStarts, s) });
			start = result.meta.cursor;
		}
	});
	return rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

function lineStartOffsets(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
	}
	return starts;
}

function lineOf(starts: number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

const filled = (fields: string[]) => fields.filter((f) => f.trim() !== '').length;

function trimTrailingEmpty(fields: string[]): string[] {
	const out = fields.map((f) => f.trim());
	while (out.length > 1 && out[out.length - 1] === '') out.pop();
	return out;
}

/** The most frequent number of fields among rows with at least two. */
function modalWidth(rows: Row[]): { width: number; rows: number } {
	const counts = new Map<number, number>();
	for (const r of rows) {
		const w = r.fields.length;
		if (w >= 2) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
	let best = { width: 1, rows: 0 };
	for (const [width, n] of counts) if (n > best.rows || (n === best.rows && width > best.width)) best = { width, rows: n };
	return best;
}

/** Single quotes as the quoting character: most filled fields are wrapped in them. */
function quoteOf(rows: Row[]): string {
	const fields = rows.flatMap((r) => r.fields.map((f) => f.trim()).filter((f) => f !== ''));
	const single = fields.filter((f) => f.length >= 2 && f.startsWith("'") && f.endsWith("'")).length;
	return fields.length > 0 && single > fields.length / 2 ? "'" : '"';
}

export function detectLayout(text: string, options: LayoutOptions = {}): Layout | null {
	const candidates = options.delimiter ? [options.delimiter] : [...DELIMITERS];
	let best: { delimiter: string; rows: Row[]; score: number } | null = null;
	for (const delimiter of candidates) {
		const rows = parseRows(text, delimiter, '"');
		// Rows that agree on a width, weighted by the width: "1.630,00" split on commas agrees too, narrowly.
		const { width, rows: n } = modalWidth(rows);
		const score = width >= 2 ? n * (width - 1) : 0;
		if (!best || score > best.score) best = { delimiter, rows, score };
	}
	if (!best || best.rows.length === 0) return null;
	let { rows } = best;
	const quote = options.quote ?? quoteOf(rows);
	if (quote !== '"') rows = parseRows(text, best.delimiter, quote);

	let header: Row | undefined;
	if (options.headerLine) header = rows.find((r) => r.line === options.headerLine);
	else {
		// The typical width of a row, not counting empty trailing fields; the header is the first row
		// full enough to name the columns, followed by a row about as wide.
		const typical = modalWidth(rows.map((r) => ({ ...r, fields: trimTrailingEmpty(r.fields) }))).width;
		const need = Math.max(typical >= 2 ? 2 : 1, Math.ceil(typical * 0.6));
		header = rows.find((r, i) => {
			const next = rows[i + 1];
			return filled(r.fields) >= need && (!next || next.fields.length >= need);
		});
		header ??= rows[0];
	}
	if (!header) return null;
	return { delimiter: best.delimiter, quote, headers: trimTrailingEmpty(header.fields), headerLine: header.line };
}
