// Forecast accuracy (docs/definitions.md, docs/contract.md forecast), computed by queries/forecast.sql (its one home,
// with the scope rule); this layer only binds parameters and shapes the row.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { MetricParams } from './params';
import type { Settings } from './settings';

export interface ForecastMonth {
	month: string;
	/** NULL when the scope has no forecast row for the month (left out of every figure). */
	forecast: number | null;
	actual: number;
	/** forecast − actual. */
	error: number | null;
	abs_error: number | null;
	/** 1 − |F − A| / |A| of this month alone (what `accuracy` is over a one-month period); null without F or with A = 0. */
	accuracy: number | null;
}

export interface ForecastDocument {
	/**
	 * {dimension: 'total', value: null} without filters; the filter's dimension and value with
	 * exactly one; both null with several (no forecast series describes an intersection).
	 */
	scope: { dimension: string | null; value: string | null };
	months: ForecastMonth[];
	wape: number | null;
	accuracy: number | null;
	mape: number | null;
	mape_excluded_months: number;
	bias: number | null;
}

export async function forecast(db: Database, p: MetricParams, s: Settings): Promise<ForecastDocument> {
	type Row = Omit<ForecastDocument, 'scope'> & ForecastDocument['scope'];
	const [row] = await runQuery<Row>(db, 'forecast', lineParams(p, s));
	const r = row!;
	return {
		scope: { dimension: r.dimension, value: r.value },
		months: r.months,
		wape: r.wape,
		accuracy: r.accuracy,
		mape: r.mape,
		mape_excluded_months: r.mape_excluded_months,
		bias: r.bias
	};
}
