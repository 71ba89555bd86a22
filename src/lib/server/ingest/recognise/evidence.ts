// What a file's first records say about its kind. A register (clients, products) has one row per
// key; a documents file has a date and an amount on each row and repeats its parties; an
// opportunity report has stages or probabilities; a quote list has quote statuses. Values that
// contradict a kind rule it out, whatever its headers say: a "clients" file whose keys repeat and
// whose rows each carry a date and an amount is a list of documents.
import type { KindSpec } from '../kinds';
import { normalizeKey } from '../text';
import { DOCUMENT_ONLY, inVocabulary, QUOTE_ONLY } from './vocabulary-sets';
import type { ColumnMapping, Fact, ValueEvidence } from './types';
import { columnValues, looksLikeDate, looksLikeMonth, looksLikeNumber, shareOf } from './value-shapes';

export interface Judgement {
	/** Why the values rule the kind out; undefined when they do not. */
	contradiction?: Fact;
	/** How much the values speak for the kind, about −0.3 … +0.3. */
	support: number;
	facts: Fact[];
}

const MIN_ROWS = 4; // fewer records say too little to rule a kind out
/** +1 when a status column speaks like quotes, −1 like invoices, 0 when it says neither (or there is none). */
function statusLeaning(values: string[] | undefined): number {
	if (!values || values.length < MIN_ROWS) return 0;
	const quote = shareOf(values, (v) => QUOTE_ONLY.has(normalizeKey(v)));
	const document = shareOf(values, (v) => DOCUMENT_ONLY.has(normalizeKey(v)));
	return quote >= 0.2 && document <= quote / 2 ? 1 : document >= 0.2 && quote <= document / 2 ? -1 : 0;
}

/** What the records say for or against a kind, given the columns its headers filled. */
export function judgeKind(spec: KindSpec, mapping: ColumnMapping, headers: string[], values: ValueEvidence): Judgement {
	const rows = values.rows;
	const facts: Fact[] = [];
	let support = 0;
	const col = (name: string) => (name in mapping ? columnValues(rows, mapping[name]!) : undefined);
	const header = (name: string) => headers[mapping[name]!] ?? name;
	const enough = rows.length >= MIN_ROWS;
	/** A column that must hold dates (or months) on most rows. */
	const dated = (name: string, months = false): Fact | undefined => {
		const v = col(name);
		if (!v || v.length < MIN_ROWS) return undefined;
		const share = shareOf(v, months ? looksLikeMonth : looksLikeDate);
		if (share < 0.6) return { code: 'not_dates', column: header(name) };
		facts.push({ code: months ? 'months' : 'dates', column: header(name) });
		support += 0.05;
		return undefined;
	};
	/** A column that must hold amounts on most rows. */
	const money = (name: string): Fact | undefined => {
		const v = col(name);
		if (!v || v.length < MIN_ROWS) return undefined;
		if (shareOf(v, looksLikeNumber) < 0.6) return { code: 'not_amounts', column: header(name) };
		facts.push({ code: 'amounts', column: header(name) });
		support += 0.05;
		return undefined;
	};
	const first = (...checks: (Fact | undefined)[]) => checks.find((c) => c !== undefined);

	switch (spec.kind) {
		case 'clients':
		case 'products': {
			const key = spec.key[0]!;
			const keys = rows.map((r) => (r[mapping[key]!] ?? '').trim()).filter((v) => v !== '');
			const distinct = new Set(keys).size;
			if (enough && keys.length >= MIN_ROWS && distinct / keys.length < 0.8)
				return { contradiction: { code: 'repeated_keys', column: header(key), distinct, rows: keys.length }, support: 0, facts };
			if (keys.length >= MIN_ROWS && distinct === keys.length) {
				facts.push({ code: 'unique_keys', column: header(key), n: distinct });
				support += 0.05;
			}
			// A date and an amount on every row is what documents have, not a register.
			if (enough && documentShaped(rows, headers, mapping)) support -= 0.2;
			break;
		}
		case 'invoices': {
			// The column the amount is read from: the net one, else the gross total, else the unit price.
			const amount = ['amount', 'gross_amount', 'unit_price'].find((c) => c in mapping);
			const contradiction = first(dated('invoice_date'), amount ? money(amount) : undefined);
			if (contradiction) return { contradiction, support: 0, facts };
			const documents = col('invoice_id');
			const parties = col('client_id');
			if (documents && documents.length >= MIN_ROWS) {
				const n = new Set(documents).size;
				facts.push({ code: 'documents', n, rows: documents.length });
			}
			if (parties && parties.length >= MIN_ROWS) {
				const n = new Set(parties).size;
				facts.push({ code: 'parties', n });
				if (n < parties.length) support += 0.1; // parties repeat: documents, not a register
			}
			// A status column that speaks like quotes (Aceptado, Firmado, Orden de venta) speaks against.
			support -= 0.2 * statusLeaning(col('doc_status'));
			const known = knownShare('client_id' in mapping ? parties : undefined, values.knownClients);
			if (known > 0) {
				facts.push({ code: 'known_codes', column: header('client_id'), n: Math.round(known * (parties?.length ?? 0)) });
				support += 0.1 * known;
			}
			break;
		}
		case 'opportunities': {
			const contradiction = first(dated('created_at'), money('amount'));
			if (contradiction) return { contradiction, support: 0, facts };
			// Stages or outcomes a sales process writes; a status column of something else speaks against.
			const written = (['stage', 'outcome'] as const).filter((name) => col(name)?.length);
			const known = written.find((name) => shareOf(col(name)!, inVocabulary('outcome')) >= 0.5);
			if (known) {
				facts.push({ code: 'stages', column: header(known) });
				support += 0.1;
			} else if (written.length && !('stage' in mapping)) support -= 0.15;
			if ('probability' in mapping) support += 0.05;
			break;
		}
		case 'quotes': {
			const contradiction = first(dated('issued_at'), money('amount'));
			if (contradiction) return { contradiction, support: 0, facts };
			const status = col('status');
			if (status && status.length) {
				if (shareOf(status, inVocabulary('quote_status')) >= 0.5) {
					facts.push({ code: 'statuses', column: header('status') });
					support += 0.1;
				} else support -= 0.1;
			}
			support += 0.2 * statusLeaning(status);
			// Clients receive several quotes, as they receive several invoices: neutral between the two.
			const parties = col('client_id');
			if (parties && parties.length >= MIN_ROWS && new Set(parties).size < parties.length) support += 0.1;
			break;
		}
		case 'forecasts': {
			const contradiction = first(dated('month', true), money('forecast_amount'));
			if (contradiction) return { contradiction, support: 0, facts };
			break;
		}
		case 'targets': {
			const contradiction = first(dated('month', true), money('revenue_target'));
			if (contradiction) return { contradiction, support: 0, facts };
			// What only goals carry: a scope column, a manager's or business unit's goal, counts to reach.
			const goalOnly = ['dimension', 'segment_account_manager', 'segment_business_unit', 'new_clients_target', 'activated_target', 'quotes_target'];
			if (goalOnly.some((c) => c in mapping)) support += 0.15;
			break;
		}
	}
	return { support, facts };
}

/** Whether most rows carry a date and an amount in columns the kind did not take (a list of documents). */
function documentShaped(rows: string[][], headers: string[], mapping: ColumnMapping): boolean {
	const used = new Set(Object.values(mapping));
	let date = false;
	let amount = false;
	headers.forEach((_, i) => {
		if (used.has(i)) return;
		const v = rows.map((r) => (r[i] ?? '').trim());
		const filled = v.filter((x) => x !== '');
		if (filled.length < rows.length * 0.9) return;
		if (shareOf(filled, looksLikeDate) >= 0.9) date = true;
		else if (filled.some((x) => /[.,]\d{2}$/.test(x)) && shareOf(filled, looksLikeNumber) >= 0.9) amount = true;
	});
	return date && amount;
}

/** Share of a column's sample values that are codes already in the table. */
function knownShare(column: string[] | undefined, known: Set<string> | undefined): number {
	if (!column || !column.length || !known || !known.size) return 0;
	return column.filter((v) => known.has(v)).length / column.length;
}

/**
 * Of several headers that could fill a reference to clients or products, the one whose values
 * are most often codes already loaded (a client code beats a tax id that matches none); the
 * first (synonym order) when none is known or the column is not such a reference.
 */
export function betterKeyColumn(kind: KindSpec['kind'], column: string, candidates: number[], values: ValueEvidence): number {
	const known = column === 'client_id' && kind !== 'clients' ? values.knownClients : column === 'product_id' && kind !== 'products' ? values.knownProducts : undefined;
	if (!known || !known.size) return candidates[0]!;
	let best = candidates[0]!;
	let bestShare = -1;
	for (const i of candidates) {
		const share = knownShare(columnValues(values.rows, i), known);
		if (share > bestShare) {
			best = i;
			bestShare = share;
		}
	}
	return bestShare > 0 ? best : candidates[0]!;
}
