// Valid rows → canonical table, by key: new keys are inserted, changed rows replaced, identical
// rows left alone (they keep the batch that first loaded them), so re-ingesting a file changes nothing.
// Columns the export does not have keep their stored values on update.
import type { Database } from '../db/database';
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
export async function mergeInto(db: Database, conv: string, spec: KindSpec, present: Set<string>, batchId: number): Promise<MergeCounts> {
	const table = sqlIdent(spec.table);
	const cols = storedColumns(spec).map((c) => c.name);
	const keys = spec.key;
	const merged = `${conv}_merged`;
	const on = keys.map((k) => `t.${k} IS NOT DISTINCT FROM i.${k}`).join(' AND ');
	const value = (c: string) => (present.has(c) || keys.includes(c) ? `i.${c}` : `t.${c}`);

	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(merged)} AS
		WITH incoming AS (
			SELECT * FROM ${sqlIdent(conv)} WHERE len(problems) = 0
			QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY rid DESC) = 1
		)
		SELECT ${cols.map((c) => `${value(c)} AS ${c}`).join(', ')},
			t.batch_id IS NULL AS is_new,
			t.batch_id IS NOT NULL AND row(${cols.map(value).join(', ')}) IS DISTINCT FROM row(${cols.map((c) => `t.${c}`).join(', ')}) AS is_changed
		FROM incoming i LEFT JOIN ${table} t ON ${on}`);

	const counts = (await db.one<Record<string, string>>(`
		SELECT (SELECT count(*) FROM ${sqlIdent(conv)} WHERE len(problems) = 0) AS valid,
			count(*) AS loaded, count(*) FILTER (WHERE is_new) AS inserted, count(*) FILTER (WHERE is_changed) AS updated
		FROM ${sqlIdent(merged)}`))!;

	const keyMatch = keys.map((k) => `${table}.${k} IS NOT DISTINCT FROM m.${k}`).join(' AND ');
	await db.run(`DELETE FROM ${table} USING ${sqlIdent(merged)} m WHERE m.is_changed AND ${keyMatch}`);
	await db.run(
		`INSERT INTO ${table} (${cols.join(', ')}, batch_id) SELECT ${cols.join(', ')}, $1 FROM ${sqlIdent(merged)} WHERE is_new OR is_changed`,
		[batchId]
	);
	await db.run(`DROP TABLE ${sqlIdent(merged)}`);

	const loaded = Number(counts.loaded);
	const inserted = Number(counts.inserted);
	const updated = Number(counts.updated);
	return { loaded, inserted, updated, unchanged: loaded - inserted - updated, duplicates: Number(counts.valid) - loaded };
}
