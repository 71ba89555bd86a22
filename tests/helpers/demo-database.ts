// The demo database, built once per test run and copied for each test file that wants one.
// Building it runs the whole ingest of data/demo (several seconds); some thirty test files start
// from it, and a copy of the closed file is the same database. The build itself stays tested by
// the files that load the demo through the ingest (tests/cli/, tests/helpers/datasets.ts).
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { buildDemoDatabase } from '../../src/lib/server/demo';
import { tempFolder, type TempFolder } from './temp-db';

import type {} from './global-setup'; // declares demoCacheDir

/** Writes the demo database at `path` (replacing any file there), as `buildDemoDatabase` would. */
export async function copyDemoDatabase(path: string): Promise<void> {
	const cached = join(inject('demoCacheDir'), 'demo.duckdb');
	if (!existsSync(cached)) {
		// Built beside it and renamed, so a build that fails midway never leaves a half file.
		const scratch = mkdtempSync(join(inject('demoCacheDir'), 'build-'));
		await buildDemoDatabase(join(scratch, 'demo.duckdb'));
		renameSync(join(scratch, 'demo.duckdb'), cached);
		rmSync(scratch, { recursive: true, force: true });
	}
	for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
	copyFileSync(cached, path);
}

/**
 * For one test file or describe block: a copy of the demo database, open in its own temporary
 * folder (with the server's result cache and reader connections when `resultCache`), closed and
 * removed after the block. `db` is set once the block's first beforeAll has run.
 */
export function useDemoDatabase(options: { resultCache?: boolean } = {}): { folder: TempFolder; db: Database } {
	const folder = tempFolder();
	const context = { folder } as { folder: TempFolder; db: Database };
	beforeAll(async () => {
		await copyDemoDatabase(folder.path('demo.duckdb'));
		context.db = await Database.open(folder.path('demo.duckdb'));
		if (options.resultCache) context.db.enableResultCache();
	}, 120_000);
	afterAll(() => {
		context.db?.close();
		folder.remove();
	});
	return context;
}
