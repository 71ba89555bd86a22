// The first records of a file as the ingest reads them, and which of their values are codes
// already loaded: what recognition judges a file's kind and columns on (recognise/evidence.ts).
// The preview and the load both judge on the same number of records, so they plan alike.
import type { Database } from '../db/database';
import type { Source } from './read-source';
import type { ValueEvidence } from './recognise/types';
import { csvRelation } from './sources';

/** Records recognition looks at: enough to see keys repeat, few enough to cost nothing. */
export const SAMPLE_RECORDS = 200;

/** The first records of a source, as text ('' for empty cells). */
export async function sampleRecords(db: Database, source: Source, limit = SAMPLE_RECORDS): Promise<string[][]> {
	const read = (parallel: boolean) => db.all<Record<string, string | null>>(`SELECT * FROM ${csvRelation(source, parallel)} LIMIT ${Math.max(0, Math.floor(limit))}`);
	let records: Record<string, string | null>[];
	try {
		records = await read(true);
	} catch (error) {
		if (!/parallel=false/.test(String(error))) throw error;
		records = await read(false);
	}
	return records.map((r) => source.headers.map((_, i) => r[`c${i}`] ?? ''));
}

/** The records, with the sample values that are client or product codes already in the database. */
export async function valueEvidence(db: Database, rows: string[][]): Promise<ValueEvidence> {
	const values = [...new Set(rows.flat().map((v) => v.trim()).filter((v) => v !== '' && v.length <= 100))].slice(0, 10_000);
	if (!values.length) return { rows };
	const found = async (table: 'clients' | 'products', key: string) =>
		new Set(
			(await db.all<{ k: string }>(`SELECT ${key} AS k FROM ${table} WHERE ${key} IN (SELECT unnest($1::JSON::VARCHAR[]))`, [JSON.stringify(values)])).map((r) => r.k)
		);
	return { rows, knownClients: await found('clients', 'client_id'), knownProducts: await found('products', 'product_id') };
}
