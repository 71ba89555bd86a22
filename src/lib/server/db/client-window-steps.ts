// client_window_steps (migration 021): per client and month end, how the status rule's window
// figures change there, for the window recorded in client_window_days. An invoice dated on one day d
// lies in the windows (e − W, e] of the month ends e from d's own to the last one before d + W: it
// enters at last_day(d) and leaves at last_day(d + W) (the first month end past its reach d + W − 1).
// Rows whose changes cancel out are not kept. Read from invoice_totals (007), so kept after it:
// a load or undo applies the difference its invoices make (applyWindowChange).
import type { Database } from './database';
import { loadSettings } from '../metrics/settings';

/** The steps of the one-day invoices `single` gives (client_id, d, positive, total), for window W ($1). */
const STEPS = (single: string) => `
	WITH single AS (${single})
	SELECT client_id, month_end, sum(positive)::INTEGER AS positive, sum(total) AS total
	FROM (
		SELECT client_id, last_day(d) AS month_end, positive, total FROM single
		UNION ALL
		SELECT client_id, last_day(d + $1::INTEGER), -positive, -total FROM single
	)
	GROUP BY client_id, month_end
	HAVING sum(positive) <> 0 OR sum(total) <> 0
	ORDER BY client_id, month_end`;

/** The stored one-day invoices (spread_days = 0) that `where` keeps, as STEPS reads them. */
const singleInvoices = (where: string) =>
	`SELECT client_id, first_day AS d, (total > 0)::INTEGER AS positive, total FROM invoice_totals WHERE spread_days = 0 AND ${where}`;

/**
 * The window the stored steps were built for; null when they were never built. Every activation
 * asks: the answer is kept in the result cache until the data changes (a rebuild commits a change).
 */
export async function storedWindowDays(db: Database): Promise<number | null> {
	const [row] = await db.cachedAll<{ w: number | null }>('client_window_days', 'SELECT max(window_days) AS w FROM client_window_days', [], { always: true });
	return row?.w ?? null;
}

/** Rebuilds every client's steps for window `windowDays` (the caller's transaction, if any). */
export async function rebuildWindowSteps(db: Database, windowDays: number): Promise<void> {
	await db.run('DELETE FROM client_window_steps');
	await db.run(`INSERT INTO client_window_steps ${STEPS(singleInvoices('true'))}`, [windowDays]);
	await db.run('DELETE FROM client_window_days');
	await db.run('INSERT INTO client_window_days VALUES ($1)', [windowDays]);
}

/** The steps for the window in force: rebuilt when they were built for another one, or never (at server start, after a change of window_days). */
export async function ensureWindowSteps(db: Database): Promise<void> {
	const { window_days } = await loadSettings(db);
	if ((await storedWindowDays(db)) === window_days) return;
	await db.transaction(() => rebuildWindowSteps(db, window_days));
}

/**
 * Before invoice_totals changes for the invoices noted in touched_invoices (invoice-totals.ts): notes
 * them and their one-day totals as they are, whose steps the change takes back.
 */
export async function noteWindowBefore(db: Database): Promise<void> {
	await db.run(`CREATE OR REPLACE TEMP TABLE window_invoices AS SELECT invoice_id FROM touched_invoices`);
	await db.run(`CREATE OR REPLACE TEMP TABLE window_before AS ${singleInvoices('invoice_id IN (SELECT invoice_id FROM window_invoices)')}`);
}

/**
 * After invoice_totals changed for the invoices noteWindowBefore noted: each step is a sum over
 * invoices, so the change is applied as a difference (the noted invoices' steps now, less theirs
 * before) to the rows it touches, and no other row is read. Steps never built are built whole.
 */
export async function applyWindowChange(db: Database): Promise<void> {
	const windowDays = await storedWindowDays(db);
	if (windowDays === null) await rebuildWindowSteps(db, (await loadSettings(db)).window_days);
	else {
		const now = singleInvoices('invoice_id IN (SELECT invoice_id FROM window_invoices)');
		await db.run(
			`CREATE OR REPLACE TEMP TABLE window_change AS ${STEPS(`${now} UNION ALL SELECT client_id, d, -positive, -total FROM window_before`)}`,
			[windowDays]
		);
		const same = 'c.client_id = s.client_id AND c.month_end = s.month_end';
		await db.run(
			`CREATE OR REPLACE TEMP TABLE window_changed AS
			 SELECT client_id, month_end, sum(positive)::INTEGER AS positive, sum(total) AS total
			 FROM (SELECT s.* FROM client_window_steps s WHERE EXISTS (SELECT 1 FROM window_change c WHERE ${same}) UNION ALL SELECT * FROM window_change)
			 GROUP BY client_id, month_end
			 HAVING sum(positive) <> 0 OR sum(total) <> 0`
		);
		await db.run(`DELETE FROM client_window_steps s WHERE EXISTS (SELECT 1 FROM window_change c WHERE ${same})`);
		await db.run('INSERT INTO client_window_steps SELECT * FROM window_changed');
		await db.run('DROP TABLE window_change; DROP TABLE window_changed');
	}
	await db.run('DROP TABLE window_invoices; DROP TABLE window_before');
}
