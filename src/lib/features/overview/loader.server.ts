// The overview page (Resumen): the KPIs of the period exactly as the `kpis` document gives them
// (built from the same documents by kpisFrom), each with a monthly series for its sparkline and,
// apart (overviewComparison), its value in the comparison period, and the monthly revenue with each month's growth status.
// Every number comes from a metrics-layer document; nothing is computed again here.
import type { Database } from '../../server/db/database';
import { growth, segmentation, type GrowthMonth } from '../../server/metrics/documents';
import { kpiSources, kpisFrom, type KpisDocument, type KpiSources } from '../../server/metrics/kpis';
import type { MetricParams } from '../../server/metrics/params';
import type { MonthClosing } from '../../server/metrics/month-closing';
import { addMonths, monthEnd } from '../../server/metrics/period';
import type { Settings } from '../../server/metrics/settings';
import type { DashboardContext } from '../../server/pages/context';

export interface OverviewSide {
	from: string;
	to: string;
	as_of: string;
	revenue: number;
	kpis: KpisDocument;
	active: number;
	clients_total: number;
}

export interface OverviewPage {
	current: OverviewSide;
	/** The period's months and the 12 before (when held), oldest first, with growth status. */
	months: (GrowthMonth & { in_period: boolean })[];
	growth_thresholds: Settings['growth'];
	/** Filters are in force: a figure judged by the portfolio's thresholds shows no verdict. */
	filtered: boolean;
	/** Per month of the period, for the sparklines (nulls where a month has no figure). */
	series: {
		months: string[];
		revenue: number[];
		mom: (number | null)[];
		activation_rate: (number | null)[];
		forecast_abs_error: (number | null)[];
		quote_hit_rate: (number | null)[];
		quotes_per_month: (number | null)[];
		prospect_conversion_rate: (number | null)[];
	};
}

const minMonth = (a: string, b: string) => (a < b ? a : b);
const maxMonth = (a: string, b: string) => (a > b ? a : b);

/** A document's monthly figure on the given months (null for a month the document lacks). */
function alignTo<T extends { month: string }>(months: string[], rows: T[], pick: (row: T) => number | null): (number | null)[] {
	const byMonth = new Map(rows.map((row) => [row.month, pick(row)]));
	return months.map((month) => byMonth.get(month) ?? null);
}

async function side(db: Database, p: MetricParams, s: Settings, sources?: Promise<KpiSources>): Promise<OverviewSide & { sources: KpiSources }> {
	const [d, revenue] = await db.readEach([
		() => sources ?? kpiSources(db, p, s),
		// The period's revenue R is the same whatever the segments; by a client attribute, segmentation
		// reads the month rollup per client (sales.sql), about a fifth of the rows per product line.
		async () => (await segmentation(db, { ...p, dim: 'client_type' }, s)).total_revenue
	] as const);
	return {
		from: p.from,
		to: p.to,
		as_of: p.as_of,
		revenue,
		kpis: kpisFrom(d, p.as_of, s),
		active: d.activation.active,
		clients_total: d.activation.clients_total,
		sources: d
	};
}

export async function overviewPage(db: Database, c: DashboardContext): Promise<OverviewPage> {
	const { params: p, settings: s } = c;
	// One growth document over the chart's months (the period and up to 12 held months before it);
	// the KPIs read the period's part of it: a month's growth does not depend on where the range
	// starts, its base month is read anyway.
	const held = c.data ? minMonth(c.data.first_month, p.from) : p.from;
	const chartFrom = maxMonth(addMonths(p.from, -12), held);
	// Asked for together with the other figures, not before them: on the server's reader connections
	// they are computed side by side (at 10M lines growth alone took 0.1–0.6 s before the rest began).
	const chart = growth(db, { ...p, from: chartFrom }, s);
	const inPeriod = (m: { month: string }) => m.month >= p.from && m.month <= p.to;
	const inPeriodGrowth = chart.then((g) => ({ ...g, months: g.months.filter(inPeriod) }));
	// Awaited below; marked handled now, so that a failure elsewhere first leaves no rejection unhandled.
	inPeriodGrowth.catch(() => undefined);
	const current = await side(db, p, s, kpiSources(db, p, s, { growth: inPeriodGrowth }));
	const g = await chart;
	const periodGrowth = await inPeriodGrowth;

	const { sources, ...currentSide } = current;
	const months = periodGrowth.months.map((m) => m.month);
	return {
		current: currentSide,
		months: g.months.map((m) => ({ ...m, in_period: inPeriod(m) })),
		growth_thresholds: g.thresholds,
		filtered: s.filtered,
		series: {
			months,
			revenue: periodGrowth.months.map((m) => m.revenue),
			mom: periodGrowth.months.map((m) => m.mom),
			activation_rate: alignTo(months, sources.activation.months, (m) => m.activation_rate),
			forecast_abs_error: alignTo(months, sources.forecast.months, (m) => m.abs_error),
			quote_hit_rate: alignTo(months, sources.quotes.months, (m) => m.hit_rate),
			// A month's quotes issued is that month's quotes per month.
			quotes_per_month: alignTo(months, sources.pipeline.months, (m) => m.quotes),
			prospect_conversion_rate: alignTo(months, sources.activation.months, (m) => m.prospect_conversion_rate)
		}
	};
}

/**
 * The same figures for the comparison period, apart so the page can show the period's own at once
 * and stream these in; null when the data does not reach back to the comparison's first month.
 */
export async function overviewComparison(db: Database, c: DashboardContext): Promise<OverviewSide | null> {
	if (!c.data || c.comparison.from < c.data.first_month) return null;
	const q: MetricParams = { ...c.params, from: c.comparison.from, to: c.comparison.to, as_of: monthEnd(c.comparison.to) };
	const { sources: _, ...other } = await side(db, q, c.settings);
	return other;
}

/** What Resumen receives (the dashboard's +page.server.ts): the period's figures, and the comparison streamed after them. */
export interface OverviewData {
	overview: OverviewPage | null;
	comparison: Promise<OverviewSide | null>;
	windowDays: number;
	/** The data's latest month when its lines end early, provisional or marked closed (metrics/month-closing.ts). */
	monthClosing: MonthClosing | null;
	/** The caller may mark it closed or reopen it (the route's write role, auth/roles.ts). */
	canCloseMonth: boolean;
}
