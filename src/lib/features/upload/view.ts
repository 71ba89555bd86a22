// The upload page's decisions, apart from its state and its markup: which staged files are checked
// and loaded together, what a file still misses, whether the load may start, how far a job is, and
// what the whole-file report found for the decimal mark and date order. Pure functions of plain
// data (the page keeps the state in runes), tested in tests/features/upload/view.test.ts.
import { KINDS as ALL_KINDS } from '$lib/file-vocabulary';
import { formatNumber } from '$lib/format';
import { fieldName, formatInWords } from '$lib/i18n/field-names';
import type { Lang } from '$lib/i18n/lang';
import type { ColumnReport, FileReport } from '$lib/server/ingest/report';
import type { FilePreview } from '$lib/server/uploads/stage';

export { ENCODINGS, KINDS } from '$lib/file-vocabulary';

export type Preview = NonNullable<FilePreview['preview']>;
export type Options = Partial<Record<'kind' | 'encoding' | 'delimiter' | 'decimal' | 'date_order' | 'header_line' | 'sheet', string>>;

/** A staged file as the page holds it: the settings and mapping chosen, and what the server read with them. */
export interface Entry {
	id: string;
	name: string;
	size: number;
	options: Options;
	/** Columns whose header the user chose (null: none). */
	map: Record<string, string | null>;
	/**
	 * The kind the chosen mapping is for: set when a field of the other file of an invoice pair is
	 * mapped by hand (an invoice documents file given its amount is a whole invoices export).
	 */
	mapKind?: string;
	preview?: Preview;
	/** A workbook's worksheets, as last previewed. */
	sheets?: string[];
	error?: string;
	/** The code of `error` (codes.ts): an ambiguous or unknown kind is asked about. */
	code?: string;
	/** ambiguous_kind: the kinds the file could be, with the recogniser's confidence (0 to 1). */
	candidates?: { kind: string; confidence: number }[];
	loading: boolean;
}

/** The dry-run report of a group of files read with the same settings. */
export interface GroupReport {
	ids: string[];
	files?: FileReport[];
	error?: string;
	loading: boolean;
}

/** A load job's progress, as /api/uploads/jobs/[job] answers it. */
export interface Progress {
	phase: string;
	file: string;
	done: number;
	total: number;
}

/** The mapping to send with a file's settings (undefined: nothing chosen by hand). */
export function mapDoc(e: Pick<Entry, 'map' | 'mapKind'>): { kind?: string; columns: Entry['map'] } | undefined {
	if (!Object.keys(e.map).length) return undefined;
	return e.mapKind ? { kind: e.mapKind, columns: e.map } : { columns: e.map };
}

function groupKey(e: Pick<Entry, 'options' | 'map' | 'mapKind'>): string {
	return JSON.stringify({ options: e.options, map: e.map, mapKind: e.mapKind });
}

/** Files read with the same settings and mapping are checked and loaded together (invoice documents + lines pair up), in the order they came. */
export function groupEntries<E extends Pick<Entry, 'options' | 'map' | 'mapKind'>>(entries: E[]): { key: string; entries: E[] }[] {
	const out = new Map<string, E[]>();
	for (const e of entries) out.set(groupKey(e), [...(out.get(groupKey(e)) ?? []), e]);
	return [...out.entries()].map(([key, list]) => ({ key, entries: list }));
}

/** A setting changed: '' goes back to detection; another kind forgets the columns mapped for the old one. */
export function withOption(e: Pick<Entry, 'options' | 'map' | 'mapKind'>, key: keyof Options, value: string): void {
	if (value === '') delete e.options[key];
	else e.options[key] = value;
	if (key === 'kind') {
		e.map = {};
		delete e.mapKind;
	}
}

/**
 * A field mapped by hand ('' = none). A field the other file of an invoice pair usually brings
 * (an amount on a documents file) makes the mapping one of the whole kind.
 */
export function withMapping(e: Pick<Entry, 'map' | 'mapKind' | 'preview'>, column: string, header: string): void {
	e.map[column] = header === '' ? null : header;
	const field = e.preview?.columns.find((c) => c.name === column);
	if (field?.other_file && header !== '' && e.preview?.kind) e.mapKind = e.preview.kind;
}

/** A row of the mapping table: the field by its business name, and the format the report read in words. */
export interface MappingRow extends ColumnReport {
	label: string;
	format: string | null;
}

/** The mapping table of a file: every field of its kind, required ones first (as the core lists them), named for a user. */
export function mappingRows(e: Pick<Entry, 'name' | 'preview'>, reports: FileReport[], lang: Lang): MappingRow[] {
	const kind = e.preview?.kind ?? '';
	const formats = reports.find((f) => f.file.split(' + ').includes(e.name))?.formats ?? {};
	return (e.preview?.columns ?? []).map((c) => ({
		...c,
		label: fieldName(kind, c.name, lang),
		format: c.source !== null && formats[c.name] ? formatInWords(formats[c.name]!, lang) : null
	}));
}

/** A kind to choose, with how sure the recogniser is of it (0–100 %), when it says. */
export interface KindCandidate {
	kind: string;
	percent: number | null;
}

/**
 * When the page must ask what a file holds: the kinds the recogniser hesitated between (best
 * first, with their confidence), or every kind when none fitted; null when the kind is known.
 */
export function kindQuestion(e: Pick<Entry, 'code' | 'candidates'>): KindCandidate[] | null {
	if (e.code !== 'ambiguous_kind' && e.code !== 'unknown_kind') return null;
	const known = (e.candidates ?? []).filter((c) => (ALL_KINDS as readonly string[]).includes(c.kind));
	if (e.code === 'ambiguous_kind' && known.length)
		return known.map((c) => ({ kind: c.kind, percent: confidencePercent(c.confidence) })).sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0));
	return ALL_KINDS.map((kind) => ({ kind, percent: null }));
}

/** A confidence (0 to 1) as a whole percentage. */
export function confidencePercent(confidence: number): number {
	return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

/** A rejected row as the report table shows it: its line, what identifies it, and its failing cells. */
export interface RejectedRowView {
	line: number | null;
	identity: (string | null)[];
	cells: { column: string; value: string | null; reason: string }[];
}

/**
 * The report's rejections grouped by row, the first `limit` rows: the identifying fields (their
 * business names, the same for every row of a file) and each row's values. `shown` counts the rows
 * listed and `total` the rows rejected; both count rows, so `shown` never exceeds `total`.
 */
export function rejectedRows(f: Pick<FileReport, 'kind' | 'rejected' | 'rejections' | 'rejected_rows'>, lang: Lang, limit = 100) {
	const byLine = new Map<string, RejectedRowView>();
	const identities = new Map((f.rejected_rows ?? []).map((r) => [r.line, r.values]));
	const columns = identifyingColumns(f.rejected_rows ?? []);
	for (const [i, r] of f.rejections.entries()) {
		const key = r.line === null ? `#${i}` : String(r.line);
		let row = byLine.get(key);
		if (!row) {
			if (byLine.size >= limit) break;
			const values = identities.get(r.line) ?? {};
			byLine.set(key, (row = { line: r.line, identity: columns.map((c) => values[c] ?? null), cells: [] }));
		}
		row.cells.push({ column: r.column, value: r.value, reason: r.reason });
	}
	const rows = [...byLine.values()];
	return { fields: columns.map((c) => fieldName(f.kind, c, lang)), rows, shown: Math.min(rows.length, f.rejected), total: Math.max(f.rejected, rows.length) };
}

/** The identifying fields of a file's rejected rows, in the order the core gives them. */
export function identifyingColumns(rows: { values: Record<string, unknown> }[]): string[] {
	const out: string[] = [];
	for (const r of rows) for (const k of Object.keys(r.values)) if (!out.includes(k)) out.push(k);
	return out;
}

/** Required columns with no header found or chosen (a column required unless others are there counts only when they are not). */
export function missingColumns(e: Pick<Entry, 'preview'>): string[] {
	const cols = e.preview?.columns ?? [];
	const mapped = new Set(cols.filter((c) => c.source !== null).map((c) => c.name));
	return cols
		.filter((c) => c.required && c.source === null && !c.required_unless?.some((set) => set.every((a) => mapped.has(a))))
		.map((c) => c.name);
}

/** The load cannot start: no file, a file unread or missing columns, or a report not (yet) there. */
export function loadBlocked(entries: Pick<Entry, 'error' | 'preview'>[], reports: Record<string, GroupReport>): boolean {
	return entries.length === 0 || entries.some((e) => e.error || missingColumns(e).length > 0) || Object.values(reports).some((r) => r.error || !r.files);
}

/** Share of a job's work done, in %: reading, converting and merging weigh 10, 60 and 30. */
export function progressPercent(progress: Progress | null): number {
	if (!progress) return 0;
	const base: Record<string, [number, number]> = { queued: [0, 0], reading: [0, 10], converting: [10, 60], merging: [70, 30], done: [100, 0] };
	const [start, span] = base[progress.phase] ?? [0, 0];
	const share = progress.total > 0 && progress.phase !== 'done' ? Math.min(1, progress.done / progress.total) : 0;
	return Math.round(start + span * share);
}

const DECIMAL_COLUMNS = ['amount', 'forecast_amount', 'unit_price'];
const DATE_COLUMNS = ['invoice_date', 'created_at', 'issued_at', 'month'];

/**
 * What the whole-file report found for a file's decimal mark or date order, said for its select's
 * "automatic" option: the amount's (or main date's) format first, else any; null before a report.
 */
export function detectedFormat(reports: FileReport[], fileName: string, what: 'decimal' | 'date', lang: Lang): string | null {
	for (const f of reports) {
		if (!f.file.split(' + ').includes(fileName)) continue;
		const keys = what === 'decimal' ? DECIMAL_COLUMNS : DATE_COLUMNS;
		const formats = Object.entries(f.formats).filter(([, v]) => v.startsWith('decimal') === (what === 'decimal'));
		const v = (formats.find(([k]) => keys.includes(k)) ?? formats[0])?.[1];
		if (!v) continue;
		return formatInWords(v, lang); // `coma decimal`, `día/mes/año`: words, never `%d/%m/%Y`
	}
	return null;
}

/** A file's size: MB from 1 MiB up, else whole kB (rounded up, so a small file is never "0 kB"). */
export function sizeText(bytes: number, lang: Lang): string {
	return bytes >= 1048576 ? `${formatNumber(bytes / 1048576, lang, 1)} MB` : `${formatNumber(Math.ceil(bytes / 1024), lang)} kB`;
}
