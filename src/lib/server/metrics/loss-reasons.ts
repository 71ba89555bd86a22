// Loss reasons summed over the period, and by month, owner and product line (docs/definitions.md
// "Loss reasons"; docs/contract.md loss_reasons), computed by queries/loss_reasons.sql.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface LossReason {
	reason: string | null;
	count: number;
	amount: number;
}

/** One reason within one group of a breakdown (a month, an owner, a product line; null: none). */
export interface LossReasonIn extends LossReason {
	group: string | null;
}

export interface LossReasonsDocument {
	from: string;
	to: string;
	total: { count: number; amount: number };
	reasons: LossReason[];
	by_month: LossReasonIn[];
	by_owner: LossReasonIn[];
	by_product_line: LossReasonIn[];
}

export async function lossReasons(db: Database, p: MetricParams, s: Settings): Promise<LossReasonsDocument> {
	const rows = await runQuery<LossReasonIn & { breakdown: string }>(db, 'loss_reasons', lineParams(p, s));
	const of = (b: string) => rows.filter((r) => r.breakdown === b).map(({ breakdown: _, ...r }) => r);
	const reasons = of('total').map(({ group: _, ...r }) => r);
	const sum = of('sum')[0];
	return {
		from: p.from,
		to: p.to,
		total: { count: sum?.count ?? 0, amount: sum?.amount ?? 0 },
		reasons,
		by_month: of('month'),
		by_owner: of('owner'),
		by_product_line: of('product_line')
	};
}
