// Ingest: files → detected kind and mapping → DuckDB read_csv (text) → typed rows and rejections
// → merge by key. Typing uses temporary tables only and runs before the transaction; all merges
// of one call share one transaction: an error anywhere changes nothing. A dry run does all of it,
// merge included, and rolls the transaction back: its report is what a commit would do.
import { refreshAfterBatch } from '../db/invoice-totals';
import type { Database } from '../db/database';
import type { Lang } from '../../i18n/lang';
import { convertSource, type ConversionPlan } from './convert';
import type { DateOrder } from './formats';
import { derivation } from './derive';
import { IngestError } from './errors';
import { KIND_SPECS, KINDS, type Kind } from './kinds';
import { recordLines, unclosedQuoteLine } from './line-numbers';
import { detectKind, mapHeaders } from './mapping';
import { mergeInto, type MergeCounts } from './merge';
import { eightBitEncodingOf, readSource, type Source, type SourceOptions } from './read-source';
import { csvRelation, displayName, headersOf, pairInvoiceParts, relationOf, type Prepared } from './sources';
import { prepareIngestSql } from './sql-setup';
import { normalizeKey, sqlIdent } from './text';
import { fileWarnings } from './warnings';
import { sayStored, type Said } from './messages';
import { collectRejects, createReasons, writeRejects } from './rejects';
import { applyColumns, mappingFits, rememberedMapping, rememberMapping, type UserMapping } from './user-mapping';
import { mergeFeeds, type FedCounts } from './feeds';

export interface IngestInput {
	/** Where the bytes are. */
	path: string;
	/** What the user calls the file (defaults to the path). */
	name?: string;
}

export interface IngestOptions extends SourceOptions {
	kind?: Kind;
	/** A mapping given for this load (`--map`): applied to the files whose headers it names, then remembered. */
	map?: UserMapping;
	/** Write the rejected records, with their reasons, to this CSV file. */
	rejectsPath?: string;
	/** The decimal mark and the date order, when the user knows them better than the detection. */
	decimal?: ',' | '.';
	dateOrder?: DateOrder;
	loadedBy?: string;
	/** Rejections listed per file in the report (all are stored with the batch). */
	rejectionsShown?: number;
	/**
	 * Do everything, the merge included, then roll back: the report is what a commit would do and
	 * nothing is written (no batch, no rejections, no remembered mapping; batch ids are consumed).
	 */
	dryRun?: boolean;
	/** The language of the report's rejection reasons and warnings (default English); stored reasons keep their code. */
	lang?: Lang;
	/** Called as the ingest advances: per phase, `done` of `total` files, never going back. */
	onProgress?: (progress: IngestProgress) => void;
	/** Aborting rolls everything back (the running statement is interrupted) and throws IngestCancelledError. */
	signal?: AbortSignal;
}

export interface IngestProgress {
	phase: 'reading' | 'converting' | 'merging' | 'done';
	/** The file being worked on (the last one once a phase is complete; '' for 'done'). */
	file: string;
	done: number;
	total: number;
}

/** The upload was cancelled before its commit: the database is as it was. */
export class IngestCancelledError extends IngestError<'cancelled'> {
	constructor() {
		super('cancelled', {});
		this.name = 'IngestCancelledError';
	}
}

/** How a canonical column got its source header: from the user, remembered, by its own name, by a synonym, or none. */
export type ColumnMatch = 'given' | 'remembered' | 'exact' | 'synonym' | 'none';

export interface ColumnReport {
	/** Canonical column of the file's kind. */
	name: string;
	required: boolean;
	/** The source header mapped to it, or null. */
	source: string | null;
	match: ColumnMatch;
	/** A few distinct values of the source column, as written (first records of the file). */
	samples: string[];
}

export interface CanonicalColumn {
	name: string;
	type: string;
	required: boolean;
	/** A required column these columns may replace together (amount ← quantity × unit price). */
	requiredUnless?: string[];
	/** Read from the file but not stored as such (unit price, attributes fed to clients/products). */
	auxiliary: boolean;
}

/** The columns a user can map for a kind, in order (internal columns left out). */
export function canonicalColumns(kind: Kind): CanonicalColumn[] {
	return KIND_SPECS[kind].columns
		.filter((c) => c.synonyms.length > 0)
		.map((c) => ({
			name: c.name,
			type: c.type,
			required: !!c.required,
			...(c.requiredUnless ? { requiredUnless: c.requiredUnless } : {}),
			auxiliary: !!c.auxiliary
		}));
}

/** Names of the columns a file of this kind must have (see canonicalColumns for the alternatives). */
export function requiredColumns(kind: Kind): string[] {
	return canonicalColumns(kind)
		.filter((c) => c.required)
		.map((c) => c.name);
}

export interface Rejection {
	line: number | null;
	column: string;
	value: string | null;
	/** Why, in the report's language. */
	reason: string;
	/** The reason's stable code (messages.ts): missing, bad_number, bad_date… */
	code: string;
}

export interface FileReport extends Omit<MergeCounts, 'duplicates'> {
	file: string;
	kind: Kind;
	batch_id: number;
	rows_read: number;
	rejected: number;
	duplicates: number;
	encoding: string;
	delimiter: string;
	/** Canonical column → source header. */
	mapping: Record<string, string>;
	/** Where the mapping came from: detected from the headers, given with --map, or remembered. */
	mapping_source: 'detected' | 'given' | 'remembered';
	formats: Record<string, string>;
	/** Clients and products filled from the attributes of a flat sales export. */
	also: FedCounts;
	rejections: Rejection[];
	warnings: string[];
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

export interface IngestReport {
	files: FileReport[];
}

interface Converted extends Prepared {
	conv: string;
	plan: ConversionPlan;
	/** Temporary table of rejected records, when they are to be written out. */
	rejects?: string;
	/** Sample values per source column (headersOf order). */
	samples: string[][];
}

export async function ingestFiles(database: Database, inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestReport> {
	const { signal, onProgress } = options;
	if (signal?.aborted) throw new IngestCancelledError();
	// A connection of its own: the transaction and temporary tables stay out of other queries' way.
	const db = await database.fork();
	const prepared: Prepared[] = [];
	const converted: Converted[] = [];
	// Aborting interrupts the statement running on this connection; the steps check the signal too.
	const interrupt = () => db.connection.interrupt();
	signal?.addEventListener('abort', interrupt);
	const checkpoint = () => {
		if (signal?.aborted) throw new IngestCancelledError();
	};
	const progress = (phase: IngestProgress['phase'], file: string, done: number, total: number) => onProgress?.({ phase, file, done, total });
	let settled = false; // committed, or rolled back after a dry run
	try {
		for (const [i, input] of inputs.entries()) {
			progress('reading', input.name ?? input.path, i, inputs.length);
			prepared.push(await prepare(db, input, options));
			checkpoint();
		}
		progress('reading', prepared.at(-1)?.source.name ?? '', inputs.length, inputs.length);
		if (options.map && !prepared.some((p) => p.userMapping?.origin === 'given'))
			throw new IngestError('map_headers_absent', { headers: Object.values(options.map.columns ?? {}).filter((h) => h !== null) });
		prepared.splice(0, prepared.length, ...pairInvoiceParts(prepared));
		// Master data first, so invoice lines can be checked against the clients just loaded.
		prepared.sort((a, b) => KINDS.indexOf(a.spec.kind) - KINDS.indexOf(b.spec.kind));
		await prepareIngestSql(db);
		for (const [i, p] of prepared.entries()) {
			progress('converting', displayName(p), i, prepared.length);
			converted.push(await convertOne(db, p, i, options.rejectsPath !== undefined, options.lang ?? 'en'));
			checkpoint();
		}
		progress('converting', converted.length ? displayName(converted.at(-1)!) : '', converted.length, converted.length);

		const files: FileReport[] = [];
		await db.run('BEGIN TRANSACTION');
		try {
			for (const [i, c] of converted.entries()) {
				progress('merging', displayName(c), i, converted.length);
				files.push(await mergeOne(db, c, options));
				checkpoint();
			}
			progress('merging', converted.length ? displayName(converted.at(-1)!) : '', converted.length, converted.length);
			checkpoint();
			await db.run(options.dryRun ? 'ROLLBACK' : 'COMMIT');
			settled = true;
		} catch (error) {
			if (!settled) await db.run('ROLLBACK').catch(() => undefined); // a failed COMMIT has rolled back already
			throw error;
		}
		signal?.removeEventListener('abort', interrupt);
		if (options.rejectsPath !== undefined)
			await writeRejects(db, converted.flatMap((c) => (c.rejects ? [c.rejects] : [])), options.rejectsPath);
		progress('done', '', files.length, files.length);
		return { files };
	} catch (error) {
		// An interrupted statement, or a step that saw the abort: nothing was committed.
		if (signal?.aborted && !settled) throw new IngestCancelledError();
		throw error;
	} finally {
		signal?.removeEventListener('abort', interrupt);
		for (const p of [...prepared, ...converted]) {
			p.source.cleanup();
			p.documents?.source.cleanup();
		}
		db.close(); // its temporary tables go with it
	}
}

/** A file read and matched to a kind and mapping: given (--map), remembered for its headers, or detected. */
async function prepare(db: Database, input: IngestInput, options: IngestOptions): Promise<Prepared> {
	const source = await readSource(input.path, input.name ?? input.path, options);
	try {
		const given = options.map && mappingFits(options.map, source.headers) ? options.map : null;
		const remembered = given ? null : await rememberedMapping(db, source.headers);
		const user = given ?? remembered;
		const kind = options.kind ?? user?.kind;
		// With a kind and a mapping from the user, the headers need not name the columns
		// themselves: the mapping does, and applyColumns checks that nothing required is missing.
		let { spec, mapping } = kind && user ? mapHeaders(source.headers, KIND_SPECS[kind]) : detectKind(source.headers, source.name, kind);
		if (user) mapping = applyColumns(mapping, user, source.headers, spec, source.name);
		const userMapping = user ? { mapping: user, origin: given ? ('given' as const) : ('remembered' as const) } : undefined;
		return { source, spec, mapping, options, userMapping };
	} catch (error) {
		source.cleanup();
		throw error;
	}
}

/** Typing, outside any transaction: rowids of the typed table are then the records' indexes. */
async function convertOne(db: Database, p: Prepared, n: number, rejectsWanted: boolean, lang: Lang): Promise<Converted> {
	const conv = `cartera_conv_${n}`;
	for (const source of [p.source, p.documents?.source]) {
		if (!source || (await source.quotesBalanced)) continue;
		// A quote never closed swallows the rest of the file into one value: refuse rather than guess.
		const line = await unclosedQuoteLine(source.utf8Path, source.delimiter, source.quote);
		if (line !== null)
			throw new IngestError('unclosed_quote', { file: source.name, line });
	}
	let plan: ConversionPlan;
	try {
		plan = await convertCsv(db, p, conv);
	} catch (error) {
		// UTF-8 was judged on the file's head; DuckDB found bytes further on that are not.
		if (p.source.encoding !== 'utf-8' || !/not utf-8 encoded|Invalid unicode/i.test(String(error))) throw error;
		const encoding = await eightBitEncodingOf(p.source.originalPath);
		const source = await readSource(p.source.originalPath, p.source.name, { ...p.options, encoding });
		p.source.cleanup();
		p = { ...p, source };
		plan = await convertCsv(db, p, conv);
	}
	const rejected = (
		await db.all<{ rid: number }>(`SELECT ${plan.recordIndex}::INTEGER AS rid FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL ORDER BY rid`)
	).map((r) => r.rid);
	const lines = await recordLines(p.source.utf8Path, p.source.headerLine, rejected, p.source.delimiter, p.source.quote);
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(`${conv}_lines`)} AS SELECT unnest($1::JSON::INTEGER[]) AS rid, unnest($2::JSON::INTEGER[]) AS line`, [
		JSON.stringify([...lines.keys()]),
		JSON.stringify([...lines.values()])
	]);
	await createReasons(db, p, p.spec, conv, plan, lang);
	const rejects = rejected.length && rejectsWanted ? await collectRejects(db, p, conv, plan) : undefined;
	const samples = [...(await sampleValues(db, p.source)), ...(p.documents ? await sampleValues(db, p.documents.source) : [])];
	return { ...p, conv, plan, rejects, samples };
}

/** Up to three distinct non-empty values per column among the first records (for the mapping screen). */
async function sampleValues(db: Database, source: Source, records = 50, perColumn = 3): Promise<string[][]> {
	const columns = source.headers.map((_, i) => i);
	try {
		const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${csvRelation(source, false)} LIMIT ${records}`);
		return columns.map((i) => [...new Set(rows.map((r) => r[`c${i}`]?.trim() ?? '').filter((v) => v !== ''))].slice(0, perColumn));
	} catch {
		return columns.map(() => []); // samples are a help, never a reason to fail
	}
}

async function convertCsv(db: Database, p: Prepared, conv: string): Promise<ConversionPlan> {
	const shape = {
		hasRecordIndex: !!p.documents,
		joinedDocuments: !!p.documents,
		values: p.userMapping?.mapping.values,
		decimal: p.options.decimal,
		dateOrder: p.options.dateOrder
	};
	try {
		try {
			return await convertSource(db, relationOf(p, true), conv, p.spec, p.mapping, shape);
		} catch (error) {
			// Quoted line breaks with short rows need the sequential reader (DuckDB says so).
			if (!/parallel=false/.test(String(error))) throw error;
			return await convertSource(db, relationOf(p, false), conv, p.spec, p.mapping, shape);
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/Invalid unicode/i.test(message)) throw error;
		if (/CSV Error/i.test(message)) throw new IngestError('csv_unreadable', { file: p.source.name, detail: message.split('\n')[0]! });
		throw error;
	}
}

async function mergeOne(db: Database, c: Converted, options: IngestOptions): Promise<FileReport> {
	const { source, spec, mapping, conv, plan } = c;
	const batchId = Number((await db.one<{ id: string }>(`SELECT nextval('batch_id_seq') AS id`))!.id);
	const present = new Set([...Object.keys(mapping), ...Object.keys(derivation(spec.kind, mapping).columns)]);
	const counts = await mergeInto(db, conv, spec, present, batchId, plan.recordIndex);
	if (spec.table === 'invoice_lines') await refreshAfterBatch(db, batchId);
	const also = await mergeFeeds(db, conv, spec, mapping, headersOf(c), batchId, plan.recordIndex);
	const { rowsRead, rejected } = await storeRejections(db, c, batchId);
	const hash = c.documents ? `${await source.hash}+${await c.documents.source.hash}` : await source.hash;
	const previous = await db.one<{ batch_id: number; loaded_at: string }>(
		`SELECT batch_id, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at FROM upload_batches
		 WHERE file_hash = $1 AND undone_at IS NULL ORDER BY batch_id DESC LIMIT 1`,
		[hash]
	);
	const summary = await summarise(db, c, counts.duplicates);

	await db.run(
		`INSERT INTO upload_batches (batch_id, file_name, file_hash, kind, loaded_by, rows_read, loaded, rejected, inserted, updated, unchanged, mapping)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		[batchId, displayName(c), hash, spec.kind, options.loadedBy ?? null, rowsRead, counts.loaded, rejected, counts.inserted, counts.updated, counts.unchanged,
			JSON.stringify({ columns: headerMapping(c), formats: describeFormats(plan), encoding: source.encoding, delimiter: source.delimiter })]
	);
	const lang = options.lang ?? 'en';
	const rejections = await readRejections(db, batchId, options.rejectionsShown ?? 100, lang);
	const warnings = await fileWarnings(db, spec.kind, conv, counts.duplicates);
	if (rowsRead === 0) warnings.unshift({ code: 'no_data_rows', params: {} });
	// Forecasts are of the future by nature; anything else dated after today is worth a look.
	if (summary.future_dates > 0 && spec.kind !== 'forecasts')
		warnings.push({ code: 'future_dates', params: { rows: summary.future_dates, today: summary.today, latest: summary.date_range!.to } });
	if (c.userMapping?.origin === 'given' && !c.documents) await rememberMapping(db, source.headers, spec.kind, c.userMapping.mapping);
	await db.run(`DROP TABLE ${sqlIdent(conv)}`);

	return {
		file: displayName(c),
		kind: spec.kind,
		batch_id: batchId,
		rows_read: rowsRead,
		...counts,
		rejected,
		encoding: source.encoding + (source.bom ? ' (BOM)' : ''),
		delimiter: source.delimiter,
		mapping: headerMapping(c),
		mapping_source: c.userMapping?.origin ?? 'detected',
		formats: describeFormats(plan),
		also,
		rejections,
		warnings: warnings.map((w) => sayStored(lang, w.code, w.params)!),
		amount_total: summary.amount_total,
		date_range: summary.date_range,
		future_dates: summary.future_dates,
		already_loaded: previous ? { batch_id: Number(previous.batch_id), loaded_at: previous.loaded_at } : null,
		columns: columnReport(c)
	};
}

/** The amount and main date column of each kind (clients: when they became clients). */
const SUMMARY_COLUMNS: Record<Kind, { amount?: string; date?: string }> = {
	clients: { date: 'created_at' },
	products: {},
	invoices: { amount: 'amount', date: 'invoice_date' },
	opportunities: { amount: 'amount', date: 'created_at' },
	quotes: { amount: 'amount', date: 'issued_at' },
	forecasts: { amount: 'forecast_amount', date: 'month' }
};

/** Today in the server's time zone, as the date columns are (YYYY-MM-DD). */
function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Amount total, date range and future dates over the rows that load (valid, the last of repeated keys). */
async function summarise(db: Database, c: Converted, duplicates: number) {
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

/** For the mapping screen: every canonical column of the kind with its header, match and samples. */
function columnReport(c: Converted): ColumnReport[] {
	const headers = headersOf(c);
	const user = c.userMapping;
	return canonicalColumns(c.spec.kind).map((column) => {
		const index = c.mapping[column.name];
		const source = index === undefined ? null : (headers[index] ?? null);
		let match: ColumnMatch = 'none';
		if (source !== null) {
			if (user?.mapping.columns && column.name in user.mapping.columns) match = user.origin;
			else match = normalizeKey(source) === normalizeKey(column.name) ? 'exact' : 'synonym';
		}
		return { name: column.name, required: column.required, source, match, samples: index === undefined ? [] : (c.samples[index] ?? []) };
	});
}

/** Stores every rejected cell with its source line, header and reason; returns row counts. */
async function storeRejections(db: Database, c: Converted, batchId: number) {
	const { conv, plan } = c;
	const counts = (await db.one<{ rows_read: number; rejected: number }>(
		`SELECT count(*)::INTEGER AS rows_read, count(*) FILTER (WHERE problems IS NOT NULL)::INTEGER AS rejected FROM ${sqlIdent(conv)}`
	))!;
	if (counts.rejected > 0)
		await db.run(
			`INSERT INTO upload_rejections (batch_id, line, "column", value, reason, reason_code, reason_params)
			 SELECT $1, l.line, r.header, c.p.value, r.reason, r.reason_code, r.reason_params
			 FROM (SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(problems) AS p FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL) c
			 LEFT JOIN ${sqlIdent(`${conv}_lines`)} l USING (rid)
			 JOIN ${sqlIdent(`${conv}_reasons`)} r ON r.col = c.p.col AND r.code = c.p.code`,
			[batchId]
		);
	return { rowsRead: counts.rows_read, rejected: counts.rejected };
}

/**
 * The first rejections of a batch, their reasons said in `lang` from the stored code and values
 * (rows stored before reasons had codes keep their English text).
 */
export async function readRejections(db: Database, batchId: number, limit: number, lang: Lang): Promise<Rejection[]> {
	const rows = await db.all<{ line: number | null; column: string; value: string | null; reason: string; code: string | null; params: string | null }>(
		`SELECT line, "column", value, reason, reason_code AS code, reason_params::VARCHAR AS params
		 FROM upload_rejections WHERE batch_id = $1 ORDER BY line NULLS LAST LIMIT $2`,
		[batchId, limit]
	);
	const said = new Map<string, string>();
	return rows.map(({ line, column, value, reason, code, params }) => {
		const key = `${code}|${params}`;
		let text = said.get(key);
		if (text === undefined) said.set(key, (text = sayStored(lang, code, params ? (JSON.parse(params) as Said['params']) : {}) ?? reason));
		return { line, column, value, reason: text, code: code ?? '' };
	});
}

function headerMapping(p: Prepared): Record<string, string> {
	const headers = headersOf(p);
	return Object.fromEntries(Object.entries(p.mapping).map(([column, index]) => [column, headers[index]!]));
}

function describeFormats(plan: ConversionPlan): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [column, f] of Object.entries(plan.numbers)) out[column] = `decimal '${f.decimal}'${f.percent ? ', in %' : ''}`;
	for (const [column, f] of Object.entries(plan.dates)) out[column] = f.format ?? 'unreadable';
	return out;
}
