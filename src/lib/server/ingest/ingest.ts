// Ingest: files → detected kind and mapping → DuckDB read_csv (text) → typed rows and rejections
// → merge by key. Typing uses temporary tables only and runs before the transaction; all merges
// of one call share one transaction: an error anywhere changes nothing.
import type { Database } from '../db/database';
import { convertSource, sourceColumn, type ConversionPlan, type ProblemCode } from './convert';
import { derivation } from './derive';
import { IngestError } from './errors';
import { KIND_SPECS, KINDS, type Kind, type KindSpec } from './kinds';
import { recordLines } from './line-numbers';
import { detectKind, type ColumnMapping } from './mapping';
import { mergeInto, type MergeCounts } from './merge';
import { reasonText } from './messages';
import { eightBitEncodingOf, readSource, type SourceOptions } from './read-source';
import { displayName, headersOf, pairInvoiceParts, relationOf, type Prepared } from './sources';
import { prepareIngestSql } from './sql-setup';
import { sqlIdent, sqlString } from './text';
import { fileWarnings } from './warnings';
import { mergeFeeds, type FedCounts } from './feeds';

export interface IngestInput {
	/** Where the bytes are. */
	path: string;
	/** What the user calls the file (defaults to the path). */
	name?: string;
}

export interface IngestOptions extends SourceOptions {
	kind?: Kind;
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
}

export async function ingestFiles(database: Database, inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestReport> {
	// A connection of its own: the transaction and temporary tables stay out of other queries' way.
	const db = await database.fork();
	const prepared: Prepared[] = [];
	const converted: Converted[] = [];
	try {
		for (const input of inputs) {
			const source = await readSource(input.path, input.name ?? input.path, options);
			const { spec, mapping } = detectKind(source.headers, source.name, options.kind);
			prepared.push({ source, spec, mapping, options });
		}
		prepared.splice(0, prepared.length, ...pairInvoiceParts(prepared));
		// Master data first, so invoice lines can be checked against the clients just loaded.
		prepared.sort((a, b) => KINDS.indexOf(a.spec.kind) - KINDS.indexOf(b.spec.kind));
		await prepareIngestSql(db);
		for (const [i, p] of prepared.entries()) converted.push(await convertOne(db, p, i));
		const files = await db.transaction(async () => {
			const reports: FileReport[] = [];
			for (const c of converted) reports.push(await mergeOne(db, c, options));
			return reports;
		});
		return { files };
	} finally {
		for (const p of [...prepared, ...converted]) {
			p.source.cleanup();
			p.documents?.source.cleanup();
		}
		db.close(); // its temporary tables go with it
	}
}

/** Typing, outside any transaction: rowids of the typed table are then the records' indexes. */
async function convertOne(db: Database, p: Prepared, n: number): Promise<Converted> {
	const conv = `cartera_conv_${n}`;
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
	const lines = await recordLines(p.source.utf8Path, p.source.headerLine, rejected, p.source.quote);
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(`${conv}_lines`)} AS SELECT unnest($1::JSON::INTEGER[]) AS rid, unnest($2::JSON::INTEGER[]) AS line`, [
		JSON.stringify([...lines.keys()]),
		JSON.stringify([...lines.values()])
	]);
	return { ...p, conv, plan };
}

async function convertCsv(db: Database, p: Prepared, conv: string): Promise<ConversionPlan> {
	const shape = { hasRecordIndex: !!p.documents, joinedDocuments: !!p.documents };
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
		formats: describeFormats(plan),
		also,
		rejections,
		warnings
	};
}

/** Stores every rejected cell with its source line, header and reason; returns row counts. */
async function storeRejections(db: Database, c: Converted, batchId: number) {
	const { conv, spec, mapping, plan } = c;
	const headers = headersOf(c);
	const counts = (await db.one<{ rows_read: number; rejected: number }>(
		`SELECT count(*)::INTEGER AS rows_read, count(*) FILTER (WHERE problems IS NOT NULL)::INTEGER AS rejected FROM ${sqlIdent(conv)}`
	))!;
	if (counts.rejected > 0) {
		// Header and reason per (column, code): built here, bound as parameters.
		const codes: ProblemCode[] = ['missing', 'bad_number', 'bad_integer', 'bad_date', 'bad_month', 'out_of_range', 'unknown_value', 'no_document'];
		const texts = spec.columns.flatMap((col) =>
			codes.map((code) => [col.name, code, col.name in mapping ? headers[mapping[col.name]!]! : col.name, reasonText(code, col, plan, c.documents?.source.name)])
		);
		await db.run(
			`CREATE OR REPLACE TEMP TABLE cartera_reasons AS SELECT * FROM (VALUES ${texts.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ')}) r(col, code, header, reason)`,
			texts.flat()
		);
		await db.run(
			`INSERT INTO upload_rejections (batch_id, line, "column", value, reason)
			 SELECT $1, l.line, r.header, c.p.value, r.reason
			 FROM (SELECT ${plan.recordIndex}::INTEGER AS rid, unnest(problems) AS p FROM ${sqlIdent(conv)} WHERE problems IS NOT NULL) c
			 LEFT JOIN ${sqlIdent(`${conv}_lines`)} l USING (rid)
			 JOIN cartera_reasons r ON r.col = c.p.col AND r.code = c.p.code`,
			[batchId]
		);
	}
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
