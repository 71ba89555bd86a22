// One truth per figure (issue 14), over the demo and every real dataset, for periods with and
// without a filter against both comparisons (the cases in tests/helpers/datasets.ts), checked in
// tests/invariants/ (also ranking.ts and lists.ts): every page's data is built the way the server builds
// it, from one DashboardContext (tests/helpers/dashboard-pages.ts), and a figure shown on two pages
// is the same figure there — value, change (the same comparison value), comparison period and
// verdict. The bridge's previous period is the filter bar's comparison, and each page's comparison
// months are those. Each dataset is loaded once; its pages are built once per case.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { comparisonPeriod } from '../../src/lib/months';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpiId, Verdict } from '../../src/lib/server/metrics/settings';
import { INVARIANT_DATASETS } from '../helpers/datasets';
import { dashboardPages, kpiOf, type DashboardPages } from '../helpers/dashboard-pages';
import { useLoadedDatabase } from '../helpers/temp-db';
import { checkLists } from './lists';
import { checkRanking } from './ranking';

describe.each(INVARIANT_DATASETS)('$name', (d) => {
	const loaded = useLoadedDatabase(d.load);
	let db: Database;
	beforeAll(() => void (db = loaded.db));

	describe.each(d.cases)('%j', (query) => {
		let pages: DashboardPages;
		beforeAll(async () => {
			pages = await dashboardPages(db, query);
		});

		it('every page and the bridge compare with the months the filter bar states', async () => {
			const { context: c, overviewComparison: before } = pages;
			const stated = comparisonPeriod(query.from, query.to, query.compare);
			expect(c.comparison).toEqual(stated);
			expect(pages.retention.previous).toEqual(stated);
			expect(pages.activation.retention.previous).toEqual(stated);
			expect({ from: pages.segments.comparison.from, to: pages.segments.comparison.to }).toEqual(stated);
			expect(pages.clients.comparison).toEqual(stated);
			if (before) expect({ from: before.from, to: before.to }).toEqual(stated);
			// The bridge starts from the revenue of those months, as Segmentos and Clientes state it.
			const previous = (await computeMetric(db, 'segmentation', { ...c.query, ...stated })) as SegmentationDocument;
			expect(pages.retention.revenue_previous).toBe(previous.total_revenue);
			expect(pages.activation.retention.revenue_previous).toBe(previous.total_revenue);
			// Segmentos, like Resumen, shows no comparison when it starts before the data.
			expect(pages.segments.comparison.total_revenue).toBe(before ? previous.total_revenue : null);
			expect(pages.clients.list.total_revenue_previous).toBe(previous.total_revenue);
			if (before) expect(before.revenue).toBe(previous.total_revenue);
		});

		it('the period’s revenue is one figure on Resumen, Segmentos, Concentración, Activación’s bridge and Clientes', () => {
			const revenue = pages.overview.current.revenue;
			expect(pages.segments.total_revenue).toBe(revenue);
			expect(pages.segmentsByStatus.total_revenue).toBe(revenue);
			expect(pages.concentration.doc.total_revenue).toBe(revenue);
			expect(pages.activation.retention.revenue).toBe(revenue);
			expect(pages.retention.revenue).toBe(revenue);
			expect(pages.clients.list.total_revenue).toBe(revenue);
		});

		it('the activation rate and its comparison value: Resumen = Activación = kpis', () => {
			const shown = kpiOf(pages.overview.current.kpis, 'activation_rate')!;
			expect(pages.activation.activation.activation_rate).toBe(shown.value);
			expect(kpiOf(pages.kpis, 'activation_rate')!.value).toBe(shown.value);
			expectSameComparison(pages, 'activation_rate', pages.activation.comparison.activation_rate);
		});

		it('the quote hit rate and forecast accuracy: Resumen = Pronóstico = kpis', () => {
			const hit = kpiOf(pages.overview.current.kpis, 'quote_hit_rate')!;
			expect(pages.forecast.quotes.hit_rate).toBe(hit.value);
			expect(kpiOf(pages.kpis, 'quote_hit_rate')!.value).toBe(hit.value);
			expectSameComparison(pages, 'quote_hit_rate', pages.forecast.comparison.hit_rate);
			const accuracy = kpiOf(pages.overview.current.kpis, 'forecast_accuracy')!;
			expect(pages.forecast.forecast.accuracy).toBe(accuracy.value);
			expect(kpiOf(pages.kpis, 'forecast_accuracy')!.value).toBe(accuracy.value);
			expectSameComparison(pages, 'forecast_accuracy', pages.forecast.comparison.accuracy);
		});

		it('top-10 share and HHI: Resumen = Concentración = kpis', () => {
			const { doc } = pages.concentration;
			expect(kpiOf(pages.overview.current.kpis, 'top10_share')!.value).toBe(doc.top_shares.top10);
			expect(kpiOf(pages.overview.current.kpis, 'hhi')!.value).toBe(doc.hhi);
			expect(kpiOf(pages.kpis, 'top10_share')!.value).toBe(doc.top_shares.top10);
			expect(kpiOf(pages.kpis, 'hhi')!.value).toBe(doc.hhi);
		});

		it('a verdict shown on two pages is the same verdict, and shown on both or neither', () => {
			const page: [KpiId, Verdict, string | null][] = [
				['activation_rate', pages.activation.activation_verdict, pages.activation.activation_status],
				['quote_hit_rate', pages.forecast.verdicts.quote_hit_rate, pages.forecast.hit_rate_status],
				['forecast_accuracy', pages.forecast.verdicts.forecast_accuracy, pages.forecast.accuracy_status],
				['top10_share', pages.concentration.verdicts.top10, pages.concentration.status.top10],
				['hhi', pages.concentration.verdicts.hhi, pages.concentration.status.hhi]
			];
			for (const [id, verdict, status] of page) {
				const k = kpiOf(pages.overview.current.kpis, id)!;
				// Resumen's tile shows a status when the kpis row says it is judged (OverviewPage.svelte's tileStatus).
				const onResumen = k.judged;
				expect(verdict.judged, id).toBe(onResumen);
				expect(verdict.scope, id).toEqual(k.threshold_scope);
				if (onResumen) expect(status, id).toBe(k.status);
				expect(kpiOf(pages.kpis, id)!.status, id).toBe(k.status);
			}
		});

		it('Resumen’s active clients and sparklines are Activación’s and Pronóstico’s monthly figures', () => {
			const { current, series } = pages.overview;
			expect([current.active, current.clients_total]).toEqual([pages.activation.activation.active, pages.activation.activation.clients_total]);
			const byMonth = <T extends { month: string }>(rows: T[], pick: (r: T) => number | null) => series.months.map((m) => {
				const row = rows.find((r) => r.month === m);
				return row ? pick(row) : null;
			});
			expect(series.activation_rate).toEqual(byMonth(pages.activation.series, (r) => r.activation_rate));
			expect(series.quote_hit_rate).toEqual(byMonth(pages.forecast.quotes.months, (r) => r.hit_rate));
			expect(series.forecast_abs_error).toEqual(byMonth(pages.forecast.forecast.months, (r) => r.abs_error));
			// The monthly revenue bars add up to the period's revenue (each month rounded to cents).
			const cents = series.revenue.reduce((sum, r) => sum + Math.round(r * 100), 0);
			expect(Math.abs(cents - Math.round(current.revenue * 100))).toBeLessThanOrEqual(Math.ceil(series.months.length / 2));
		});

		it('the commercial process KPIs: Resumen = Embudo / Activación = kpis, and prospect size’s verdict on Embudo', () => {
			const resumen = (id: KpiId) => kpiOf(pages.overview.current.kpis, id)!;
			const shown: [KpiId, number | null][] = [
				['quotes_per_month', pages.pipeline.pipeline.quotes_per_month],
				['win_rate', pages.pipeline.pipeline.win_rate],
				['prospect_size', pages.pipeline.prospectSize.current.value],
				['repeat_rate', pages.activation.retention.repeat_rate],
				['prospect_conversion_rate', pages.activation.activation.prospect_conversion_rate]
			];
			for (const [id, value] of shown) {
				expect(resumen(id).value, id).toBe(value);
				expect(kpiOf(pages.kpis, id)!.value, id).toBe(value);
				expect(kpiOf(pages.kpis, id)!.status, id).toBe(resumen(id).status);
			}
			// Embudo's verdicts: prospect size, win rate and quotes per month, as Resumen's tiles show them.
			const embudo: [KpiId, Verdict, string | null][] = [
				['prospect_size', pages.pipeline.prospectSize.verdict, pages.pipeline.prospectSize.status],
				['win_rate', pages.pipeline.judged.win_rate.verdict, pages.pipeline.judged.win_rate.status],
				['quotes_per_month', pages.pipeline.judged.quotes_per_month.verdict, pages.pipeline.judged.quotes_per_month.status]
			];
			for (const [id, verdict, status] of embudo) {
				expect(verdict.judged, id).toBe(resumen(id).judged);
				expect(verdict.scope, id).toEqual(resumen(id).threshold_scope);
				if (verdict.judged) expect(status, id).toBe(resumen(id).status);
			}
		});

		it('the growth KPI: Resumen = kpis (value, month judged, status)', () => {
			const { value, month, status } = kpiOf(pages.overview.current.kpis, 'growth')!;
			expect(kpiOf(pages.kpis, 'growth')).toMatchObject({ value, month, status });
		});

		it('each row of the ranking is Segmentos’ segment and the dashboard filtered to its value', async () => {
			// Each row against a whole filtered dashboard costs one: done once per dataset, where the
			// ranking adds its value to the bar's filter (the rows' other figures do not depend on
			// the comparison, and every row is checked against Segmentos in every case).
			await checkRanking(db, query, pages, query.compare === 'previous' && Object.keys(query).length > 3);
		});

		it('each drill-down list sums to the figure it came from and counts its clients', async () => {
			// Only the retention events depend on the comparison: the others are checked once per period.
			await checkLists(db, pages, query.compare === 'previous');
		});
	});
});

/**
 * Resumen's change of a KPI is against its value on the comparison months (overviewComparison);
 * another page's tile of the same KPI compares with `other`: the two must be one value. When the
 * data does not reach back to the comparison's first month Resumen shows no change, and neither
 * may the other page.
 */
function expectSameComparison(pages: DashboardPages, id: KpiId, other: number | null) {
	const before = pages.overviewComparison;
	if (before) expect(other, `${id} on the comparison months`).toBe(kpiOf(before.kpis, id)!.value);
	else expect(other, `${id}: Resumen shows no comparison`).toBeNull();
}
