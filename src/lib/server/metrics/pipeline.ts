// Pipeline (DESIGN.md §3 "Pipeline", §4 pipeline), computed by queries/pipeline.sql (its one
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
	/** Mean amount of the non-lead records created in the period (money, cents). */
	prospect_size: number | null;
	quotes_per_month: number;
}

export async function pipeline(db: Database, p: MetricParams, s: Settings): Promise<PipelineDocument> {
	const [row] = await runQuery<PipelineDocument>(db, 'pipeline', lineParams(p, s));
	const r = row!;
	return {
		months: r.months,
		win_rate: r.win_rate,
		win_rate_amount: r.win_rate_amount,
		median_cycle_days: r.median_cycle_days,
		prospect_size: r.prospect_size,
		quotes_per_month: r.quotes_per_month
	};
}
