// The commercial pipeline page (Embudo comercial): the pipeline document by month, its period
// totals per stage (the funnel, from the same row of queries/pipeline.sql) and the tiles' figures
// on the comparison months.
import type { Database } from '../../server/db/database';
import type { MetricParams } from '../../server/metrics/params';
import { pipeline, pipelineWithTotals, type PipelineDocument, type PipelineTotals } from '../../server/metrics/pipeline';
import { judgeKpi, verdictOf, type Settings, type Status, type Verdict } from '../../server/metrics/settings';
import { prospectSize, type ProspectSizeDocument } from '../../server/metrics/prospect-size';
import { funnel, type FunnelDocument } from '../../server/metrics/funnel';
import { lossReasons, type LossReasonsDocument } from '../../server/metrics/loss-reasons';
import { openPipeline, type OpenPipelineDocument } from '../../server/metrics/open-pipeline';
import { comparedPageFrame, comparisonParams } from '../../server/pages/compare';

/** The tiles' figures: the document without its months. */
export type PipelineTiles = Omit<PipelineDocument, 'months'>;

export interface PipelinePage {
	pipeline: PipelineDocument;
	totals: PipelineTotals;
	comparison: PipelineTiles;
	/** The commercial process (issue 15): entry kinds and go / no-go (and on the comparison months), losses, open pipeline at as_of. */
	process: { funnel: FunnelDocument; funnelPrevious: FunnelDocument; loss: LossReasonsDocument; open: OpenPipelineDocument };
	/** The register's prospect size per year (queries/prospect_size.sql), on the comparison months too, judged by its bands. */
	prospectSize: { current: ProspectSizeDocument; previous: number | null; status: Status | null; verdict: Verdict };
	/** The win rate's and quotes per month's verdicts: KPIs of the commercial process, judged as Resumen judges them. */
	judged: Record<'win_rate' | 'quotes_per_month', { status: Status | null; verdict: Verdict }>;
}

export async function pipelinePage(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }): Promise<PipelinePage> {
	const { document: current, totals } = await pipelineWithTotals(db, p, s);
	const { months: _months, ...previous } = await pipeline(db, comparisonParams(p, comparison), s);
	const process = {
		funnel: await funnel(db, p, s),
		funnelPrevious: await funnel(db, comparisonParams(p, comparison), s),
		loss: await lossReasons(db, p, s),
		open: await openPipeline(db, p, s)
	};
	const size = await prospectSize(db, p, s);
	const prospect = {
		current: size,
		previous: (await prospectSize(db, comparisonParams(p, comparison), s)).value,
		status: judgeKpi(s, 'prospect_size', size.value),
		verdict: verdictOf(s, 'prospect_size')
	};
	const judged = {
		win_rate: { status: judgeKpi(s, 'win_rate', current.win_rate), verdict: verdictOf(s, 'win_rate') },
		quotes_per_month: { status: judgeKpi(s, 'quotes_per_month', current.quotes_per_month), verdict: verdictOf(s, 'quotes_per_month') }
	};
	return { pipeline: current, totals, comparison: previous, process, prospectSize: prospect, judged };
}

/** What the Embudo page receives (its +page.server.ts): the compared page's frame and the figures. */
export type PipelineData = ReturnType<typeof comparedPageFrame> & { figures: PipelinePage };
