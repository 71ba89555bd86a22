// The upload page's decisions, apart from its state and its markup: which staged files are checked
// and loaded together, what a file still misses, whether the load may start, how far a job is, and
// what the whole-file report found for the decimal mark and date order. Pure functions of plain
// data (the page keeps the state in runes), tested in tests/features/upload/view.test.ts.
import { formatNumber } from '$lib/format';
import type { Lang } from '$lib/i18n/lang';
import type { FileReport } from '$lib/server/ingest/report';
import type { FilePreview } from '$lib/server/uploads/stage';
import type { messages } from './messages';

export { ENCODINGS, KINDS } from '$lib/file-vocabulary';

type Texts = (typeof messages)['es'];
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
	preview?: Preview;
	error?: string;
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
export function mapDoc(e: Pick<Entry, 'map'>): { columns: Entry['map'] } | undefined {
	return Object.keys(e.map).length ? { columns: e.map } : undefined;
}

function groupKey(e: Pick<Entry, 'options' | 'map'>): string {
	return JSON.stringify({ options: e.options, map: e.map });
}

/** Files read with the same settings and mapping are checked and loaded together (invoice documents + lines pair up), in the order they came. */
export function groupEntries<E extends Pick<Entry, 'options' | 'map'>>(entries: E[]): { key: string; entries: E[] }[] {
	const out = new Map<string, E[]>();
	for (const e of entries) out.set(groupKey(e), [...(out.get(groupKey(e)) ?? []), e]);
	return [...out.entries()].map(([key, list]) => ({ key, entries: list }));
}

/** A setting changed: '' goes back to detection; another kind forgets the columns mapped for the old one. */
export function withOption(e: Pick<Entry, 'options' | 'map'>, key: keyof Options, value: string): void {
	if (value === '') delete e.options[key];
	else e.options[key] = value;
	if (key === 'kind') e.map = {};
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
export function detectedFormat(reports: FileReport[], fileName: string, what: 'decimal' | 'date', t: Pick<Texts, 'decimals' | 'dateOrders'>): string | null {
	for (const f of reports) {
		if (!f.file.split(' + ').includes(fileName)) continue;
		const keys = what === 'decimal' ? DECIMAL_COLUMNS : DATE_COLUMNS;
		const formats = Object.entries(f.formats).filter(([, v]) => v.startsWith('decimal') === (what === 'decimal'));
		const v = (formats.find(([k]) => keys.includes(k)) ?? formats[0])?.[1];
		if (!v) continue;
		if (what === 'decimal') return t.decimals[v.charAt(9)] ?? v;
		const order = v.startsWith('%d') ? 'dmy' : v.startsWith('%m') ? 'mdy' : v.startsWith('%Y') || v.startsWith('%y') ? 'ymd' : null;
		return order ? `${t.dateOrders[order]}: ${v}` : v;
	}
	return null;
}

/** A file's size: MB from 1 MiB up, else whole kB (rounded up, so a small file is never "0 kB"). */
export function sizeText(bytes: number, lang: Lang): string {
	return bytes >= 1048576 ? `${formatNumber(bytes / 1048576, lang, 1)} MB` : `${formatNumber(Math.ceil(bytes / 1024), lang)} kB`;
}
