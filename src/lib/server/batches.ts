// Upload history and undo. Every entity row carries the batch that wrote it; the merge archives
// the version a batch replaced in `<table>_replaced` (migration 004). Undoing batch B, in one
// transaction: delete the rows B wrote (new keys and new versions), put back the versions B
// replaced, mark B undone. A later batch that replaced rows B wrote has their B versions in the
// archive: B cannot be undone before it (the restored rows would be B's, not what was there).
// Undoing a batch takes its versions out of the archive again, so the archive only ever holds
// versions that a live batch replaced.
// A batch owns the rows it inserted or changed; a later batch that found them identical
// ("unchanged", e.g. the same file loaded twice) wrote nothing and does not keep them alive.
import { noteTouchedRollups, refreshTouchedRollups } from './db/rollups';
import type { Database } from './db/database';
import { CodedError } from './ingest/errors';
import { KIND_SPECS, KINDS, storedColumns } from './ingest/kinds';
import type { MessageCode, MessageParams } from './ingest/codes';
import { sqlIdent } from './ingest/text';
import { recordAlerts, statesBefore } from './alerts/record';

export interface BatchRow {
	batch_id: number;
	file_name: string;
	kind: string;
	file_hash: string;
	loaded_by: string | null;
	/** 'YYYY-MM-DD HH:MM:SS', server time. */
	loaded_at: string;
	rows_read: number;
	loaded: number;
	inserted: number;
	updated: number;
	unchanged: number;
	rejected: number;
	undone_at: string | null;
	undone_by: string | null;
	can_undo: boolean;
	/** The newest later batch, not undone, that changed rows of this one: undo it first. */
	blocked_by: number | null;
}

/**
 * A refused undo: bad id (400, batch_bad_id), unknown batch (404, batch_unknown), already undone
 * (409, batch_undone) or blocked by a later batch (409, batch_blocked).
 */
export class BatchError<C extends MessageCode = MessageCode> extends CodedError<C> {
	constructor(
		code: C,
		params: MessageParams<C>,
		readonly status: 400 | 404 | 409
	) {
		super(code, params);
		this.name = 'BatchError';
	}
}

/** Every entity table, with its stored columns (batch_id aside). */
const TABLES = KINDS.map((k) => ({ table: KIND_SPECS[k].table, columns: storedColumns(KIND_SPECS[k]).map((c) => c.name) }));

/** batch_id of an archived version → the batches that replaced it. */
const ARCHIVE = TABLES.map(({ table }) => `SELECT batch_id, replaced_by FROM ${sqlIdent(`${table}_replaced`)}`).join(' UNION ALL ');

const TIME = (column: string) => `strftime(${column}, '%Y-%m-%d %H:%M:%S')`;

export async function listBatches(db: Database): Promise<BatchRow[]> {
	const rows = await db.all<BatchRow>(`
		WITH blockers AS (SELECT batch_id, max(replaced_by) AS blocked_by FROM (${ARCHIVE}) GROUP BY batch_id)
		SELECT b.batch_id, b.file_name, b.kind, b.file_hash, b.loaded_by, ${TIME('b.loaded_at')} AS loaded_at,
			b.rows_read, b.loaded, b.inserted, b.updated, b.unchanged, b.rejected,
			${TIME('b.undone_at')} AS undone_at, b.undone_by,
			b.undone_at IS NULL AND k.blocked_by IS NULL AS can_undo,
			CASE WHEN b.undone_at IS NULL THEN k.blocked_by END AS blocked_by
		FROM upload_batches b LEFT JOIN blockers k USING (batch_id)
		ORDER BY b.batch_id DESC`);
	return rows.map((r) => ({ ...r, batch_id: Number(r.batch_id), blocked_by: r.blocked_by === null ? null : Number(r.blocked_by) }));
}

/**
 * Removes what the batch loaded and restores what it replaced, in one transaction; refuses (and
 * changes nothing) when the batch is unknown, already undone, or a later batch changed its rows.
 * `removed`: rows of new keys taken out; `restored`: rows put back to their previous version.
 */
export async function undoBatch(database: Database, batchId: number, by?: string): Promise<{ removed: number; restored: number }> {
	if (!Number.isSafeInteger(batchId) || batchId < 1) throw new BatchError('batch_bad_id', { id: String(batchId) }, 400);
	const before = await statesBefore(database); // for the alerts this undo may raise
	const db = await database.fork();
	try {
		const result = await db.transaction(async () => {
			const batch = await db.one<{ file_name: string; undone_at: string | null; undone_by: string | null }>(
				`SELECT file_name, ${TIME('undone_at')} AS undone_at, undone_by FROM upload_batches WHERE batch_id = $1`,
				[batchId]
			);
			if (!batch) throw new BatchError('batch_unknown', { batch: batchId }, 404);
			if (batch.undone_at)
				throw new BatchError('batch_undone', { batch: batchId, batch_file: batch.file_name, undone_at: batch.undone_at, undone_by: batch.undone_by }, 409);
			const blocker = await db.one<{ batch_id: number; file_name: string; n: number }>(
				`SELECT a.replaced_by AS batch_id, b.file_name, count(*)::INTEGER AS n FROM (${ARCHIVE}) a
				 JOIN upload_batches b ON b.batch_id = a.replaced_by
				 WHERE a.batch_id = $1 GROUP BY ALL ORDER BY a.replaced_by DESC LIMIT 1`,
				[batchId]
			);
			if (blocker)
				throw new BatchError(
					'batch_blocked',
					{ batch: batchId, batch_file: batch.file_name, blocker: Number(blocker.batch_id), blocker_file: blocker.file_name, rows: blocker.n },
					409
				);
			const touched = await noteTouchedRollups(db, batchId);
			let deleted = 0;
			let restored = 0;
			for (const { table, columns } of TABLES) {
				const archive = sqlIdent(`${table}_replaced`);
				const counts = (await db.one<{ mine: number; replaced: number }>(
					`SELECT (SELECT count(*) FROM ${sqlIdent(table)} WHERE batch_id = $1)::INTEGER AS mine,
						(SELECT count(*) FROM ${archive} WHERE replaced_by = $1)::INTEGER AS replaced`,
					[batchId]
				))!;
				if (counts.mine > 0) await db.run(`DELETE FROM ${sqlIdent(table)} WHERE batch_id = $1`, [batchId]);
				if (counts.replaced > 0) {
					const list = [...columns, 'batch_id'].join(', ');
					await db.run(`INSERT INTO ${sqlIdent(table)} (${list}) SELECT ${list} FROM ${archive} WHERE replaced_by = $1`, [batchId]);
					await db.run(`DELETE FROM ${archive} WHERE replaced_by = $1`, [batchId]);
				}
				deleted += counts.mine;
				restored += counts.replaced;
			}
			await refreshTouchedRollups(db, touched);
			await db.run(`UPDATE upload_batches SET undone_at = current_timestamp, undone_by = $2 WHERE batch_id = $1`, [batchId, by ?? null]);
			// Each restored version took the place of one the batch wrote: the rest were new keys.
			return { removed: deleted - restored, restored };
		});
		recordAlerts(database, before, 'undo', batchId); // in the background
		return result;
	} finally {
		db.close();
	}
}
