// The server's result cache: a repeated query is answered from memory until any write, on the
// same connection or a fork (an upload), changes the data; the least recently used entries go
// first past the row limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ResultCache } from '../../src/lib/server/db/result-cache';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	db.enableResultCache();
});
afterAll(() => {
	db.close();
	folder.remove();
});

// The lines are written straight into invoice_lines here, past the rollups a load keeps (data_range
// reads the stored days): the cached read counts the lines themselves.
const lines = async () => (await db.cachedAll<{ lines: number }>('lines', 'SELECT count(*)::INTEGER AS lines FROM invoice_lines'))[0]!.lines;
const insert = (target: Database, id: string) =>
	target.run(`INSERT INTO invoice_lines (batch_id, invoice_id, line_no, invoice_date, client_id, amount) VALUES (1, '${id}', 1, DATE '2025-01-10', 'A', 10)`);

describe('result cache', () => {
	it('serves a repeated query from memory and reads again after a write', async () => {
		expect(await lines()).toBe(0);
		const version = db.dataVersion;
		expect(await lines()).toBe(0);
		expect(db.dataVersion).toBe(version); // reads change nothing
		await insert(db, 'F1');
		expect(db.dataVersion).toBeGreaterThan(version);
		expect(await lines()).toBe(1);
	});

	it('a write on a fork (as an upload runs) invalidates too', async () => {
		const before = await lines();
		const fork = await db.fork();
		try {
			await fork.transaction(() => insert(fork, 'F2'));
		} finally {
			fork.close();
		}
		expect(await lines()).toBe(before + 1);
	});

	it('a write through all() (not a read) counts as a change', async () => {
		const before = await lines();
		await db.all(`INSERT INTO invoice_lines (batch_id, invoice_id, line_no, invoice_date, client_id, amount) VALUES (1, 'F3', 1, DATE '2025-01-11', 'A', 5) RETURNING invoice_id`);
		expect(await lines()).toBe(before + 1);
	});

	it('bookkeeping writes (a token’s last use, a session) leave the data version and the cache alone', async () => {
		const version = db.dataVersion;
		await db.runBookkeeping(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('x', 1, TIMESTAMP '2030-01-01 00:00:00')`);
		expect(db.dataVersion).toBe(version);
	});

	it('drops the least recently used entries past the row limit and returns copies', () => {
		const cache = new ResultCache(3);
		cache.set('a', 0, [1, 2]);
		cache.set('b', 0, [3]);
		expect(cache.get('a', 0)).toEqual([1, 2]); // a is now the most recent
		cache.set('c', 0, [4]);
		expect(cache.get('b', 0)).toBeUndefined();
		expect(cache.get('a', 0)).toEqual([1, 2]);
		expect(cache.get('a', 1)).toBeUndefined(); // another data version
		cache.set('d', 0, [5, 6]);
		const rows = cache.get<number>('d', 0)!;
		rows.push(7);
		expect(cache.get('d', 0)).toEqual([5, 6]);
	});
});
