// Product names for labels (queries/product_names.sql): the figures keep product codes, the
// pages show names where the register has them. Framework-free.
import type { Database } from '../db/database';
import { runQuery } from '../queries';

/** Name by product code, for the given codes (nulls and unnamed products left out). */
export async function productNames(db: Database, ids: Iterable<string | null>): Promise<Record<string, string>> {
	const wanted = [...new Set([...ids].filter((id): id is string => id !== null))].sort();
	if (wanted.length === 0) return {};
	const rows = await runQuery<{ product_id: string; name: string }>(db, 'product_names', { ids: JSON.stringify(wanted) });
	return Object.fromEntries(rows.map((r) => [r.product_id, r.name]));
}
