// A file's headers mapped to one kind's columns. Headers are compared by what they say
// (header-terms.ts: abbreviations, currencies, word order). Each column takes the first free header
// that says one of its synonyms (in synonym order); failing that, one of its generic headers (what
// "Código" or "Número" mean in this kind's context); failing that, a last resort (a tax id standing
// in for the client code). With sample values, a reference to clients or products prefers the
// header whose values are codes already loaded.
import type { ColumnSpec, KindSpec } from '../kinds';
import { betterKeyColumn } from './evidence';
import { headerKey, headerTerms } from './header-terms';
import { looksLikeName } from './value-shapes';
import type { ColumnMapping, KindMatch, MatchedBy, ValueEvidence } from './types';
import { columnValues, shareOf } from './value-shapes';
import { inVocabulary } from './vocabulary-sets';
import type { Domain } from '../vocabularies';

const keyCache = new Map<string, string>();
/**
 * headerKey of a synonym, remembered: every file is compared with the same (fixed) lists. A file's
 * own headers are not remembered: a server would keep every header it was ever sent.
 */
function cachedKey(text: string): string {
	let key = keyCache.get(text);
	if (key === undefined) {
		key = headerKey(text);
		keyCache.set(text, key);
	}
	return key;
}

/** The tiers of headers a column accepts, in the order they are tried. */
function tiers(column: ColumnSpec): [MatchedBy, string[]][] {
	return [
		['synonym', column.synonyms],
		['generic', column.generic ?? []],
		['last-resort', column.lastResort ?? []]
	];
}

/** A header's key without the "línea"/"line" that says it is the line's own ("Cantidad línea" → cantidad), when something else remains. */
function lineKey(header: string): string | null {
	const terms = headerTerms(header);
	if (terms.length < 2 || !terms.includes('linea')) return null;
	return terms.filter((t) => t !== 'linea').sort().join(' ');
}

/** Among headers naming one key: a number, then a code, then an id (a system's internal one). */
function keyRank(header: string): number {
	const terms = headerTerms(header, false);
	return terms.includes('numero') ? 0 : terms.includes('codigo') ? 1 : terms.includes('identificador') ? 2 : 0;
}

export function mapHeaders(headers: string[], spec: KindSpec, values?: ValueEvidence): KindMatch {
	const keys = headers.map((h) => (h.trim() === '' ? '' : headerKey(h)));
	const lineKeys = headers.map(lineKey);
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	const matchedBy: Record<string, MatchedBy> = {};
	for (const column of spec.columns) {
		for (const [tier, list] of tiers(column)) {
			// Every free header of this tier, in synonym order (values may then choose among them).
			const found: number[] = [];
			for (const synonym of list) {
				const key = cachedKey(synonym);
				const batch: number[] = [];
				keys.forEach((k, i) => {
					if ((k === key || lineKeys[i] === key) && !taken.has(i) && !found.includes(i)) batch.push(i);
				});
				// "Invoice Number" and "Invoice ID" say the same key: the number people use comes first.
				found.push(...batch.sort((a, b) => keyRank(headers[a]!) - keyRank(headers[b]!)));
				if (found.length && !values) break;
			}
			// A key column with no value in the first records cannot be the key (QuickBooks' empty "Account #").
			const usable = values?.rows.length && column.notNull && column.type === 'id' ? found.filter((i) => columnValues(values.rows, i).length > 0) : found;
			if (!usable.length) continue;
			const index = usable.length > 1 && values ? betterKeyColumn(spec.kind, column.name, usable, values) : usable[0]!;
			mapping[column.name] = index;
			matchedBy[column.name] = tier;
			taken.add(index);
			break;
		}
	}
	let groupColumn: number | undefined;
	if (values) {
		preferCodesToNames(spec, headers, mapping, matchedBy, values, keys);
		fillFromVocabularies(spec, headers, mapping, matchedBy, values);
		groupColumn = clientGroupColumn(spec, headers, mapping, values);
		if (groupColumn !== undefined) {
			mapping.client_id = groupColumn;
			matchedBy.client_id = 'group';
		}
	}
	if (spec.keyOrName) {
		const [key, name, direction] = spec.keyOrName;
		if (direction === 'name-is-key' && !(key in mapping) && name in mapping) {
			mapping[key] = mapping[name]!;
			matchedBy[key] = 'key-name';
		}
		if (direction === 'key-is-name' && key in mapping && !(name in mapping)) {
			mapping[name] = mapping[key]!;
			matchedBy[name] = 'key-name';
		}
	}
	const missing = spec.columns
		.filter((c) => c.required && !(c.name in mapping))
		.filter((c) => !requiredReplaced(c, mapping))
		.map((c) => c.name);
	return { spec, mapping, missing, matchedBy, ...(groupColumn !== undefined ? { groupColumn } : {}) };
}

const TOTAL_ROW = /^\W*(sub\s*-?\s*)?totale?s?\b|^\W*grand\s+total\b|^\W*gran\s+total\b/i;

/**
 * Invoice lines with no client column, in a report grouped by client: one column is written only
 * on rows where nothing else is (the group's heading, "Amy's Bird Sanctuary,,,,") or on its total
 * row ("Total for Amy's Bird Sanctuary"), and empty on every line. That column is the client.
 */
function clientGroupColumn(spec: KindSpec, headers: string[], mapping: ColumnMapping, values: ValueEvidence): number | undefined {
	if (spec.kind !== 'invoices' || spec.part === 'header' || 'client_id' in mapping) return undefined;
	const taken = new Set(Object.values(mapping));
	const filled = (v: string | undefined) => (v ?? '').trim() !== '';
	for (let g = 0; g < headers.length; g++) {
		if (taken.has(g)) continue;
		let headings = 0;
		let lines = 0;
		let fits = true;
		for (const row of values.rows) {
			const others = row.some((v, i) => i !== g && filled(v));
			if (!filled(row[g])) {
				if (others) lines++;
			} else if (!others) headings++;
			else if (!TOTAL_ROW.test(row[g]!)) {
				fits = false;
				break;
			}
		}
		if (fits && headings >= 1 && lines >= 2) return g;
	}
	return undefined;
}

/**
 * A client reference filled by a column of names ("Cliente": "Ferretería El Sol SRL") when the
 * export also has the client's tax id: the tax id is the steadier key, and the names go to the
 * client's name. The same for an opportunity or quote named by its title beside an id column.
 */
function preferCodesToNames(spec: KindSpec, headers: string[], mapping: ColumnMapping, matchedBy: Record<string, MatchedBy>, values: ValueEvidence, keys: string[]): void {
	const taken = new Set(Object.values(mapping));
	const namesIn = (i: number) => looksLikeName(columnValues(values.rows, i));
	for (const column of spec.columns) {
		if (column.type !== 'id' || !(column.name in mapping) || !column.lastResort && !column.generic) continue;
		const current = mapping[column.name]!;
		if (!namesIn(current)) continue;
		const alternatives = [...(column.lastResort ?? []), ...(column.generic ?? [])].map(cachedKey);
		const better = keys.findIndex((k, i) => !taken.has(i) && alternatives.includes(k) && columnValues(values.rows, i).length > 0 && !namesIn(i));
		if (better < 0) continue;
		mapping[column.name] = better;
		matchedBy[column.name] = (column.lastResort ?? []).map(cachedKey).includes(keys[better]!) ? 'last-resort' : 'generic';
		taken.add(better);
		// The names still name: the client's name in a flat export.
		const nameColumn = column.name === 'client_id' ? spec.columns.find((c) => c.name === 'client_name') : undefined;
		if (nameColumn && !(nameColumn.name in mapping)) {
			mapping[nameColumn.name] = current;
			matchedBy[nameColumn.name] = 'synonym';
		}
	}
}

const VOCABULARY_TYPES = new Set<ColumnSpec['type']>(['outcome', 'quote_status', 'doc_type', 'doc_status', 'opportunity_kind']);

/**
 * A status or type field no header named, filled by a column whose values speak its vocabulary:
 * Contpaqi's "Documento" holding Factura / Nota de crédito is the document type, Pipedrive's
 * "Deal - Status" holding open / won / lost is the outcome.
 */
function fillFromVocabularies(spec: KindSpec, headers: string[], mapping: ColumnMapping, matchedBy: Record<string, MatchedBy>, values: ValueEvidence): void {
	const taken = new Set(Object.values(mapping));
	for (const column of spec.columns) {
		if (!VOCABULARY_TYPES.has(column.type) || column.name in mapping) continue;
		const speaks = inVocabulary(column.type as Domain);
		const index = headers.findIndex((_, i) => {
			if (taken.has(i)) return false;
			const v = columnValues(values.rows, i);
			return v.length >= 4 && shareOf(v, speaks) >= 0.8;
		});
		if (index < 0) continue;
		mapping[column.name] = index;
		matchedBy[column.name] = 'values';
		taken.add(index);
	}
}

/** A required column other columns can stand in for (amount ← quantity × unit price, or the gross total). */
function requiredReplaced(column: ColumnSpec, mapping: ColumnMapping): boolean {
	return (column.requiredUnless ?? []).some((set) => set.every((alt) => alt in mapping));
}
