// Ingest: files → detected kind and mapping → DuckDB read_csv (text) → typed rows and rejections
// → merge by key. Typing uses temporary tables only and runs before the transaction; all merges
// of one call share one transaction: an error anywhere changes nothing. A dry run does all of it,
// merge included, and rolls the transaction back: its report is what a commit would do.
import { refreshRollupsAfterBatch } from '../db/rollups';
import type { Database } from '../db/database';
import { convertSource, type ConversionPlan } from './convert';
import type { DateOrder } from './formats';
import { amountSource, derivation } from './derive';
import { IngestError } from './errors';
import { KINDS, type Kind } from './kinds';
import { unclosedQuoteLine } from './line-numbers';
import { mergeInto } from './merge';
import { plan as planFile } from './plan';
import { sampleRecords } from './sample-records';
import { eightBitEncodingOf, readSource, type SourceOptions } from './read-source';
import { columnReport, describeFormats, headerMapping, readRejections, sampleValues, sheetNote, storeRejections, summarise, workbookSheets, type CodedFileReport, type CodedIngestReport } from './report';
import { displayName, headersOf, pairInvoiceParts, relationOf, type Converted, type Prepared } from './sources';
import { prepareIngestSql } from './sql-setup';
import { sqlIdent } from './text';
import { fileWarnings, skippedWarnings, unreadableWarnings } from './warnings';
import { skippedLines } from './surroundings';
import { collectRejects, createReasons, createRecordLines, writeRejects, type ReasonWords } from './rejects';
import { readRejectedRows } from './rejection-context';
import { rememberMapping, type UserMapping } from './user-mapping';
import { mergeFeeds } from './feeds';
import { recordAlerts, statesBefore } from '../alerts/record';

export type { CodedFileReport, CodedIngestReport, CodedRejection, ColumnMatch, ColumnReport, FileReport, IngestReport, MappingOrigin, Rejection } from './report';
export type { ReasonWords } from './rejects';
export { readRejections } from './report';

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
	/**
	 * How the edge words a reason for upload_rejections.reason and the rejects file
	 * (i18n/ingest-report.ts reasonWords); without, both are the code. The report itself holds codes and values.
	 */
	words?: ReasonWords;
	/** Called as the ingest advances: per phase, `done` of `total` files, never going back. */
	onProgress?: (progress: IngestProgress) => void;
	/** Aborting rolls everything back (the running statement is interrupted) and throws IngestCancelledError. */
	signal?: AbortSignal;
}

export interface IngestProgress {
	/** 'queued': waiting for the ingest before it (one at a time, queue.ts); the ingest itself starts at 'reading'. */
	phase: 'queued' | 'reading' | 'converting' | 'merging' | 'done';
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

export async function ingestFiles(database: Database, inputs: IngestInput[], options: IngestOptions = {}): Promise<CodedIngestReport> {
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
	// The KPI statuses before this load, for its alerts (alerts/record.ts): kept from the last batch,
	// or read on the main connection while this one reads and converts the files (never rejects).
	const before = options.dryRun ? null : statesBefore(database);
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
			converted.push(await convertOne(db, p, i, options.rejectsPath !== undefined, options.words));
			checkpoint();
		}
		progress('converting', converted.length ? displayName(converted.at(-1)!) : '', converted.length, converted.length);

		const files: CodedFileReport[] = [];
		await db.run('BEGIN TRANSACTION');
		try {
			for (const [i, c] of converted.entries()) {
				progress('merging', displayName(c), i, converted.length);
				files.push(await mergeOne(db, c, options));
				checkpoint();
			}
			progress('merging', converted.length ? displayName(converted.at(-1)!) : '', converted.length, converted.length);
			checkpoint();
			const watched = await before; // read before the commit changes what they see
			await db.run(options.dryRun ? 'ROLLBACK' : 'COMMIT');
			settled = true;
			if (!options.dryRun) recordAlerts(database, watched, 'load', files.at(-1)?.batch_id ?? null); // in the background
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

/** A file read, and its kind and mapping planned (plan.ts): a plan the load cannot follow is refused. */
async function prepare(db: Database, input: IngestInput, options: IngestOptions): Promise<Prepared> {
	const source = await readSource(input.path, input.name ?? input.path, options);
	try {
		const planned = await planFile(db, { ...source, rows: await sampleRecords(db, source) }, options);
		if (planned.refusal) throw planned.refusal;
		return { source, spec: planned.spec, mapping: planned.mapping, options, userMapping: planned.userMapping, recognition: planned.recognition, groupColumn: planned.groupColumn };
	} catch (error) {
		source.cleanup();
		throw error;
	}
}

/** Typing, outside any transaction: rowids of the typed table are then the records' indexes. */
async function convertOne(db: Database, p: Prepared, n: number, rejectsWanted: boolean, words?: ReasonWords): Promise<Converted> {
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
	// Lines of the rejected, skipped and warned-about records, in one scan of the file.
	const rejected = await createRecordLines(db, p, conv, plan);
	await createReasons(db, p, p.spec, conv, plan, words);
	const rejects = rejected && rejectsWanted ? await collectRejects(db, p, conv, plan) : undefined;
	const samples = [...(await sampleValues(db, p.source)), ...(p.documents ? await sampleValues(db, p.documents.source) : [])];
	return { ...p, conv, plan, rejects, samples };
}

async function convertCsv(db: Database, p: Prepared, conv: string): Promise<ConversionPlan> {
	const grouped = !p.documents && p.groupColumn !== undefined;
	const shape = {
		hasRecordIndex: !!p.documents || grouped,
		joinedDocuments: !!p.documents,
		groupHeadings: grouped,
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

async function mergeOne(db: Database, c: Converted, options: IngestOptions): Promise<CodedFileReport> {
	const { source, spec, mapping, conv, plan } = c;
	const batchId = Number((await db.one<{ id: string }>(`SELECT nextval('batch_id_seq') AS id`))!.id);
	const present = new Set([...Object.keys(mapping), ...Object.keys(derivation(spec.kind, mapping).columns)]);
	const counts = await mergeInto(db, conv, spec, present, batchId, plan.recordIndex);
	const also = await mergeFeeds(db, conv, spec, mapping, headersOf(c), batchId, plan.recordIndex);
	await refreshRollupsAfterBatch(db, batchId, spec.table === 'invoice_lines');
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
	const rejections = await readRejections(db, batchId, options.rejectionsShown ?? 100);
	// A gross total read as the amount (no net column nor tax): said plainly, naming the column.
	const taxIncluded = spec.kind === 'invoices' && amountSource(mapping) === 'gross' ? headersOf(c)[mapping.gross_amount!] : undefined;
	const warnings = await fileWarnings(db, spec.kind, conv, counts.duplicates, taxIncluded);
	const skipped = await skippedLines(db, c);
	warnings.push(...skippedWarnings(skipped), ...(await unreadableWarnings(db, c)));
	if (rowsRead === 0) warnings.unshift({ code: 'no_data_rows', params: {} });
	warnings.unshift(...sheetNote(source));
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
		...workbookSheets(source),
		mapping: headerMapping(c),
		mapping_source: c.userMapping?.origin ?? 'detected',
		recognition: c.recognition ?? null,
		formats: describeFormats(plan),
		also,
		rejections,
		skipped,
		rejected_rows: await readRejectedRows(db, batchId, rejections.map((r) => r.line)),
		warnings,
		amount_total: summary.amount_total,
		date_range: summary.date_range,
		future_dates: summary.future_dates,
		already_loaded: previous ? { batch_id: Number(previous.batch_id), loaded_at: previous.loaded_at } : null,
		columns: columnReport(spec, mapping, c.userMapping, headersOf(c), c.samples)
	};
}
