// The stored rollups of invoice_lines, kept in the transaction of every write: invoice_totals (one
// row per invoice, migration 007), client_month_sales (per month and client, 019) and
// client_line_month_sales (per month, client and product line, 020; it also reads the products'
// lines), client_window_values (the status rule's windows at month ends, 024; from invoice_totals)
// and invoice_dates (the days the lines are dated on, 022; kept with the month rollups).
// Writers call these, never the modules one by one, so that no rollup is left behind.
import {
	noteTouchedClientMonths,
	refreshAllClientMonths,
	refreshProductLineMonths,
	refreshTouchedClientMonths,
	touchedProducts
} from './client-month-sales';
import { applyWindowChange, noteWindowBefore, rebuildWindowValues } from './client-windows';
import type { Database } from './database';
import { loadSettings } from '../metrics/settings';
import { noteTouchedInvoices, refreshAllInvoiceTotals, refreshTouchedInvoices } from './invoice-totals';

/** What an undo will move, noted before it does. */
export interface TouchedRollups {
	products: boolean;
}

/** What batch `batchId` touched, noted before an undo moves its rows (or after a load wrote them, before the rollups change). */
export async function noteTouchedRollups(db: Database, batchId: number): Promise<TouchedRollups> {
	await noteTouchedInvoices(db, batchId);
	await noteWindowBefore(db);
	await noteTouchedClientMonths(db, batchId);
	return { products: await touchedProducts(db, batchId) };
}

/** After the undo: recomputes what noteTouchedRollups noted. */
export async function refreshTouchedRollups(db: Database, touched: TouchedRollups): Promise<void> {
	await refreshTouchedInvoices(db);
	await applyWindowChange(db);
	await refreshTouchedClientMonths(db);
	if (touched.products) await refreshProductLineMonths(db);
}

/**
 * After batch `batchId` was merged (its own table and the tables its file feeds): everything on a
 * first load of lines; else what it touched, as for an undo (noteTouchedRollups, then
 * refreshTouchedRollups: its invoices, months and, when it wrote products, the product-line rollup).
 */
export async function refreshRollupsAfterBatch(db: Database, batchId: number, wroteLines: boolean): Promise<void> {
	if (wroteLines) {
		const stored = await db.one<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM client_month_sales) AS any');
		if (!stored?.any) return refreshAllRollups(db);
		return refreshTouchedRollups(db, await noteTouchedRollups(db, batchId));
	}
	if (await touchedProducts(db, batchId)) await refreshProductLineMonths(db);
}

/** Recomputes every rollup: for writers that bypass batches (tests building a subset). */
export async function refreshAllRollups(db: Database): Promise<void> {
	await refreshAllInvoiceTotals(db);
	await refreshAllClientMonths(db);
	await rebuildWindowValues(db, (await loadSettings(db)).window_days);
}
