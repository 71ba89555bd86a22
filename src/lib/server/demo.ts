// The demo database: the committed exports of data/demo loaded through the real ingest path.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** Replaces the database at `path` with the demo data. Refuses (DatabaseLockedError) while another process holds it. */
export async function buildDemoDatabase(path: string): Promise<IngestReport> {
	if (existsSync(path)) (await Database.open(path)).close(); // fails clearly if the server holds it
	for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
	const db = await Database.open(path);
	try {
		return await ingestFiles(db, demoFiles().map((p) => ({ path: p, name: `demo/${p.split('/').pop()}` })), { loadedBy: 'demo' });
	} finally {
		db.close();
	}
}

/** True when the database file is missing or holds no invoice line and no client. */
export async function needsDemo(path: string): Promise<boolean> {
	if (!existsSync(path)) return true;
	const db = await Database.open(path);
	try {
		const row = await db.one<{ n: number }>(
			'SELECT ((SELECT count(*) FROM invoice_lines) + (SELECT count(*) FROM clients))::INTEGER AS n'
		);
		return !row || row.n === 0;
	} finally {
		db.close();
	}
}
