// The SQL that names every dimension, written once from the registry (lib/dimensions.ts) and put
// into queries/*.sql where they say {{name}} (queries.ts expands them when it reads a file). Every
// fragment is fixed text made of the registry's own names: no value ever enters it, values stay
// bound parameters ($f_<id>). The expanded text is what the files held written out, so the plans
// are the same.
import { DIMENSION_REGISTRY, type DimensionSource, type DimensionSpec } from '../dimensions';

/**
 * The period and settings every filtered-lines macro takes before the filters (bound by metrics/bind.ts),
 * whether the stored status windows serve window_days (sales.sql reads them for a status), and
 * whether this connection holds the statuses within the product-line filter (line_statuses,
 * metrics/line-statuses.ts: queries.ts sets it when it has kept them).
 */
export const SCOPE_PARAMS = ['from_date', 'to_date', 'as_of', 'window_days', 'min_invoices', 'min_amount', 'abc_a', 'abc_b', 'stored_windows', 'line_statuses'] as const;

const dims: readonly DimensionSpec[] = DIMENSION_REGISTRY;
const of = (...sources: DimensionSource[]) => dims.filter((d) => sources.includes(d.source));
/** The alias each source's table has in cartera_lines (queries/lines.sql). */
const ALIAS: Record<Exclude<DimensionSource, 'computed'>, string> = { line: 'l', product: 'p', client: 'c' };
const TABLE: Record<Exclude<DimensionSource, 'computed'>, string> = { line: 'products', product: 'products', client: 'clients' };
const AND = '\n\t\tAND ';

/** The arguments of cartera_lines / cartera_records after their own first ones; computed filters NULL when `unclassified`. */
function args(prefix: '$' | '', unclassified: boolean): string {
	const scope = SCOPE_PARAMS.map((p) => prefix + p);
	const filters = dims.map((d) => (unclassified && d.source === 'computed' ? 'NULL' : `${prefix}f_${d.id}`));
	return [...scope, ...filters].join(', ');
}

/** A record (quote, opportunity) has a client and a product line: a product attribute is its line's. */
function recordCondition(d: DimensionSpec): string {
	const f = `f_${d.id}`;
	if (d.source === 'line') return `${f}::VARCHAR IS NULL`; // no record names a product: none is kept
	if (d.source === 'client') return `(${f}::VARCHAR IS NULL OR c.${d.column} = ${f})`;
	if (d.column === 'product_line') return `(${f}::VARCHAR IS NULL OR r.product_line = ${f})`;
	return `(${f}::VARCHAR IS NULL\n\t\tOR r.product_line IN (SELECT product_line FROM products WHERE ${d.column} = ${f}))`;
}

function barValues(): string {
	const selects = dims
		.filter((d) => d.bar && d.source !== 'computed')
		.map((d) => {
			const table = TABLE[d.source as Exclude<DimensionSource, 'computed'>];
			return `SELECT '${d.id}' AS dim, ${d.column} AS value FROM ${table} WHERE ${d.column} IS NOT NULL`;
		});
	return selects.join('\nUNION\n');
}

export const FRAGMENTS: Record<string, string> = {
	// Call sites: the bound period, settings and filters.
	filters: args('$', false),
	filters_unclassified: args('$', true),
	// Inside macros: the same as macro parameters.
	filter_params: args('', false),
	filter_params_unclassified: args('', true),
	// No filter at all (client_status.sql: the whole population).
	no_filters: dims.map(() => 'NULL').join(', '),
	// lines.sql: each column filter on the joined line (computed ones follow their computation there).
	line_filter_conditions: of('line', 'product', 'client')
		.map((d) => `(f_${d.id} IS NULL OR ${ALIAS[d.source as Exclude<DimensionSource, 'computed'>]}.${d.column} = f_${d.id})`)
		.join(AND),
	// The same conditions split by the side they read, for a query that groups the lines first and
	// joins the clients after (client_product_lines.sql, retention's purchases per client): the line's and product's (aliases l, p)
	// and the client's (alias c). Together they are line_filter_conditions.
	product_line_filter_conditions: of('line', 'product')
		.map((d) => `(f_${d.id} IS NULL OR ${ALIAS[d.source as Exclude<DimensionSource, 'computed'>]}.${d.column} = f_${d.id})`)
		.join(AND),
	client_line_filter_conditions: of('client')
		.map((d) => `(f_${d.id} IS NULL OR c.${d.column} = f_${d.id})`)
		.join(AND),
	// No filter at all, inside macros (records.sql: the records as they are).
	filters_absent: dims.map((d) => `f_${d.id}::VARCHAR IS NULL`).join(' AND '),
	// The computed filters (billing tier, status) all absent, inside macros.
	computed_absent: of('computed').map((d) => `f_${d.id} IS NULL`).join(' AND '),
	// lines.sql: the client's and product's attributes each line carries (clients first, as before).
	attribute_columns: [...of('client'), ...of('product')].map((d) => `${ALIAS[d.source as 'client' | 'product']}.${d.column}`).join(', '),
	// sales.sql: the client's attributes a (month, client) row carries (client_month_sales has no product).
	client_attribute_columns: of('client').map((d) => `c.${d.column}`).join(', '),
	// sales.sql: the product's dimensions finer than its product line ($dim IN …; f_… absent), which
	// no month rollup holds (client_line_month_sales keeps the product line, migration 020).
	below_product_line_dims: `(${of('line', 'product').filter((d) => d.id !== 'product_line').map((d) => `'${d.id}'`).join(', ')})`,
	below_product_line_absent: of('line', 'product').filter((d) => d.id !== 'product_line').map((d) => `f_${d.id} IS NULL`).join(' AND '),
	// records.sql: the column filters on a quote or opportunity.
	record_filter_conditions: of('line', 'product', 'client').map(recordCondition).join(AND),
	// A client population (alias c) filtered by the bound client-attribute filters.
	client_filter_conditions: of('client')
		.map((d) => `($f_${d.id}::VARCHAR IS NULL OR c.${d.column} = $f_${d.id})`)
		.join(AND),
	// dimension_value.sql: the columns of cartera_lines holding each dimension's value, in order.
	dimension_columns: dims.map((d) => d.column).join(', '),
	dimension_value_cases: dims.map((d) => `WHEN '${d.id}' THEN ${d.column}`).join(' '),
	// invoice_totals_apply.sql: the filters that pick lines within an invoice (a product's attributes).
	product_side_params: of('line', 'product').map((d) => `f_${d.id}`).join(', '),
	product_side_filters: of('line', 'product').map((d) => `$f_${d.id}`).join(', '),
	product_side_absent: of('line', 'product').map((d) => `f_${d.id} IS NULL`).join(' AND '),
	// forecast.sql: each filter as a (dimension, bound value) row.
	filter_rows: dims.map((d) => `('${d.id}', $f_${d.id}::VARCHAR)`).join(', '),
	// Document statuses that count in no figure (docs/definitions.md "Document status"): every
	// query reading invoice_lines says `doc_status NOT IN {{uncounted_statuses}}`. (Migration 009's
	// invoice_totals_source view writes the same list: migrations are frozen text.)
	uncounted_statuses: `('draft', 'cancelled')`,
	// dimension_values.sql: the register's values of the filter bar's column dimensions.
	bar_values: barValues()
};

/**
 * The text with every {{name}} replaced by its fragment; an unknown name is a mistake in a .sql
 * file. Comments are left as written (a fragment of several lines there would turn SQL live).
 */
export function expandFragments(text: string, file: string): string {
	return text
		.split('\n')
		.map((line) => {
			const comment = line.indexOf('--');
			const code = comment < 0 ? line : line.slice(0, comment);
			const expanded = code.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) => {
				const fragment = FRAGMENTS[name];
				if (fragment === undefined) throw new Error(`queries/${file}.sql: unknown fragment {{${name}}}`);
				return fragment;
			});
			return comment < 0 ? expanded : expanded + line.slice(comment);
		})
		.join('\n');
}
