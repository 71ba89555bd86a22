// The parameters of a page's comparison period: the same filters on the comparison months, as of
// the last day of its last month; whether those months start before the data; and what every
// page with a comparison sends besides its figures.
import type { Database } from '../db/database';
import type { MetricParams } from '../metrics/params';
import { monthEnd } from '../metrics/period';
import { comparisonReach } from '../metrics/comparison-reach';
import type { DashboardContext } from './context';

export function comparisonParams(p: MetricParams, comparison: { from: string; to: string }): MetricParams {
	return { ...p, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) };
}

/** Whether the comparison starts before the first month of the invoice data (metrics/comparison-reach.ts). */
export async function comparisonBeforeData(db: Database, comparison: { from: string; to: string }): Promise<boolean> {
	return (await comparisonReach(db, comparison)) === 'before-data';
}

/** A page's figures on the comparison months: each null when the comparison starts before the data. */
export type Compared<T> = { [K in keyof T]: T[K] | null };

/** The tiles' comparison figures as computed, or every one null (the tiles then show no change). */
export async function heldComparison<T extends object>(db: Database, comparison: { from: string; to: string }, tiles: T): Promise<Compared<T>> {
	if (!(await comparisonBeforeData(db, comparison))) return tiles;
	return Object.fromEntries(Object.keys(tiles).map((key) => [key, null])) as Compared<T>;
}

/** The data, period, comparison months and currency a compared page (activation, forecast, pipeline) shows. */
export function comparedPageFrame(c: DashboardContext) {
	return {
		hasData: c.data !== null,
		period: { from: c.params.from, to: c.params.to, as_of: c.params.as_of },
		comparison: c.comparison,
		/** Which comparison the filter bar chose (the pages name it beside its months). */
		compare: c.compare,
		currency: c.settings.currency
	};
}
