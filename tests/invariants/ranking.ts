// Ranking = the dashboard filtered to the row's value. Every row of the ranking page (rankingPage on
// the case's context) against Segmentos by the same dimension (revenue, its value on the comparison
// months and its change, shown exactly where Resumen shows a comparison); and its largest rows against Resumen,
// Activación, Pronóstico and Embudo built on the context of the URL with that value added to its
// filters. A verdict is compared where the filtered dashboard shows one (the ranking also judges a
// value by the portfolio's thresholds, and says so).
import { expect } from 'vitest';
import { activationPage } from '../../src/lib/features/activation/loader.server';
import { forecastPage } from '../../src/lib/features/forecast/loader.server';
import { overviewPage } from '../../src/lib/features/overview/loader.server';
import { pipelinePage } from '../../src/lib/features/pipeline/loader.server';
import { rankingPage } from '../../src/lib/features/ranking/loader.server';
import { segmentDimensions, segmentsPage } from '../../src/lib/features/segments/loader.server';
import { dimension } from '../../src/lib/dimensions';
import type { Database } from '../../src/lib/server/db/database';
import type { Dimension } from '../../src/lib/server/metrics/params';
import { dashboardContext } from '../../src/lib/server/pages/context';
import { dashboardUrl, kpiOf, type DashboardPages } from '../helpers/dashboard-pages';

/** Rows checked against a whole filtered dashboard (the largest): each costs one. */
const ROWS = 2;

/** Values ranked at most (each costs about six queries in every case), but for the page's default. */
const MAX_VALUES = 8;

/**
 * Account managers where the data names them (the page's default), else the first unfiltered bar
 * dimension with a few values, else the computed status (active, inactive, potential).
 */
function rankedBy(pages: DashboardPages): Dimension {
	const { options, params } = pages.context;
	if (options.account_manager.length > 1) return 'account_manager';
	const few = (dim: 'region' | 'product_line' | 'client_type') => options[dim].length > 1 && options[dim].length <= MAX_VALUES && !(dim in params.filters);
	return (['region', 'product_line', 'client_type'] as const).find(few) ?? 'status';
}

/** `dashboards`: also check the largest rows against the filtered pages (they do not depend on the comparison but for revenue_previous). */
export async function checkRanking(db: Database, query: Record<string, string>, pages: DashboardPages, dashboards: boolean) {
	const dim = rankedBy(pages);
	const { ranking } = await rankingPage(db, pages.context, dim);
	expect(ranking!.comparison).toEqual(pages.context.comparison);
	expect(ranking!.rows.length).toBeGreaterThan(0);

	const segments = await segmentsPage(db, pages.context, segmentDimensions(dim, null));
	const compared = pages.overviewComparison !== null;
	for (const row of ranking!.rows) {
		const segment = segments.segments.find((g) => g.value === row.value);
		if (!segment) {
			// A register's value with no line in either period (the ranking lists them, Segmentos does not).
			expect([row.revenue, row.revenue_previous], row.value).toEqual([0, compared ? 0 : null]);
			continue;
		}
		expect(row.revenue, row.value).toBe(segment.revenue);
		expect(row.revenue_previous, row.value).toBe(segment.revenue_previous);
		expect(row.revenue_change, row.value).toBe(segment.change);
		// Both show a comparison exactly when Resumen does.
		expect(row.revenue_previous !== null, row.value).toBe(compared);
	}

	if (!dashboards) return;
	for (const row of ranking!.rows.slice(0, ROWS)) {
		const at = `${dim} = ${row.value}`;
		const c = await dashboardContext(db, dashboardUrl({ ...query, [dimension(dim).param]: row.value }));
		const overview = await overviewPage(db, c);
		const activation = await activationPage(db, c.params, c.settings);
		const forecast = await forecastPage(db, c.params, c.settings, c.comparison);
		const pipeline = await pipelinePage(db, c.params, c.settings, c.comparison);
		const kpi = (id: Parameters<typeof kpiOf>[1]) => kpiOf(overview.current.kpis, id)!;

		expect(row.revenue, at).toBe(overview.current.revenue);
		expect(row.mom, at).toBe(kpi('growth').value);
		expect(row.mom_month, at).toBe(kpi('growth').month);
		expect(row.activation_rate, at).toBe(activation.activation.activation_rate);
		expect(row.activation_rate, at).toBe(kpi('activation_rate').value);
		expect(row.quote_hit_rate, at).toBe(forecast.quotes.hit_rate);
		expect(row.quote_hit_rate, at).toBe(kpi('quote_hit_rate').value);
		expect(row.win_rate, at).toBe(pipeline.pipeline.win_rate);
		const verdicts = [
			['growth', row.mom_status, kpi('growth').status],
			['activation_rate', row.activation_status, activation.activation_verdict.judged ? activation.activation_status : null],
			['quote_hit_rate', row.quote_hit_status, forecast.verdicts.quote_hit_rate.judged ? forecast.hit_rate_status : null]
		] as const;
		for (const [id, ranked, shown] of verdicts) if (shown !== null) expect(ranked, `${at}: ${id}`).toBe(shown);
	}
}
