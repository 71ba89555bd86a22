// The demo database, built once per test run and copied for each test file that wants one.
// Building it runs the whole ingest of data/demo (several seconds); some thirty test files start
// from it, and a copy of the closed file is the same database. The build itself stays tested by
// the files that load the demo through the ingest (tests/cli/, tests/helpers/datasets.ts).
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildDemoDatabase } from '../../src/lib/server/demo';

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
