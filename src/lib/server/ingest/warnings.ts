// Things worth telling about rows that did load: repeated keys, invoice lines whose client is
// unknown or empty (they count in revenue, DESIGN.md §2), values kept as written.
import type { Database } from '../db/database';
import type { Kind } from './kinds';
import { sqlIdent } from './text';

export async function fileWarnings(db: Database, kind: Kind, conv: string, duplicates: number): Promise<string[]> {
	const warnings: string[] = [];
	const valid = `(SELECT * FROM ${sqlIdent(conv)} WHERE problems IS NULL)`;
	if (duplicates > 0) warnings.push(`${duplicates} rows repeat the key of a later row of the file; the later row was kept.`);

	if (kind === 'invoices') {
		const unknown = (await db.one<{ lines: string; clients: string; examples: string[] | null; no_client: string }>(`
			SELECT count(*) FILTER (WHERE v.client_id IS NOT NULL AND c.client_id IS NULL) AS lines,
				count(DISTINCT v.client_id) FILTER (WHERE c.client_id IS NULL) AS clients,
				(list(DISTINCT v.client_id ORDER BY v.client_id) FILTER (WHERE v.client_id IS NOT NULL AND c.client_id IS NULL))[1:5] AS examples,
				count(*) FILTER (WHERE v.client_id IS NULL) AS no_client
			FROM ${valid} v LEFT JOIN clients c USING (client_id)`))!;
		if (Number(unknown.lines) > 0)
			warnings.push(
				`${unknown.lines} lines refer to ${unknown.clients} client codes that are not in the clients table ` +
					`(${(unknown.examples ?? []).join(', ')}${Number(unknown.clients) > 5 ? ', …' : ''}); they count in revenue as clients without attributes.`
			);
		if (Number(unknown.no_client) > 0) warnings.push(`${unknown.no_client} lines have no client; they count in revenue under "no client".`);
	}

	// Statuses the vocabulary does not know: kept as written, in no figure until mapped.
	const unknownStatus: Partial<Record<Kind, [string, string, string]>> = {
		quotes: ['status_source', 'status', 'quotes'],
		opportunities: ['outcome_source', 'outcome', 'opportunities']
	};
	const status = unknownStatus[kind];
	if (status) {
		const [source, normalised, noun] = status;
		const rows = await db.all<{ value: string; n: number }>(
			`SELECT ${source} AS value, count(*)::INTEGER AS n FROM ${valid} WHERE ${source} IS NOT NULL AND ${normalised} IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`
		);
		const total = rows.reduce((s, r) => s + r.n, 0);
		if (total > 0)
			warnings.push(
				`${total} ${noun} have a ${normalised} we do not know, kept as written: ${rows.map((r) => `"${r.value}" (${r.n})`).join(', ')}. ` +
					`They count in no ${normalised} figure until a mapping says what they mean (--map, "values").`
			);
	}

	const keptAsWritten: Partial<Record<Kind, [string, string]>> = {
		invoices: ['doc_type', `NOT IN ('invoice', 'credit_note')`],
		opportunities: ['kind', `NOT IN ('lead', 'opportunity', 'tender', 'quote_request')`]
	};
	const check = keptAsWritten[kind];
	if (check) {
		const [column, condition] = check;
		const rows = await db.all<{ value: string; n: string }>(
			`SELECT ${column} AS value, count(*) AS n FROM ${valid} WHERE ${column} ${condition} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`
		);
		if (rows.length)
			warnings.push(`Unknown ${column} values kept as written: ${rows.map((r) => `"${r.value}" (${r.n})`).join(', ')}.`);
	}
	return warnings;
}
