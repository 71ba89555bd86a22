// Quote hit rate (docs/definitions.md, docs/contract.md quotes), computed by queries/quotes.sql (its one home, with
// the filters that apply to quotes); this layer only binds parameters and shapes the row.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface QuotesMonth {
	month: string;
	issued: number;
	accepted: number;
	hit_rate: number | null;
}

export interface QuotesDocument {
	/** Quotes issued in the period (status ≠ draft; an unknown status counts nowhere). */
	issued: number;
	accepted: number;
	rejected: number;
	/** Issued quotes still sent (awaiting a decision). */
	pending: number;
	hit_rate: number | null;
	hit_rate_amount: number | null;
	months: QuotesMonth[];
}

export async function quotes(db: Database, p: MetricParams, s: Settings): Promise<QuotesDocument> {
	const [row] = await runQuery<QuotesDocument>(db, 'quotes', lineParams(p, s));
	const r = row!;
	return {
		issued: r.issued,
		accepted: r.accepted,
		rejected: r.rejected,
		pending: r.pending,
		hit_rate: r.hit_rate,
		hit_rate_amount: r.hit_rate_amount,
		months: r.months
	};
}
