// The parameters of a page's comparison period: the same filters on the comparison months, as of
// the last day of its last month.
import type { MetricParams } from '../metrics/params';
import { monthEnd } from '../metrics/period';

export function comparisonParams(p: MetricParams, comparison: { from: string; to: string }): MetricParams {
	return { ...p, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) };
}
