// One DuckDB instance per process and file. Opening migrates the schema; a file held by
// another process (typically the running server) becomes a DatabaseLockedError with one clear sentence.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { defaultDatabasePath } from './db-path';
import { migrate } from './migrate';

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

export class Database {
	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection,
		/** A fork shares the instance: closing it closes only its connection. */
		private readonly ownsInstance = true
	) {}

	static async open(path: string): Promise<Database> {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		let instance: DuckDBInstance;
		try {
			instance = await DuckDBInstance.create(path, {
				// Nothing may be downloaded at run time: the machine may be offline.
				autoinstall_known_extensions: 'false',
				autoload_known_extensions: 'false'
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
		const db = new Database(path, instance, connection);
		await migrate(db);
		return db;
	}

	/** Rows as JSON-safe objects (DECIMAL and BIGINT come back as strings, dates as ISO text). */
	async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
		const reader = await this.connection.runAndReadAll(sql, params);
		return reader.getRowObjectsJson() as T[];
	}

	async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
		return (await this.all<T>(sql, params))[0];
	}

	async run(sql: string, params?: Params): Promise<void> {
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
		return new Database(this.path, this.instance, await this.instance.connect(), false);
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
		db = Database.open(path);
		open.set(path, db);
		db.catch(() => open.delete(path));
	}
	return db;
}
