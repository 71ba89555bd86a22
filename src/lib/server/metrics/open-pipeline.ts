// Open and weighted pipeline at as_of, by stage (with ages) and by expected close month, the stale
// opportunities and the quotes pending past their validity (docs/definitions.md "Open and weighted
// pipeline"; docs/contract.md open_pipeline). The SQL: queries/open_pipeline.sql,
// stale_opportunities.sql, quotes_past_validity.sql; this layer binds parameters and shapes rows.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

/** Rows a list carries at most in the document; count and total cover every row. */
export const LIST_LIMIT = 200;

export interface OpenGroup {
	count: number;
	amount: number;
	weighted: number;
	mean_age_days: number | null;
	max_age_days: number | null;
	/** Over the records with a last change (`dated`); null when none has one. */
	mean_days_since_change: number | null;
	dated: number;
}

export interface StaleOpportunity {
	id: string;
	client_id: string | null;
	name: string | null;
	kind: string;
	stage: string | null;
	owner: string | null;
	created_at: string;
	last_change_at: string | null;
	amount: number | null;
	age_days: number;
	idle_days: number;
}

export interface QuotePastValidity {
	id: string;
	client_id: string | null;
	name: string | null;
	issued_at: string;
	valid_until: string;
	amount: number;
	days_past: number;
}

export interface RecordList<T> {
	count: number;
	total: number;
	/** At most LIST_LIMIT rows, as ordered by the SQL. */
	rows: T[];
}

export interface OpenPipelineDocument {
	as_of: string;
	stale_days: number;
	total: OpenGroup;
	by_stage: (OpenGroup & { stage: string | null; probability: number })[];
	by_close_month: (OpenGroup & { month: string | null })[];
	stale: RecordList<StaleOpportunity>;
	quotes_past_validity: RecordList<QuotePastValidity>;
}

const EMPTY: OpenGroup = { count: 0, amount: 0, weighted: 0, mean_age_days: null, max_age_days: null, mean_days_since_change: null, dated: 0 };

function listOf<T>(rows: (T & { count: number; total: number })[]): RecordList<T> {
	return { count: rows[0]?.count ?? 0, total: rows[0]?.total ?? 0, rows: rows.map(({ count: _, total: __, ...r }) => r as T) };
}

export async function openPipeline(db: Database, p: MetricParams, s: Settings): Promise<OpenPipelineDocument> {
	const base = lineParams(p, s);
	type Row = OpenGroup & { breakdown: 'total' | 'stage' | 'close_month'; group: string | null; probability: number | null };
	const stageProbabilities = JSON.stringify(Object.entries(s.stage_probabilities).map(([stage, probability]) => ({ stage, probability })));
	const rows = await runQuery<Row>(db, 'open_pipeline', { ...base, stage_probabilities: stageProbabilities });
	const group = ({ breakdown: _, group: __, probability: ___, ...g }: Row): OpenGroup => g;
	const total = rows.find((r) => r.breakdown === 'total');
	const stale = await runQuery<StaleOpportunity & { count: number; total: number }>(db, 'stale_opportunities', { ...base, stale_days: s.stale_days, limit: LIST_LIMIT, offset: null });
	const quotes = await runQuery<QuotePastValidity & { count: number; total: number }>(db, 'quotes_past_validity', { ...base, limit: LIST_LIMIT, offset: null });
	return {
		as_of: p.as_of,
		stale_days: s.stale_days,
		total: total && total.count > 0 ? group(total) : EMPTY,
		by_stage: rows.filter((r) => r.breakdown === 'stage').map((r) => ({ stage: r.group, probability: r.probability!, ...group(r) })),
		by_close_month: rows.filter((r) => r.breakdown === 'close_month').map((r) => ({ month: r.group, ...group(r) })),
		stale: listOf(stale),
		quotes_past_validity: listOf(quotes)
	};
}
