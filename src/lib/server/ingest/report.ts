// What an ingest reports about each file: the column table (the same for the staged preview and
// the load), its rejections (stored with the batch, read back), its warnings, the amount total and
// date range of the rows that load, and the formats the conversion read. Rejections and warnings
// are codes and values: the edges (routes, upload jobs, CLI) word the report in the user's language
// with i18n/ingest-report.ts, into the shape the API and `--json` give (FileReport below).
import type { Database } from '../db/database';
import type { Said } from './codes';
import type { ConversionPlan } from './convert';
import type { FedCounts } from './feeds';
import { KIND_SPECS, type ColumnSpec, type Kind, type KindSpec } from './kinds';
import type { ColumnMapping, Recognition } from './mapping';
import type { MergeCounts } from './merge';
import { createRejectionContext, type RejectedRow } from './rejection-context';
import type { Source } from './read-source';
import { csvRelation, headersOf, type Converted, type Prepared } from './sources';
import type { SkippedLines } from './surroundings';
import { normalizeKey, sqlIdent } from './text';

/** How a canonical column got its source header: from the user, remembered, by its own name, by a synonym, or none. */
export type ColumnMatch = 'given' | 'remembered' | 'exact' | 'synonym' | 'none';

/** Where a file's mapping came from: given with this load (--map, the upload page), remembered for its headers, or detected. */
export type MappingOrigin = 'given' | 'remembered' | 'detected';

export interface ColumnReport {
	/** Canonical column of the file's kind. */
	name: string;
	required: boolean;
	/** A required column any one of these sets of columns may replace (amount ← quantity × unit price, or ← the gross total). */
	required_unless?: string[][];
	/** Invoice documents or lines file: a field the other file of the pair usually brings (not required of this one). */
	other_file?: true;
	/** The source header mapped to it, or null. */
	source: string | null;
	match: ColumnMatch;
	/** A few distinct values of the source column, as written (first records of the file). */
	samples: string[];
}

/** A rejected cell as the core reports it: why is a code and the values it names. */
export interface CodedRejection {
	line: number | null;
	column: string;
	value: string | null;
	/** The reason's stable code (codes.ts): missing, bad_number, bad_date…; '' for rows stored before reasons had codes. */
	code: string;
	params: Said['params'];
	/** The text stored with the rejection (upload_rejections.reason): what rows without a code are said with. */
	stored: string;
}

/** A rejected cell as the API and `--json` give it: why, said in the report's language, and its code. */
export interface Rejection {
	line: number | null;
	column: string;
	value: string | null;
	/** Why, in the report's language. */
	reason: string;
	/** The reason's stable code (codes.ts): missing, bad_number, bad_date… */
	code: string;
}

/** A file's report as the core gives it: its rejections and warnings are codes and values. */
export interface CodedFileReport extends Omit<MergeCounts, 'duplicates'> {
	file: string;
	kind: Kind;
	batch_id: number;
	rows_read: number;
	rejected: number;
	duplicates: number;
	encoding: string;
	delimiter: string;
	/** An Excel workbook: the worksheet read, and the others, not read (in the workbook's order). */
	sheet?: string;
	other_sheets?: string[];
	/** Canonical column → source header. */
	mapping: Record<string, string>;
	/** Where the mapping came from: detected from the headers, given with --map, or remembered. */
	mapping_source: MappingOrigin;
	/** The kind was detected (not given nor remembered): how sure, and what in the file says so. */
	recognition: Recognition | null;
	formats: Record<string, string>;
	/** Clients and products filled from the attributes of a flat sales export. */
	also: FedCounts;
	rejections: CodedRejection[];
	/** What surrounds the data, skipped and never loaded: title lines, blank lines, subtotal and total rows (surroundings.ts). */
	skipped: SkippedLines[];
	/** The rows of the rejections listed, with what identifies each (key, client, date as written), by line. */
	rejected_rows: RejectedRow[];
	warnings: Said[];
	/** Sum of the amount column over the rows that load, to the cent; null for clients and products. */
	amount_total: number | null;
	/** First and last value of the kind's main date column over the rows that load. */
	date_range: { from: string; to: string } | null;
	/** Rows that load dated after today. */
	future_dates: number;
	/** A previous batch, not undone, of the same bytes. */
	already_loaded: { batch_id: number; loaded_at: string } | null;
	/** Each canonical column of the kind, its source header, how it was matched, sample values. */
	columns: ColumnReport[];
}

export interface CodedIngestReport {
	files: CodedFileReport[];
}

/** A file's report as the API and `--json` give it: its reasons and warnings said (i18n/ingest-report.ts). */
export interface FileReport extends Omit<CodedFileReport, 'rejections' | 'warnings' | 'recognition'> {
	rejections: Rejection[];
	warnings: string[];
	/** How sure the detected kind is, what says so (in the report's language), and the kinds it could also be. */
	recognition: { confidence: number; evidence: string; others: Recognition['others'] } | null;
}

export interface IngestReport {
	files: FileReport[];
}

/**
 * For the mapping table: every field of the kind a user can map — required ones first, so any
 * column can be mapped by hand — its header, how it was matched, samples (per header index). An
 * invoice documents or lines file lists the fields of the whole invoices kind: those of the other
 * file (`other_file`) are not required of it, and mapping one makes it a whole invoices export.
 */
export function columnReport(
	spec: KindSpec,
	mapping: ColumnMapping,
	user: Prepared['userMapping'],
	headers: string[],
	samples: string[][]
): ColumnReport[] {
	const own = new Set(spec.columns.map((c) => c.name));
	const fields = (spec.part ? KIND_SPECS[spec.kind] : spec).columns
		.filter((c) => c.synonyms.length > 0) // internal columns are not the user's to map
		.map((c) => (own.has(c.name) ? spec.columns.find((o) => o.name === c.name)! : c));
	const required = (c: ColumnSpec) => own.has(c.name) && !!c.required;
	return [...fields.filter(required), ...fields.filter((c) => !required(c))]
		.map((column) => {
			const index = mapping[column.name];
			const source = index === undefined ? null : (headers[index] ?? null);
			let match: ColumnMatch = 'none';
			if (source !== null) {
				if (user?.mapping.columns && column.name in user.mapping.columns) match = user.origin;
				else match = normalizeKey(source) === normalizeKey(column.name) ? 'exact' : 'synonym';
			}
			return {
				name: column.name,
				required: required(column),
				...(column.requiredUnless && required(column) ? { required_unless: column.requiredUnless } : {}),
				...(own.has(column.name) ? {} : { other_file: true }),
				source,
				match,
				samples: index === undefined ? [] : (samples[index] ?? [])
			};
		});
}

/** Up to `perColumn` distinct non-empty values per column among records (cells trimmed). */
export function distinctSamples(rows: (string | null | undefined)[][], width: number, perColumn = 3): string[][] {
	return Array.from({ length: width }, (_, i) => [...new Set(rows.map((r) => r[i]?.trim() ?? '').filter((v) => v !== ''))].slice(0, perColumn));
}

/** Sample values of a source's columns among its first records (for the mapping table). */
export async function sampleValues(db: Database, source: Source, records = 50): Promise<string[][]> {
	const width = source.headers.length;
	try {
		const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${csvRelation(source, false)} LIMIT ${records}`);
		return distinctSamples(rows.map((r) => source.headers.map((_, i) => r[`c${i}`])), width);
	} catch {
		return Array.from({ length: width }, () => []); // samples are a help, never a reason to fail
	}
}

/** The amount and main date column of each kind (clients: when they became clients). */
const SUMMARY_COLUMNS: Record<Kind, { amount?: string; date?: string }> = {
	clients: { date: 'created_at' },
	products: {},
	invoices: { amount: 'amount', date: 'invoice_date' },
	opportunities: { amount: 'amount', date: 'created_at' },
	quotes: { amount: 'amount', date: 'issued_at' },
	forecasts: { amount: 'forecast_amount', date: 'month' },
	targets: { amount: 'revenue_target', date: 'month' }
};

/** Today in the server's time zone, as the date columns are (YYYY-MM-DD). */
function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Amount total, date range and future dates over the rows that load (valid, the last of repeated keys). */
export async function summarise(db: Database, c: Converted, duplicates: number) {
	const { amount, date } = SUMMARY_COLUMNS[c.spec.kind];
	const today = localToday();
	const empty = { amount_total: amount ? 0 : null, date_range: null, future_dates: 0, today };
	if (!amount && !date) return empty;
	const lastOfKey = duplicates > 0 ? ` QUALIFY row_number() OVER (PARTITION BY ${c.spec.key.join(', ')} ORDER BY ${c.plan.recordIndex} DESC) = 1` : '';
	const row = (await db.one<{ amount_total: number | null; from: string | null; to: string | null; future: number }>(
		`SELECT ${amount ? `round(sum(${amount}), 2)::DOUBLE` : 'NULL::DOUBLE'} AS amount_total,
			${date ? `min(${date})::VARCHAR` : 'NULL'} AS "from", ${date ? `max(${date})::VARCHAR` : 'NULL'} AS "to",
			${date ? `count(*) FILTER (WHERE ${date} > $1::DATE)` : '0'}::INTEGER AS future
		 FROM (SELECT * FROM ${sqlIdent(c.conv)} WHERE problems IS NULL${lastOfKey})`,
		[today]
	))!;
	return {
		amount_total: amount ? (row.amount_total ?? 0) : null,
		date_range: row.from && row.to ? { from: row.from, to: row.to } : null,
		future_dates: row.future,
		today
	};
}

/** Stores every rejected cell with its source line, header and reason; returns row counts. */
export async function storeRejections(db: Database, c: Converted, batchId: number) {
	const { conv, plan } = c;
	const counts = (await db.one<{ rows_read: number; rejected: number }>(
		`SELECT count(*)::INTEGER AS rows_read, count(*) FILTER (WHERE problems IS NOT NULL)::INTEGER AS rejected FROM ${sqlIdent(conv)}`
	))!;
	if (counts.rejected > 0) {
		// Each cell keeps what identifies its row (rejection-context.ts), for whoever fixes it.
		const withContext = await createRejectionContext(db, c);
		await db.run(
			`INSERT INTO upload_rejections (batch_id, line, "column", value, reason, reason_code, reason_params, context)
			 SELECT $1, l.line, r.header, c.p.value, r.reason, r.reason_code, r.reason_params, ${withContext ? 'x.context' : 'NULL'}
			 FROM (SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(problems) AS p FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL) c
			 LEFT JOIN ${sqlIdent(`${conv}_lines`)} l USING (rid)
			 ${withContext ? `LEFT JOIN ${sqlIdent(`${conv}_context`)} x USING (rid)` : ''}
			 JOIN ${sqlIdent(`${conv}_reasons`)} r ON r.col = c.p.col AND r.code = c.p.code`,
			[batchId]
		);
	}
	return { rowsRead: counts.rows_read, rejected: counts.rejected };
}

/**
 * The first rejections of a batch with their stored code and values (rows stored before reasons
 * had codes have code '' and keep their English text, `stored`).
 */
export async function readRejections(db: Database, batchId: number, limit: number, offset = 0): Promise<CodedRejection[]> {
	// rowid keeps a row's cells in the order they were stored, and pages (offset) from moving.
	const rows = await db.all<{ line: number | null; column: string; value: string | null; reason: string; code: string | null; params: string | null }>(
		`SELECT line, "column", value, reason, reason_code AS code, reason_params::VARCHAR AS params
		 FROM upload_rejections WHERE batch_id = $1 ORDER BY line NULLS LAST, rowid LIMIT $2 OFFSET $3`,
		[batchId, limit, offset]
	);
	const parsed = new Map<string, Said['params']>(); // many rows share a reason: parse its values once
	return rows.map(({ line, column, value, reason, code, params }) => {
		let values = parsed.get(params ?? '');
		if (values === undefined) parsed.set(params ?? '', (values = params ? (JSON.parse(params) as Said['params']) : {}));
		return { line, column, value, code: code ?? '', params: values, stored: reason };
	});
}

/** Canonical column → the source header that fills it. */
export function headerMapping(p: Prepared): Record<string, string> {
	const headers = headersOf(p);
	return Object.fromEntries(Object.entries(p.mapping).map(([column, index]) => [column, headers[index]!]));
}

/** The number and date formats the conversion read, per column, as the report says them. */
export function describeFormats(plan: ConversionPlan): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [column, f] of Object.entries(plan.numbers)) out[column] = `decimal '${f.decimal}'${f.percent ? ', in %' : ''}`;
	for (const [column, f] of Object.entries(plan.dates)) out[column] = f.format ?? 'unreadable';
	return out;
}

/** A workbook's worksheet read and the others (the report's `sheet`, `other_sheets`); nothing for a text export. */
export function workbookSheets(source: Source): { sheet?: string; other_sheets?: string[] } {
	if (!source.workbook) return {};
	const { sheet, sheets } = source.workbook;
	return { sheet, other_sheets: sheets.filter((s) => s !== sheet) };
}

/** Which worksheet of a workbook of several was read, and why (the first of a file's warnings). */
export function sheetNote(source: Source): Said[] {
	const { sheet, other_sheets: others = [] } = workbookSheets(source);
	if (sheet === undefined || others.length === 0) return [];
	return [{ code: 'xlsx_sheet_read', params: { sheet, others, chosen: source.workbook!.chosen } }];
}
