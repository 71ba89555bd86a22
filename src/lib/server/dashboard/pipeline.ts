// The commercial pipeline page (Embudo comercial): the pipeline document by month, its period
// totals per stage (the funnel: the months partition the period, so each total is the sum of its
// months) and the tiles' figures on the comparison months.
import type { Database } from '../db/database';
import type { MetricParams } from '../metrics/params';
import { pipeline, type PipelineDocument, type PipelineMonth } from '../metrics/pipeline';
import type { Settings } from '../metrics/settings';
import { comparisonParams } from './compare';

export const STAGES = ['leads', 'opportunities', 'quotes', 'won'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTotals = Record<Stage, number>;

/** The tiles' figures: the document without its months. */
export type PipelineTiles = Omit<PipelineDocument, 'months'>;

export interface PipelinePage {
	pipeline: PipelineDocument;
	totals: StageTotals;
	comparison: PipelineTiles;
}

export function stageTotals(months: PipelineMonth[]): StageTotals {
	const totals: StageTotals = { leads: 0, opportunities: 0, quotes: 0, won: 0 };
	for (const m of months) for (const stage of STAGES) totals[stage] += m[stage];
	return totals;
}

export async function pipelinePage(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }): Promise<PipelinePage> {
	const current = await pipeline(db, p, s);
	const { months: _months, ...previous } = await pipeline(db, comparisonParams(p, comparison), s);
	return { pipeline: current, totals: stageTotals(current.months), comparison: previous };
}
