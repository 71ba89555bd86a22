// What every dashboard page needs besides its own figures: the period and filters read from the
// URL (checked by the metrics layer's resolveParams), the settings, the data's range for the
// period presets, and the values the filter bar offers. Framework-free, like the rest of the core.
import { BAR_DIMENSIONS, compareOf, comparisonPeriod, metricQuery, type Compare } from '../../dashboard/url-state';
import type { Database } from '../db/database';
import { resolveParams, type MetricParams } from '../metrics/params';
import { defaultPeriod } from '../metrics/period';
import { loadSettings, type Settings } from '../metrics/settings';
import { runQuery } from '../queries';
import { productNames } from './product-names';

export type FilterOptions = Record<(typeof BAR_DIMENSIONS)[number], string[]>;

export interface DashboardContext {
	/** The URL's period and filters, as computeMetric reads them. */
	query: Record<string, string>;
	params: MetricParams;
	settings: Settings;
	compare: Compare;
	comparison: { from: string; to: string };
	/** The months the data covers and the last complete one (the presets' anchor); null without data. */
	data: { first_month: string; last_month: string; last_complete: string } | null;
	options: FilterOptions;
	/** The filtered product's name (for its chip), when the register has one. */
	product_names: Record<string, string>;
}

export async function dashboardContext(db: Database, url: URL, today: Date = new Date()): Promise<DashboardContext> {
	const query = metricQuery(url);
	const params = await resolveParams(db, query, today);
	const settings = await loadSettings(db, { filters: params.filters, month: params.to });
	const compare = compareOf(url);
	const [range] = await runQuery<{ first_date: string | null; last_date: string | null }>(db, 'data_range');
	const data =
		range?.first_date && range.last_date
			? { first_month: range.first_date.slice(0, 7), last_month: range.last_date.slice(0, 7), last_complete: defaultPeriod(range.last_date, today).to }
			: null;
	const options: FilterOptions = { product_line: [], client_type: [], region: [], account_manager: [], status: ['active', 'inactive', 'potential'] };
	for (const row of await runQuery<{ dim: keyof FilterOptions; value: string }>(db, 'dimension_values')) options[row.dim].push(row.value);
	const product_names = await productNames(db, [params.filters.product ?? null]);
	return { query, params, settings, compare, comparison: comparisonPeriod(params.from, params.to, compare), data, options, product_names };
}
