// Serving from a Parquet export (CARTERA_SOURCE=parquet:DIR): an in-memory DuckDB whose tables
// are views over the export's files, with the database's names and types, so every
// queries/*.sql runs unchanged. Views cannot be written: the server refuses every write before it
// reaches them (http/guard.ts, read-only.ts), and starts nothing that writes (uploads' staging,
// alert deliveries). The accounts are the exception (parquet-layout.ts IN_MEMORY): tables in
// memory, filled from the export, so people sign in with the accounts and API tokens they had.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadMigrations } from './migrate';
import { EXPORT_FORMAT, IN_MEMORY, MANIFEST, quoteIdent, sqlPath, type ExportedTable, type ExportManifest } from './parquet-layout';
import { ParquetError } from './parquet-messages';
import type { SqlSession } from './session';

export type Source = { kind: 'database' } | { kind: 'parquet'; dir: string };

/** What the server serves: the database (CARTERA_SOURCE unset or empty), or an export (parquet:DIR). */
export function servingSource(env: NodeJS.ProcessEnv = process.env): Source {
	const value = env.CARTERA_SOURCE?.trim();
	if (!value) return { kind: 'database' };
	const match = /^parquet:(.+)$/.exec(value);
	if (!match) throw new ParquetError('source_bad', { value });
	const dir = match[1]!.trim();
	return { kind: 'parquet', dir: isAbsolute(dir) ? dir : resolve(dir) };
}

/** The export folder the server reads, when it serves one (read-only); null for the database. */
export function readOnlyExport(env: NodeJS.ProcessEnv = process.env): string | null {
	const source = servingSource(env);
	return source.kind === 'parquet' ? source.dir : null;
}

/** The folder's manifest, refused when missing or written for another schema than this code's. */
export function readManifest(dir: string): ExportManifest {
	const file = join(dir, MANIFEST);
	if (!existsSync(file)) throw new ParquetError('source_missing', { dir });
	let manifest: ExportManifest;
	try {
		manifest = JSON.parse(readFileSync(file, 'utf8')) as ExportManifest;
	} catch {
		throw new ParquetError('source_missing', { dir });
	}
	if (manifest.format !== EXPORT_FORMAT || !Array.isArray(manifest.tables)) throw new ParquetError('source_missing', { dir });
	const expected = Math.max(...loadMigrations().map((m) => m.version));
	if (manifest.schema_version !== expected) throw new ParquetError('source_schema', { dir, found: manifest.schema_version ?? null, expected });
	return manifest;
}

/**
 * Makes `db` (an empty in-memory database) read the export in `dir`: a view per table, cast to the
 * manifest's type wherever the Parquet file's differs, the accounts as tables in memory, and the
 * database's own views on top.
 */
export async function attachExport(db: SqlSession, dir: string): Promise<ExportManifest> {
	const manifest = readManifest(dir);
	for (const table of manifest.tables) {
		const files = `read_parquet(${sqlPath(join(dir, table.files))}, hive_partitioning = false)`;
		if (IN_MEMORY.has(table.name)) await db.run(memoryTable(table, files));
		else await db.run(await viewOver(db, table, files));
	}
	for (const view of manifest.views ?? []) await db.run(view.sql);
	return manifest;
}

/** The table as the database declared it (types, defaults, NOT NULL), holding the export's rows. */
function memoryTable(table: ExportedTable, files: string): string {
	const columns = table.columns.map(
		(c) => `${quoteIdent(c.name)} ${c.type}${c.default !== null ? ` DEFAULT ${c.default}` : ''}${c.nullable ? '' : ' NOT NULL'}`
	);
	const names = table.columns.map((c) => quoteIdent(c.name)).join(', ');
	return `CREATE TABLE ${quoteIdent(table.name)} (${columns.join(', ')});
		INSERT INTO ${quoteIdent(table.name)} (${names}) SELECT ${names} FROM ${files};`;
}

/** A view with the table's columns in its order and types: a cast only where the file's type differs. */
async function viewOver(db: SqlSession, table: ExportedTable, files: string): Promise<string> {
	const found = new Map((await db.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${files}`)).map((c) => [c.column_name, c.column_type]));
	const columns = table.columns.map((c) => {
		const name = quoteIdent(c.name);
		return found.get(c.name) === c.type ? name : `CAST(${name} AS ${c.type}) AS ${name}`;
	});
	return `CREATE VIEW ${quoteIdent(table.name)} AS SELECT ${columns.join(', ')} FROM ${files}`;
}
