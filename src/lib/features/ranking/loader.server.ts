// Ranking: the ranking document (server/metrics/ranking.ts) by the chosen dimension, on the URL's
// period, filters and comparison, with product names for labels. Framework-free; nothing here
// computes a figure.
import type { Database } from '../../server/db/database';
import type { Dimension } from '../../server/metrics/params';
import { rankingParts, wholeRanking, type RankingDocument, type RankingKpis, type RankingParts } from '../../server/metrics/ranking';
import { TARGET_SCOPES, targets, type TargetScope, type TargetStanding } from '../../server/metrics/targets';
import type { Bands } from '../../thresholds';

export type { RankingRow, RankingKpis, JudgedBy } from '../../server/metrics/ranking';
export type { TargetStanding } from '../../server/metrics/targets';
import type { DashboardContext } from '../../server/pages/context';
import { productNames } from '../../server/pages/product-names';

/** The dimension ranked when the URL names none: "who has the best hit rate?" is about people. */
export const DEFAULT_RANKING_DIM: Dimension = 'account_manager';

interface RankingBase {
	/** Whether the filter bar has filters in force (the "portfolio" thresholds are then those of the filtered view). */
	filtered: boolean;
	productNames: Record<string, string>;
	currency: string;
	/** The goals scorecard when the dimension can have goals (issue 16); null otherwise. */
	scorecard: { rows: TargetStanding[]; bands: Bands } | null;
}

export interface RankingData extends RankingBase {
	ranking: RankingDocument | null;
}

/**
 * What the page receives: the rows' revenue columns at once, in their order, and each row's other
 * figures streamed after them (`kpis`, in the same order). At 10M lines over ten years, by product
 * line, those took 2.6 s of the page's 2.6 s; the revenue, about 0.2 s.
 */
export interface RankingStream extends RankingBase {
	ranking: RankingParts['head'] | null;
	kpis: Promise<RankingKpis[]>;
}

export async function rankingPageStream(db: Database, c: DashboardContext, dim: Dimension): Promise<RankingStream> {
	const base = { filtered: Object.keys(c.params.filters).length > 0, currency: c.settings.currency, scorecard: null };
	if (!c.data) return { ...base, ranking: null, productNames: {}, kpis: Promise.resolve([]) };
	const { head, kpis } = await rankingParts(db, { ...c.params, dim }, c.settings, c.comparison);
	const names = dim === 'product' ? await productNames(db, head.rows.map((r) => r.value)) : {};
	const scorecard = (TARGET_SCOPES as readonly string[]).includes(dim)
		? { rows: (await targets(db, { ...c.params, target_by: dim as TargetScope }, c.settings)).ranking, bands: c.settings.thresholds.targets }
		: null;
	return { ...base, ranking: head, productNames: names, scorecard, kpis };
}

/** The page's data whole (warming, tests): the streamed figures awaited and put in their rows. */
export async function rankingPage(db: Database, c: DashboardContext, dim: Dimension): Promise<RankingData> {
	const { ranking: head, kpis, ...rest } = await rankingPageStream(db, c, dim);
	return { ...rest, ranking: head ? await wholeRanking({ head, kpis }) : null };
}
