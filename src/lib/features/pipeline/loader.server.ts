// The commercial pipeline page (Embudo comercial): the pipeline document by month, its period
// totals per stage (the funnel, from the same row of queries/pipeline.sql) and the tiles' figures
// on the comparison months.
import type { Database } from '../../server/db/database';
import type { MetricParams } from '../../server/metrics/params';
import { pipeline, pipelineWithTotals, type PipelineDocument, type PipelineTotals } from '../../server/metrics/pipeline';
import type { Settings } from '../../server/metrics/settings';
import { comparedPageFrame, comparisonParams } from '../../server/pages/compare';

/** The tiles' figures: the document without its months. */
export type PipelineTiles = Omit<PipelineDocument, 'months'>;

export interface PipelinePage {
	pipeline: PipelineDocument;
	totals: PipelineTotals;
	comparison: PipelineTiles;
}

export async function pipelinePage(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }): Promise<PipelinePage> {
	const { document: current, totals } = await pipelineWithTotals(db, p, s);
	const { months: _months, ...previous } = await pipeline(db, comparisonParams(p, comparison), s);
	return { pipeline: current, totals, comparison: previous };
}

/** What the Embudo page receives (its +page.server.ts): the compared page's frame and the figures. */
export type PipelineData = ReturnType<typeof comparedPageFrame> & { figures: PipelinePage };
