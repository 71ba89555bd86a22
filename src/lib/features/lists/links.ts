// Links to the list behind a number (Lista), from any dashboard page: the current URL's period,
// filters and comparison carried over, the list's key (and dimension or grouping) added; and the
// way back to the page the list came from. Browser-safe.
import { sectionHref } from '../shared/url-state';

export type ListLinkName = 'retention_event' | 'activation' | 'abc_tier' | 'segment' | 'funnel_stage' | 'sales_event' | 'stale' | 'open_stage';

/** The page each list's figure is on. */
export const LIST_SOURCE: Record<ListLinkName, string> = {
	retention_event: '/activacion',
	activation: '/activacion',
	abc_tier: '/concentracion',
	segment: '/segmentos',
	funnel_stage: '/embudo',
	sales_event: '/activacion',
	stale: '/embudo',
	open_stage: '/embudo'
};

/** /lista/NAME?…&key=K: `extra` adds the list's own parameters (dim for a segment, by for ABC tiers). */
export function listHref(url: URL, name: ListLinkName, key: string, extra: Record<string, string | null | undefined> = {}): string {
	const base = new URL(sectionHref(`/lista/${name}`, url), url);
	base.searchParams.delete('key');
	base.searchParams.set('key', key);
	for (const [k, v] of Object.entries(extra)) if (v) base.searchParams.set(k, v);
	return base.pathname + base.search;
}

/** Back to the list's page, with the same period, filters, comparison and dimension or grouping. */
export function backHref(url: URL, name: ListLinkName): string {
	const base = new URL(sectionHref(LIST_SOURCE[name], url), url);
	base.searchParams.delete('key');
	const keep = name === 'segment' ? 'dim' : name === 'abc_tier' ? 'by' : null;
	const value = keep ? url.searchParams.get(keep) : null;
	if (keep && value) base.searchParams.set(keep, value);
	return base.pathname + base.search;
}
