// The server's reader connections (ReaderPool, Database.openReaders): opened at start with the
// queries' macros registered on each, so the first requests wait for neither; later reads reuse
// them rather than opening more.
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { registerMacros, runQuery } from '../../src/lib/server/queries';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());

const macroCount = async (db: Database) =>
	(await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_functions() WHERE function_name IN ('cartera_lines', 'cartera_window_as_of')`))!.n;

describe('the reader connections', () => {
	it('open at once, each with the macros, and serve the reads after', async () => {
		const db = await Database.open(folder.path('readers.duckdb'));
		try {
			db.enableResultCache(1000, 2);
			const prepared: Database[] = [];
			await db.openReaders(async (reader) => {
				prepared.push(reader);
				await registerMacros(reader);
			});
			expect(prepared).toHaveLength(2);
			expect(prepared[0]).not.toBe(prepared[1]);
			for (const reader of prepared) expect(await macroCount(reader)).toBe(2);
			// Opening again opens nothing more.
			await db.openReaders(async (reader) => void prepared.push(reader));
			expect(prepared).toHaveLength(4);
			expect(new Set(prepared).size).toBe(2);
			// A figure's query runs on them (an empty database: no data range).
			expect(await runQuery(db, 'data_range')).toEqual([{ first_date: null, last_date: null, lines: 0, provisional_month: null }]);
			// And on nothing else: a table only these two connections hold is read, from both at once.
			for (const [i, reader] of prepared.slice(0, 2).entries()) await reader.run(`CREATE TEMP TABLE held_by_reader AS SELECT ${i} AS reader`);
			await expect(db.one('SELECT * FROM held_by_reader')).rejects.toThrow(/held_by_reader does not exist/);
			const both = await Promise.all([0, 1].map((n) => db.cachedAll<{ reader: number }>(`reader-${n}`, `SELECT reader, ${n} AS n FROM held_by_reader`)));
			expect(both.map((rows) => rows[0]!.reader).sort()).toEqual([0, 1]);
		} finally {
			db.close();
		}
	});
});
