// INSERT … ORDER BY into a stored table, guarded against a fault of DuckDB 1.5: once an INSERT …
// ORDER BY has written no row into a table, the rows that a later INSERT of the same transaction
// appends to it in order (more than about 120,000 of them, written straight to the file) are lost
// to every connection of the process, and come back only when the file is opened again. A load of
// products and invoices together met it: the product-line rollup, refreshed for the products
// while no line was stored yet, came back empty after the invoices, and so did the rollups summed
// from it. Appending one row and deleting it straight after an empty insert sets the table right
// (tests/db/ordered-insert.test.ts shows the fault and the remedy, on this version of DuckDB).
import type { Database, Params } from './database';

/** A value of each column type for the row that is appended and deleted (NOT NULL columns take it too). */
function blank(type: string): string {
	if (/CHAR|TEXT|STRING/i.test(type)) return "''";
	if (/^DATE$/i.test(type)) return "DATE '1970-01-01'";
	if (/TIMESTAMP/i.test(type)) return "TIMESTAMP '1970-01-01'";
	if (/BOOL/i.test(type)) return 'false';
	if (/INT|DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL/i.test(type)) return '0';
	return 'NULL';
}

/** `INSERT INTO table <select>`, where `select` ends in ORDER BY (rows kept in that order for the scans that read them). */
export async function insertOrdered(db: Database, table: string, select: string, params?: Params): Promise<void> {
	const [inserted] = await db.all<{ Count: string | number }>(`INSERT INTO ${table} ${select}`, params);
	if (Number(inserted?.Count ?? 0) > 0) return;
	const columns = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE ${table}`);
	await db.run(`INSERT INTO ${table} SELECT ${columns.map((c) => `${blank(c.column_type)}::${c.column_type}`).join(', ')}`);
	// Rows appended in a transaction number after every stored one: the last rowid is this row's.
	await db.run(`DELETE FROM ${table} WHERE rowid = (SELECT max(rowid) FROM ${table})`);
}
