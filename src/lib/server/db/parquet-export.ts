// The model as Parquet files (npm run export -- --parquet DIR), for DuckDB over files, object
// storage or a managed DuckDB to read with the same queries/*.sql (docs/parquet.md). Layout:
//
//   DIR/cartera-export.json                      what the folder holds: schema version, every table's
//                                                columns with their DuckDB types, its files and rows
//   DIR/invoice_lines/month=YYYY-MM/data_0.parquet   the invoice lines, one folder per month of invoice_date
//   DIR/<table>.parquet                          every other table of the database, one file each
//
// Every table of the database is written (so every page reads what it reads from the file),
// except the sessions' rows: signed-in browsers stay with the database they signed in to. Types
// are kept: DECIMAL(18,4) is Parquet's DECIMAL, DATE, TIMESTAMP, JSON and BIGINT stay theirs, and
// the manifest names each column's type so a reader casts whatever a Parquet writer changed.
// The manifest is written last: a folder without it is an unfinished export, which nothing reads.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Database, DatabaseLockedError } from './database';
import { BY_MONTH, SCHEMA_ONLY, EXPORT_FORMAT, MANIFEST, quoteIdent, sqlPath, type ExportedColumn, type ExportedTable, type ExportManifest } from './parquet-layout';
import { ParquetError } from './parquet-messages';

export interface ExportSummary {
	dir: string;
	schema_version: number;
	tables: number;
	invoice_lines: number;
	months: number;
	bytes: number;
	ms: number;
}

/** A new or empty folder to export into; anything else is refused before the database is opened. */
function checkTarget(dir: string, shown: string): void {
	if (!existsSync(dir)) return;
	if (!statSync(dir).isDirectory()) throw new ParquetError('export_not_folder', { dir: shown });
	if (readdirSync(dir).length > 0) throw new ParquetError('export_not_empty', { dir: shown });
}

/** The database file at `databasePath` written into `dir` as Parquet (see the layout above). */
export async function exportParquetFile(databasePath: string, dir: string, shown: (path: string) => string = (p) => p): Promise<ExportSummary> {
	const target = resolve(dir);
	checkTarget(target, shown(dir));
	if (!existsSync(databasePath)) throw new ParquetError('export_no_database', { database: shown(databasePath) });
	let db: Database;
	try {
		db = await Database.open(databasePath);
	} catch (error) {
		if (error instanceof DatabaseLockedError) throw new ParquetError('export_in_use', { database: shown(databasePath), pid: error.pid });
		throw error;
	}
	try {
		return await exportParquet(db, target, shown(dir));
	} finally {
		await db.close();
	}
}

/** An open database written into `dir` (new or empty); on failure, what was written is removed. */
export async function exportParquet(db: Database, dir: string, shown = dir): Promise<ExportSummary> {
	const started = performance.now();
	const target = resolve(dir);
	checkTarget(target, shown);
	const created = !existsSync(target);
	mkdirSync(target, { recursive: true });
	try {
		// One transaction: every file is the same moment of the database.
		const manifest = await db.transaction(() => writeTables(db, target));
		writeFileSync(join(target, MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
		const lines = manifest.tables.find((t) => t.name === 'invoice_lines');
		const months = existsSync(join(target, 'invoice_lines')) ? readdirSync(join(target, 'invoice_lines')).length : 0;
		return {
			dir: shown,
			schema_version: manifest.schema_version,
			tables: manifest.tables.length,
			invoice_lines: lines?.rows ?? 0,
			months,
			bytes: folderBytes(target),
			ms: Math.round(performance.now() - started)
		};
	} catch (error) {
		if (created) rmSync(target, { recursive: true, force: true });
		else for (const entry of readdirSync(target)) rmSync(join(target, entry), { recursive: true, force: true });
		throw error;
	}
}

async function writeTables(db: Database, dir: string): Promise<ExportManifest> {
	const columns = await db.all<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_nullable: boolean }>(
		`SELECT table_name, column_name, data_type, column_default, is_nullable
		 FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'
		   AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main')
		 ORDER BY table_name, column_index`
	);
	const byTable = new Map<string, ExportedColumn[]>();
	for (const c of columns) {
		const list = byTable.get(c.table_name) ?? [];
		list.push({ name: c.column_name, type: c.data_type, default: c.column_default, nullable: c.is_nullable });
		byTable.set(c.table_name, list);
	}
	const tables: ExportedTable[] = [];
	for (const [name, cols] of byTable) {
		const table = quoteIdent(name);
		const month = BY_MONTH[name];
		const rows = SCHEMA_ONLY.has(name) ? 0 : Number((await db.one<{ n: string }>(`SELECT count(*)::BIGINT AS n FROM ${table}`))!.n);
		if (month && rows > 0) {
			const order = cols.map((c) => quoteIdent(c.name)).join(', ');
			await db.run(
				`COPY (SELECT *, strftime(${quoteIdent(month)}, '%Y-%m') AS month FROM ${table} ORDER BY ${order})
				 TO ${sqlPath(join(dir, name))} (FORMAT parquet, PARTITION_BY (month))`
			);
			tables.push({ name, files: `${name}/month=*/*.parquet`, rows, by_month: month, columns: cols });
		} else {
			const where = SCHEMA_ONLY.has(name) ? ' WHERE false' : '';
			// In the order of its rows: a reader that keeps it in memory gets the same order of rowids.
			await db.run(`COPY (SELECT * FROM ${table}${where} ORDER BY rowid) TO ${sqlPath(join(dir, `${name}.parquet`))} (FORMAT parquet)`);
			tables.push({ name, files: `${name}.parquet`, rows, columns: cols });
		}
	}
	const views = await db.all<{ name: string; sql: string }>(
		`SELECT view_name AS name, sql FROM duckdb_views() WHERE NOT internal AND database_name = current_database() AND schema_name = 'main' ORDER BY view_name`
	);
	const version = await db.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM schema_migrations');
	return {
		format: EXPORT_FORMAT,
		format_version: 1,
		schema_version: version?.v ?? 0,
		exported_at: new Date().toISOString(),
		tables,
		views
	};
}

function folderBytes(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	}
	return total;
}

/** `path` as the user would read it: relative to the working folder when inside it. */
export function shownPath(path: string): string {
	const rel = relative(process.cwd(), path);
	return rel && !rel.startsWith('..') ? rel : path;
}
