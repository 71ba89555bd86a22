// Where a comparison's months fall against the invoice data. Figures of months partly before the
// first invoice read as a change that is not one, so neither Resumen, the ranking nor the other
// pages show a change then. Without any invoice the pages still compare their CRM figures (a
// CRM-only portfolio), while the ranking, whose change is revenue's, has nothing to compare.
import type { Database } from '../db/database';
import { runQuery } from '../queries';

export type ComparisonReach = 'no-invoices' | 'before-data' | 'within-data';

export async function comparisonReach(db: Database, comparison: { from: string }): Promise<ComparisonReach> {
	const [range] = await runQuery<{ first_date: string | null }>(db, 'data_range', {}, { always: true });
	if (range?.first_date == null) return 'no-invoices';
	return comparison.from < range.first_date.slice(0, 7) ? 'before-data' : 'within-data';
}
