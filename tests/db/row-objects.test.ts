// rowObjects gives exactly what the reader's getRowObjectsJson gives (its columns converted the
// same way, duplicate names deduplicated the same way), for every kind of value the queries return.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rowObjects } from '../../src/lib/server/db/row-objects';

const SQL = `
SELECT 1.25::DECIMAL(18,4) AS amount, 12345678901234567890.1234::DECIMAL(38,4) AS total, 2::BIGINT AS n, 3::HUGEINT AS h,
	DATE '2025-01-02' AS day, TIMESTAMP '2025-01-02 03:04:05' AS at, NULL::VARCHAR AS note, [1, 2] AS ints,
	{'a': 1.5::DECIMAL(9,2)} AS pair, true AS yes, 1.5::DOUBLE AS rate, 'x' AS name, ['a', NULL] AS names, 1 AS amount
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, NULL, 'y', [], NULL, NULL, NULL, NULL, NULL, 2`;

describe('rowObjects', () => {
	it('is the reader’s row objects, value for value', async () => {
		const connection = await (await DuckDBInstance.create(':memory:')).connect();
		const reader = await connection.runAndReadAll(SQL);
		const rows = rowObjects(reader);
		expect(rows).toEqual(reader.getRowObjectsJson());
		// DECIMAL and BIGINT as text, dates as ISO text, the repeated name as the reader names it.
		expect(rows[0]).toMatchObject({ amount: '1.2500', n: '2', day: '2025-01-02', 'amount:1': 1 });
		const none = await connection.runAndReadAll(`${SQL} LIMIT 0`);
		expect(rowObjects(none)).toEqual([]);
		connection.closeSync();
	});
});
