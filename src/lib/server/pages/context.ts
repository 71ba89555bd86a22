// What every dashboard page needs besides its own figures: the period and filters read from the
// URL (checked by the metrics layer's resolveParams), the settings, the data's range for the
// period presets, and the values the filter bar offers. Framework-free, like the rest of the core.
import { compareOf, comparisonPeriod, metricQuery, type BarDimension, type Compare } from '../../features/shared/url-state';
import { DIMENSION_REGISTRY } from '../../dimensions';
import type { Database } from '../db/database';
import { resolveParams, type MetricParams } from '../metrics/params';
import { defaultPeriod } from '../metrics/period';
import { loadSettings, type Settings } from '../metrics/settings';
import { runQuery } from '../queries';
import { productNames } from './product-names';

export type FilterOptions = Record<BarDimension, string[]>;

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

/**
 * All the context reads from the URL. A SvelteKit load reruns when a URL parameter it read changes,
 * so a load handed a context built by another (src/http/dashboard.ts) reads these itself.
 */
export function contextInput(url: URL): { query: Record<string, string>; compare: Compare } {
	return { query: metricQuery(url), compare: compareOf(url) };
}

export async function dashboardContext(db: Database, url: URL, today: Date = new Date()): Promise<DashboardContext> {
	const { query, compare } = contextInput(url);
	// The comparison rides in the params too, so a figure with its own comparison (retention's P0)
	// compares with the months the tiles and the filter bar state.
	const params = await resolveParams(db, { ...query, compare }, today);
	const settings = await loadSettings(db, { filters: params.filters, month: params.to });
	const [range] = await runQuery<{ first_date: string | null; last_date: string | null; provisional_month: string | null }>(db, 'data_range');
	const data =
		range?.first_date && range.last_date
			? { first_month: range.first_date.slice(0, 7), last_month: range.last_date.slice(0, 7), last_complete: defaultPeriod(range.last_date, today, 12, range.provisional_month).to }
			: null;
	// The bar's dimensions: fixed values from the registry, the others read from the register.
	const options = Object.fromEntries(
		DIMENSION_REGISTRY.filter((d) => d.bar).map((d) => [d.id, 'values' in d ? [...d.values] : []])
	) as FilterOptions;
	for (const row of await runQuery<{ dim: keyof FilterOptions; value: string }>(db, 'dimension_values')) options[row.dim].push(row.value);
	const product_names = await productNames(db, [params.filters.product ?? null]);
	return { query, params, settings, compare, comparison: comparisonPeriod(params.from, params.to, compare), data, options, product_names };
}
