// Concentración: the monthly trend of HHI and top-10 share (queries/concentration_trend.sql, the
// definitions of concentration.sql applied to each month) and the chart-sized curves derived from
// the concentration document's Lorenz points. Framework-free.
import type { Database } from '../db/database';
import { lineParams } from '../metrics/bind';
import type { ConcentrationDocument } from '../metrics/documents';
import type { MetricParams } from '../metrics/params';
import type { Settings } from '../metrics/settings';
import { runQuery } from '../queries';

export interface ConcentrationMonth {
	month: string;
	/** Clients (or products) with positive revenue in the month. */
	n: number;
	total_revenue: number;
	hhi: number | null;
	top10: number | null;
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
