// client_month_sales (migration 019) is a stored copy of the client_month_sales_source view: per
// month and client, the posted lines' net amount and count. Whatever writes invoice_lines brings it
// up to date in the same transaction, for the (month, client) pairs it touched: those of the lines a
// batch wrote and of the versions it replaced, noted before an undo moves them (as invoice-totals.ts
// does for invoices). A pair whose lines are all gone leaves no row.
import type { Database } from './database';

const TOUCHED = 'touched_client_months';

/** Notes the (month, client) pairs batch `batchId` wrote or replaced lines of (on this connection). */
export async function noteTouchedClientMonths(db: Database, batchId: number): Promise<void> {
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${TOUCHED} AS
		 SELECT DISTINCT date_trunc('month', invoice_date)::DATE AS month, client_id FROM invoice_lines WHERE batch_id = $1
		 UNION SELECT DISTINCT date_trunc('month', invoice_date)::DATE, client_id FROM invoice_lines_replaced WHERE replaced_by = $1`,
		[batchId]
	);
}

/**
 * Recomputes the stored rows of the pairs noted by noteTouchedClientMonths: all of them when the
 * pairs are a good part of those stored (a first load), as recomputing everything is then cheaper.
 * A client of NULL (lines without a client) is a pair of its own: matched with IS NOT DISTINCT FROM.
 */
export async function refreshTouchedClientMonths(db: Database): Promise<void> {
	const { many } = (await db.one<{ many: boolean }>(
		`SELECT (SELECT count(*) FROM ${TOUCHED}) * 4 >= (SELECT count(*) FROM client_month_sales) AS many`
	))!;
	if (many) await refreshAllClientMonths(db);
	else {
		const match = `SEMI JOIN ${TOUCHED} t ON s.month = t.month AND s.client_id IS NOT DISTINCT FROM t.client_id`;
		await db.run(`DELETE FROM client_month_sales s WHERE EXISTS (SELECT 1 FROM ${TOUCHED} t WHERE s.month = t.month AND s.client_id IS NOT DISTINCT FROM t.client_id)`);
		// The lines of the touched months only are grouped (a monthly upload touches one or two).
		await db.run(
			`INSERT INTO client_month_sales
			 SELECT s.* FROM client_month_sales_source s ${match}
			 WHERE s.month BETWEEN (SELECT min(month) FROM ${TOUCHED}) AND (SELECT max(month) FROM ${TOUCHED})`
		);
	}
	await db.run(`DROP TABLE ${TOUCHED}`);
}

/** Recomputes every stored row: a first load, or writers that bypass batches (tests building a subset). */
export async function refreshAllClientMonths(db: Database): Promise<void> {
	await db.run('DELETE FROM client_month_sales');
	await db.run('INSERT INTO client_month_sales SELECT * FROM client_month_sales_source ORDER BY month, client_id');
}
