// The demo data: the committed exports of data/demo loaded through the real ingest path. Only on
// request (npm run demo, npm start -- --demo, or the first-run page): a company starts empty.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { reasonWords, sayReport } from '../i18n/ingest-report';
import { Database } from './db/database';
import { ingestFiles, type IngestReport } from './ingest/ingest';
import { projectRoot } from './project-root';

export function demoFiles(): string[] {
	const folder = join(projectRoot(), 'data', 'demo');
	return readdirSync(folder)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.map((f) => join(folder, f));
}

/** Loads the demo exports into an open database (the server's, or one a script opened). */
export async function loadDemo(db: Database): Promise<IngestReport> {
	const files = demoFiles().map((p) => ({ path: p, name: `demo/${p.split('/').pop()}` }));
	return sayReport(await ingestFiles(db, files, { loadedBy: 'demo', words: reasonWords('en') }), 'en'); // `npm run demo -- --json` speaks English
}

/** Replaces the database at `path` with the demo data. Refuses (DatabaseLockedError) while another process holds it. */
export async function buildDemoDatabase(path: string): Promise<IngestReport> {
	if (existsSync(path)) await (await Database.open(path)).close(); // fails clearly if the server holds it
	for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
	const db = await Database.open(path);
	try {
		return await loadDemo(db);
	} finally {
		await db.close(); // after the load's alerts are recorded: the file is complete when this returns
	}
}

/**
 * True while nothing was ever loaded (no upload batch, not even an undone one): only then is the
 * demo offered or loaded on request. A company that undid every demo batch has made its choice,
 * so the demo never comes back by itself.
 */
export async function neverLoaded(db: Database): Promise<boolean> {
	const row = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM upload_batches');
	return !row || row.n === 0;
}
