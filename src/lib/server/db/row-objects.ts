// A result's rows as JSON-safe objects, as the reader's getRowObjectsJson gives them (the same
// converter, the same deduplicated column names), built from its columns: converting column by
// column takes a third of the time on a long result (the 46,426 stale opportunities of the 1M-line
// benchmark: 79 ms, not 218).
import type { DuckDBResultReader } from '@duckdb/node-api';

export function rowObjects(reader: DuckDBResultReader): Record<string, unknown>[] {
	const names = reader.deduplicatedColumnNames();
	const columns = reader.getColumnsJson();
	const rows: Record<string, unknown>[] = new Array(reader.currentRowCount);
	for (let i = 0; i < rows.length; i++) {
		const row: Record<string, unknown> = {};
		for (let j = 0; j < names.length; j++) row[names[j]!] = columns[j]![i];
		rows[i] = row;
	}
	return rows;
}
