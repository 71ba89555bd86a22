// Marking the data's provisional month closed (DESIGN.md "Partial month", issue 14): its lines end
// early, so it is shown projected and unjudged, until an analyst says the month is complete
// (the export was simply taken late, or nothing more will be invoiced). Closing stores who and
// when in closed_months (migration 013); reopening deletes the row. Either write moves the
// database's data version, so every cached figure that read the month is computed again.
import type { Database } from '../db/database';
import { runQuery } from '../queries';

export interface MonthClosing {
	/** YYYY-MM: the data's latest month, whose lines end early. */
	month: string;
	/** YYYY-MM-DD: its last invoice date. */
	last_date: string;
	/** True while nobody marked it closed. */
	provisional: boolean;
	/** Who closed it and when (UTC, YYYY-MM-DDTHH:MM:SS); null while provisional. */
	closed: { by: string | null; at: string } | null;
}

export class MonthClosingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MonthClosingError';
	}
}

/** The data's latest month when its lines end early (closed or not); null when it is complete. */
export async function monthClosing(db: Database): Promise<MonthClosing | null> {
	const [row] = await runQuery<{ month: string; last_date: string; provisional: boolean; closed_by: string | null; closed_at: string | null }>(db, 'month_closing', {}, { always: true });
	if (!row) return null;
	return { month: row.month, last_date: row.last_date, provisional: row.provisional, closed: row.closed_at ? { by: row.closed_by, at: row.closed_at } : null };
}

/** Marks `month` closed; only the data's provisional month can be (anything else is refused). */
export async function closeMonth(db: Database, month: string, by: string | null, at = new Date()): Promise<void> {
	const current = await monthClosing(db);
	if (!current || current.month !== month || !current.provisional) throw new MonthClosingError(`${month} is not the data's provisional month.`);
	await db.run(`INSERT OR REPLACE INTO closed_months (month, closed_by, closed_at) VALUES (strptime($month, '%Y-%m')::DATE, $by, $at::TIMESTAMP)`, {
		month,
		by,
		at: at.toISOString().slice(0, 19).replace('T', ' ')
	});
}

/** Makes `month` provisional again (when its lines still end early). */
export async function reopenMonth(db: Database, month: string): Promise<void> {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new MonthClosingError(`${month} is not a month.`);
	await db.run(`DELETE FROM closed_months WHERE month = strptime($month, '%Y-%m')::DATE`, { month });
}
