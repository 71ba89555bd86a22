// Kind-specific rules applied after typing: values a row implies but the export may not
// write (line numbers, amounts from quantity × price, outcomes from the stage, credit-note signs).
import type { Kind } from './kinds';
import type { ColumnMapping } from './mapping';

export interface Derivation {
	/** Final SQL expression per column, over the typed layer (v_* typed values, r_* raw text). */
	columns: Record<string, string>;
	/** Extra checks: a SQL condition over the typed layer and the problem struct it reports. */
	problems: { condition: string; struct: string }[];
	/** A column orders rows by `rid`, the record's index in the file. */
	usesRecordIndex?: boolean;
}

export function derivation(kind: Kind, mapping: ColumnMapping): Derivation {
	const has = (c: string) => c in mapping;
	switch (kind) {
		case 'invoices': {
			const creditNote = `v_doc_type = 'credit_note'`;
			const amount = has('amount')
				? 'v_amount'
				: `round(v_quantity * v_unit_price * (1 - coalesce(v_discount, 0)), 4)::DECIMAL(18,4)`;
			return {
				columns: {
					// Exports without line numbers: the line's position within its invoice, in file order.
					line_no: has('line_no') ? 'v_line_no' : `row_number() OVER (PARTITION BY v_invoice_id ORDER BY rid)::INTEGER`,
					// Credit notes are stored negative whichever sign the export used.
					amount: `CASE WHEN ${creditNote} AND ${amount} > 0 THEN -${amount} ELSE ${amount} END`,
					quantity: `CASE WHEN ${creditNote} AND v_quantity > 0 THEN -v_quantity ELSE v_quantity END`,
					// Unknown document types are kept as written (and reported), with the amount's own sign.
					doc_type: 'coalesce(v_doc_type, r_doc_type)'
				},
				usesRecordIndex: !has('line_no'),
				problems: [
					{
						condition: has('amount') ? 'r_amount IS NULL' : 'v_quantity IS NULL OR v_unit_price IS NULL',
						struct: `{'col': 'amount', 'code': 'missing', 'value': NULL::VARCHAR}`
					}
				]
			};
		}
		case 'opportunities':
			return {
				columns: {
					// An outcome written but unknown stays NULL (kept and reported); none written: the stage's, else open.
					outcome: `CASE WHEN r_outcome IS NOT NULL THEN v_outcome ELSE coalesce(${has('stage') ? 'stage_outcome, ' : ''}'open') END`,
					outcome_source: 'r_outcome',
					kind: `coalesce(v_kind, r_kind, 'opportunity')`
				},
				problems: []
			};
		case 'quotes':
			return { columns: { status_source: 'r_status' }, problems: [] };
		case 'forecasts': {
			// A segment column (Category, Región…) names the dimension when the export has no dimension column.
			const segment = ['product_line', 'region', 'client_type', 'account_manager'].find((d) => has(`segment_${d}`));
			const dimension = segment ? `coalesce(v_dimension, '${segment}')` : `coalesce(v_dimension, 'total')`;
			const value = segment ? `coalesce(v_value, v_segment_${segment})` : 'v_value';
			return { columns: { dimension, value: `CASE WHEN ${dimension} = 'total' THEN NULL ELSE ${value} END` }, problems: [] };
		}
		default:
			return { columns: {}, problems: [] };
	}
}
