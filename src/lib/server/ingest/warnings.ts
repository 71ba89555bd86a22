// Things worth telling about rows that did load: repeated keys, invoice lines whose client is
// unknown or empty (they count in revenue, docs/definitions.md "The data"), values kept as written. Each is a code
// and the values it names (codes.ts), said at the edge in the user's language (i18n/ingest-report.ts).
import type { Database } from '../db/database';
import type { Kind } from './kinds';
import type { Said } from './codes';
import { sqlIdent } from './text';

/** `taxIncluded`: the header of the gross total the amounts were read from, when the export has no net amount nor tax. */
export async function fileWarnings(db: Database, kind: Kind, conv: string, duplicates: number, taxIncluded?: string): Promise<Said[]> {
	const warnings: Said[] = [];
	const valid = `(SELECT * FROM ${sqlIdent(conv)} WHERE problems IS NULL)`;
	if (duplicates > 0) warnings.push({ code: 'duplicate_keys', params: { rows: duplicates } });

	if (kind === 'invoices') {
		const unknown = (await db.one<{ lines: string; clients: string; examples: string[] | null; no_client: string }>(`
			SELECT count(*) FILTER (WHERE v.client_id IS NOT NULL AND c.client_id IS NULL) AS lines,
				count(DISTINCT v.client_id) FILTER (WHERE c.client_id IS NULL) AS clients,
				(list(DISTINCT v.client_id ORDER BY v.client_id) FILTER (WHERE v.client_id IS NOT NULL AND c.client_id IS NULL))[1:5] AS examples,
				count(*) FILTER (WHERE v.client_id IS NULL) AS no_client
			FROM ${valid} v LEFT JOIN clients c USING (client_id)`))!;
		if (Number(unknown.lines) > 0)
			warnings.push({
				code: 'unknown_clients',
				params: { lines: Number(unknown.lines), clients: Number(unknown.clients), examples: unknown.examples ?? [] }
			});
		if (Number(unknown.no_client) > 0) warnings.push({ code: 'no_client', params: { lines: Number(unknown.no_client) } });
		if (taxIncluded !== undefined) warnings.push({ code: 'amounts_include_tax', params: { column: taxIncluded } });
		warnings.push(...(await documentStatusWarnings(db, valid)));
	}

	// Statuses the vocabulary does not know: kept as written, in no figure until mapped.
	const unknownStatus: Partial<Record<Kind, [string, 'status' | 'outcome']>> = {
		quotes: ['status_source', 'status'],
		opportunities: ['outcome_source', 'outcome']
	};
	const status = unknownStatus[kind];
	if (status) {
		const [source, normalised] = status;
		const rows = await db.all<{ value: string; n: number }>(
			`SELECT ${source} AS value, count(*)::INTEGER AS n FROM ${valid} WHERE ${source} IS NOT NULL AND ${normalised} IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`
		);
		const total = rows.reduce((s, r) => s + r.n, 0);
		if (total > 0) warnings.push({ code: 'unknown_status', params: { kind, column: normalised, rows: total, values: rows } });
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
		if (rows.length) warnings.push({ code: 'unknown_values', params: { column, values: rows.map((r) => ({ value: r.value, n: Number(r.n) })) } });
	}
	return warnings;
}

/** Statuses kept as written (counted as posted), and the draft and cancelled documents left out of every figure. */
async function documentStatusWarnings(db: Database, valid: string): Promise<Said[]> {
	const warnings: Said[] = [];
	const unknown = await db.all<{ value: string; n: number }>(
		`SELECT doc_status AS value, count(*)::INTEGER AS n FROM ${valid} WHERE doc_status NOT IN ('posted', 'draft', 'cancelled')
		 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`
	);
	if (unknown.length) {
		const lines = (await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${valid} WHERE doc_status NOT IN ('posted', 'draft', 'cancelled')`))!.n;
		warnings.push({ code: 'unknown_doc_status', params: { lines, values: unknown } });
	}
	const left = (await db.one<{ draft_lines: number; draft_documents: number; cancelled_lines: number; cancelled_documents: number }>(`
		SELECT count(*) FILTER (WHERE doc_status = 'draft')::INTEGER AS draft_lines,
			count(DISTINCT invoice_id) FILTER (WHERE doc_status = 'draft')::INTEGER AS draft_documents,
			count(*) FILTER (WHERE doc_status = 'cancelled')::INTEGER AS cancelled_lines,
			count(DISTINCT invoice_id) FILTER (WHERE doc_status = 'cancelled')::INTEGER AS cancelled_documents
		FROM ${valid}`))!;
	if (left.draft_lines + left.cancelled_lines > 0) warnings.push({ code: 'not_posted', params: { ...left } });
	return warnings;
}
