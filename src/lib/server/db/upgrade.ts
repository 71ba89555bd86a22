// Bringing a database file's schema up to date without ever leaving it half migrated. DuckDB
// cannot replay some schema changes from its WAL, and a migration's statements sit there until a
// checkpoint: a process killed in that window left a file nobody could open again. So pending
// migrations never run on the file itself: they run on a copy (`<db>.migrating`), which is
// checkpointed and then renamed over the file in one step. Killed at any moment, the file is the
// old one (the copy is thrown away at the next open) or the new one, whole. The original stays
// open, and so locked, while its copy is migrated: no other process can take it meanwhile.
// Before an existing database changes schema, a copy of it is kept as `<db>.before-NNN.duckdb`
// (NNN: the first migration applied), the last KEPT_UPGRADE_COPIES of them.
import { closeSync, copyFileSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SqlSession } from './session';
import { appliedVersions, migrate, type Migration } from './migrate';

export const KEPT_UPGRADE_COPIES = 3;

/** Opens `path` with every migration applied. `openFile` opens a file as it is (Database.openFile). */
export async function openUpToDate<D extends SqlSession>(path: string, openFile: (path: string) => Promise<D>, migrations: Migration[]): Promise<D> {
	const db = await openFile(path);
	let open = true;
	const close = () => {
		if (open) db.close();
		open = false;
	};
	try {
		if (path === ':memory:') {
			await migrate(db, migrations);
			return db;
		}
		removeLeftovers(path); // we hold the file's lock: nobody else is migrating it
		const done = await appliedVersions(db);
		const pending = migrations.filter((m) => !done.has(m.version));
		if (pending.length === 0) return db;
		// Everything committed so far goes into the file itself, so that a copy of it is the whole database.
		await db.run('CHECKPOINT');
		if (done.size > 0) keepCopyBefore(path, pending[0]!.version);
		const work = workingCopy(path);
		try {
			copyDurably(path, work);
			const copy = await openFile(work);
			try {
				await migrate(copy, migrations); // checkpoints: the copy's WAL holds nothing
			} finally {
				copy.close();
			}
			rmSync(`${work}.wal`, { force: true });
			syncPath(work);
			close();
			rmSync(`${path}.wal`, { force: true }); // empty: checkpointed above, nothing written since
			renameSync(work, path);
			syncPath(dirname(path));
		} catch (error) {
			for (const f of [work, `${work}.wal`]) rmSync(f, { force: true });
			throw error;
		}
	} catch (error) {
		close();
		throw error;
	}
	return openFile(path);
}

function workingCopy(path: string): string {
	return `${path}.migrating`;
}

/** What a process killed while migrating (or while keeping a copy) left behind. */
function removeLeftovers(path: string): void {
	const work = workingCopy(path);
	for (const f of [work, `${work}.wal`, `${work}.partial`]) rmSync(f, { force: true });
	for (const f of upgradeCopies(path, /\.partial$/)) rmSync(join(dirname(path), f), { force: true });
}

/** `<db>.before-NNN.duckdb` (or its `.partial` while being written), newest version first. */
function upgradeCopies(path: string, tail = /$/): string[] {
	const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^${name}\\.before-(\\d+)\\.duckdb${tail.source}`);
	return readdirSync(dirname(path))
		.map((f) => ({ f, version: Number(pattern.exec(f)?.[1] ?? NaN) }))
		.filter((c) => !Number.isNaN(c.version))
		.sort((a, b) => b.version - a.version)
		.map((c) => c.f);
}

function keepCopyBefore(path: string, version: number): void {
	copyDurably(path, `${path}.before-${String(version).padStart(3, '0')}.duckdb`);
	for (const old of upgradeCopies(path).slice(KEPT_UPGRADE_COPIES)) rmSync(join(dirname(path), old), { force: true });
}

/** Copies `from` to `to` through `to.partial`: `to` appears only complete and on disk. */
export function copyDurably(from: string, to: string): void {
	const partial = `${to}.partial`;
	copyFileSync(from, partial);
	syncPath(partial);
	renameSync(partial, to);
	syncPath(dirname(to));
}

/** fsync of a file or a folder (a rename is durable once its folder is synced). */
export function syncPath(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
