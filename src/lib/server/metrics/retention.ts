// The retention document (docs/contract.md), from queries/retention.sql (the figure's one home):
// period P = from..to against P0, the comparison months: by default the same number of whole months
// just before `from`; with compare=year the same months a year before (as the filter bar's choice).
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import { comparisonPeriod, type Compare } from '../../months';
import { monthEnd } from './period';
import type { Settings } from './settings';

export interface RetentionDocument {
	previous: { from: string; to: string };
	revenue_previous: number;
	revenue: number;
	/** Σ (r − r0) by event: revenue_previous + Σ bridge = revenue, to the cent. */
	bridge: { new: number; reactivated: number; expansion: number; contraction: number; churned: number; other: number };
	clients: { new: number; reactivated: number; expanded: number; contracted: number; churned: number; stable: number; other: number };
	repeat_rate: number | null;
	product_lines_per_client: number | null;
}

type Row = Pick<RetentionDocument, 'revenue_previous' | 'revenue' | 'repeat_rate' | 'product_lines_per_client'> &
	RetentionDocument['clients'] & {
		bridge_new: number;
		bridge_reactivated: number;
		bridge_expansion: number;
		bridge_contraction: number;
		bridge_churned: number;
		bridge_other: number;
	};

/** P0: the comparison months of from..to (lib/months.ts), the ones the pages' tiles compare with. */
export function previousPeriod(from: string, to: string, compare: Compare = 'previous'): { from: string; to: string } {
	return comparisonPeriod(from, to, compare);
}

/** The comparison months' first and last days as the retention-family queries bind them ($prev_from_date, $prev_to_date). */
export function comparisonDates(p: Pick<MetricParams, 'from' | 'to' | 'compare'>): { prev_from_date: string; prev_to_date: string } {
	const previous = previousPeriod(p.from, p.to, p.compare);
	return { prev_from_date: `${previous.from}-01`, prev_to_date: monthEnd(previous.to) };
}

export async function retention(db: Database, p: MetricParams, s: Settings): Promise<RetentionDocument> {
	const previous = previousPeriod(p.from, p.to, p.compare);
	const [row] = await runQuery<Row>(db, 'retention', { ...lineParams(p, s), ...comparisonDates(p) });
	const r = row!;
	return {
		previous,
		revenue_previous: r.revenue_previous,
		revenue: r.revenue,
		bridge: {
			new: r.bridge_new,
			reactivated: r.bridge_reactivated,
			expansion: r.bridge_expansion,
			contraction: r.bridge_contraction,
			churned: r.bridge_churned,
			other: r.bridge_other
		},
		clients: {
			new: r.new,
			reactivated: r.reactivated,
			expanded: r.expanded,
			contracted: r.contracted,
			churned: r.churned,
			stable: r.stable,
			other: r.other
		},
		repeat_rate: r.repeat_rate,
		product_lines_per_client: r.product_lines_per_client
	};
}
