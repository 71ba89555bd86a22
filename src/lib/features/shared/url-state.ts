// The dashboard's state lives in the URL, so every view can be bookmarked and shared and the
// browser's back/forward work. Keys are those of the metrics API (from, to, <dimension>=value),
// so a page's query string is also the query of the figures it shows; `compare` and page
// options (dim, by, q, sort, page…) ride along.
import { BAR_DIMENSION_IDS, DIMENSION_IDS, DIMENSION_REGISTRY, dimension, isDimensionId, type BarDimensionId, type DimensionId } from '../../dimensions';
import { addMonths, monthRange, type Compare } from '../../months';

/** Every dimension a figure can be filtered by (docs/definitions.md "Filters"): the registry's, lib/dimensions.ts. */
export const FILTER_DIMENSIONS = DIMENSION_IDS;
export type FilterDimension = DimensionId;

/** The dimensions the filter bar offers as selects; the others arrive by cross-filtering. */
export const BAR_DIMENSIONS = BAR_DIMENSION_IDS;
export type BarDimension = BarDimensionId;

export type { Compare } from '../../months';

export function isFilterDimension(key: string): key is FilterDimension {
	return isDimensionId(key);
}

/** The filters set in a URL (each under its registry `param` name), in the registry's order. */
export function activeFilters(url: URL): { dim: FilterDimension; value: string }[] {
	return DIMENSION_REGISTRY.flatMap((d) => {
		const value = url.searchParams.get(d.param);
		return value === null || value === '' ? [] : [{ dim: d.id, value }];
	});
}

/** A dimension's name in the URL. */
export function paramOf(dim: FilterDimension): string {
	return dimension(dim).param;
}

export function compareOf(url: URL): Compare {
	return url.searchParams.get('compare') === 'year' ? 'year' : 'previous';
}

/** The URL with some parameters set (a null or empty value removes it); the page number resets. */
export function withParams(url: URL, changes: Record<string, string | null | undefined>): string {
	const next = new URL(url);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null || value === undefined || value === '') next.searchParams.delete(key);
		else next.searchParams.set(key, value);
	}
	if (!('page' in changes)) next.searchParams.delete('page');
	return next.pathname + next.search;
}

/** The query of the figures for this URL: period and filters only (what computeMetric reads). */
export function metricQuery(url: URL, extra: Record<string, string> = {}): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const key of ['from', 'to', 'as_of'] as const) {
		const value = url.searchParams.get(key);
		if (value) raw[key] = value;
	}
	for (const { dim, value } of activeFilters(url)) raw[paramOf(dim)] = value;
	return { ...raw, ...extra };
}

/** The period a comparison uses (lib/months.ts, shared with the figures' own `compare`). */
export { comparisonPeriod } from '../../months';

export type PresetId = 'last12' | 'ytd' | 'previousYear';

/**
 * Period presets against the last complete month of the data: the last 12 months, the year to
 * date (January of that month's year onwards) and the calendar year before it.
 */
export function presets(lastMonth: string): { id: PresetId; from: string; to: string }[] {
	const year = Number(lastMonth.slice(0, 4));
	return [
		{ id: 'last12', from: addMonths(lastMonth, -11), to: lastMonth },
		{ id: 'ytd', from: `${year}-01`, to: lastMonth },
		{ id: 'previousYear', from: `${year - 1}-01`, to: `${year - 1}-12` }
	];
}

/**
 * The months the period pickers offer, newest first: every month the data covers, and the chosen
 * period's own months even where they lie outside it (a shared link may ask for those).
 */
export function periodMonths(firstMonth: string, lastMonth: string, from: string, to: string): string[] {
	const lo = from < firstMonth ? from : firstMonth;
	const hi = to > lastMonth ? to : lastMonth;
	return monthRange(lo, hi).reverse();
}

/** Parameters that belong to one page (its dimension, search, sorting, page number). */
const PAGE_PARAMS = ['dim', 'dim2', 'by', 'q', 'sort', 'dir', 'page'];

/** A section's link carrying the period, filters and comparison over from the current URL. */
export function sectionHref(path: string, url: URL): string {
	const params = new URLSearchParams(url.searchParams);
	for (const key of PAGE_PARAMS) params.delete(key);
	const search = params.toString();
	return search ? `${path}?${search}` : path;
}
