// The parameters of a page's comparison period: the same filters on the comparison months, as of
// the last day of its last month; and what every page with a comparison sends besides its figures.
import type { MetricParams } from '../metrics/params';
import { monthEnd } from '../metrics/period';
import type { DashboardContext } from './context';

export function comparisonParams(p: MetricParams, comparison: { from: string; to: string }): MetricParams {
	return { ...p, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) };
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
