// db/ordered-insert.ts: the DuckDB fault it guards against, on the version the project pins, and
// the guard. In one transaction, an INSERT … ORDER BY that writes no row, then an ordered insert of
// more rows than DuckDB keeps in memory (about 120,000): those rows are lost to the process.
import { describe, expect, it } from 'vitest';
import { insertOrdered } from '../../src/lib/server/db/ordered-insert';
import { useLoadedDatabase } from '../helpers/temp-db';

const ROWS = 200_000;
const NONE = `SELECT (i % 36)::INTEGER, 'C' || i FROM range(${ROWS}) t(i) WHERE i < 0 ORDER BY 1, 2`;
const MANY = `SELECT (i % 36)::INTEGER, 'C' || i FROM range(${ROWS}) t(i) ORDER BY 1, 2`;

describe('an ordered insert after an empty one, in one transaction', () => {
	const context = useLoadedDatabase(async () => undefined);
	const count = async (table: string) => (await context.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;

	it('loses its rows when written plainly (the fault; if this fails, DuckDB has fixed it and the guard may go)', async () => {
		const { db } = context;
		await db.run('CREATE TABLE plain (m INTEGER, k VARCHAR)');
		await db.transaction(async () => {
			await db.run(`INSERT INTO plain ${NONE}`);
			await db.run(`INSERT INTO plain ${MANY}`);
			expect(await count('plain')).toBe(0);
		});
		expect(await count('plain')).toBe(0);
	});

	it('keeps every row through insertOrdered, in order, and the empty insert leaves nothing behind', async () => {
		const { db } = context;
		await db.run('CREATE TABLE guarded (m INTEGER, k VARCHAR)');
		await db.transaction(async () => {
			await insertOrdered(db, 'guarded', NONE);
			expect(await count('guarded')).toBe(0);
			await insertOrdered(db, 'guarded', MANY);
			expect(await count('guarded')).toBe(ROWS);
		});
		expect(await count('guarded')).toBe(ROWS);
		// Stored in the ORDER BY's order: the month never goes back along the rowids.
		const out = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT m < lag(m) OVER (ORDER BY rowid) AS back FROM guarded) WHERE back');
		expect(out!.n).toBe(0);
	});

	it('sets right a table whose columns are all NOT NULL, and a plain insert after it', async () => {
		const { db } = context;
		await db.run('CREATE TABLE strict (k VARCHAR NOT NULL, d DATE NOT NULL, n INTEGER NOT NULL, a DECIMAL(38, 4) NOT NULL)');
		await db.transaction(async () => {
			await insertOrdered(db, 'strict', `SELECT 'x', DATE '2026-01-01', 1, 1.5 WHERE false ORDER BY 1`);
			await db.run(`INSERT INTO strict SELECT 'C' || i, DATE '2026-01-01' + (i % 30)::INTEGER, i::INTEGER, i * 0.5 FROM range(${ROWS}) t(i) ORDER BY 2, 1`);
		});
		expect(await count('strict')).toBe(ROWS);
		expect(await count(`strict WHERE k = ''`)).toBe(0);
	});
});
