// Kind-specific rules applied after typing: values a row implies but the export may not
// write (line numbers, amounts net of tax, document statuses, outcomes from the stage, credit-note signs).
import type { Kind } from './kinds';
import type { ColumnMapping } from './mapping';

export interface Derivation {
	/** Final SQL expression per column, over the typed layer (v_* typed values, r_* raw text). */
	columns: Record<string, string>;
	/** Extra checks: a SQL condition over the typed layer and the problem struct it reports. */
	problems: { condition: string; struct: string }[];
	/** A column orders rows by `rid`, the record's index in the file, or a window reorders them (rid keeps the file's order). */
	usesRecordIndex?: boolean;
}

/** The outcome read from the stage, turned lost when an active flag says the CRM archived an open opportunity. */
function archivedLost(activeFlag: boolean, outcome: string): string {
	return activeFlag ? `CASE WHEN v_active_flag = 'no' AND ${outcome} = 'open' THEN 'lost' ELSE ${outcome} END` : outcome;
}

export function derivation(kind: Kind, mapping: ColumnMapping): Derivation {
	const has = (c: string) => c in mapping;
	switch (kind) {
		case 'invoices': {
			const source = amountSource(mapping);
			const amount = AMOUNT_SQL[source];
			// A credit note by its type; with no type column, by its number (RINV/…, NC-…, ABN-…, R-…).
			const creditNote = has('doc_type') ? `v_doc_type = 'credit_note'` : `regexp_matches(v_invoice_id, '${CREDIT_NOTE_NUMBER}')`;
			const negative = (x: string) => `CASE WHEN ${creditNote} AND ${x} > 0 THEN -${x} ELSE ${x} END`;
			const tax = has('tax') ? 'v_tax' : source === 'net' && has('gross_amount') ? '(v_gross_amount - v_amount)' : null;
			return {
				columns: {
					// Exports without line numbers: the line's position within its invoice, in file order.
					line_no: has('line_no') ? 'v_line_no' : `row_number() OVER (PARTITION BY v_invoice_id ORDER BY rid)::INTEGER`,
					// Credit notes are stored negative whichever sign the export used.
					amount: negative(amount),
					quantity: negative('v_quantity'),
					...(tax ? { tax: negative(tax) } : {}),
					// Unknown document types are kept as written (and reported), with the amount's own sign.
					// Without a type column, a document whose lines sum below zero is a credit note too.
					doc_type: has('doc_type')
						? 'coalesce(v_doc_type, r_doc_type)'
						: `CASE WHEN ${creditNote} OR sum(${amount}) OVER (PARTITION BY v_invoice_id) < 0 THEN 'credit_note' END`,
					doc_status: docStatus(has('doc_status'), has('cancelled_flag'))
				},
				usesRecordIndex: !has('line_no') || !has('doc_type'),
				problems: [
					{
						condition: AMOUNT_MISSING[source],
						struct: `{'col': 'amount', 'code': 'missing', 'value': NULL::VARCHAR}`
					}
				]
			};
		}
		case 'opportunities': {
			// An outcome written but unknown stays NULL (kept and reported); none written: the stage's, else open
			// — or lost, when the CRM archived it (Odoo's Activo = False on a lead it did not win).
			const outcome = `(CASE WHEN r_outcome IS NOT NULL THEN v_outcome ELSE ${archivedLost(has('active_flag'), `coalesce(${has('stage') ? 'stage_outcome, ' : ''}'open')`)} END)`;
			// The decision column; else a status that declines (Descartada, No go) is a no-go decision.
			const decision = `coalesce(v_decision, CASE WHEN ${outcome} = 'no_go' THEN 'no_go' END)`;
			return {
				columns: {
					// Declining to bid is not a loss (DESIGN.md §3): a no-go record open or lost is closed as no_go.
					outcome: `CASE WHEN ${decision} = 'no_go' AND ${outcome} IN ('open', 'lost') THEN 'no_go' ELSE ${outcome} END`,
					decision,
					outcome_source: 'r_outcome',
					kind: `coalesce(v_kind, r_kind, 'opportunity')`
				},
				problems: []
			};
		}
		case 'quotes':
			return { columns: { status_source: 'r_status' }, problems: [] };
		case 'forecasts': {
			// A segment column (Category, Región…) names the dimension when the export has no dimension column.
			const segment = ['product_line', 'region', 'client_type', 'account_manager'].find((d) => has(`segment_${d}`));
			const dimension = segment ? `coalesce(v_dimension, '${segment}')` : `coalesce(v_dimension, 'total')`;
			const value = segment ? `coalesce(v_value, v_segment_${segment})` : 'v_value';
			return { columns: { dimension, value: `CASE WHEN ${dimension} = 'total' THEN NULL ELSE ${value} END` }, problems: [] };
		}
		case 'targets': {
			// The short form: the scope's column (Ejecutivo, Línea…) names the dimension; neither: the portfolio's goal.
			const segment = ['account_manager', 'product_line', 'region', 'business_unit'].find((d) => has(`segment_${d}`));
			const dimension = segment ? `coalesce(v_dimension, '${segment}')` : `coalesce(v_dimension, 'total')`;
			const value = segment ? `coalesce(v_value, v_segment_${segment})` : 'v_value';
			return {
				columns: { dimension, value: `CASE WHEN ${dimension} = 'total' THEN NULL ELSE ${value} END` },
				problems: [
					// A goal for a manager, a line… must say whose.
					{ condition: `${dimension} <> 'total' AND ${value} IS NULL`, struct: `{'col': '${segment && !has('value') ? `segment_${segment}` : 'value'}', 'code': 'missing', 'value': NULL::VARCHAR}` },
					{ condition: 'v_revenue_target < 0', struct: `{'col': 'revenue_target', 'code': 'negative', 'value': r_revenue_target}` },
					...['new_clients_target', 'activated_target', 'quotes_target']
						.filter(has)
						.map((c) => ({ condition: `v_${c} < 0`, struct: `{'col': '${c}', 'code': 'negative', 'value': r_${c}}` }))
				]
			};
		}
		default:
			return { columns: {}, problems: [] };
	}
}

/** Where an invoice line's amount comes from: revenue is net of tax (DESIGN.md §2). */
export type AmountSource = 'net' | 'gross_less_tax' | 'gross' | 'quantity_price';

/** The net column; else the gross total less the tax; else the gross total as it is (reported); else quantity × price. */
export function amountSource(mapping: ColumnMapping): AmountSource {
	if ('amount' in mapping) return 'net';
	if ('gross_amount' in mapping) return 'tax' in mapping ? 'gross_less_tax' : 'gross';
	return 'quantity_price';
}

const AMOUNT_SQL: Record<AmountSource, string> = {
	net: 'v_amount',
	// A line without tax written has none.
	gross_less_tax: '(v_gross_amount - coalesce(v_tax, 0))',
	gross: 'v_gross_amount',
	quantity_price: `round(v_quantity * v_unit_price * (1 - coalesce(v_discount, 0)), 4)::DECIMAL(18,4)`
};

const AMOUNT_MISSING: Record<AmountSource, string> = {
	net: 'r_amount IS NULL',
	gross_less_tax: 'r_gross_amount IS NULL',
	gross: 'r_gross_amount IS NULL',
	quantity_price: 'v_quantity IS NULL OR v_unit_price IS NULL'
};

/**
 * Numbers that mark a credit note when the export has no document type: Odoo's RINV/2024/0001,
 * NC-001 or NC001 (nota de crédito), ABN-/ABO- (abono), R-2024-001 (rectificativa series).
 */
const CREDIT_NOTE_NUMBER = String.raw`(?i)^((RINV|NC|ABN|ABO|R)[-/_. ]|(RINV|NC|ABN)[0-9])`;

/**
 * posted | draft | cancelled from the status column's vocabulary; a status the vocabulary does not
 * know is kept as written (reported, and counted as posted); a cancelled flag (SAP's CANCELED = Y)
 * wins over the status; no status at all: posted.
 */
function docStatus(status: boolean, cancelledFlag: boolean): string {
	const written = status ? `coalesce(v_doc_status, r_doc_status, 'posted')` : `'posted'`;
	return cancelledFlag ? `CASE WHEN v_cancelled_flag = 'yes' THEN 'cancelled' ELSE ${written} END` : written;
}
