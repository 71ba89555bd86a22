// The stored rollups of invoice_lines, kept in the transaction of every write to the lines:
// invoice_totals (one row per invoice, migration 007) and client_month_sales (one per month and
// client, 019). Writers call these, never the two modules one by one, so that no rollup is left behind.
import { noteTouchedClientMonths, refreshAllClientMonths, refreshTouchedClientMonths } from './client-month-sales';
import type { Database } from './database';
import { noteTouchedInvoices, refreshAfterBatch, refreshAllInvoiceTotals, refreshTouchedInvoices } from './invoice-totals';

/** Before an undo moves the rows: notes what batch `batchId` touched. */
export async function noteTouchedRollups(db: Database, batchId: number): Promise<void> {
	await noteTouchedInvoices(db, batchId);
	await noteTouchedClientMonths(db, batchId);
}

/** After the undo: recomputes what noteTouchedRollups noted. */
export async function refreshTouchedRollups(db: Database): Promise<void> {
	await refreshTouchedInvoices(db);
	await refreshTouchedClientMonths(db);
}

/** After a batch wrote invoice lines: what it touched, or everything on a first load. */
export async function refreshRollupsAfterBatch(db: Database, batchId: number): Promise<void> {
	await refreshAfterBatch(db, batchId);
	const stored = await db.one<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM client_month_sales) AS any');
	if (!stored?.any) return refreshAllClientMonths(db);
	await noteTouchedClientMonths(db, batchId);
	await refreshTouchedClientMonths(db);
}

/** Recomputes every rollup: for writers that bypass batches (tests building a subset). */
export async function refreshAllRollups(db: Database): Promise<void> {
	await refreshAllInvoiceTotals(db);
	await refreshAllClientMonths(db);
}
