// client_window_values (migration 024): per client and month end, the status rule's window there,
// for the window recorded in client_window_days: `positive` one-day invoices with a total over 0 and
// their `total`, dated within (e − W, e]. An invoice dated on one day d lies in the windows of the
// month ends from d's own to the last one before d + W: it enters at last_day(d) and leaves at
// last_day(d + W) (the first month end past its reach d + W − 1). Rows of an empty window (0, 0)
// are not kept. Read from invoice_totals (007), so kept after it: a load or undo applies the
// difference its invoices make (applyWindowChange). Activation reads a month end's window as one
// row, with no running sum over a client's history at every request (on 1M lines that sum was
// half of activation's time). Stored in month order: a period's rows are a few row groups.
import type { Database } from './database';
import { insertOrdered } from './ordered-insert';
import { loadSettings } from '../metrics/settings';
import { storedWindowDays } from './stored-window';

/**
 * The windows at month ends of the one-day invoices `single` gives (client_id, d, positive, total),
 * for window W ($1): each invoice's entry and exit as steps, their running sum per client, and each
 * sum held over the month ends until the client's next step. The steps of any set of invoices close
 * (each exit follows its entry), so the same serves their difference (applyWindowChange).
 */
const VALUES = (single: string) => `
	WITH single AS (${single}),
	steps AS (
		SELECT client_id, month_end, sum(positive)::INTEGER AS positive, sum(total) AS total
		FROM (
			SELECT client_id, last_day(d) AS month_end, positive, total FROM single
			UNION ALL
			SELECT client_id, last_day(d + $1::INTEGER), -positive, -total FROM single
		)
		GROUP BY client_id, month_end
	),
	running AS (
		SELECT client_id, month_end, sum(positive) OVER w AS positive, sum(total) OVER w AS total,
			lead(month_end) OVER w AS next_end
		FROM steps
		WINDOW w AS (PARTITION BY client_id ORDER BY month_end ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
	)
	SELECT client_id, last_day(m::DATE) AS month_end, positive::INTEGER AS positive, total
	FROM running, LATERAL (SELECT unnest(generate_series(date_trunc('month', month_end), date_trunc('month', next_end) - INTERVAL 1 MONTH, INTERVAL 1 MONTH)) AS m)
	WHERE next_end IS NOT NULL AND (positive <> 0 OR total <> 0)
	ORDER BY month_end, client_id`;

/** The stored one-day invoices (spread_days = 0) that `where` keeps, as VALUES reads them. */
const singleInvoices = (where: string) =>
	`SELECT client_id, first_day AS d, (total > 0)::INTEGER AS positive, total FROM invoice_totals WHERE spread_days = 0 AND ${where}`;

/** Rebuilds every client's windows for window `windowDays` (the caller's transaction, if any). */
export async function rebuildWindowValues(db: Database, windowDays: number): Promise<void> {
	await db.run('DELETE FROM client_window_values');
	await insertOrdered(db, 'client_window_values', VALUES(singleInvoices('true')), [windowDays]);
	await db.run('DELETE FROM client_window_days');
	await db.run('INSERT INTO client_window_days VALUES ($1)', [windowDays]);
}

/** The windows for the window in force: rebuilt when they were built for another one, or never (at server start, after a change of window_days). */
export async function ensureWindowValues(db: Database): Promise<void> {
	const { window_days } = await loadSettings(db);
	if ((await storedWindowDays(db)) === window_days) return;
	await db.transaction(() => rebuildWindowValues(db, window_days));
}

/**
 * Before invoice_totals changes for the invoices noted in touched_invoices (invoice-totals.ts): notes
 * them and their one-day totals as they are, whose windows the change takes back.
 */
export async function noteWindowBefore(db: Database): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE window_invoices AS SELECT invoice_id FROM touched_invoices`);
	await db.run(`CREATE OR REPLACE TEMP TABLE window_before AS ${singleInvoices('invoice_id IN (SELECT invoice_id FROM window_invoices)')}`);
}

/**
 * After invoice_totals changed for the invoices noteWindowBefore noted: each window is a sum over
 * invoices, so the change is applied as a difference (the noted invoices' windows now, less theirs
 * before) to the rows it touches, and no other row is read. Windows never built are built whole.
 */
export async function applyWindowChange(db: Database): Promise<void> {
	const windowDays = await storedWindowDays(db);
	if (windowDays === null) await rebuildWindowValues(db, (await loadSettings(db)).window_days);
	else {
		const now = singleInvoices('invoice_id IN (SELECT invoice_id FROM window_invoices)');
		await db.run(
			`CREATE OR REPLACE TEMP TABLE window_change AS ${VALUES(`${now} UNION ALL SELECT client_id, d, -positive, -total FROM window_before`)}`,
			[windowDays]
		);
		const same = 'c.client_id = s.client_id AND c.month_end = s.month_end';
		await db.run(
			`CREATE OR REPLACE TEMP TABLE window_changed AS
			 SELECT client_id, month_end, sum(positive)::INTEGER AS positive, sum(total) AS total
			 FROM (SELECT s.* FROM client_window_values s WHERE EXISTS (SELECT 1 FROM window_change c WHERE ${same}) UNION ALL SELECT * FROM window_change)
			 GROUP BY client_id, month_end
			 HAVING sum(positive) <> 0 OR sum(total) <> 0`
		);
		await db.run(`DELETE FROM client_window_values s WHERE EXISTS (SELECT 1 FROM window_change c WHERE ${same})`);
		await db.run('INSERT INTO client_window_values SELECT * FROM window_changed');
		await db.run('DROP TABLE window_change; DROP TABLE window_changed');
	}
	await db.run('DROP TABLE window_invoices; DROP TABLE window_before');
}
