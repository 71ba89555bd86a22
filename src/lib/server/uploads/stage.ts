// Staged files of the browser's upload flow: streamed to disk under random ids (kept one hour,
// and across a restart: each file has a small JSON label beside it in <data>/staging/files),
// previewed (first records as the pipeline reads them, then the dry-run report). A staged file's
// name is only a label; ids are checked against the staging folder's labels and never used to
// build a path before they are known to be 32 hex digits.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sayError, type MessageParams } from '../../i18n/ingest-messages';
import { sayFacts } from '../../i18n/recognition-words';
import { SAMPLE_RECORDS } from '../ingest/sample-records';
import { reasonWords, sayReport } from '../../i18n/ingest-report';
import type { Lang } from '../../i18n/lang';
import type { Database } from '../db/database';
import { IngestError } from '../ingest/errors';
import { ingestFiles, type IngestOptions, type IngestReport } from '../ingest/ingest';
import type { Kind } from '../ingest/kinds';
import { ingestOptions } from '../ingest/options';
import { plan, plannedColumns, plannedKind } from '../ingest/plan';
import { previewFile, type Preview } from '../ingest/preview';
import { serialized } from '../ingest/queue';
import { refuseBinaryFile } from '../ingest/read-source';
import { distinctSamples, type ColumnReport, type MappingOrigin } from '../ingest/report';
import { ID, newId, readJson, STAGE_TTL_MS, stagingFolders, writeJsonAtomic } from './folder';
import { receiveUploads, UploadError } from './receive';

export const PREVIEW_ROWS = 20;

/** What a staged file's label (`<id>.json`) holds. */
interface StagedLabel {
	id: string;
	name: string;
	size: number;
	stagedAt: number;
}

export interface StagedFile extends StagedLabel {
	path: string;
}

/** The options of a preview or commit as the page sends them (JSON), before checking. */
export interface RawStageOptions {
	kind?: string | null;
	encoding?: string | null;
	delimiter?: string | null;
	quote?: string | null;
	header_line?: string | number | null;
	decimal?: string | null;
	date_order?: string | null;
	sheet?: string | number | null;
}

/** The ingest's options and the language its report and refusals are said in (the request's). */
export type SaidOptions = IngestOptions & { lang?: Lang };

export interface FilePreview {
	id: string;
	name: string;
	size: number;
	preview?: Preview & { kind: Kind | null; columns: ColumnReport[]; mapping_source: MappingOrigin; recognition?: SaidRecognition };
	/** Why the file cannot be read or its kind told, in the request's language, and its code. */
	error?: string;
	code?: string;
	/** ambiguous_kind: the kinds the file could be, for the page to ask which. */
	candidates?: { kind: Kind; confidence: number }[];
}

/** How sure the detected kind is, and what in the file says so, in the request's language. */
export interface SaidRecognition {
	confidence: number;
	evidence: string;
	others: { kind: Kind; confidence: number }[];
}

/** The staged file of an id, or undefined (not an id, never staged, committed or expired). */
export function stagedFile(id: unknown, now = Date.now()): StagedFile | undefined {
	if (typeof id !== 'string' || !ID.test(id)) return undefined;
	const { files } = stagingFolders();
	const label = readJson<StagedLabel>(join(files, `${id}.json`));
	const path = join(files, id);
	if (!label || label.id !== id || !existsSync(path) || now - label.stagedAt > STAGE_TTL_MS) return undefined;
	return { ...label, path };
}

/** Removes a staged file and its label. */
export function dropStaged(id: string): void {
	if (!ID.test(id)) return;
	const { files } = stagingFolders();
	rmSync(join(files, `${id}.json`), { force: true });
	rmSync(join(files, id), { force: true });
}

/**
 * Streams the files of a multipart request to the staging folder. An empty file, binary data, or
 * an upload over the size limit is refused (nothing is kept of that request).
 */
export async function stageUploads(request: Request): Promise<{ files: { id: string; name: string; size: number }[] }> {
	const received = await receiveUploads(request);
	try {
		const empty = received.files.filter((f) => statSync(f.path).size === 0);
		if (empty.length) throw new UploadError('file_empty', { file: empty.map((f) => f.name).join(', ') });
		for (const f of received.files) refuseBinaryFile(f.path, f.name);
		const { files: folder } = stagingFolders();
		const staged: StagedLabel[] = [];
		for (const f of received.files) {
			const id = newId();
			const path = join(folder, id);
			renameSync(f.path, path);
			const label = { id, name: f.name, size: statSync(path).size, stagedAt: Date.now() };
			writeJsonAtomic(join(folder, `${id}.json`), label);
			staged.push(label);
		}
		return { files: staged.map(({ id, name, size }) => ({ id, name, size })) };
	} finally {
		received.cleanup();
	}
}

/** The staged files of the ids a request names: 400 when it names none, 404 for an unknown one. */
export function stagedFiles(ids: unknown): StagedFile[] {
	if (!Array.isArray(ids) || ids.length === 0) throw new UploadError('no_ids', {});
	return ids.map((id) => {
		const f = stagedFile(id);
		if (!f) throw new UploadError('staged_unknown', { id: typeof id === 'string' ? id.slice(0, 64) : id }, 404);
		return f;
	});
}

/** The page's options and mapping, checked as the CLI checks its flags. */
export function flowOptions(raw: unknown = {}, map?: unknown): IngestOptions {
	const given = (typeof raw === 'object' && raw !== null ? raw : {}) as RawStageOptions;
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	return ingestOptions({
		kind: text(given.kind),
		encoding: text(given.encoding),
		delimiter: text(given.delimiter),
		quote: text(given.quote),
		headerLine: text(given.header_line),
		decimal: text(given.decimal),
		dateOrder: text(given.date_order),
		sheet: text(given.sheet),
		map: map === undefined || map === null ? undefined : JSON.stringify(map)
	});
}

/**
 * The first records of each file as the pipeline reads them, with the layout detected (or given),
 * the kind and the mapping table; fast whatever the file's size (only its head is read). Why a
 * file cannot be read is said in `options.lang`.
 */
export async function previewStaged(db: Database, ids: unknown, options: SaidOptions): Promise<FilePreview[]> {
	const files = stagedFiles(ids);
	const said = (error: IngestError) => ({
		error: sayError(error, options.lang ?? 'en'),
		code: error.code,
		...(error.code === 'ambiguous_kind' ? { candidates: (error.params as MessageParams<'ambiguous_kind'>).candidates } : {})
	});
	const fork = await db.fork();
	try {
		const out: FilePreview[] = [];
		for (const f of files) {
			let preview: Preview;
			try {
				// Recognition judges as many records as the load will (sample-records.ts); the page shows the first few.
				preview = await previewFile(fork, f.path, f.name, options, SAMPLE_RECORDS);
			} catch (error) {
				if (!(error instanceof IngestError)) throw error;
				out.push({ id: f.id, name: f.name, size: f.size, ...said(error) });
				continue;
			}
			try {
				const view = await mappingView(fork, preview, f.name, options);
				out.push({ id: f.id, name: f.name, size: f.size, preview: { ...preview, rows: preview.rows.slice(0, PREVIEW_ROWS), ...view } });
			} catch (error) {
				if (!(error instanceof IngestError)) throw error;
				// The records are still shown (a wrong delimiter is seen at once), with why the kind is unknown.
				out.push({ id: f.id, name: f.name, size: f.size, preview: { ...preview, rows: preview.rows.slice(0, PREVIEW_ROWS), kind: null, columns: [], mapping_source: 'detected' }, ...said(error) });
			}
		}
		return out;
	} finally {
		fork.close();
	}
}

/**
 * Kind and mapping from the headers, planned as the load plans them (ingest/plan.ts). Where the
 * load would refuse the plan (a column the kind needs has no header), the table shows which, for
 * the user to map; samples come from the previewed records.
 */
async function mappingView(db: Database, preview: Preview, name: string, options: SaidOptions) {
	const planned = await plan(db, { name, headers: preview.headers, rows: preview.rows }, options);
	const samples = distinctSamples(preview.rows.slice(0, PREVIEW_ROWS), preview.headers.length);
	const r = planned.recognition;
	const recognition = r ? { confidence: r.confidence, evidence: sayFacts(r.evidence, options.lang ?? 'en'), others: r.others } : undefined;
	return { kind: plannedKind(planned), columns: plannedColumns(planned, preview.headers, samples), mapping_source: planned.origin, recognition };
}

/** The dry-run report, said in `options.lang`: everything the commit would do, nothing written. */
export async function reportStaged(db: Database, ids: unknown, options: SaidOptions): Promise<IngestReport> {
	const files = stagedFiles(ids);
	const { lang = 'en', ...rest } = options;
	// Every rejection in the report, so the page can offer them all as CSV (it shows the first 100).
	const flow: IngestOptions = { ...rest, dryRun: true, rejectionsShown: 100_000, words: reasonWords(lang) };
	return sayReport(await serialized(() => ingestFiles(db, files.map((f) => ({ path: f.path, name: f.name })), flow)), lang);
}
