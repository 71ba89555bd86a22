// The one list of the dimensions a figure can be filtered and segmented by (docs/definitions.md
// "Filters" and "Segmentation"). The metrics parameters, the dashboard's URL state, the filter bar
// and the SQL fragments that filter the lines (server/query-fragments.ts) are all derived from it,
// so adding a dimension is an entry here plus its column in SQL (a migration adding it to its
// table; a computed one, its computation in queries/lines.sql). Its label lives in the i18n files
// under `dims.<id>` (typed there by DimensionId). Plain data: the browser imports it too.

/** Where a dimension's value comes from: a column of invoice_lines, products or clients, or computed from the lines (lines.sql). */
export type DimensionSource = 'line' | 'product' | 'client' | 'computed';

export interface DimensionSpec {
	/** The name in MetricParams.filters, in `dim`, in SQL (`f_<id>`) and the i18n key `dims.<id>`. */
	readonly id: string;
	/** The query-string name (metrics API and dashboard URL). */
	readonly param: string;
	/** The CLI's name, as in `--filter <cli>=value`. */
	readonly cli: string;
	readonly source: DimensionSource;
	/** The column of its source table (for `computed`, the column cartera_lines adds). */
	readonly column: string;
	/** Offered as a select in the filter bar (the others arrive by cross-filtering from a chart). */
	readonly bar: boolean;
	/** Can be the `dim` (or `dim2`) of the segmentation. */
	readonly segment: boolean;
	/** The values the filter bar offers when they are fixed (not read from the register). */
	readonly values?: readonly string[];
}

export const DIMENSION_REGISTRY = [
	{ id: 'product', param: 'product', cli: 'product', source: 'line', column: 'product_id', bar: false, segment: true },
	{ id: 'product_line', param: 'product_line', cli: 'product_line', source: 'product', column: 'product_line', bar: true, segment: true },
	{ id: 'business_unit', param: 'business_unit', cli: 'business_unit', source: 'product', column: 'business_unit', bar: false, segment: true },
	{ id: 'client_type', param: 'client_type', cli: 'client_type', source: 'client', column: 'client_type', bar: true, segment: true },
	{ id: 'size', param: 'size', cli: 'size', source: 'client', column: 'size', bar: false, segment: true },
	{ id: 'sector', param: 'sector', cli: 'sector', source: 'client', column: 'sector', bar: false, segment: true },
	{ id: 'legal_form', param: 'legal_form', cli: 'legal_form', source: 'client', column: 'legal_form', bar: false, segment: true },
	{ id: 'region', param: 'region', cli: 'region', source: 'client', column: 'region', bar: true, segment: true },
	{ id: 'crm_status', param: 'crm_status', cli: 'crm_status', source: 'client', column: 'crm_status', bar: false, segment: true },
	{ id: 'account_manager', param: 'account_manager', cli: 'account_manager', source: 'client', column: 'account_manager', bar: true, segment: true },
	{ id: 'billing_tier', param: 'billing_tier', cli: 'billing_tier', source: 'computed', column: 'billing_tier', bar: false, segment: true },
	{ id: 'status', param: 'status', cli: 'status', source: 'computed', column: 'status', bar: true, segment: true, values: ['active', 'inactive', 'potential'] }
] as const satisfies readonly DimensionSpec[];

type Entry = (typeof DIMENSION_REGISTRY)[number];
export type DimensionId = Entry['id'];
/** The dimensions the filter bar offers as selects. */
export type BarDimensionId = Extract<Entry, { bar: true }>['id'];

/** Every dimension, in the registry's order (the order of chips, of `f_*` parameters and of the segmentation's choices). */
export const DIMENSION_IDS: readonly DimensionId[] = DIMENSION_REGISTRY.map((d) => d.id);
export const BAR_DIMENSION_IDS = DIMENSION_REGISTRY.filter((d) => d.bar).map((d) => d.id) as readonly BarDimensionId[];
export const SEGMENT_DIMENSION_IDS: readonly DimensionId[] = DIMENSION_REGISTRY.filter((d) => d.segment).map((d) => d.id);

const byId = new Map<string, DimensionSpec>(DIMENSION_REGISTRY.map((d) => [d.id, d]));
const byParam = new Map<string, DimensionSpec>(DIMENSION_REGISTRY.map((d) => [d.param, d]));
const byCli = new Map<string, DimensionSpec>(DIMENSION_REGISTRY.map((d) => [d.cli, d]));

export function isDimensionId(value: string): value is DimensionId {
	return byId.has(value);
}

export function dimension(id: DimensionId): DimensionSpec {
	return byId.get(id)!;
}

/** The dimension a query-string name stands for, or undefined. */
export function dimensionOfParam(param: string): DimensionId | undefined {
	return byParam.get(param)?.id as DimensionId | undefined;
}

/** The dimension a CLI `--filter` name stands for, or undefined. */
export function dimensionOfCli(name: string): DimensionId | undefined {
	return byCli.get(name)?.id as DimensionId | undefined;
}

export function isSegmentDimension(value: string): value is DimensionId {
	return byId.get(value)?.segment === true;
}
