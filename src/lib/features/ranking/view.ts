// Ranking's decisions apart from its markup: which statuses carry the "portfolio threshold" mark
// and how a status cell reads. Pure; tested in tests/features/ranking/view.test.ts.
import { STATUS_ICONS, type Status } from '../../thresholds';
import type { RankingRow } from './loader.server';

export type RankedKpi = 'mom' | 'activation' | 'quote_hit';
export const RANKED_KPIS: readonly RankedKpi[] = ['mom', 'activation', 'quote_hit'];

/** Where the mark goes: on the header when every row of the KPI was judged by the portfolio's threshold, else on those cells. */
export function markInHeader(rows: RankingRow[], kpi: RankedKpi): boolean {
	return rows.length > 0 && rows.every((row) => row[`${kpi}_threshold`] === 'portfolio');
}

/** Whether any status shown was judged by the portfolio's threshold (the note explaining the mark is then shown). */
export function anyPortfolio(rows: RankingRow[]): boolean {
	return RANKED_KPIS.some((kpi) => rows.some((row) => row[`${kpi}_status`] !== null && row[`${kpi}_threshold`] === 'portfolio'));
}

/**
 * A status cell: the word (the CSV keeps just that), with its shape on screen as StatusBadge shows
 * it, and the mark when this row alone was judged by the portfolio's threshold.
 */
export function statusCell(
	rows: RankingRow[],
	row: RankingRow,
	kpi: RankedKpi,
	words: { statuses: Record<Status | 'none', string>; mark: string },
	icon = false
): string {
	const status = row[`${kpi}_status`];
	if (status === null) return words.statuses.none;
	const text = `${icon ? `${STATUS_ICONS[status]} ` : ''}${words.statuses[status]}`;
	return row[`${kpi}_threshold`] === 'portfolio' && !markInHeader(rows, kpi) ? `${text} ${words.mark}` : text;
}
