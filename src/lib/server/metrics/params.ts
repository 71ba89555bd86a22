// Parameters of every figure, as the CLI and the HTTP API receive them (text), checked once:
// an unknown name, a bad month, a bad dimension or an oversized value is a ParamError naming the
// parameter. Values only ever reach SQL as bound parameters.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { addMonths, defaultPeriod, monthEnd } from './period';
import type { Compare } from '../../months';
import { sayParam, type ParamCode, type ParamValues } from '../../i18n/metric-messages';
import { DIMENSION_IDS, DIMENSION_REGISTRY, dimensionOfParam, isSegmentDimension, SEGMENT_DIMENSION_IDS, type DimensionId } from '../../dimensions';

/** Every dimension (lib/dimensions.ts), by id; a filter's query-string name is its registry `param`. */
export const DIMENSIONS = DIMENSION_IDS;
export type Dimension = DimensionId;
const FILTER_PARAMS = DIMENSION_REGISTRY.map((d) => d.param);

export interface MetricParams {
	/** YYYY-MM, whole months, inclusive. */
	from: string;
	to: string;
	/** YYYY-MM-DD; the last day of `to` unless given. */
	as_of: string;
	dim: Dimension;
	by: 'client' | 'product';
	filters: Partial<Record<Dimension, string>>;
	/** What the retention document compares with: `previous` (the months just before, the default) or `year` (the same months a year before). */
	compare?: Compare;
}

/** A refused parameter: its name, a stable code and the values it names (i18n/metric-messages.ts); the message is the English text. */
export class ParamError<C extends ParamCode = ParamCode> extends Error {
	constructor(
		readonly param: string,
		readonly code: C,
		readonly params: ParamValues<C>
	) {
		super(sayParam('en', code, params));
		this.name = 'ParamError';
	}
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VALUE = 200;

/** Reads raw text parameters (query string or CLI flags; filters as dimension=value) into MetricParams. */
export async function resolveParams(db: Database, raw: Record<string, string | undefined>, today: Date = new Date()): Promise<MetricParams> {
	const filters: MetricParams['filters'] = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === undefined || ['from', 'to', 'as_of', 'dim', 'by', 'compare', 'format'].includes(key)) continue;
		const dimension = dimensionOfParam(key);
		if (!dimension) throw new ParamError(key, 'param_unknown', { name: key.slice(0, 40), filters: FILTER_PARAMS });
		if (value.length > MAX_VALUE) throw new ParamError(key, 'param_too_long', { name: key, limit: MAX_VALUE });
		filters[dimension] = value;
	}
	for (const key of ['from', 'to'] as const) {
		const v = raw[key];
		if (v !== undefined && !MONTH.test(v)) throw new ParamError(key, 'param_month', { name: key });
	}
	const asOf = raw.as_of;
	if (asOf !== undefined && (!DAY.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf))
		throw new ParamError('as_of', 'param_date', { name: 'as_of' });
	const dim = raw.dim ?? 'product_line';
	if (!isSegmentDimension(dim)) throw new ParamError('dim', 'param_choice', { name: 'dim', expected: SEGMENT_DIMENSION_IDS });
	const by = raw.by ?? 'client';
	if (by !== 'client' && by !== 'product') throw new ParamError('by', 'param_choice', { name: 'by', expected: ['client', 'product'] });
	const compare = raw.compare ?? 'previous';
	if (compare !== 'previous' && compare !== 'year') throw new ParamError('compare', 'param_choice', { name: 'compare', expected: ['previous', 'year'] });

	let to = raw.to;
	if (!to) {
		const [range] = await runQuery<{ last_date: string | null; provisional_month: string | null }>(db, 'data_range', {}, { always: true });
		to = range?.last_date ? defaultPeriod(range.last_date, today, 12, range.provisional_month).to : addMonths(today.toISOString().slice(0, 7), -1);
	}
	const from = raw.from ?? addMonths(to, -11);
	if (from > to) throw new ParamError('from', 'param_order', { from, to });
	return { from, to, as_of: asOf ?? monthEnd(to), dim, by, filters, compare };
}
