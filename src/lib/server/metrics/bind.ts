// The bound parameters every figure's SQL takes: the period, the settings, and one f_<dimension>
// per filter (NULL when not filtering). See queries/lines.sql.
import type { DuckDBValue } from '@duckdb/node-api';
import { DIMENSIONS, type MetricParams } from './params';
import { monthEnd } from './period';
import type { Settings } from './settings';

export function lineParams(p: MetricParams, s: Settings): Record<string, DuckDBValue> {
	const params: Record<string, DuckDBValue> = {
		from_date: `${p.from}-01`,
		to_date: monthEnd(p.to),
		as_of: p.as_of,
		window_days: s.window_days,
		min_invoices: s.min_invoices,
		min_amount: s.min_amount,
		abc_a: s.abc_a,
		abc_b: s.abc_b,
		// Whether figures may read the stored (month, client) rollup (queries/sales.sql). Off
		// (CARTERA_ROLLUPS=0) they read the lines: the same answer, used to prove so and to compare times.
		use_rollups: process.env.CARTERA_ROLLUPS !== '0',
		// Whether the stored status windows at month ends are for this window (status_window.sql).
		stored_windows: s.stored_windows,
		// Whether the connection running the query holds the statuses within the product-line
		// filter: only queries.ts may say so, once it has kept them there (metrics/line-statuses.ts).
		line_statuses: false
	};
	for (const d of DIMENSIONS) params[`f_${d}`] = p.filters[d] ?? null;
	return params;
}
