// The month rollups (migrations 019, 020 and 022) are stored copies of their _source views: per month
// and client (client_month_sales), per month, client and product line (client_line_month_sales),
// the posted lines' sums; and the days the lines are dated on (invoice_dates), kept per month. Whatever writes invoice_lines brings them up to date in the same
// transaction, for the (month, client) pairs it touched: those of the lines a batch wrote and of the
// versions it replaced, noted before an undo moves them (as invoice-totals.ts does for invoices).
// A pair whose lines are all gone leaves no row. The product-line rollup also depends on the
// products table (a product's line): a write there recomputes it whole (refreshProductLineMonths).
// Each client's first line and first positive line per product line (client_line_firsts, 025) are
// kept from the product-line rollup once that is up to date: for the clients touched, or whole with it.
// So are the rows per month and client: the sums of a pair's product lines (every column of
// client_month_sales_source is a sum, a least or a greatest over its lines). Grouping the product-line
// rollup instead of the lines takes 0.1 s, not 2.4 s, on a first load of 10M lines.
import type { Database } from './database';
import { insertOrdered } from './ordered-insert';

const TOUCHED = 'touched_client_months';
/**
 * Each stored rollup, the order of its key, and which of its rows a touched (month, client) pair
 * `t` recomputes: those of the pair; for the dates, every one of the month. A client of NULL (lines
 * without a client) is a pair of its own: matched with IS NOT DISTINCT FROM.
 */
const BY_PAIR = 't.month = s.month AND t.client_id IS NOT DISTINCT FROM s.client_id';
/**
 * client_month_sales_source's rows from client_line_month_sales' (as `s`): the same to the cent
 * (tests/db/rollups.test.ts compares the stored rows with the view).
 */
const CLIENT_MONTHS_FROM_LINES = `(SELECT month, client_id, sum(amount) AS amount, sum(lines)::BIGINT AS lines, min(first_day) AS first_day,
		min(first_positive) AS first_positive, max(last_positive) AS last_positive
	FROM client_line_month_sales GROUP BY month, client_id)`;
/** The product-line rollup comes before the one per client, which is read from it. */
const ROLLUPS = [
	{ table: 'client_line_month_sales', source: 'client_line_month_sales_source', order: 'month, client_id, product_line', match: BY_PAIR },
	{ table: 'client_month_sales', source: CLIENT_MONTHS_FROM_LINES, order: 'month, client_id', match: BY_PAIR },
	{ table: 'invoice_dates', source: 'invoice_dates_source', order: 'month, invoice_date', match: 't.month = s.month' }
] as const;

/** Notes the (month, client) pairs batch `batchId` wrote or replaced lines of (on this connection). */
export async function noteTouchedClientMonths(db: Database, batchId: number): Promise<void> {
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${TOUCHED} AS
		 SELECT DISTINCT date_trunc('month', invoice_date)::DATE AS month, client_id FROM invoice_lines WHERE batch_id = $1
		 UNION SELECT DISTINCT date_trunc('month', invoice_date)::DATE, client_id FROM invoice_lines_replaced WHERE replaced_by = $1`,
		[batchId]
	);
}

/**
 * Recomputes the stored rows of the pairs noted by noteTouchedClientMonths: all of them when the
 * pairs are a good part of those stored (a first load), as recomputing everything is then cheaper.
 */
export async function refreshTouchedClientMonths(db: Database): Promise<void> {
	const { many } = (await db.one<{ many: boolean }>(
		`SELECT (SELECT count(*) FROM ${TOUCHED}) * 4 >= (SELECT count(*) FROM client_month_sales) AS many`
	))!;
	// The touched months' range, bound as constants: DuckDB then filters the lines by it before
	// grouping them (a monthly upload touches one or two months); a subquery there would not be.
	const range = await db.one<{ first: string; last: string }>(`SELECT min(month)::VARCHAR AS first, max(month)::VARCHAR AS last FROM ${TOUCHED}`);
	for (const { table, source, order, match } of ROLLUPS) {
		if (many) {
			await refreshAll(db, table, source, order);
			continue;
		}
		await db.run(`DELETE FROM ${table} s WHERE EXISTS (SELECT 1 FROM ${TOUCHED} t WHERE ${match})`);
		if (!range?.first) continue;
		await db.run(
			`INSERT INTO ${table}
			 SELECT s.* FROM ${source} s SEMI JOIN ${TOUCHED} t ON ${match}
			 WHERE s.month BETWEEN $1::DATE AND $2::DATE`,
			[range.first, range.last]
		);
	}
	if (many) await refreshAllLineFirsts(db);
	else {
		// The touched clients' rows, the NULL client (lines without one) as a client of its own.
		const touched = `EXISTS (SELECT 1 FROM ${TOUCHED} t WHERE t.client_id IS NOT DISTINCT FROM s.client_id)`;
		await db.run(`DELETE FROM client_line_firsts s WHERE ${touched}`);
		await db.run(`INSERT INTO client_line_firsts SELECT ${LINE_FIRSTS} FROM client_line_month_sales s WHERE ${touched} GROUP BY ALL`);
	}
	await db.run(`DROP TABLE ${TOUCHED}`);
}

/** client_line_firsts' columns from client_line_month_sales' rows (as migration 025). */
const LINE_FIRSTS = 'client_id, product_line, min(first_day), min(first_positive)';

/** Every client's first line and first positive line per product line, from the product-line rollup. */
async function refreshAllLineFirsts(db: Database): Promise<void> {
	await db.run('DELETE FROM client_line_firsts');
	await insertOrdered(db, 'client_line_firsts', `SELECT ${LINE_FIRSTS} FROM client_line_month_sales GROUP BY ALL ORDER BY client_id, product_line`);
}

async function refreshAll(db: Database, table: string, source: string, order: string): Promise<void> {
	await db.run(`DELETE FROM ${table}`);
	await insertOrdered(db, table, `SELECT * FROM ${source} ORDER BY ${order}`);
}

/** Recomputes every stored row: a first load, or writers that bypass batches (tests building a subset). */
export async function refreshAllClientMonths(db: Database): Promise<void> {
	for (const { table, source, order } of ROLLUPS) await refreshAll(db, table, source, order);
	await refreshAllLineFirsts(db);
}

/** After batch `batchId` (or its undo, before the rows move): whether it wrote or replaced products. */
export async function touchedProducts(db: Database, batchId: number): Promise<boolean> {
	const row = await db.one<{ any: boolean }>(
		`SELECT EXISTS (SELECT 1 FROM products WHERE batch_id = $1) OR EXISTS (SELECT 1 FROM products_replaced WHERE replaced_by = $1) AS any`,
		[batchId]
	);
	return row?.any ?? false;
}

/** A product's line may have changed: the product-line rollup is recomputed whole. */
export async function refreshProductLineMonths(db: Database): Promise<void> {
	const { table, source, order } = ROLLUPS.find((r) => r.table === 'client_line_month_sales')!;
	await refreshAll(db, table, source, order);
	await refreshAllLineFirsts(db);
}
