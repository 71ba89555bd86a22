// Concentración: the monthly trend of HHI and top-10 share (queries/concentration_trend.sql, the
// definitions of concentration.sql applied to each month), the chart-sized curves derived from
// the concentration document's Lorenz points, and the page's data (concentrationPage: what its
// loader returns and what warming computes). Framework-free.
import type { Database } from '../../server/db/database';
import { lineParams } from '../../server/metrics/bind';
import { concentration, type ConcentrationDocument } from '../../server/metrics/documents';
import type { MetricParams } from '../../server/metrics/params';
import { judgeKpi, verdictOf, type Settings } from '../../server/metrics/settings';
import { runQuery } from '../../server/queries';
import type { DashboardContext } from '../../server/pages/context';

/** Points per curve sent to the page (exact values stay in the API). */
const CURVE_POINTS = 400;

export interface ConcentrationMonth {
	month: string;
	/** Clients (or products) with positive revenue in the month. */
	n: number;
	total_revenue: number;
	hhi: number | null;
	top10: number | null;
	/** After as_of or the data's provisional month: shown, never judged. */
	partial: boolean;
	provisional: boolean;
}

/** HHI and top-10 share of each month of the period, by client (or product, `p.by`). */
export async function concentrationTrend(db: Database, p: MetricParams, s: Settings): Promise<ConcentrationMonth[]> {
	return runQuery<ConcentrationMonth>(db, 'concentration_trend', { ...lineParams(p, s), by: p.by });
}

/** At most `max` points, evenly spread over the list, always keeping the first and the last. */
export function downsample<T>(points: T[], max: number): T[] {
	if (points.length <= max) return points;
	const last = points.length - 1;
	const kept: T[] = [];
	for (let k = 0; k < max; k++) kept.push(points[Math.round((k * last) / (max - 1))]!);
	return kept;
}

/**
 * The Pareto curve read off the Lorenz points (i/n, share of the i smallest): the k largest hold
 * 1 − L(n − k), so the curve is (k/n, 1 − L(n − k)) for k = 1..n, with L(0) = 0.
 */
export function paretoFromLorenz(lorenz: ConcentrationDocument['lorenz']): [number, number][] {
	const n = lorenz.length;
	const points: [number, number][] = [];
	for (let k = 1; k <= n; k++) points.push([k / n, k === n ? 1 : 1 - lorenz[n - k - 1]![1]]);
	return points;
}

/**
 * The concentration document by client or product with its curves cut to chart size, the HHI and
 * top-10 statuses against the settings' bands, and the monthly trend of both.
 */
export async function concentrationPage(db: Database, c: DashboardContext, by: 'client' | 'product') {
	const params = { ...c.params, by };
	const { lorenz, ...doc } = await concentration(db, params, c.settings);
	const trend = await concentrationTrend(db, params, c.settings);
	const { hhi, top10_share } = c.settings.thresholds;
	return {
		by,
		doc,
		lorenz: downsample(lorenz, CURVE_POINTS),
		pareto: downsample(paretoFromLorenz(lorenz), CURVE_POINTS),
		trend,
		abc: { a: c.settings.abc_a, b: c.settings.abc_b },
		bands: { hhi, top10: top10_share },
		// Under filters, judged only by a threshold set for the segment (settings.ts judged()).
		status: { hhi: judgeKpi(c.settings, 'hhi', doc.hhi), top10: judgeKpi(c.settings, 'top10_share', doc.top_shares.top10) },
		verdicts: { hhi: verdictOf(c.settings, 'hhi'), top10: verdictOf(c.settings, 'top10_share') },
		currency: c.settings.currency
	};
}

/** What the Concentración page receives from its loader. */
export type ConcentrationData = Awaited<ReturnType<typeof concentrationPage>>;
