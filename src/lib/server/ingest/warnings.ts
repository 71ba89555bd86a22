// Things worth telling about rows that did load: repeated keys, invoice lines whose client is
// unknown or empty (they count in revenue, docs/definitions.md "The data"), values kept as written. Each is a code
// and the values it names (codes.ts), said at the edge in the user's language (i18n/ingest-report.ts).
import type { Database } from '../db/database';
import type { Kind } from './kinds';
import type { Said } from './codes';
import type { ProblemCode } from './convert';
import { reasonOf, NOTE_EXAMPLES } from './rejects';
import type { Converted } from './sources';
import type { SkippedLines } from './surroundings';
import { sqlIdent } from './text';

/** What was skipped around the data (surroundings.ts), one warning per reason. */
export function skippedWarnings(skipped: SkippedLines[]): Said[] {
	return skipped.map((s) => ({ code: 'skipped_lines', params: { reason: s.reason, rows: s.rows, lines: s.lines } }));
}

/**
 * Unreadable optional values, emptied while their rows loaded (convert.ts `cartera_notes`): per
 * column, how many rows, what was expected, and the first values with their lines.
 */
export async function unreadableWarnings(db: Database, c: Converted): Promise<Said[]> {
	const rows = await db.all<{ col: string; code: string; rows: number; examples: { value: string; line: number | null }[] }>(
		`SELECT n.col, any_value(n.code) AS code, count(*)::INTEGER AS rows,
			list({'value': n.value, 'line': l.line} ORDER BY x.rid)[1:${NOTE_EXAMPLES}] AS examples
		 FROM (SELECT ${c.plan.recordIndex}::INTEGER AS rid, unnest(cartera_notes) AS n FROM ${sqlIdent(c.conv)} WHERE problems IS NULL AND cartera_notes IS NOT NULL) x
		 LEFT JOIN ${sqlIdent(`${c.conv}_lines`)} l USING (rid) GROUP BY n.col ORDER BY min(x.rid)`
	);
	const headers = [...c.source.headers, ...(c.documents?.source.headers ?? [])];
	return rows.flatMap((r): Said[] => {
		const column = c.spec.columns.find((k) => k.name === r.col);
		if (!column) return [];
		const index = c.mapping[r.col];
		const reason = reasonOf(r.code as ProblemCode, column, c.plan);
		return [{
			code: 'unreadable_optional',
			params: { column: index === undefined ? r.col : headers[index]!, field: r.col, reason, rows: r.rows, examples: r.examples.map((e) => ({ value: e.value, line: e.line === null ? null : Number(e.line) })) }
		}];
	});
}

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
		// Products: only against a catalogue. With no product loaded at all every code would be
		// "unknown" and the warning would tell nothing the analyst does not know.
		const products = (await db.one<{ lines: string; products: string; examples: string[] | null }>(`
			SELECT count(*) AS lines, count(DISTINCT v.product_id) AS products,
				(list(DISTINCT v.product_id ORDER BY v.product_id))[1:5] AS examples
			FROM ${valid} v WHERE v.product_id IS NOT NULL AND EXISTS (SELECT 1 FROM products)
				AND NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = v.product_id)`))!;
		if (Number(products.lines) > 0)
			warnings.push({
				code: 'unknown_products',
				params: { lines: Number(products.lines), products: Number(products.products), examples: products.examples ?? [] }
			});
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
	// One pass over the statuses for the line counts. The documents are counted, and the unknown
	// values listed, only when there are some: the invoice numbers of 10M posted lines took 0.4 s to read.
	const { unknown, draft_lines, cancelled_lines } = (await db.one<{ unknown: number; draft_lines: number; cancelled_lines: number }>(`
		SELECT count(*) FILTER (WHERE doc_status NOT IN ('posted', 'draft', 'cancelled'))::INTEGER AS unknown,
			count(*) FILTER (WHERE doc_status = 'draft')::INTEGER AS draft_lines,
			count(*) FILTER (WHERE doc_status = 'cancelled')::INTEGER AS cancelled_lines
		FROM ${valid}`))!;
	if (unknown > 0) {
		const values = await db.all<{ value: string; n: number }>(
			`SELECT doc_status AS value, count(*)::INTEGER AS n FROM ${valid} WHERE doc_status NOT IN ('posted', 'draft', 'cancelled')
			 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`
		);
		warnings.push({ code: 'unknown_doc_status', params: { lines: unknown, values } });
	}
	if (draft_lines + cancelled_lines > 0) {
		const { draft_documents, cancelled_documents } = (await db.one<{ draft_documents: number; cancelled_documents: number }>(`
			SELECT count(DISTINCT invoice_id) FILTER (WHERE doc_status = 'draft')::INTEGER AS draft_documents,
				count(DISTINCT invoice_id) FILTER (WHERE doc_status = 'cancelled')::INTEGER AS cancelled_documents
			FROM ${valid} WHERE doc_status IN ('draft', 'cancelled')`))!;
		warnings.push({ code: 'not_posted', params: { draft_lines, draft_documents, cancelled_lines, cancelled_documents } });
	}
	return warnings;
}
