// One DuckDB instance per process and file. Opening migrates the schema; a file held by
// another process (typically the running server) becomes a DatabaseLockedError with one clear sentence.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { defaultDatabasePath } from './db-path';
import { loadMigrations, type Migration } from './migrate';
import { attachExport, servingSource } from './parquet-source';
import { memoryLimit } from './memory-limit';
import { ReaderPool } from './reader-pool';
import { ResultCache } from './result-cache';
import { StatementEffects, type Effect } from './statement-effect';
import { openUpToDate } from './upgrade';

import type { Params, Row, SqlSession } from './session';
export type { Params, Row } from './session';

export class DatabaseLockedError extends Error {
	constructor(
		readonly path: string,
		readonly pid: number | null
	) {
		const rel = relative(process.cwd(), path);
		const shown = rel && !rel.startsWith('..') ? rel : path;
		super(
			`The database ${shown} is in use by another process${pid ? ` (PID ${pid})` : ''}, ` +
				'most likely the running Cartera server: stop it and run this command again, ' +
				'or send the files through it with --server (npm run ingest -- --server http://localhost:3000 FILE…).'
		);
		this.name = 'DatabaseLockedError';
	}
}

/**
 * What a database and its forks share: the data version and the result cache. The version moves
 * when other connections can see a change: after an autocommit statement that changes data, and
 * after the COMMIT of a transaction that did; not per statement inside a transaction, whose
 * writes no other connection sees before its COMMIT. So a long ingest's transaction on a fork
 * leaves every cached figure valid (readers keep answering from the last committed data) until
 * it commits; a ROLLBACK moves nothing.
 */
interface Shared {
	version: number;
	cache: ResultCache | null;
	/** Always on, for the few-row reads every figure makes first (see cachedAll's `always`). */
	small: ResultCache;
	/** Queries running now, by version and key: a second caller waits for the same result. */
	running: Map<string, Promise<unknown[]>>;
	/** Called after every move of the version (warm.ts recomputes the default views at once). */
	listeners: Set<() => void>;
	/** Work handed out to run after its caller's answer (a load's alerts): close() waits for it. */
	background: Set<Promise<unknown>>;
	/** Aborted when close() starts: background work stops waiting (a delivery's next retry) and ends. */
	closing: AbortController;
}

/** Connections the server's database reads figures on (see enableResultCache). */
const READERS = 2;

export interface CachedAllOptions {
	/** Cached even when the result cache is off (see cachedAll). */
	always?: boolean;
	/** What a connection needs before it can run the query (its macros, the statuses it keeps): run on whichever connection runs it, a reader's or this one. */
	prepare?: (db: Database) => Promise<void>;
}

export class Database implements SqlSession {
	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection,
		/** A fork shares the instance: closing it closes only its connection. */
		private readonly ownsInstance = true,
		private readonly shared: Shared = {
			version: 0, cache: null, small: new ResultCache(10_000), running: new Map(), listeners: new Set(), background: new Set(), closing: new AbortController()
		}
	) {}

	/** This connection's open transaction, and whether it changed data (published at COMMIT). */
	private transactionOpen = false;
	private changedInTransaction = false;
	private readonly effects = new StatementEffects();
	/** Where the result cache's misses run (the server's database only). */
	private readers: ReaderPool<Database> | null = null;

	/** After a statement ran (or failed): moves the shared version when others may now see a change. */
	private settle(effect: Effect): void {
		switch (effect) {
			case 'begin':
				this.transactionOpen = true;
				this.changedInTransaction = false;
				break;
			case 'commit':
				// A failed COMMIT has rolled back: one needless bump, never a missed one.
				if (this.changedInTransaction) this.bump();
				this.transactionOpen = this.changedInTransaction = false;
				break;
			case 'rollback':
				this.transactionOpen = this.changedInTransaction = false;
				break;
			case 'change':
				if (this.transactionOpen) this.changedInTransaction = true;
				else this.bump();
		}
	}

	private bump(): void {
		this.shared.version++;
		for (const listener of this.shared.listeners) listener();
	}

	/** Calls `listener` after every change of the data version; returns the function that stops it. */
	onDataChange(listener: () => void): () => void {
		this.shared.listeners.add(listener);
		return () => this.shared.listeners.delete(listener);
	}

	/**
	 * Keeps query results between calls (the server's database: see getDatabase), until a change
	 * of the data on this database or its forks becomes visible. Off by default, so scripts and
	 * tests always read afresh. What is not in the cache is computed on `readers` connections of
	 * its own (ReaderPool), so this connection stays free for the small reads of every request.
	 */
	enableResultCache(maxRows = 200_000, readers = READERS): void {
		this.shared.cache ??= new ResultCache(maxRows);
		if (readers > 0 && !this.readers) this.readers = new ReaderPool(readers, () => this.fork());
	}

	/**
	 * Runs independent reads: together when the figures are read on reader connections (each query
	 * is planned on one core, so on small data two at a time take ~10 % less), else one after
	 * another (one connection runs one statement at a time).
	 */
	async readEach<T extends readonly (() => Promise<unknown>)[]>(reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
		type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
		if (this.readers) return (await Promise.all(reads.map((read) => read()))) as Results;
		const results: unknown[] = [];
		for (const read of reads) results.push(await read());
		return results as Results;
	}

	/**
	 * Opens every reader connection now and runs `prepare` on each (the queries' macros), so that
	 * the first requests after a start do not wait for it (~30 ms a connection). The server does
	 * this at start, warming or not: it computes no figure.
	 */
	async openReaders(prepare: (reader: Database) => Promise<void>): Promise<void> {
		await this.readers?.openAll(prepare);
	}

	/** Whether this connection is inside BEGIN … COMMIT (it may see rows no other connection sees yet). */
	get inTransaction(): boolean {
		return this.transactionOpen;
	}

	/** Bumped when a change of the data becomes visible to other connections (see Shared), on this connection or a fork. */
	get dataVersion(): number {
		return this.shared.version;
	}

	/**
	 * Rows of a read-only query, from the result cache when one is on and still valid. `always`:
	 * cached even when the result cache is off, for small reads every figure starts with (the
	 * settings, the data's date range): the same write-bumped version keeps them exact, and
	 * scripts (CLI, benchmarks) then pay for them once per data version, not once per figure.
	 */
	async cachedAll<T = Row>(key: string, sql: string, params?: Params, options: CachedAllOptions = {}): Promise<T[]> {
		const cache = this.shared.cache ?? (options.always ? this.shared.small : null);
		// Inside its own transaction a connection sees its uncommitted writes: never from or into the cache.
		if (!cache || this.transactionOpen) return this.preparedAll<T>(sql, params, options.prepare);
		const version = this.shared.version;
		const hit = cache.get<T>(key, version);
		if (hit) return hit;
		const runningKey = `${version}|${key}`;
		let running = this.shared.running.get(runningKey) as Promise<T[]> | undefined;
		if (!running) {
			running = this.compute<T>(sql, params, options.prepare).then((rows) => {
				cache.set(key, version, rows);
				return rows;
			});
			this.shared.running.set(runningKey, running);
			const forget = () => this.shared.running.delete(runningKey);
			running.then(forget, forget);
		}
		return (await running).slice();
	}

	/** A result the cache does not hold: on a reader connection when there are readers. */
	private compute<T>(sql: string, params: Params | undefined, prepare: CachedAllOptions['prepare']): Promise<T[]> {
		if (!this.readers) return this.preparedAll<T>(sql, params, prepare);
		return this.readers.read((reader) => reader.preparedAll<T>(sql, params, prepare));
	}

	/** The last query with a `prepare` on this connection (see preparedAll). */
	private preparedTurn: Promise<unknown> = Promise.resolve();

	/**
	 * The query right after its `prepare`, each pair in turn: what a prepare keeps on the connection
	 * (the statuses of metrics/line-statuses.ts) is what its query then reads, never changed by
	 * another query's prepare in between. A connection runs one statement at a time anyway: only
	 * the order changes, not the time.
	 */
	private preparedAll<T>(sql: string, params: Params | undefined, prepare: CachedAllOptions['prepare']): Promise<T[]> {
		if (!prepare) return this.all<T>(sql, params);
		const turn = this.preparedTurn.then(async () => {
			await prepare(this);
			return this.all<T>(sql, params);
		});
		this.preparedTurn = turn.catch(() => undefined);
		return turn;
	}

	/**
	 * The database at `path` with its schema up to date. Pending migrations run on a copy of the
	 * file that replaces it whole once they are done (upgrade.ts): a crash at any moment leaves the
	 * file as it was or fully migrated, never with schema changes DuckDB cannot replay from its WAL.
	 */
	static async open(path: string, migrations: Migration[] = loadMigrations()): Promise<Database> {
		return openUpToDate(path, (file) => Database.openFile(file), migrations);
	}

	/**
	 * The file as it is (its WAL replayed), without migrating it: for upgrade.ts and backups.
	 * `readOnly` takes no lock for writing (a backup being checked).
	 */
	static async openFile(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		let instance: DuckDBInstance;
		try {
			instance = await DuckDBInstance.create(path, {
				// Nothing may be downloaded at run time: the machine may be offline.
				autoinstall_known_extensions: 'false',
				autoload_known_extensions: 'false',
				memory_limit: memoryLimit(),
				...(options.readOnly ? { access_mode: 'READ_ONLY' } : {})
			});
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (/Could not set lock on file/i.test(message)) {
				const pid = /PID (\d+)/.exec(message)?.[1];
				throw new DatabaseLockedError(path, pid ? Number(pid) : null);
			}
			throw error;
		}
		const connection = await instance.connect();
		return new Database(path, instance, connection);
	}

	/** Rows as JSON-safe objects (DECIMAL and BIGINT come back as strings, dates as ISO text). */
	async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
		const effect = this.effects.of(sql);
		try {
			const reader = await this.connection.runAndReadAll(sql, params);
			return reader.getRowObjectsJson() as T[];
		} finally {
			this.settle(effect);
		}
	}

	async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
		return (await this.all<T>(sql, params))[0];
	}

	async run(sql: string, params?: Params): Promise<void> {
		const effect = this.effects.of(sql);
		try {
			await this.connection.run(sql, params);
		} finally {
			this.settle(effect);
		}
	}

	/**
	 * A write that no figure reads (accounts, sessions, API tokens' last use): it leaves the data
	 * version alone, so the result cache and the warmed dashboards stay valid.
	 */
	async runBookkeeping(sql: string, params?: Params): Promise<void> {
		await this.connection.run(sql, params);
	}

	/** Runs fn inside BEGIN/COMMIT; any error rolls everything back and is rethrown. */
	async transaction<T>(fn: () => Promise<T>): Promise<T> {
		await this.run('BEGIN TRANSACTION');
		try {
			const result = await fn();
			await this.run('COMMIT');
			return result;
		} catch (error) {
			await this.run('ROLLBACK');
			throw error;
		}
	}

	/**
	 * The same database on a connection of its own: its transaction and temporary tables are its
	 * own, so a long ingest does not hold up (or leak into) the dashboards' queries.
	 */
	async fork(): Promise<Database> {
		return new Database(this.path, this.instance, await this.instance.connect(), false, this.shared);
	}

	/**
	 * Work that goes on after its caller has its answer (a load's alerts and their deliveries, on
	 * forks of their own): closing the database waits for it, so a script that loads and closes at
	 * once loses nothing. Never rejects the caller: the work handles its own errors.
	 */
	background(work: Promise<unknown>): void {
		const held = work.catch(() => undefined);
		this.shared.background.add(held);
		void held.finally(() => this.shared.background.delete(held));
	}

	/** Aborted once close() has started on the database (not a fork): background work ends what it is doing and waits for nothing more. */
	get closing(): AbortSignal {
		return this.shared.closing.signal;
	}

	/**
	 * A fork: closes its connection. The database itself: first lets the background work it handed
	 * out end (see background(); a delivery's pending retry is kept for the next start, not waited
	 * for), then closes. With no such work it closes at once, before returning.
	 */
	close(): Promise<void> {
		if (!this.ownsInstance || this.shared.background.size === 0) {
			if (this.ownsInstance) this.shared.closing.abort();
			this.closeNow();
			return Promise.resolve();
		}
		this.shared.closing.abort();
		return (async () => {
			while (this.shared.background.size) await Promise.allSettled([...this.shared.background]);
			this.closeNow();
		})();
	}

	private closeNow(): void {
		this.readers?.close();
		this.connection.closeSync();
		if (this.ownsInstance) this.instance.closeSync();
	}
}

const open = new Map<string, Promise<Database>>();

/**
 * The process-wide database for a file (default: --db / CARTERA_DB / data/cartera.duckdb). Called
 * without a path in a process serving an export (CARTERA_SOURCE=parquet:DIR): an in-memory
 * database reading that folder, read-only (parquet-source.ts).
 */
export function getDatabase(path?: string): Promise<Database> {
	const source = path === undefined ? servingSource() : null;
	const key = source?.kind === 'parquet' ? `parquet:${source.dir}` : (path ??= defaultDatabasePath());
	let db = open.get(key);
	if (!db) {
		db = (source?.kind === 'parquet' ? openExport(source.dir) : Database.open(key)).then((opened) => {
			opened.enableResultCache();
			return opened;
		});
		open.set(key, db);
		db.catch(() => open.delete(key));
	}
	return db;
}

/** An in-memory database whose tables are views over the Parquet export in `dir` (parquet-source.ts). */
export async function openExport(dir: string): Promise<Database> {
	const db = await Database.openFile(':memory:');
	try {
		await attachExport(db, dir);
	} catch (error) {
		await db.close();
		throw error;
	}
	return db;
}
