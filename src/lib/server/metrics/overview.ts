// The home page's figures: revenue of the last 12 complete months against the 12 before, clients
// by computed status, and monthly revenue over all months held. Each comes from the figure that
// owns it (segmentation's R, growth's months, client_status.sql's population): no second copy.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { growth, segmentation } from './documents';
import type { MetricParams } from './params';
import { addMonths, defaultPeriod, monthEnd, type Period } from './period';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface MonthRevenue {
	month: string;
	revenue: number;
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

export async function getOverview(db: Database, today: Date = new Date(), settings: Settings = DEFAULT_SETTINGS): Promise<Overview> {
	const [range] = await runQuery<{ first_date: string | null; last_date: string | null }>(db, 'data_range');
	const period = range?.last_date ? defaultPeriod(range.last_date, today) : null;
	const asOf = period?.as_of ?? today.toISOString().slice(0, 10);
	const [counts] = await runQuery<Overview['clients']>(db, 'status_counts', {
		as_of: asOf,
		window_days: settings.window_days,
		min_invoices: settings.min_invoices,
		min_amount: settings.min_amount
	});
	const clients = counts ?? { active: 0, inactive: 0, potential: 0, clients_total: 0 };
	if (!period || !range?.first_date) return { period, revenue: null, revenue_previous: null, clients, months: [], currency: settings.currency };

	const params = (from: string, to: string): MetricParams => ({ from, to, as_of: monthEnd(to), dim: 'product_line', by: 'client', filters: {} });
	const revenueOf = async (from: string, to: string) => (await segmentation(db, params(from, to), settings)).total_revenue;
	const firstMonth = range.first_date.slice(0, 7);
	const previousFrom = addMonths(period.from, -12);
	const months = (await growth(db, params(firstMonth, period.to), settings)).months;
	return {
		period,
		revenue: await revenueOf(period.from, period.to),
		// Only when the data covers the whole previous 12 months: a partial year would mislead.
		revenue_previous: previousFrom >= firstMonth ? await revenueOf(previousFrom, addMonths(period.to, -12)) : null,
		clients,
		months: months.map(({ month, revenue }) => ({ month, revenue })),
		currency: settings.currency
	};
}
