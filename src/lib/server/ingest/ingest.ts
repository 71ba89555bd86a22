// Ingest: files → detected kind and mapping → DuckDB read_csv (text) → typed rows and rejections
// → merge by key. Typing uses temporary tables only and runs before the transaction; all merges
// of one call share one transaction: an error anywhere changes nothing.
import type { Database } from '../db/database';
import { convertSource, type ConversionPlan } from './convert';
import type { DateOrder } from './formats';
import { derivation } from './derive';
import { IngestError } from './errors';
import { KINDS, type Kind } from './kinds';
import { recordLines, unclosedQuoteLine } from './line-numbers';
import { detectKind } from './mapping';
import { mergeInto, type MergeCounts } from './merge';
import { eightBitEncodingOf, readSource, type SourceOptions } from './read-source';
import { displayName, headersOf, pairInvoiceParts, relationOf, type Prepared } from './sources';
import { prepareIngestSql } from './sql-setup';
import { sqlIdent } from './text';
import { fileWarnings } from './warnings';
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
}

export interface Rejection {
	line: number | null;
	column: string;
	value: string | null;
	reason: string;
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
}

export interface IngestReport {
	files: FileReport[];
}

interface Converted extends Prepared {
	conv: string;
	plan: ConversionPlan;
	/** Temporary table of rejected records, when they are to be written out. */
	rejects?: string;
}

export async function ingestFiles(database: Database, inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestReport> {
	// A connection of its own: the transaction and temporary tables stay out of other queries' way.
	const db = await database.fork();
	const prepared: Prepared[] = [];
	const converted: Converted[] = [];
	try {
		for (const input of inputs) prepared.push(await prepare(db, input, options));
		if (options.map && !prepared.some((p) => p.userMapping?.origin === 'given'))
			throw new IngestError(
				`the mapping names headers that no file has: ${Object.values(options.map.columns ?? {}).filter((h) => h !== null).join(', ')}.`
			);
		prepared.splice(0, prepared.length, ...pairInvoiceParts(prepared));
		// Master data first, so invoice lines can be checked against the clients just loaded.
		prepared.sort((a, b) => KINDS.indexOf(a.spec.kind) - KINDS.indexOf(b.spec.kind));
		await prepareIngestSql(db);
		for (const [i, p] of prepared.entries()) converted.push(await convertOne(db, p, i, options.rejectsPath !== undefined));
		const files = await db.transaction(async () => {
			const reports: FileReport[] = [];
			for (const c of converted) reports.push(await mergeOne(db, c, options));
			return reports;
		});
		if (options.rejectsPath !== undefined)
			await writeRejects(db, converted.flatMap((c) => (c.rejects ? [c.rejects] : [])), options.rejectsPath);
		return { files };
	} finally {
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
		let { spec, mapping } = detectKind(source.headers, source.name, kind);
		if (user) mapping = applyColumns(mapping, user, source.headers, spec, source.name);
		const userMapping = user ? { mapping: user, origin: given ? ('given' as const) : ('remembered' as const) } : undefined;
		return { source, spec, mapping, options, userMapping };
	} catch (error) {
		source.cleanup();
		throw error;
	}
}

/** Typing, outside any transaction: rowids of the typed table are then the records' indexes. */
async function convertOne(db: Database, p: Prepared, n: number, rejectsWanted: boolean): Promise<Converted> {
	const conv = `cartera_conv_${n}`;
	for (const source of [p.source, p.documents?.source]) {
		if (!source || (await source.quotesBalanced)) continue;
		// A quote never closed swallows the rest of the file into one value: refuse rather than guess.
		const line = await unclosedQuoteLine(source.utf8Path, source.delimiter, source.quote);
		if (line !== null)
			throw new IngestError(`line ${line}: a quoted value opens here and is never closed (unbalanced quotes); fix the quotes of this line.`, source.name);
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
	await createReasons(db, p, p.spec, conv, plan);
	const rejects = rejected.length && rejectsWanted ? await collectRejects(db, p, conv, plan) : undefined;
	return { ...p, conv, plan, rejects };
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
		if (/CSV Error/i.test(message)) throw new IngestError(`the file cannot be read as CSV: ${message.split('\n')[0]}`, p.source.name);
		throw error;
	}
}

async function mergeOne(db: Database, c: Converted, options: IngestOptions): Promise<FileReport> {
	const { source, spec, mapping, conv, plan } = c;
	const batchId = Number((await db.one<{ id: string }>(`SELECT nextval('batch_id_seq') AS id`))!.id);
	const present = new Set([...Object.keys(mapping), ...Object.keys(derivation(spec.kind, mapping).columns)]);
	const counts = await mergeInto(db, conv, spec, present, batchId, plan.recordIndex);
	const also = await mergeFeeds(db, conv, spec, mapping, headersOf(c), batchId, plan.recordIndex);
	const { rowsRead, rejected } = await storeRejections(db, c, batchId);
	const hash = c.documents ? `${await source.hash}+${await c.documents.source.hash}` : await source.hash;

	await db.run(
		`INSERT INTO upload_batches (batch_id, file_name, file_hash, kind, loaded_by, rows_read, loaded, rejected, inserted, updated, unchanged, mapping)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		[batchId, displayName(c), hash, spec.kind, options.loadedBy ?? null, rowsRead, counts.loaded, rejected, counts.inserted, counts.updated, counts.unchanged,
			JSON.stringify({ columns: headerMapping(c), formats: describeFormats(plan), encoding: source.encoding, delimiter: source.delimiter })]
	);
	const rejections = await db.all<Rejection>(
		`SELECT line, "column", value, reason FROM upload_rejections WHERE batch_id = $1 ORDER BY line NULLS LAST LIMIT $2`,
		[batchId, options.rejectionsShown ?? 100]
	);
	const warnings = await fileWarnings(db, spec.kind, conv, counts.duplicates);
	if (rowsRead === 0) warnings.unshift('The file has its header row but no data rows: nothing to load.');
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
		warnings
	};
}

/** Stores every rejected cell with its source line, header and reason; returns row counts. */
async function storeRejections(db: Database, c: Converted, batchId: number) {
	const { conv, plan } = c;
	const counts = (await db.one<{ rows_read: number; rejected: number }>(
		`SELECT count(*)::INTEGER AS rows_read, count(*) FILTER (WHERE problems IS NOT NULL)::INTEGER AS rejected FROM ${sqlIdent(conv)}`
	))!;
	if (counts.rejected > 0)
		await db.run(
			`INSERT INTO upload_rejections (batch_id, line, "column", value, reason)
			 SELECT $1, l.line, r.header, c.p.value, r.reason
			 FROM (SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(problems) AS p FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL) c
			 LEFT JOIN ${sqlIdent(`${conv}_lines`)} l USING (rid)
			 JOIN ${sqlIdent(`${conv}_reasons`)} r ON r.col = c.p.col AND r.code = c.p.code`,
			[batchId]
		);
	return { rowsRead: counts.rows_read, rejected: counts.rejected };
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
