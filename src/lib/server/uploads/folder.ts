// Where uploads wait on disk: one folder next to the database file (<data>/staging), not the
// system's temp folder, so that what a crash or a restart leaves behind is found and swept, and a
// staged file and its job outlive a restart. Small JSON files (a staged file's label, a job's
// state) are written whole or not at all: to a temporary name, then renamed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultDatabasePath } from '../db/db-path';

/** How long staged files, unfinished receptions and finished jobs are kept. */
export const STAGE_TTL_MS = 60 * 60 * 1000;

export interface StagingFolders {
	root: string;
	/** Staged files (`<id>`) and their labels (`<id>.json`). */
	files: string;
	/** Jobs' states (`<id>.json`). */
	jobs: string;
	/** Multipart requests being received, one temporary folder each. */
	incoming: string;
}

/** The folders under `<dirname(database)>/staging`, created when missing. */
export function stagingFolders(database = defaultDatabasePath()): StagingFolders {
	const root = join(dirname(database), 'staging');
	const folders = { root, files: join(root, 'files'), jobs: join(root, 'jobs'), incoming: join(root, 'incoming') };
	for (const dir of [folders.files, folders.jobs, folders.incoming]) mkdirSync(dir, { recursive: true });
	return folders;
}

/** A random 32-hex-digit id (staged files, jobs): never derived from what a user sent. */
export function newId(): string {
	return randomBytes(16).toString('hex');
}

export const ID = /^[0-9a-f]{32}$/;

export function writeJsonAtomic(path: string, value: unknown): void {
	const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		writeFileSync(temporary, JSON.stringify(value));
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}

/** The JSON at `path`, or null when it is missing or unreadable. */
export function readJson<T>(path: string): T | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as T;
	} catch {
		return null;
	}
}
