// Pipeline (docs/definitions.md "Funnel", docs/contract.md pipeline), computed by queries/pipeline.sql (its one
// home, with the filters that apply to opportunities and quotes); this layer only binds
// parameters and shapes the row.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface PipelineMonth {
	month: string;
	leads: number;
	opportunities: number;
	quotes: number;
	won: number;
}

export interface PipelineDocument {
	months: PipelineMonth[];
	win_rate: number | null;
	win_rate_amount: number | null;
	median_cycle_days: number | null;
	/** Mean amount of the non-lead records created in the period (money, cents): the mean opportunity amount, its name kept; the register's prospect size per year is the `prospect_size` figure. */
	prospect_size: number | null;
	/** Quotes issued in the period / its months; null when no quote was ever loaded. */
	quotes_per_month: number | null;
}

/** Leads, opportunities, quotes and won over the whole period (Embudo's funnel). */
export type PipelineTotals = Omit<PipelineMonth, 'month'>;

export async function pipeline(db: Database, p: MetricParams, s: Settings): Promise<PipelineDocument> {
	return (await pipelineWithTotals(db, p, s)).document;
}

/** The document and the period's stage totals, from the same row; the totals stay out of the §4 document. */
export async function pipelineWithTotals(db: Database, p: MetricParams, s: Settings): Promise<{ document: PipelineDocument; totals: PipelineTotals }> {
	const [row] = await runQuery<PipelineDocument & { totals: PipelineTotals }>(db, 'pipeline', lineParams(p, s));
	const r = row!;
	return {
		document: {
			months: r.months,
			win_rate: r.win_rate,
			win_rate_amount: r.win_rate_amount,
			median_cycle_days: r.median_cycle_days,
			prospect_size: r.prospect_size,
			quotes_per_month: r.quotes_per_month
		},
		totals: r.totals
	};
}
