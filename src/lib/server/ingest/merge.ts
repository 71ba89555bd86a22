// Valid rows → canonical table, by key: new keys are inserted, changed rows replaced, identical
// rows left alone (they keep the batch that first loaded them), so re-ingesting a file changes
// nothing. Columns the export does not have keep their stored values on update.
// Only rows whose key is already stored go through a join; new rows are inserted straight from
// the typed table, so a first load of a million lines costs little more than the insert itself.
// The version a real change replaces goes to `<table>_replaced` (with the batch that wrote it and
// the batch replacing it), so the batch can be undone exactly (batches.ts, migration 004).
import type { Database } from '../db/database';
import { insertOrdered } from '../db/ordered-insert';
import { storedColumns, type KindSpec } from './kinds';
import { sqlIdent } from './text';

export interface MergeCounts {
	loaded: number;
	inserted: number;
	updated: number;
	unchanged: number;
	/** Valid rows dropped because a later row of the file has the same key. */
	duplicates: number;
}

/** `present`: columns the file gives a value for (mapped or derived); the others keep stored values. */
export async function mergeInto(
	db: Database,
	conv: string,
	spec: KindSpec,
	present: Set<string>,
	batchId: number,
	recordIndex: 'rowid' | 'rid'
): Promise<MergeCounts> {
	const table = sqlIdent(spec.table);
	const cols = storedColumns(spec).map((c) => c.name);
	const keys = spec.key;
	const keyList = keys.join(', ');
	const incoming = sqlIdent(`${conv}_incoming`);
	const matched = sqlIdent(`${conv}_matched`);
	const sameKey = (a: string, b: string) => keys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');

	// Repeated keys within the file: the last row wins (the view is free when there are none).
	const valid = `SELECT *${recordIndex === 'rowid' ? ', rowid AS rid' : ''} FROM ${sqlIdent(conv)} WHERE problems IS NULL`;
	const repeated = (group: string) =>
		db.one<{ n: number }>(`SELECT coalesce(sum(n - 1), 0)::INTEGER AS n FROM (SELECT count(*) AS n FROM (${valid}) GROUP BY ${group} HAVING count(*) > 1)`);
	// First grouped by the keys' hash, one number instead of the key's texts (10M lines: 1.1 s, not
	// 1.4–1.9 s): equal keys have equal hashes, so none repeated there means none repeated at all.
	// Equal hashes are counted again by the keys themselves: they may be two keys that collide.
	const hashed = (await repeated(`hash(${keyList})`))?.n ?? 0;
	const duplicates = hashed > 0 ? ((await repeated(keyList))?.n ?? 0) : 0;
	await db.run(
		`CREATE OR REPLACE TEMP VIEW ${incoming} AS ${valid}` +
			(duplicates > 0 ? ` QUALIFY row_number() OVER (PARTITION BY ${keyList} ORDER BY rid DESC) = 1` : '')
	);

	// Rows whose key is stored: their merged values, and whether anything changed. When the first key
	// is an identifier that every incoming row has, the stored rows are first bounded by the incoming
	// identifiers' range, bound as constants: the scan then skips the blocks outside it (a month's
	// new invoice numbers in a database of ten years: 0.9 s → 0.1 s on 10M lines).
	const value = (c: string) => (present.has(c) || keys.includes(c) ? `i.${c}` : `t.${c}`);
	const first = spec.columns.find((c) => c.name === keys[0]);
	const range =
		first?.type === 'id'
			? await db.one<{ lo: string | null; hi: string | null; missing: number }>(
					`SELECT min(${first.name}) AS lo, max(${first.name}) AS hi, count(*) FILTER (WHERE ${first.name} IS NULL)::INTEGER AS missing FROM ${incoming}`
				)
			: undefined;
	const bounded = range && range.lo !== null && range.missing === 0;
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${matched} AS
		SELECT ${cols.map((c) => `${value(c)} AS ${c}`).join(', ')},
			row(${cols.map(value).join(', ')}) IS DISTINCT FROM row(${cols.map((c) => `t.${c}`).join(', ')}) AS is_changed
		FROM ${incoming} i JOIN ${bounded ? `(SELECT * FROM ${table} WHERE ${keys[0]} BETWEEN $1 AND $2)` : table} t ON ${sameKey('t', 'i')}`,
		bounded ? [range.lo, range.hi] : undefined
	);
	const counts = (await db.one<{ loaded: number; matched: number; updated: number }>(`
		SELECT (SELECT count(*) FROM ${incoming})::INTEGER AS loaded, count(*)::INTEGER AS matched,
			count(*) FILTER (WHERE is_changed)::INTEGER AS updated FROM ${matched}`))!;

	const colList = cols.join(', ');
	if (counts.updated > 0) {
		await db.run(
			`INSERT INTO ${sqlIdent(`${spec.table}_replaced`)} (${colList}, batch_id, replaced_by)
			 SELECT ${cols.map((c) => `t.${c}`).join(', ')}, t.batch_id, $1 FROM ${table} t JOIN ${matched} m ON m.is_changed AND ${sameKey('t', 'm')}`,
			[batchId]
		);
		await db.run(`DELETE FROM ${table} USING ${matched} m WHERE m.is_changed AND ${sameKey(table, 'm')}`);
		await db.run(`INSERT INTO ${table} (${colList}, batch_id) SELECT ${colList}, $1 FROM ${matched} WHERE is_changed`, [batchId]);
	}
	const onlyNew = counts.matched > 0 ? ` WHERE NOT EXISTS (SELECT 1 FROM ${matched} m WHERE ${sameKey('m', 'i')})` : '';
	const newRows = `(${colList}, batch_id) SELECT ${colList}, $1 FROM ${incoming} i${onlyNew}`;
	// In the stored order, when the kind has one and the file is not in it already: sorting 10M
	// lines by date adds 2–7 s to a load of about 33 s (it spills to disk under the memory limit);
	// the check takes a few tenths of a second.
	if (spec.storedOrder && !(await inStoredOrder(db, incoming, spec.storedOrder))) {
		await insertOrdered(db, table, `${newRows} ORDER BY ${sqlIdent(spec.storedOrder)}`, [batchId]);
	} else await db.run(`INSERT INTO ${table} ${newRows}`, [batchId]);
	await db.run(`DROP TABLE ${matched}`);
	await db.run(`DROP VIEW ${incoming}`);

	const inserted = counts.loaded - counts.matched;
	return { loaded: counts.loaded, inserted, updated: counts.updated, unchanged: counts.matched - counts.updated, duplicates };
}

/** Rows DuckDB keeps together, with the least and greatest value of each column (a row group). */
const ROW_GROUP = 122_880;

/**
 * Whether the rows of `relation` (with their record index `rid`) already come about in the order
 * of `column`, so that storing them in file order gives each row group a narrow range of it: the
 * median row group of the file spans at most a quarter of the whole range (the median, so that the
 * few groups where one series of numbers ends and the next starts do not count). An export in
 * date order (each group a month or two of ten years), or numbered in several series each in date
 * order, passes; random dates, or an export sorted by client, do not. Nor does a batch of under
 * four row groups spread over its range: each of its groups spans more than a quarter of it, and
 * sorting under half a million rows takes a fraction of a second.
 */
export async function inStoredOrder(db: Database, relation: string, column: string): Promise<boolean> {
	const c = sqlIdent(column);
	const row = await db.one<{ spread: number | null; span: number | null }>(
		`SELECT median(hi - lo)::DOUBLE AS spread, (max(hi) - min(lo))::DOUBLE AS span
		FROM (SELECT min(${c}) AS lo, max(${c}) AS hi FROM ${relation} GROUP BY rid // ${ROW_GROUP})`
	);
	// No rows: spread and span are NULL, and the (empty) insert goes the sorted way.
	return row?.spread != null && row.span != null && row.spread * 4 <= row.span;
}
