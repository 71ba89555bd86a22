// The statuses within a product-line filter, kept on a connection for all the figures of a page
// (issue 19). Under a product line and a status (or segmentation by status within a line), every
// figure classifies the clients by the status rule on that line's documents (cartera_month_classes,
// queries/sales.sql), whose window reads the line's lines dated in it: at 10M lines in no date order
// that read scans every line, about 100 ms, once in each of Resumen's nine figures. Here they are
// worked out once per connection, data version and rule (product line, as_of, window, thresholds)
// into a temporary table, and the figures read it (line_statuses = true). A temporary table is its
// connection's own; queries.ts keeps it as the `prepare` of the query, on the very connection that
// then runs it, and a connection runs each query right after its own prepare (Database.preparedAll):
// no other query's prepare can change the table in between. Inside a transaction (the connection
// may see rows it has not committed) they are worked out afresh for each query.
import type { Database, Params as BoundParams } from '../db/database';
import { expandFragments } from '../query-fragments';
import { usedParams } from '../used-params';

const TABLE = 'cartera_line_statuses';
/** A page keeps two rules (its period and the comparison's); past this many the table starts afresh. */
const MAX_RULES = 8;

/** On every connection before the queries' macros (queries.ts), so that sales.sql can name it. */
export const CREATE_LINE_STATUSES = `CREATE TEMP TABLE IF NOT EXISTS ${TABLE} (rule_key VARCHAR NOT NULL, client_id VARCHAR, status VARCHAR)`;

const FILL = expandFragments(
	`INSERT INTO ${TABLE}
	SELECT cartera_line_status_key($f_product_line, $as_of, $window_days, $min_invoices, $min_amount), client_id, status
	FROM cartera_month_classes({{filters}}, true, false, true)
	WHERE client_id IS NOT NULL`,
	'line-statuses'
);

interface Kept {
	version: number;
	rules: Set<string>;
}
const kept = new WeakMap<Database, Kept>();

type Params = Record<string, unknown>;

/**
 * Whether a figure's query with these parameters would classify clients within a product line
 * (a status filter, or a status dimension, under a product line) from the month rollups: with
 * use_rollups off, every figure reads the lines as they are, to prove the rollups right.
 */
export function wantsLineStatuses(params: Params): boolean {
	return params.use_rollups === true && params.f_product_line != null && (params.f_status != null || params.dim === 'status' || params.dim2 === 'status');
}

/** Makes `db`'s temporary table hold the statuses for the rule in `params` (a figure's bound parameters) at the data as it is now. */
export async function keepLineStatuses(db: Database, params: Params): Promise<void> {
	const rule = JSON.stringify([params.f_product_line, params.as_of, params.window_days, params.min_invoices, params.min_amount]);
	const version = db.dataVersion;
	const known = kept.get(db);
	if (!db.inTransaction && known?.version === version && known.rules.has(rule)) return;
	const fresh = db.inTransaction || !known || known.version !== version || known.rules.size >= MAX_RULES;
	// Remembered only outside a transaction: a rolled-back one takes its rows here back too.
	kept.delete(db);
	// A rule not remembered has no rows here: each fill is one statement, whole or not at all.
	if (fresh) await db.runBookkeeping(`DELETE FROM ${TABLE}`);
	await db.runBookkeeping(FILL, usedParams(FILL, { ...params, line_statuses: false } as BoundParams));
	if (db.inTransaction) return;
	const rules = fresh ? new Set<string>() : known!.rules;
	rules.add(rule);
	kept.set(db, { version, rules });
}
