// What a Parquet export folder holds (written by parquet-export.ts, read by parquet-source.ts):
// its manifest's shape and the names both sides agree on. No import of database.ts, so that
// database.ts can open an export (getDatabase with CARTERA_SOURCE=parquet:DIR) without a loop.

export const MANIFEST = 'cartera-export.json';
export const EXPORT_FORMAT = 'cartera-parquet';

/** Tables written one folder per month, and the date column that names the month. */
export const BY_MONTH: Readonly<Record<string, string>> = { invoice_lines: 'invoice_date' };
/** Tables whose columns are written but not their rows (signed-in browsers stay with their database). */
export const SCHEMA_ONLY: ReadonlySet<string> = new Set(['sessions']);
/**
 * Small tables a reader keeps in memory instead of views over their files, filled from the export
 * in the order of their rows (rowid): the accounts, so that signing in (a session) and an API
 * token's last use work on a read-only export, until the server stops; and the settings, whose
 * reads break ties by rowid, which a view has not. Every other table is a view, and read-only.
 */
export const IN_MEMORY: ReadonlySet<string> = new Set(['users', 'api_tokens', 'sessions', 'settings']);

export interface ExportedColumn {
	name: string;
	/** DuckDB's name of the type (DECIMAL(18,4), DATE, JSON…). */
	type: string;
	default: string | null;
	nullable: boolean;
}

export interface ExportedTable {
	name: string;
	/** The table's Parquet files, relative to the folder (a glob for a table split by month). */
	files: string;
	rows: number;
	/** The date column whose month names each folder (invoice_lines: invoice_date). */
	by_month?: string;
	columns: ExportedColumn[];
}

export interface ExportManifest {
	format: typeof EXPORT_FORMAT;
	format_version: 1;
	schema_version: number;
	exported_at: string;
	tables: ExportedTable[];
	/** The database's views (invoice_totals_source), recreated over the tables by a reader. */
	views: { name: string; sql: string }[];
}

/** A path inside SQL text: COPY and read_parquet take no bound parameters for it. */
export function sqlPath(path: string): string {
	return `'${path.replace(/'/g, "''")}'`;
}

export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

