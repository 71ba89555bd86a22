// A file's headers mapped to one kind's columns. Headers are compared by what they say
// (header-terms.ts: abbreviations, currencies, word order). Each column takes the first free header
// that says one of its synonyms (in synonym order); failing that, one of its generic headers (what
// "Código" or "Número" mean in this kind's context); failing that, a last resort (a tax id standing
// in for the client code). With sample values, a reference to clients or products prefers the
// header whose values are codes already loaded.
import type { ColumnSpec, KindSpec } from '../kinds';
import { betterKeyColumn } from './evidence';
import { headerKey } from './header-terms';
import type { ColumnMapping, KindMatch, MatchedBy, ValueEvidence } from './types';

const keyCache = new Map<string, string>();
/** headerKey, remembered: every file is compared with the same synonym lists. */
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

export function mapHeaders(headers: string[], spec: KindSpec, values?: ValueEvidence): KindMatch {
	const keys = headers.map((h) => (h.trim() === '' ? '' : cachedKey(h)));
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	const matchedBy: Record<string, MatchedBy> = {};
	for (const column of spec.columns) {
		for (const [tier, list] of tiers(column)) {
			// Every free header of this tier, in synonym order (values may then choose among them).
			const found: number[] = [];
			for (const synonym of list) {
				const key = cachedKey(synonym);
				keys.forEach((k, i) => {
					if (k === key && !taken.has(i) && !found.includes(i)) found.push(i);
				});
				if (found.length && !values) break;
			}
			if (!found.length) continue;
			const index = found.length > 1 && values ? betterKeyColumn(spec.kind, column.name, found, values) : found[0]!;
			mapping[column.name] = index;
			matchedBy[column.name] = tier;
			taken.add(index);
			break;
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
	return { spec, mapping, missing, matchedBy };
}

/** A required column other columns can stand in for (amount ← quantity × unit price, or the gross total). */
function requiredReplaced(column: ColumnSpec, mapping: ColumnMapping): boolean {
	const alternatives = column.requiredUnless as unknown as (string | string[])[] | undefined;
	if (!alternatives || !alternatives.length) return false;
	const sets = (Array.isArray(alternatives[0]) ? alternatives : [alternatives]) as string[][];
	return sets.some((set) => set.every((alt) => alt in mapping));
}
