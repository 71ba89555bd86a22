// The browser's upload flow, framework-free: files are staged (streamed to disk under random ids,
// kept one hour), previewed (first records as the pipeline reads them, then the dry-run report),
// and committed as a background job that runs the real ingest through the one-at-a-time queue,
// reports its progress and can be cancelled (the ingest's transaction is then rolled back).
// A staged file's name is only a label; ids are checked against the table of staged files and
// never used to build a path.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from './db/database';
import type { Lang } from '../i18n/lang';
import { detectEncoding } from './ingest/encoding';
import { CodedError, IngestError } from './ingest/errors';
import { isZip } from './ingest/xlsx';
import { ingestFiles, type IngestOptions, type IngestReport } from './ingest/ingest';
import { KIND_SPECS, type Kind } from './ingest/kinds';
import { detectKind, mapHeaders } from './ingest/mapping';
import { previewFile, type Preview } from './ingest/preview';
import { serialized } from './ingest/queue';
import { rememberedMapping, mappingFits, type UserMapping } from './ingest/user-mapping';
import { normalizeKey } from './ingest/text';
import { receiveUploads, UploadError } from './uploads';
import { ingestOptions } from '../../cli/ingest-options';

/** How long staged files and finished jobs are kept. */
export const STAGE_TTL_MS = 60 * 60 * 1000;
export const PREVIEW_ROWS = 20;

export interface StagedFile {
	id: string;
	name: string;
	size: number;
	path: string;
	stagedAt: number;
}

export type Phase = 'queued' | 'reading' | 'converting' | 'merging' | 'done';
export interface Progress {
	phase: Phase;
	file: string;
	done: number;
	total: number;
}

export interface Job {
	id: string;
	state: 'running' | 'done' | 'failed' | 'cancelled';
	progress: Progress;
	report?: IngestReport;
	/** Why it failed: said in the language of whoever asks (jobView). */
	failure?: unknown;
	started_at: string;
	finished_at?: string;
	controller: AbortController;
	finished: Promise<void>;
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

/** A canonical column of the kind and the header that fills it, as the mapping table shows it. */
export interface ColumnView {
	name: string;
	required: boolean;
	/** A required column these columns may replace together (amount ← quantity × unit price). */
	required_unless?: string[];
	source: string | null;
	match: 'exact' | 'synonym' | 'given' | 'remembered' | 'none';
	samples: string[];
}

export interface FilePreview {
	id: string;
	name: string;
	size: number;
	preview?: Preview & { kind: Kind | null; columns: ColumnView[]; mapping_source: 'detected' | 'given' | 'remembered' };
	/** Why the file cannot be read or its kind told, in the request's language, and its code. */
	error?: string;
	code?: string;
}

const ID = /^[0-9a-f]{32}$/;

class Staging {
	private dir: string | null = null;
	readonly files = new Map<string, StagedFile>();
	readonly jobs = new Map<string, Job>();
	private sweeper: ReturnType<typeof setInterval> | null = null;

	folder(): string {
		if (!this.dir) this.dir = mkdtempSync(join(tmpdir(), 'cartera-stage-'));
		if (!this.sweeper) {
			this.sweeper = setInterval(() => this.expire(), 5 * 60 * 1000);
			this.sweeper.unref();
		}
		return this.dir;
	}

	/** Drops files staged and jobs finished more than STAGE_TTL_MS ago. */
	expire(now = Date.now()): void {
		for (const f of this.files.values()) if (now - f.stagedAt > STAGE_TTL_MS) this.drop(f.id);
		for (const j of this.jobs.values()) if (j.finished_at && now - Date.parse(j.finished_at) > STAGE_TTL_MS) this.jobs.delete(j.id);
	}

	drop(id: string): void {
		const f = this.files.get(id);
		if (!f) return;
		rmSync(f.path, { force: true });
		this.files.delete(id);
	}
}

const staging = new Staging();

export function newId(): string {
	return randomBytes(16).toString('hex');
}

/**
 * Streams the files of a multipart request to the staging folder. An empty file, or an upload
 * over the size limit, is refused (nothing is kept of that request).
 */
export async function stageUploads(request: Request): Promise<{ files: { id: string; name: string; size: number }[] }> {
	const received = await receiveUploads(request);
	try {
		const empty = received.files.filter((f) => statSync(f.path).size === 0);
		if (empty.length) throw new UploadError('file_empty', { file: empty.map((f) => f.name).join(', ') });
		for (const f of received.files) refuseBinary(f.path, f.name);
		const folder = staging.folder();
		const staged: StagedFile[] = [];
		for (const f of received.files) {
			const id = newId();
			const path = join(folder, id);
			renameSync(f.path, path);
			staged.push({ id, name: f.name, size: statSync(path).size, path, stagedAt: Date.now() });
		}
		for (const s of staged) staging.files.set(s.id, s);
		return { files: staged.map(({ id, name, size }) => ({ id, name, size })) };
	} finally {
		received.cleanup();
	}
}

/** Data that is neither text nor a workbook (an image, a PDF, an .exe renamed .csv): refused at once. */
function refuseBinary(path: string, name: string): void {
	const fd = openSync(path, 'r');
	const head = Buffer.alloc(64 * 1024);
	const n = readSync(fd, head, 0, head.length, 0);
	closeSync(fd);
	const bytes = head.subarray(0, n);
	if (isZip(bytes) || bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return; // workbooks: read (or named) later
	if (detectEncoding(bytes).encoding.startsWith('utf-16')) return;
	const at = bytes.indexOf(0);
	if (at >= 0) throw new UploadError('binary_byte', { file: name, byte: at + 1 });
}

function stagedFiles(ids: unknown): StagedFile[] {
	if (!Array.isArray(ids) || ids.length === 0) throw new UploadError('no_ids', {});
	return ids.map((id) => {
		const f = typeof id === 'string' && ID.test(id) ? staging.files.get(id) : undefined;
		if (!f) throw new UploadError('staged_unknown', { id }, 404);
		return f;
	});
}

/** The page's options and mapping, checked as the CLI checks its flags. */
export function flowOptions(raw: RawStageOptions = {}, map?: unknown): IngestOptions {
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const options = ingestOptions({
		kind: text(raw.kind),
		encoding: text(raw.encoding),
		delimiter: text(raw.delimiter),
		quote: text(raw.quote),
		headerLine: text(raw.header_line),
		decimal: text(raw.decimal),
		dateOrder: text(raw.date_order),
		map: map === undefined || map === null ? undefined : JSON.stringify(map)
	});
	const sheet = text(raw.sheet);
	if (sheet !== undefined) options.sheet = /^\d+$/.test(sheet) ? Number(sheet) : sheet;
	return options;
}

/**
 * The first records of each file as the pipeline reads them, with the layout detected (or given),
 * the kind and the mapping table; fast whatever the file's size (only its head is read). Why a
 * file cannot be read is said in `options.lang`.
 */
export async function previewStaged(db: Database, ids: unknown, options: IngestOptions): Promise<FilePreview[]> {
	const files = stagedFiles(ids);
	const said = (error: IngestError) => ({ error: error.text(options.lang ?? 'en'), code: error.code });
	const fork = await db.fork();
	try {
		const out: FilePreview[] = [];
		for (const f of files) {
			let preview: Preview;
			try {
				preview = await previewFile(fork, f.path, f.name, options, PREVIEW_ROWS);
			} catch (error) {
				if (!(error instanceof IngestError)) throw error;
				out.push({ id: f.id, name: f.name, size: f.size, ...said(error) });
				continue;
			}
			try {
				out.push({ id: f.id, name: f.name, size: f.size, preview: { ...preview, ...(await mappingView(fork, preview, f.name, options)) } });
			} catch (error) {
				if (!(error instanceof IngestError)) throw error;
				// The records are still shown (a wrong delimiter is seen at once), with why the kind is unknown.
				out.push({ id: f.id, name: f.name, size: f.size, preview: { ...preview, kind: null, columns: [], mapping_source: 'detected' }, ...said(error) });
			}
		}
		return out;
	} finally {
		fork.close();
	}
}

/** Kind and mapping from the headers, as the ingest will decide them (given, remembered or detected). */
async function mappingView(db: Database, preview: Preview, name: string, options: IngestOptions) {
	const headers = preview.headers;
	const given = options.map && mappingFits(options.map, headers) ? options.map : null;
	const remembered = given ? null : await rememberedMapping(db, headers);
	const user: UserMapping | null = given ?? remembered;
	const origin = given ? ('given' as const) : remembered ? ('remembered' as const) : ('detected' as const);
	const kind = options.kind ?? user?.kind;
	let spec;
	let mapping: Record<string, number>;
	try {
		({ spec, mapping } = detectKind(headers, name, kind));
	} catch (error) {
		if (!(error instanceof IngestError) || !kind) throw error;
		({ spec, mapping } = mapHeaders(headers, KIND_SPECS[kind])); // forced kind missing columns: the table shows which
	}
	const keys = headers.map(normalizeKey);
	const overridden = new Set<string>();
	for (const [column, header] of Object.entries(user?.columns ?? {})) {
		if (!spec.columns.some((c) => c.name === column)) continue;
		overridden.add(column);
		if (header === null) delete mapping[column];
		else if (keys.includes(normalizeKey(header))) mapping[column] = keys.indexOf(normalizeKey(header));
	}
	const columns: ColumnView[] = spec.columns.filter((c) => c.synonyms.length > 0).map((c) => {
		const index = mapping[c.name];
		const own = index !== undefined && normalizeKey(headers[index]!) === normalizeKey(c.name);
		return {
			name: c.name,
			required: !!c.required,
			...(c.requiredUnless ? { required_unless: c.requiredUnless } : {}),
			source: index === undefined ? null : headers[index]!,
			match: index === undefined ? 'none' : overridden.has(c.name) ? (origin === 'detected' ? 'given' : origin) : own ? 'exact' : 'synonym',
			samples: index === undefined ? [] : [...new Set(preview.rows.map((r) => r[index] ?? '').filter((v) => v !== ''))].slice(0, 3)
		};
	});
	return { kind: spec.part ? ('invoices' as const) : spec.kind, columns, mapping_source: origin };
}

/** The dry-run report: everything the commit would do, nothing written. */
export async function reportStaged(db: Database, ids: unknown, options: IngestOptions): Promise<IngestReport> {
	const files = stagedFiles(ids);
	// Every rejection in the report, so the page can offer them all as CSV (it shows the first 100).
	const flow: IngestOptions = { ...options, dryRun: true, rejectionsShown: 100_000 };
	return serialized(() => ingestFiles(db, files.map((f) => ({ path: f.path, name: f.name })), flow));
}

/** Starts the real ingest of staged files in the background; the job tells how it goes (its report in `options.lang`). */
export function commitStaged(db: Database, ids: unknown, options: IngestOptions, loadedBy = 'web'): Job {
	const files = stagedFiles(ids);
	const controller = new AbortController();
	const job: Job = {
		id: newId(),
		state: 'running',
		progress: { phase: 'queued', file: files[0]!.name, done: 0, total: files.reduce((n, f) => n + f.size, 0) },
		started_at: new Date().toISOString(),
		controller,
		finished: Promise.resolve()
	};
	staging.jobs.set(job.id, job);
	const flow: IngestOptions = {
		...options,
		loadedBy,
		signal: controller.signal,
		onProgress: (p) => {
			job.progress = { ...p };
		}
	};
	job.finished = serialized(() => {
		if (controller.signal.aborted) throw new CancelledError();
		return ingestFiles(db, files.map((f) => ({ path: f.path, name: f.name })), flow);
	}).then(
		(report) => {
			// Committed: a cancel that came too late changes nothing of that.
			job.report = report;
			job.state = 'done';
			job.progress = { ...job.progress, phase: 'done', done: job.progress.total };
			for (const f of files) staging.drop(f.id);
		},
		(error: unknown) => {
			if (controller.signal.aborted) job.state = 'cancelled';
			else {
				job.state = 'failed';
				job.failure = error;
				if (!(error instanceof IngestError)) console.error('upload job failed', error);
			}
		}
	).finally(() => {
		job.finished_at = new Date().toISOString();
	});
	return job;
}

class CancelledError extends Error {
	constructor() {
		super('cancelled');
	}
}

export function getJob(id: string): Job | undefined {
	return ID.test(id) ? staging.jobs.get(id) : undefined;
}

/** Cancels a running job; resolves when its ingest has stopped (the database unchanged). */
export async function cancelJob(id: string): Promise<Job | undefined> {
	const job = getJob(id);
	if (!job) return undefined;
	if (job.state === 'running') job.controller.abort();
	await job.finished;
	return job;
}

export interface FailureBody {
	/** The message, in the request's language. */
	error: string;
	/** Its stable code (src/lib/server/ingest/messages.ts) and the values it names. */
	code: string;
	params: Record<string, unknown>;
}

/**
 * The answer to a request that failed: bad input gets its message in `lang`, its code and values,
 * and its status; anything else is thrown.
 */
export function failure(error: unknown, lang: Lang): { status: number; body: FailureBody } {
	if (error instanceof UploadError) return { status: error.status, body: error.body(lang) };
	if (error instanceof IngestError) return { status: 400, body: error.body(lang) };
	if (error instanceof SyntaxError) return { status: 400, body: new CodedError('bad_json', { detail: error.message }).body(lang) };
	throw error;
}

/** What the API answers about a job; why it failed is said in `lang`. */
export function jobView(job: Job, lang: Lang) {
	const { id, state, progress, report, failure: cause, started_at, finished_at } = job;
	const failed =
		cause === undefined
			? {}
			: cause instanceof CodedError
				? { error: cause.text(lang), code: cause.code }
				: { error: cause instanceof Error ? cause.message : String(cause) };
	return { job: id, state, progress, report, ...failed, started_at, finished_at };
}

/** For tests: expire now, as if an hour had passed. */
export function expireStaged(now = Date.now() + STAGE_TTL_MS + 1): void {
	staging.expire(now);
}
