// Which window the stored status windows (client_window_values, migration 024) were built for.
// Apart from client-windows.ts, which builds them, so that the settings (metrics/settings.ts, which
// say whether the stored window is the one in force) need not import the code that builds them.
import type { Database } from './database';

/**
 * The window the stored values were built for; null when they were never built. Every request's
 * settings ask: the answer is kept in the cache until the data changes (a rebuild commits a change).
 */
export async function storedWindowDays(db: Database): Promise<number | null> {
	const [row] = await db.cachedAll<{ w: number | null }>('client_window_days', 'SELECT max(window_days) AS w FROM client_window_days', [], { always: true });
	return row?.w ?? null;
}
