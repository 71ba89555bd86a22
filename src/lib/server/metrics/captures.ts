// New captures vs the existing portfolio (docs/definitions.md), from queries/new_captures.sql: the
// period's revenue split into new clients', reactivated clients' and the rest's, against the same
// comparison period as retention (previousPeriod), so its counts are retention's.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import { comparisonDates, previousPeriod } from './retention';
import type { Settings } from './settings';

export interface CapturesDocument {
	previous: { from: string; to: string };
	revenue: number;
	new_revenue: number;
	reactivated_revenue: number;
	/** revenue − new − reactivated: the clients who bought in the comparison period too. */
	existing_revenue: number;
	new_clients: number;
	reactivated_clients: number;
	/** Clients who bought in the period and are neither new nor reactivated. */
	existing_clients: number;
}

export async function captures(db: Database, p: MetricParams, s: Settings): Promise<CapturesDocument> {
	const previous = previousPeriod(p.from, p.to, p.compare);
	const [row] = await runQuery<Omit<CapturesDocument, 'previous'>>(db, 'new_captures', { ...lineParams(p, s), ...comparisonDates(p) });
	return { previous, ...row! };
}
