// Commit jobs of the browser's upload flow: the real ingest of staged files, run in the background
// through the one-at-a-time queue, with its progress, and cancellable (the ingest's transaction is
// then rolled back). Each job's state is kept on disk too (<data>/staging/jobs/<id>.json, written
// when it starts and when it ends), so a finished job is still reported after a restart, and a job
// the process died in is reported as failed — interrupted by a restart — never as running forever.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang';
import type { Database } from '../db/database';
import { CodedError, IngestError } from '../ingest/errors';
import { ingestFiles, type IngestOptions, type IngestProgress, type IngestReport } from '../ingest/ingest';
import { isMessageCode, say } from '../../i18n/ingest-messages';
import { reasonWords, sayReport } from '../../i18n/ingest-report';
import { serialized } from '../ingest/queue';
import { ID, newId, readJson, STAGE_TTL_MS, stagingFolders, writeJsonAtomic } from './folder';
import { dropStaged, stagedFiles, type SaidOptions } from './stage';

/** Why a job failed: a message code and its values (said in the asker's language), or a message. */
type Failure = { code: string; params: Record<string, unknown> } | { message: string };

/** A job as it is kept on disk and answered. */
export interface Job {
	id: string;
	state: 'running' | 'done' | 'failed' | 'cancelled';
	progress: IngestProgress;
	report?: IngestReport;
	failure?: Failure;
	/** The staged files it loads (kept from the sweep while it runs). */
	files: string[];
	started_at: string;
	finished_at?: string;
}

/** The jobs this process runs, while they run. */
interface Running {
	job: Job;
	controller: AbortController;
	finished: Promise<void>;
}
const running = new Map<string, Running>();

class CancelledError extends Error {
	constructor() {
		super('cancelled');
	}
}

function jobPath(id: string): string {
	return join(stagingFolders().jobs, `${id}.json`);
}

/** Writes the job's state; a disk that refuses it is logged, never thrown into a background chain. */
function persist(job: Job): void {
	try {
		writeJsonAtomic(jobPath(job.id), job);
	} catch (error) {
		console.error('upload job: its state could not be written', error);
	}
}

function failureOf(error: unknown): Failure {
	if (error instanceof CodedError) return { code: error.code, params: { ...(error.params as Record<string, unknown>) } };
	return { message: error instanceof Error ? error.message : String(error) };
}

/** Starts the real ingest of staged files in the background; the job tells how it goes (its report in `options.lang`). */
export function commitStaged(db: Database, ids: unknown, options: SaidOptions, loadedBy = 'web'): Job {
	const { lang = 'en', ...ingest } = options;
	const files = stagedFiles(ids);
	const controller = new AbortController();
	const job: Job = {
		id: newId(),
		state: 'running',
		progress: { phase: 'queued', file: files[0]!.name, done: 0, total: files.reduce((n, f) => n + f.size, 0) },
		files: files.map((f) => f.id),
		started_at: new Date().toISOString()
	};
	persist(job);
	const flow: IngestOptions = {
		...ingest,
		loadedBy,
		words: reasonWords(lang),
		signal: controller.signal,
		onProgress: (p) => {
			job.progress = { ...p };
		}
	};
	const finished = serialized(() => {
		if (controller.signal.aborted) throw new CancelledError();
		return ingestFiles(db, files.map((f) => ({ path: f.path, name: f.name })), flow);
	})
		.then(
			(report) => {
				// Committed: a cancel that came too late changes nothing of that.
				job.report = sayReport(report, lang);
				job.state = 'done';
				job.progress = { ...job.progress, phase: 'done', done: job.progress.total };
				for (const f of files) dropStaged(f.id);
			},
			(error: unknown) => {
				if (controller.signal.aborted) job.state = 'cancelled';
				else {
					job.state = 'failed';
					job.failure = failureOf(error);
					if (!(error instanceof IngestError)) console.error('upload job failed', error);
				}
			}
		)
		.catch((error: unknown) => console.error('upload job: after its end', error))
		.finally(() => {
			job.finished_at = new Date().toISOString();
			persist(job);
			running.delete(job.id);
		});
	running.set(job.id, { job, controller, finished });
	return job;
}

/** A job this process runs, or one on disk (finished, or interrupted by a restart); undefined once expired. */
export function getJob(id: string, now = Date.now()): Job | undefined {
	if (!ID.test(id)) return undefined;
	const live = running.get(id);
	if (live) return live.job;
	const job = readJson<Job>(jobPath(id));
	if (!job || job.id !== id) return undefined;
	if (job.state === 'running') return interrupted(job); // no process runs it any more
	if (job.finished_at && now - Date.parse(job.finished_at) > STAGE_TTL_MS) return undefined;
	return job;
}

/** A job left running on disk by a process that died: failed, and said so from now on. */
function interrupted(job: Job): Job {
	const failed: Job = { ...job, state: 'failed', failure: { code: 'job_interrupted', params: {} }, finished_at: new Date().toISOString() };
	persist(failed);
	return failed;
}

/** At start: every job the disk says is running was cut off by the restart. */
export function markInterruptedJobs(): void {
	const { jobs } = stagingFolders();
	for (const entry of readdirSync(jobs)) {
		const id = entry.replace(/\.json$/, '');
		if (!ID.test(id) || entry !== `${id}.json` || running.has(id)) continue;
		const job = readJson<Job>(join(jobs, entry));
		if (job?.state === 'running' && job.id === id) interrupted(job);
	}
}

/** Staged files and jobs the sweep must leave alone: those of running jobs. */
export function busyIds(): Set<string> {
	const ids = new Set<string>();
	for (const { job } of running.values()) {
		ids.add(job.id);
		for (const f of job.files) ids.add(f);
	}
	return ids;
}

/** Cancels a running job; resolves when its ingest has stopped (the database unchanged). */
export async function cancelJob(id: string): Promise<Job | undefined> {
	const live = ID.test(id) ? running.get(id) : undefined;
	if (!live) return getJob(id);
	live.controller.abort();
	await live.finished;
	return live.job;
}

/** What the API answers about a job; why it failed is said in `lang`. */
export function jobView(job: Job, lang: Lang) {
	const { id, state, progress, report, failure, started_at, finished_at } = job;
	const failed =
		failure === undefined
			? {}
			: 'code' in failure && isMessageCode(failure.code)
				? { error: say(lang, failure.code, failure.params as never), code: failure.code }
				: { error: 'message' in failure ? failure.message : String(failure) };
	return { job: id, state, progress, report, ...failed, started_at, finished_at };
}
