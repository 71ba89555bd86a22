// Flat sales exports carry the client's and the product's attributes on every line (Superstore's
// Customer Name, Segment, Region, Category…): they fill the clients and products tables too, the
// last line of the file winning for each client or product. Attributes the file lacks keep their
// stored values; a client identified by its name (Kaggle CUSTOMERNAME) gets that name.
import type { Database } from '../db/database';
import { KIND_SPECS, storedColumns, type KindSpec } from './kinds';
import type { ColumnMapping } from './mapping';
import { mergeInto, type MergeCounts } from './merge';
import { normalizeKey, sqlIdent } from './text';

export type FedCounts = Partial<Record<'clients' | 'products', Omit<MergeCounts, 'duplicates'>>>;

const KEY = { clients: 'client_id', products: 'product_id' } as const;

export async function mergeFeeds(
	db: Database,
	conv: string,
	spec: KindSpec,
	mapping: ColumnMapping,
	headers: string[],
	batchId: number,
	recordIndex: 'rowid' | 'rid'
): Promise<FedCounts> {
	const result: FedCounts = {};
	for (const kind of ['clients', 'products'] as const) {
		const fed = new Map<string, string>(); // target column → SQL over the typed table
		for (const c of spec.columns) if (c.feeds?.kind === kind && c.name in mapping) fed.set(c.feeds.column, `feed_${c.name}`);
		const key = KEY[kind];
		if (kind === 'clients' && !fed.has('name') && key in mapping) {
			const idHeader = normalizeKey(headers[mapping[key]!] ?? '');
			const nameSynonyms = spec.columns.find((c) => c.name === 'client_name')?.synonyms.map(normalizeKey) ?? [];
			if (nameSynonyms.includes(idHeader)) fed.set('name', key);
		}
		if (fed.size === 0 || !(key in mapping)) continue;

		const target = KIND_SPECS[kind];
		const table = sqlIdent(`${conv}_feed_${kind}`);
		const columns = storedColumns(target).map((c) => (c.name === key ? key : `${fed.get(c.name) ?? 'NULL'} AS ${c.name}`));
		await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS
			SELECT ${recordIndex} AS rid, ${columns.join(', ')}, NULL::STRUCT(col VARCHAR, code VARCHAR, value VARCHAR)[] AS problems
			FROM ${sqlIdent(conv)} WHERE problems IS NULL AND ${key} IS NOT NULL
			QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY ${recordIndex} DESC) = 1`);
		const { duplicates: _, ...counts } = await mergeInto(db, `${conv}_feed_${kind}`, target, new Set([key, ...fed.keys()]), batchId, 'rid');
		result[kind] = counts;
		await db.run(`DROP TABLE ${table}`);
	}
	return result;
}
