// The home page's figures: revenue of the last 12 complete months, clients by computed status,
// and monthly revenue over all months held. Every number comes from queries/*.sql.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { DEFAULT_DEFINITIONS, type Definitions } from './definitions';
import { addMonths, defaultPeriod, monthStart, type Period } from './period';

export interface MonthRevenue {
	month: string;
	revenue: number;
	lines: number;
}

export interface Overview {
	/** null when no invoice line is loaded yet. */
	period: Period | null;
	revenue: number | null;
	revenue_previous: number | null;
	clients: { active: number; inactive: number; potential: number; clients_total: number };
	/** Every month from the first invoice to the period's end, oldest first. */
	months: MonthRevenue[];
	currency: string;
}

export async function getOverview(db: Database, today: Date = new Date(), definitions: Definitions = DEFAULT_DEFINITIONS): Promise<Overview> {
	const [range] = await runQuery<{ first_date: string | null; last_date: string | null }>(db, 'data_range');
	const period = range?.last_date ? defaultPeriod(range.last_date, today) : null;
	const asOf = period?.as_of ?? today.toISOString().slice(0, 10);
	const [counts] = await runQuery<Overview['clients']>(db, 'status_counts', {
		as_of: asOf,
		window_days: definitions.window_days,
		min_invoices: definitions.min_invoices,
		min_amount: definitions.min_amount
	});
	const clients = counts ?? { active: 0, inactive: 0, potential: 0, clients_total: 0 };
	if (!period || !range?.first_date) return { period, revenue: null, revenue_previous: null, clients, months: [], currency: definitions.currency };

	const revenueOf = async (from: string, to: string) =>
		(await runQuery<{ revenue: number }>(db, 'revenue', { from: monthStart(from), to: monthStart(to) }))[0]!.revenue;
	const firstMonth = range.first_date.slice(0, 7);
	const previousFrom = addMonths(period.from, -12);
	return {
		period,
		revenue: await revenueOf(period.from, period.to),
		revenue_previous: previousFrom >= firstMonth ? await revenueOf(previousFrom, addMonths(period.to, -12)) : null,
		clients,
		months: await runQuery<MonthRevenue>(db, 'revenue_by_month', { from: monthStart(firstMonth), to: monthStart(period.to) }),
		currency: definitions.currency
	};
}
