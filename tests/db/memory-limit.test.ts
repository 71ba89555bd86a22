// CARTERA_MEMORY_LIMIT: the memory DuckDB may hold (1 GB unless told), applied to every database the
// app opens, and refused in one sentence when it is not a size.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { memoryLimit, MemoryLimitError } from '../../src/lib/server/db/memory-limit';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
afterAll(() => folder.remove());
const saved = process.env.CARTERA_MEMORY_LIMIT;
afterEach(() => {
	if (saved === undefined) delete process.env.CARTERA_MEMORY_LIMIT;
	else process.env.CARTERA_MEMORY_LIMIT = saved;
});

async function limitOf(path: string): Promise<string> {
	const db = await Database.open(path);
	try {
		return (await db.one<{ m: string }>(`SELECT current_setting('memory_limit') AS m`))!.m;
	} finally {
		db.close();
	}
}

describe('the memory DuckDB may hold', () => {
	it('is 1 GB unless told, and any size DuckDB reads when told', () => {
		expect(memoryLimit(undefined)).toBe('1GB');
		expect(memoryLimit('  ')).toBe('1GB');
		expect(memoryLimit('512MB')).toBe('512MB');
		expect(memoryLimit('2.5 GiB')).toBe('2.5 GiB');
	});

	it('is what a database file and an in-memory database are opened with', async () => {
		delete process.env.CARTERA_MEMORY_LIMIT;
		expect(await limitOf(folder.path('default.duckdb'))).toBe('953.6 MiB'); // 10⁹ bytes
		process.env.CARTERA_MEMORY_LIMIT = '512MB';
		expect(await limitOf(folder.path('told.duckdb'))).toBe('488.2 MiB');
		process.env.CARTERA_MEMORY_LIMIT = '2GiB';
		expect(await limitOf(':memory:')).toBe('2.0 GiB');
	});

	it('refuses a value that is not a size, in Spanish and English, before opening anything', async () => {
		for (const bad of ['mucho', '2', '-1GB', '1 GB de RAM']) {
			expect(() => memoryLimit(bad)).toThrow(MemoryLimitError);
			expect(() => memoryLimit(bad)).toThrow(
				`CARTERA_MEMORY_LIMIT=${bad} no es un tamaño: escribe por ejemplo 1GB o 512MB. CARTERA_MEMORY_LIMIT=${bad} is not a size: write for example 1GB or 512MB.`
			);
		}
		process.env.CARTERA_MEMORY_LIMIT = 'mucho';
		await expect(Database.open(folder.path('refused.duckdb'))).rejects.toThrow(MemoryLimitError);
	});
});
