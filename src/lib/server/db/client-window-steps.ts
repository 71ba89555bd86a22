// client_window_steps (migration 021): per client and month end, how the status rule's window
// figures change there, for the window recorded in client_window_days. An invoice dated on one day d
// lies in the windows (e − W, e] of the month ends e from d's own to the last one before d + W: it
// enters at last_day(d) and leaves at last_day(d + W) (the first month end past its reach d + W − 1).
// Rows whose changes cancel out are not kept. Read from invoice_totals (007), so rebuilt after it.
import type { Database } from './database';
import { loadSettings } from '../metrics/settings';

const TOUCHED = 'touched_window_clients';

/** The steps of the clients `where` keeps, for window W ($1). */
const STEPS = (where: string) => `
	WITH single AS (
		SELECT client_id, first_day AS d, (total > 0)::INTEGER AS positive, total
		FROM invoice_totals
		WHERE first_day = last_day AND ${where}
	)
	SELECT client_id, month_end, sum(positive)::INTEGER AS positive, sum(total) AS total
	FROM (
		SELECT client_id, last_day(d) AS month_end, positive, total FROM single
		UNION ALL
		SELECT client_id, last_day(d + $1::INTEGER), -positive, -total FROM single
	)
	GROUP BY client_id, month_end
	HAVING sum(positive) <> 0 OR sum(total) <> 0
	ORDER BY client_id, month_end`;

/** The window the stored steps were built for; null when they were never built. */
export async function storedWindowDays(db: Database): Promise<number | null> {
	const row = await db.one<{ w: number | null }>('SELECT max(window_days) AS w FROM client_window_days');
	return row?.w ?? null;
}

/** Rebuilds every client's steps for window `windowDays` (the caller's transaction, if any). */
export async function rebuildWindowSteps(db: Database, windowDays: number): Promise<void> {
	await db.run('DELETE FROM client_window_steps');
	await db.run(`INSERT INTO client_window_steps ${STEPS('true')}`, [windowDays]);
	await db.run('DELETE FROM client_window_days');
	await db.run('INSERT INTO client_window_days VALUES ($1)', [windowDays]);
}

/** The steps for the window in force: rebuilt when they were built for another one, or never (at open, after a change of window_days). */
export async function ensureWindowSteps(db: Database): Promise<void> {
	const { window_days } = await loadSettings(db);
	if ((await storedWindowDays(db)) === window_days) return;
	await db.transaction(() => rebuildWindowSteps(db, window_days));
}

/** Notes the clients batch `batchId` wrote or replaced lines of (before an undo moves them). */
export async function noteTouchedWindowClients(db: Database, batchId: number): Promise<void> {
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${TOUCHED} AS
		 SELECT DISTINCT client_id FROM invoice_lines WHERE batch_id = $1 AND client_id IS NOT NULL
		 UNION SELECT DISTINCT client_id FROM invoice_lines_replaced WHERE replaced_by = $1 AND client_id IS NOT NULL`,
		[batchId]
	);
}

/**
 * After invoice_totals is up to date: the noted clients' steps recomputed, or every client's when
 * they are a good part of all (a first load), or when the steps were never built (then for the
 * window in force).
 */
export async function refreshTouchedWindowSteps(db: Database): Promise<void> {
	const windowDays = await storedWindowDays(db);
	const { many } = (await db.one<{ many: boolean }>(
		`SELECT (SELECT count(*) FROM ${TOUCHED}) * 4 >= (SELECT count(DISTINCT client_id) FROM invoice_totals) AS many`
	))!;
	if (windowDays === null) await rebuildWindowSteps(db, (await loadSettings(db)).window_days);
	else if (many) await rebuildWindowSteps(db, windowDays);
	else {
		const touched = `client_id IN (SELECT client_id FROM ${TOUCHED})`;
		await db.run(`DELETE FROM client_window_steps WHERE ${touched}`);
		await db.run(`INSERT INTO client_window_steps ${STEPS(touched)}`, [windowDays]);
	}
	await db.run(`DROP TABLE ${TOUCHED}`);
}
