// Ranking: the ranking document (server/metrics/ranking.ts) by the chosen dimension, on the URL's
// period, filters and comparison, with product names for labels. Framework-free; nothing here
// computes a figure.
import type { Database } from '../../server/db/database';
import type { Dimension } from '../../server/metrics/params';
import { rankingOf, type RankingDocument } from '../../server/metrics/ranking';

export type { RankingRow, JudgedBy } from '../../server/metrics/ranking';
import type { DashboardContext } from '../../server/pages/context';
import { productNames } from '../../server/pages/product-names';

/** The dimension ranked when the URL names none: "who has the best hit rate?" is about people. */
export const DEFAULT_RANKING_DIM: Dimension = 'account_manager';

export interface RankingData {
	ranking: RankingDocument | null;
	/** Whether the filter bar has filters in force (the "portfolio" thresholds are then those of the filtered view). */
	filtered: boolean;
	productNames: Record<string, string>;
	currency: string;
}

export async function rankingPage(db: Database, c: DashboardContext, dim: Dimension): Promise<RankingData> {
	const base = { filtered: Object.keys(c.params.filters).length > 0, currency: c.settings.currency };
	if (!c.data) return { ...base, ranking: null, productNames: {} };
	const ranking = await rankingOf(db, { ...c.params, dim }, c.settings, c.comparison);
	const names = dim === 'product' ? await productNames(db, ranking.rows.map((r) => r.value)) : {};
	return { ...base, ranking, productNames: names };
}
