// A fresh DuckDB file in its own temporary folder per test file: real database, no mocks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Database } from '../../src/lib/server/db/database';

export interface TempFolder {
	dir: string;
	path(name: string): string;
	write(name: string, content: string | Buffer): string;
	remove(): void;
}

export function tempFolder(prefix = 'cartera-test-'): TempFolder {
	return folderAt(mkdtempSync(join(tmpdir(), prefix)));
}

/** The same helpers over a folder that already exists (e.g. useDemoApp's `dir`). */
export function folderAt(dir: string): TempFolder {
	return {
		dir,
		path: (name) => join(dir, name),
		write(name, content) {
			const p = join(dir, name);
			writeFileSync(p, content);
			return p;
		},
		remove: () => rmSync(dir, { recursive: true, force: true })
	};
}

export async function openTempDatabase(folder: TempFolder, name = 'test.duckdb'): Promise<Database> {
	return Database.open(folder.path(name));
}

/**
 * For one describe block: a database in its own temporary folder, filled by `load` before the
 * block's tests and removed after them. `db` is set once the block's first beforeAll has run.
 */
export function useLoadedDatabase(load: (db: Database) => Promise<unknown>): { folder: TempFolder; db: Database } {
	const folder = tempFolder();
	const context = { folder } as { folder: TempFolder; db: Database };
	beforeAll(async () => {
		context.db = await openTempDatabase(folder);
		await load(context.db);
	}, 120_000);
	afterAll(() => {
		context.db?.close();
		folder.remove();
	});
	return context;
}

/** "1.234,56" / "-85,00" → integer cents, computed without floats. */
export function spanishMoneyToCents(text: string): bigint {
	const t = text.trim();
	const negative = t.startsWith('-');
	const [whole = '0', fraction = ''] = t.replace('-', '').replace(/\./g, '').split(',');
	const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
	return negative ? -cents : cents;
}

/** DuckDB DECIMAL text "179055398.3000" → integer cents (the value is a whole number of cents). */
export function decimalTextToCents(text: string): bigint {
	const negative = text.startsWith('-');
	const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
	const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
	return negative ? -cents : cents;
}
