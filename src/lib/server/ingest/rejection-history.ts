// A batch's rejections read back after its commit, for the history's rejections CSV: every
// rejected cell with its reason (code and values) and what identifies its row, a page at a time
// so that a file of a million bad rows never sits in memory at once.
import type { Database } from '../db/database';
import type { Kind } from './kinds';
import { readRejectedRows, type RejectedRow } from './rejection-context';
import { readRejections, type CodedRejection } from './report';

export interface RejectedBatch {
	batch_id: number;
	kind: Kind;
	file_name: string;
	rejected: number;
}

/** The batch of an id, or null when there is none. */
export async function rejectedBatch(db: Database, batchId: number): Promise<RejectedBatch | null> {
	if (!Number.isSafeInteger(batchId) || batchId < 1) return null;
	const row = await db.one<RejectedBatch>(`SELECT batch_id, kind, file_name, rejected FROM upload_batches WHERE batch_id = $1`, [batchId]);
	return row ? { ...row, batch_id: Number(row.batch_id) } : null;
}

/** The batch's rejected cells in line order, `pageSize` at a time, each page with its rows' identifying values. */
export async function* batchRejections(db: Database, batchId: number, pageSize = 5000): AsyncGenerator<{ cells: CodedRejection[]; rows: RejectedRow[] }> {
	for (let offset = 0; ; offset += pageSize) {
		const cells = await readRejections(db, batchId, pageSize, offset);
		if (cells.length === 0) return;
		yield { cells, rows: await readRejectedRows(db, batchId, cells.map((c) => c.line)) };
		if (cells.length < pageSize) return;
	}
}
