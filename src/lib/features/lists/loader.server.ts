// The list page (Lista): the rows behind one number, on the dashboard's period, filters and
// comparison (the URL's), with the list's own key, dimension (segments) and grouping (ABC by
// client or product). Framework-free: the route turns a ParamError into a 400 page.
import { isSegmentDimension, SEGMENT_DIMENSION_IDS } from '../../dimensions';
import type { Database } from '../../server/db/database';
import { checkKey, checkMonth, runList, type ListDocument } from '../../server/lists/list';
import { isListName, LIST_NAMES } from '../../server/lists/registry';
import { ParamError, type MetricParams } from '../../server/metrics/params';
import type { DashboardContext } from '../../server/pages/context';
import { comparedPageFrame } from '../../server/pages/compare';

/** staleDays: the setting the stale-opportunity list's rule names. */
export type ListPageData = ReturnType<typeof comparedPageFrame> & { list: ListDocument; staleDays: number };

export async function listPage(
	db: Database,
	c: DashboardContext,
	name: string,
	own: { key: string | null; dim: string | null; by: string | null; month?: string | null }
): Promise<ListPageData> {
	if (!isListName(name)) throw new ParamError('name', 'unknown_list', { name: name.slice(0, 40), expected: LIST_NAMES });
	const key = checkKey(name, own.key ?? undefined);
	const dim = own.dim ?? 'product_line';
	if (!isSegmentDimension(dim)) throw new ParamError('dim', 'param_choice', { name: 'dim', expected: SEGMENT_DIMENSION_IDS });
	const by = own.by ?? 'client';
	if (by !== 'client' && by !== 'product') throw new ParamError('by', 'param_choice', { name: 'by', expected: ['client', 'product'] });
	const p: MetricParams = { ...c.params, dim, by, compare: c.compare };
	return { ...comparedPageFrame(c), staleDays: c.settings.stale_days, list: await runList(db, name, key, p, c.settings, checkMonth(name, key, own.month, p)) };
}
