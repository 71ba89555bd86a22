// Header → canonical column mapping, and kind detection from a file's headers.
import { IngestError } from './errors';
import { invoicePartSpec, KIND_SPECS, KINDS, type Kind, type KindSpec } from './kinds';
import { normalizeKey } from './text';

/** Canonical column → index of the source header that fills it. */
export type ColumnMapping = Record<string, number>;

export interface KindMatch {
	spec: KindSpec;
	mapping: ColumnMapping;
	/** Required canonical columns with no header (empty when the file is of this kind). */
	missing: string[];
}

export function mapHeaders(headers: string[], spec: KindSpec): KindMatch {
	const keys = headers.map(normalizeKey);
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const column of spec.columns) {
		for (const synonym of column.synonyms) {
			const index = keys.findIndex((k, i) => k === normalizeKey(synonym) && !taken.has(i));
			if (index >= 0) {
				mapping[column.name] = index;
				taken.add(index);
				break;
			}
		}
	}
	if (spec.keyOrName) {
		const [key, name, direction] = spec.keyOrName;
		if (direction === 'name-is-key' && !(key in mapping) && name in mapping) mapping[key] = mapping[name]!;
		if (direction === 'key-is-name' && key in mapping && !(name in mapping)) mapping[name] = mapping[key]!;
	}
	const missing = spec.columns
		.filter((c) => c.required && !(c.name in mapping))
		.filter((c) => !(c.requiredUnless && c.requiredUnless.every((alt) => alt in mapping)))
		.map((c) => c.name);
	return { spec, mapping, missing };
}

/**
 * The kind whose required headers are all present; among several, the one that explains most
 * of the file's headers, then the one with more required columns (the more specific entity).
 */
export function detectKind(headers: string[], file: string, forced?: Kind): KindMatch {
	if (forced) {
		const match = mapHeaders(headers, KIND_SPECS[forced]);
		if (match.missing.length)
			throw new IngestError('not_kind', { file, kind: forced, columns: match.missing, headers });
		return match;
	}
	// Invoice documents and their lines may also come as two files, joined when given together.
	const specs = [...KINDS.map((k) => KIND_SPECS[k]), invoicePartSpec('header'), invoicePartSpec('item')];
	const candidates = specs.map((spec) => mapHeaders(headers, spec)).filter((m) => m.missing.length === 0);
	const score = (m: KindMatch) => Object.keys(m.mapping).length * 100 + m.spec.columns.filter((c) => c.required).length;
	candidates.sort((a, b) => score(b) - score(a));
	const best = candidates[0];
	if (!best) throw new IngestError('unknown_kind', { file, headers });
	return best;
}
