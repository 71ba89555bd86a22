// Small helpers for figure tests: hand-written CSV fixtures loaded through the real ingest, and
// the parameters a figure takes.
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import type { TempFolder } from './temp-db';

/** Writes each fixture (file name → lines) and ingests them all in one call. */
export async function loadCsv(db: Database, folder: TempFolder, files: Record<string, string[]>): Promise<void> {
	await ingestFiles(db, Object.entries(files).map(([name, lines]) => ({ path: folder.write(name, lines.join('\n')), name })));
}

export function metricParams(from: string, to: string, as_of: string, filters: MetricParams['filters'] = {}): MetricParams {
	return { from, to, as_of, dim: 'product_line', by: 'client', filters };
}
