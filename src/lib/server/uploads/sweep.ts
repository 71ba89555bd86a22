// Keeps the staging folder from growing: at start, whatever a previous process left being received
// goes, jobs it left running are marked interrupted, and anything older than its lifetime (one hour)
// goes — at start and every five minutes. Files and jobs of running jobs are left alone.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE_TTL_MS, stagingFolders } from './folder';
import { busyIds, markInterruptedJobs } from './jobs';

const SWEEP_EVERY_MS = 5 * 60 * 1000;

/** Removes the entries of `dir` last modified more than STAGE_TTL_MS before `now` (all of them with `all`). */
function sweepFolder(dir: string, now: number, busy: Set<string>, all = false): void {
	for (const entry of readdirSync(dir)) {
		if (busy.has(entry.slice(0, 32))) continue; // <id>, <id>.json, <id>.json.<x>.tmp
		const path = join(dir, entry);
		try {
			if (all || now - statSync(path).mtimeMs > STAGE_TTL_MS) rmSync(path, { recursive: true, force: true });
		} catch {
			// gone meanwhile
		}
	}
}

/** One sweep; `starting`: nothing is being received yet, so every reception left over goes. */
export function sweepStaging(now = Date.now(), starting = false): void {
	const folders = stagingFolders();
	const busy = busyIds();
	sweepFolder(folders.files, now, busy);
	sweepFolder(folders.jobs, now, busy);
	sweepFolder(folders.incoming, now, busy, starting);
}

let sweeper: ReturnType<typeof setInterval> | null = null;

/** At the server's start (hooks.server.ts init): once per process. */
export function openStaging(): void {
	if (sweeper) return;
	try {
		markInterruptedJobs();
		sweepStaging(Date.now(), true);
	} catch (error) {
		console.error('staging: the sweep at start failed', error);
	}
	sweeper = setInterval(() => {
		try {
			sweepStaging();
		} catch (error) {
			console.error('staging: sweep failed', error);
		}
	}, SWEEP_EVERY_MS);
	sweeper.unref();
}
