// One DuckDB instance per process and file. Opening migrates the schema; a file held by
// another process (typically the running server) becomes a DatabaseLockedError with one clear sentence.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { defaultDatabasePath } from './db-path';
import { loadMigrations, type Migration } from './migrate';
import { ResultCache } from './result-cache';
import { openUpToDate } from './upgrade';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

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

/** Statements that only read: anything else counts as a change of the data. */
const READ_ONLY = /^(\s|--[^\n]*\n)*(SELECT|WITH|FROM|VALUES|PRAGMA|DESCRIBE|SHOW|EXPLAIN|SUMMARIZE)\b/i;
/** A connection's own macros (queries/*.sql registers them on each connection) change no data. */
const TEMP_MACRO = /^(\s|--[^\n]*\n)*CREATE\s+(OR\s+REPLACE\s+)?TEMP(ORARY)?\s+MACRO\b/i;

function changesData(sql: string): boolean {
	return !READ_ONLY.test(sql) && !TEMP_MACRO.test(sql);
}

/** What a database and its forks share: the data version and the result cache. */
interface Shared {
	version: number;
	cache: ResultCache | null;
	/** Always on, for the few-row reads every figure makes first (see cachedAll's `always`). */
	small: ResultCache;
	/** Queries running now, by version and key: a second caller waits for the same result. */
	running: Map<string, Promise<unknown[]>>;
}

export class Database {
	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection,
		/** A fork shares the instance: closing it closes only its connection. */
		private readonly ownsInstance = true,
		private readonly shared: Shared = { version: 0, cache: null, small: new ResultCache(10_000), running: new Map() }
	) {}

	/**
	 * Keeps query results between calls (the server's database: see getDatabase), until any
	 * write on this database or its forks. Off by default, so scripts and tests always read afresh.
	 */
	enableResultCache(maxRows = 200_000): void {
		this.shared.cache ??= new ResultCache(maxRows);
	}

	/** Bumped after every statement that may change data, on this connection or a fork. */
	get dataVersion(): number {
		return this.shared.version;
	}

	/**
	 * Rows of a read-only query, from the result cache when one is on and still valid. `always`:
	 * cached even when the result cache is off, for small reads every figure starts with (the
	 * settings, the data's date range): the same write-bumped version keeps them exact, and
	 * scripts (CLI, benchmarks) then pay for them once per data version, not once per figure.
	 */
	async cachedAll<T = Row>(key: string, sql: string, params?: Params, options: { always?: boolean } = {}): Promise<T[]> {
		const cache = this.shared.cache ?? (options.always ? this.shared.small : null);
		if (!cache) return this.all<T>(sql, params);
		const version = this.shared.version;
		const hit = cache.get<T>(key, version);
		if (hit) return hit;
		const runningKey = `${version}|${key}`;
		let running = this.shared.running.get(runningKey) as Promise<T[]> | undefined;
		if (!running) {
			running = this.all<T>(sql, params).then((rows) => {
				cache.set(key, version, rows);
				return rows;
			});
			this.shared.running.set(runningKey, running);
			const forget = () => this.shared.running.delete(runningKey);
			running.then(forget, forget);
		}
		return (await running).slice();
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
		try {
			const reader = await this.connection.runAndReadAll(sql, params);
			return reader.getRowObjectsJson() as T[];
		} finally {
			if (changesData(sql)) this.shared.version++;
		}
	}

	async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
		return (await this.all<T>(sql, params))[0];
	}

	async run(sql: string, params?: Params): Promise<void> {
		try {
			await this.connection.run(sql, params);
		} finally {
			if (changesData(sql)) this.shared.version++;
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

	close(): void {
		this.connection.closeSync();
		if (this.ownsInstance) this.instance.closeSync();
	}
}

const open = new Map<string, Promise<Database>>();

/** The process-wide database for a file (default: --db / CARTERA_DB / data/cartera.duckdb). */
export function getDatabase(path: string = defaultDatabasePath()): Promise<Database> {
	let db = open.get(path);
	if (!db) {
		db = Database.open(path).then((opened) => {
			opened.enableResultCache();
			return opened;
		});
		open.set(path, db);
		db.catch(() => open.delete(path));
	}
	return db;
}
