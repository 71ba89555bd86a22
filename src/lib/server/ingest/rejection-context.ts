// What identifies a rejected row to the person who fixes it: the key columns of its kind, its
// client and its date (and a register's name), as written in the file — so "line 812, Importe:
// expected a number" comes with "Nº de factura F-2031, Cliente C-77, Fecha 05/01/2025". Kept with
// each rejected cell (upload_rejections.context, migration 010) and read back per row.
import type { Database } from '../db/database';
import { sourceColumn } from './convert';
import type { Kind } from './kinds';
import { csvRelation, relationOf, type Converted } from './sources';
import { sqlIdent, sqlString } from './text';

/** A rejected row: its line and its identifying values (canonical column → text as written, null when empty). */
export interface RejectedRow {
	line: number | null;
	values: Record<string, string | null>;
}

/** The fields that identify a row of each kind, in the order they are shown. */
export const IDENTIFYING_COLUMNS: Record<Kind, string[]> = {
	clients: ['client_id', 'name'],
	products: ['product_id', 'name'],
	invoices: ['invoice_id', 'line_no', 'client_id', 'invoice_date'],
	opportunities: ['opportunity_id', 'client_id', 'created_at'],
	quotes: ['quote_id', 'client_id', 'issued_at'],
	forecasts: ['month', 'dimension', 'value'],
	targets: ['month', 'dimension', 'value', 'segment_account_manager', 'segment_product_line', 'segment_region', 'segment_business_unit']
};

/**
 * `${conv}_context`: for each rejected record (the rids of `${conv}_lines`), its identifying
 * values as a JSON object; false when the file maps none of them (nothing to tell).
 */
export async function createRejectionContext(db: Database, c: Converted): Promise<boolean> {
	const columns = IDENTIFYING_COLUMNS[c.spec.kind].filter((name) => c.mapping[name] !== undefined);
	if (columns.length === 0) return false;
	const object = columns.map((name) => `${sqlString(name)}, cartera_text(${sourceColumn(c.mapping[name]!)})`).join(', ');
	// The records in file order, numbered as the typed table numbers them (a joined documents file has its rid already).
	const records = c.documents ? relationOf(c, false) : `(SELECT row_number() OVER () - 1 AS rid, * FROM ${csvRelation(c.source, false)})`;
	await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(`${c.conv}_context`)} AS
		SELECT rid, json_object(${object}) AS context FROM ${records} r
		WHERE rid IN (SELECT rid FROM ${sqlIdent(`${c.conv}_lines`)})`);
	return true;
}

/** The identifying values of the rows at `lines` of a batch, in line order. */
export async function readRejectedRows(db: Database, batchId: number, lines: (number | null)[]): Promise<RejectedRow[]> {
	const wanted = [...new Set(lines.filter((l): l is number => l !== null))];
	if (wanted.length === 0) return [];
	const rows = await db.all<{ line: number; context: string | null }>(
		`SELECT line, any_value(context)::VARCHAR AS context FROM upload_rejections
		 WHERE batch_id = $1 AND line IN (SELECT unnest($2::JSON::INTEGER[])) GROUP BY line ORDER BY line`,
		[batchId, JSON.stringify(wanted)]
	);
	return rows.map((r) => ({ line: r.line, values: parseContext(r.context) }));
}

/** A stored context: {} for rows stored without one. */
export function parseContext(context: string | null | undefined): Record<string, string | null> {
	if (!context) return {};
	const parsed = JSON.parse(context) as unknown;
	return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string | null>) : {};
}
