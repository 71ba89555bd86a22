// Backups in one file that DuckDB opens as it is, and restoring one. A backup is the database
// file itself, copied right after a CHECKPOINT has put everything committed into it: DuckDB
// writes that file only at checkpoints (commits go to the WAL), so with automatic checkpoints held
// off and ingests and undos held back (the ingest queue) the copy is the database as of that
// checkpoint, whole. On the demo database (6 MB) this takes a few milliseconds, where
// `COPY FROM DATABASE` into a new file takes 0.8 s; EXPORT DATABASE would give a folder.
// The running server owns the file, so it takes backups itself (POST /api/backup); with the file
// free, the CLI takes the lock and does the same (npm run backup).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { serialized } from '../ingest/queue';
import { BackupError } from './backup-messages';
import { Database, DatabaseLockedError } from './database';
import { copyDurably, syncPath } from './upgrade';

/** What a backup holds, read back from the copy itself. */
export interface BackupSummary {
	/** The last migration applied to it. */
	schema_version: number;
	/** Loads in force (not undone). */
	batches: number;
	clients: number;
	invoice_lines: number;
}

export interface BackupReport extends BackupSummary {
	path: string;
	bytes: number;
	ms: number;
}

/** Server-side backups kept in `backups/` next to the database (older ones are removed). */
export const KEPT_SERVER_BACKUPS = 7;

/** A path as the user gave it, or relative to the working folder when it lies inside it. */
export function shown(path: string): string {
	const rel = relative(process.cwd(), path);
	return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Copies the open database into `dest` (a new file). Waits for a running ingest or undo to end
 * and holds the next ones until the copy is done; readers go on meanwhile.
 */
export function backupDatabase(db: Database, dest: string): Promise<BackupReport> {
	if (existsSync(dest)) return Promise.reject(new BackupError('backup_exists', { file: shown(dest) }));
	if (resolve(dest) === resolve(db.path)) return Promise.reject(new BackupError('backup_same_file', { file: shown(dest) }));
	return serialized(async () => {
		const started = performance.now();
		mkdirSync(dirname(dest), { recursive: true });
		// A connection of its own: the server's shared one keeps serving the dashboards.
		const own = await db.fork();
		try {
			const threshold = (await own.one<{ v: string }>(`SELECT current_setting('checkpoint_threshold') AS v`))!.v;
			// No automatic checkpoint may rewrite the file while it is copied: what is committed
			// meanwhile (a sign-in, a settings change) waits in the WAL for the next checkpoint.
			await own.runBookkeeping(`SET checkpoint_threshold = '1000 GiB'`);
			try {
				await checkpointWhenQuiet(own);
				copyDurably(db.path, dest);
			} finally {
				await own.runBookkeeping(`SET checkpoint_threshold = '${threshold.replace(/'/g, '')}'`);
			}
		} finally {
			own.close();
		}
		const summary = await readBackup(dest).catch((error) => {
			rmSync(dest, { force: true });
			throw error;
		});
		return { path: dest, bytes: statSync(dest).size, ms: Math.round(performance.now() - started), ...summary };
	});
}

/**
 * CHECKPOINT refuses while another connection has a write transaction open. With loads held back
 * by the queue those are short (a sign-in recorded, a token's last use, a reader connection
 * registering its temporary macros): wait for a quiet moment instead of failing the backup, and
 * never FORCE CHECKPOINT, which would abort them.
 */
async function checkpointWhenQuiet(db: Database, tries = 100): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await db.runBookkeeping('CHECKPOINT');
			return;
		} catch (error) {
			const busy = error instanceof Error && /other write transactions active/i.test(error.message);
			if (!busy || attempt >= tries) throw error;
			await new Promise((r) => setTimeout(r, Math.min(10 * attempt, 100)));
		}
	}
}

/** A backup taken by the running server, into `backups/` next to its database; the last few are kept. */
export async function backupToFolder(db: Database): Promise<BackupReport> {
	const folder = join(dirname(db.path), 'backups');
	const stem = basename(db.path).replace(/\.duckdb$/, '');
	const stamp = new Date().toISOString().replace(/[-:]/g, ''); // 20261203T224512.345Z
	const report = await backupDatabase(db, join(folder, `${stem}-${stamp}.duckdb`));
	const ours = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}T\\d{6}\\.\\d{3}Z\\.duckdb$`);
	const kept = readdirSync(folder).filter((f) => ours.test(f)).sort().reverse();
	for (const old of kept.slice(KEPT_SERVER_BACKUPS)) rmSync(join(folder, old), { force: true });
	return report;
}

/** Backs up the database at `path` while no process holds it (the CLI without --server). */
export async function backupFile(path: string, dest: string): Promise<BackupReport> {
	if (!existsSync(path)) throw new BackupError('backup_no_database', { database: shown(path) });
	const db = await openHeld(path, 'backup_in_use');
	try {
		return await backupDatabase(db, dest);
	} finally {
		db.close();
	}
}

/**
 * Replaces the database at `path` with the backup `source`, with no process holding it (the server
 * stopped). The database it replaces is kept as `<db>.before-restore.duckdb`; a backup from an
 * older release is migrated as any database is at open (keeping its own copy from before).
 */
export async function restoreDatabase(source: string, path: string): Promise<BackupSummary & { previous: string | null }> {
	if (!existsSync(source)) throw new BackupError('restore_missing', { file: shown(source) });
	if (resolve(source) === resolve(path)) throw new BackupError('backup_same_file', { file: shown(source) });
	await readBackup(source);
	let current = existsSync(path) ? await openHeld(path, 'restore_in_use') : null;
	const incoming = `${path}.restoring`;
	let previous: string | null = null;
	try {
		mkdirSync(dirname(path), { recursive: true });
		copyDurably(source, incoming);
		if (current) {
			await current.runBookkeeping('CHECKPOINT');
			previous = `${path}.before-restore.duckdb`;
			rmSync(previous, { force: true });
			copyDurably(path, previous);
			current.close();
			current = null;
		}
		rmSync(`${path}.wal`, { force: true }); // empty: checkpointed above; the backup's own state is in its file
		renameSync(incoming, path);
		syncPath(dirname(path));
	} finally {
		current?.close();
		for (const f of [incoming, `${incoming}.partial`]) rmSync(f, { force: true });
	}
	const db = await Database.open(path);
	try {
		return { ...(await summarize(db)), previous };
	} finally {
		db.close();
	}
}

/** Opens a backup read-only and says what it holds; a file that is not one is refused. */
export async function readBackup(path: string): Promise<BackupSummary> {
	let db: Database;
	try {
		db = await Database.openFile(path, { readOnly: true });
	} catch {
		throw new BackupError('restore_not_cartera', { file: shown(path) });
	}
	try {
		return await summarize(db);
	} catch {
		throw new BackupError('restore_not_cartera', { file: shown(path) });
	} finally {
		db.close();
	}
}

async function summarize(db: Database): Promise<BackupSummary> {
	const row = await db.one<BackupSummary>(`SELECT
		(SELECT max(version) FROM schema_migrations)::INTEGER AS schema_version,
		(SELECT count(*) FROM upload_batches WHERE undone_at IS NULL)::INTEGER AS batches,
		(SELECT count(*) FROM clients)::INTEGER AS clients,
		(SELECT count(*) FROM invoice_lines)::INTEGER AS invoice_lines`);
	return row!;
}

/** The file, locked for this process; held by another, the refusal `code` names it. */
async function openHeld(path: string, code: 'backup_in_use' | 'restore_in_use'): Promise<Database> {
	try {
		return await Database.openFile(path);
	} catch (error) {
		if (error instanceof DatabaseLockedError) throw new BackupError(code, { database: shown(path), pid: error.pid }, 409);
		throw error;
	}
}
