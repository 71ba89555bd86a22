// The list page (Lista): the rows behind one number, on the dashboard's period, filters and
// comparison (the URL's), with the list's own key, dimension (segments) and grouping (ABC by
// client or product). Framework-free: the route turns a ParamError into a 400 page.
import { isSegmentDimension, SEGMENT_DIMENSION_IDS } from '../../dimensions';
import type { Database } from '../../server/db/database';
import { checkKey, checkMonth, runList, type ListDocument, type ListPageInfo } from '../../server/lists/list';
import { isListName, LIST_NAMES } from '../../server/lists/registry';
import { ParamError, type MetricParams } from '../../server/metrics/params';
import type { DashboardContext } from '../../server/pages/context';
import { comparedPageFrame } from '../../server/pages/compare';

/** Rows a page of the list shows: most lists fit in one; 46,426 stale opportunities do not. */
export const LIST_PAGE_SIZE = 200;

/** staleDays: the setting the stale-opportunity list's rule names. */
export type ListPageData = ReturnType<typeof comparedPageFrame> & { list: ListDocument & { paging?: ListPageInfo }; staleDays: number };

/** The ?page= of the URL: a whole number from 1 (past the last page, runList gives the last one); anything else is the first page. */
export function listPageNumber(raw: string | null | undefined): number {
	const n = Number(raw);
	// Bounded so that the row offset stays a 32-bit INTEGER: a page past the end is the last one anyway.
	return Number.isInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}

export async function listPage(
	db: Database,
	c: DashboardContext,
	name: string,
	own: { key: string | null; dim: string | null; by: string | null; month?: string | null; page?: string | null }
): Promise<ListPageData> {
	if (!isListName(name)) throw new ParamError('name', 'unknown_list', { name: name.slice(0, 40), expected: LIST_NAMES });
	const key = checkKey(name, own.key ?? undefined);
	const dim = own.dim ?? 'product_line';
	if (!isSegmentDimension(dim)) throw new ParamError('dim', 'param_choice', { name: 'dim', expected: SEGMENT_DIMENSION_IDS });
	const by = own.by ?? 'client';
	if (by !== 'client' && by !== 'product') throw new ParamError('by', 'param_choice', { name: 'by', expected: ['client', 'product'] });
	const p: MetricParams = { ...c.params, dim, by, compare: c.compare };
	const paging = { page: listPageNumber(own.page), size: LIST_PAGE_SIZE };
	return { ...comparedPageFrame(c), staleDays: c.settings.stale_days, list: await runList(db, name, key, p, c.settings, checkMonth(name, key, own.month, p), paging) };
}
