// Mappings a user gives (`--map mapping.json`, later the upload screen) or confirmed before:
//   { "kind": "invoices",
//     "columns": { "amount": "Total neto", "doc_type": null },        canonical column → header (null: none)
//     "values":  { "quote_status": { "Pendiente de firma": "sent" } } } text as written → canonical value
// A mapping that loaded a file is remembered for its header set and reused for the next export
// with the same headers.
import type { Database } from '../db/database';
import { IngestError } from './errors';
import type { MessageCode, MessageParams } from './codes';
import { KIND_SPECS, KINDS, type Kind, type KindSpec } from './kinds';
import type { ColumnMapping } from './mapping';
import { normalizeKey } from './text';
import type { Domain } from './vocabularies';

export interface UserMapping {
	kind?: Kind;
	columns?: Record<string, string | null>;
	values?: Partial<Record<Domain, Record<string, string>>>;
}

const CANONICAL_VALUES: Record<Domain, string[]> = {
	outcome: ['open', 'won', 'lost', 'no_go'],
	quote_status: ['draft', 'sent', 'accepted', 'rejected', 'expired'],
	doc_type: ['invoice', 'credit_note'],
	doc_status: ['posted', 'draft', 'cancelled'],
	flag: ['yes', 'no'],
	opportunity_kind: ['lead', 'opportunity', 'tender', 'quote_request'],
	decision: ['go', 'no_go', 'pending'],
	target_scope: ['total', 'account_manager', 'product_line', 'region', 'business_unit']
};

/** Checks a mapping document, naming what is wrong in it. */
export function parseUserMapping(json: unknown, file = 'mapping'): UserMapping {
	const fail = <C extends MessageCode>(code: C, params: MessageParams<C>): never => {
		throw new IngestError(code, { ...params, file });
	};
	if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('map_not_object', {});
	const { kind, columns, values, ...rest } = json as Record<string, unknown>;
	if (Object.keys(rest).length) fail('map_unknown_keys', { keys: Object.keys(rest) });
	if (kind !== undefined && !KINDS.includes(kind as Kind)) fail('map_bad_kind', { expected: KINDS });
	const result: UserMapping = {};
	if (kind) result.kind = kind as Kind;
	if (columns !== undefined) {
		if (typeof columns !== 'object' || columns === null) fail('map_columns_not_object', {});
		const known = new Set(Object.values(KIND_SPECS).flatMap((s) => s.columns.map((c) => c.name)));
		for (const [column, header] of Object.entries(columns as Record<string, unknown>)) {
			if (!known.has(column)) fail('map_unknown_column', { column });
			if (header !== null && typeof header !== 'string') fail('map_bad_header', { column });
		}
		result.columns = columns as Record<string, string | null>;
	}
	if (values !== undefined) {
		if (typeof values !== 'object' || values === null) fail('map_values_not_object', {});
		for (const [domain, map] of Object.entries(values as Record<string, unknown>)) {
			const allowed = CANONICAL_VALUES[domain as Domain];
			if (!allowed) fail('map_unknown_domain', { domain, expected: Object.keys(CANONICAL_VALUES) });
			for (const [text, value] of Object.entries(map as Record<string, unknown>))
				if (!allowed!.includes(value as string)) fail('map_bad_value', { domain, text, expected: allowed! });
		}
		result.values = values as UserMapping['values'];
	}
	return result;
}

/** Whether every header the mapping names is in the file. */
export function mappingFits(mapping: UserMapping, headers: string[]): boolean {
	const keys = new Set(headers.map(normalizeKey));
	return Object.values(mapping.columns ?? {}).every((h) => h === null || keys.has(normalizeKey(h)));
}

/** The detected mapping with the user's columns laid over it (a header the file lacks maps nothing). */
export function overlayColumns(detected: ColumnMapping, mapping: UserMapping, headers: string[], spec: KindSpec): ColumnMapping {
	const result = { ...detected };
	const keys = headers.map(normalizeKey);
	for (const [column, header] of Object.entries(mapping.columns ?? {})) {
		if (!spec.columns.some((c) => c.name === column)) continue; // a column of another kind
		const index = header === null ? -1 : keys.indexOf(normalizeKey(header));
		if (index < 0) delete result[column];
		else result[column] = index;
	}
	return result;
}

/** Required columns of the kind that a mapping leaves without a header (nor their alternatives). */
export function unmappedRequired(mapping: ColumnMapping, spec: KindSpec): string[] {
	return spec.columns.filter((c) => c.required && !(c.name in mapping) && !c.requiredUnless?.some((set) => set.every((a) => a in mapping))).map((c) => c.name);
}

export function headerKey(headers: string[]): string {
	return headers.map(normalizeKey).join('|');
}

export async function rememberedMapping(db: Database, headers: string[]): Promise<UserMapping | null> {
	const row = await db.one<{ mapping: string }>(
		`SELECT mapping::VARCHAR AS mapping FROM source_mappings WHERE header_key = $1 ORDER BY saved_at DESC LIMIT 1`,
		[headerKey(headers)]
	);
	return row ? (JSON.parse(row.mapping) as UserMapping) : null;
}

export async function rememberMapping(db: Database, headers: string[], kind: Kind, mapping: UserMapping): Promise<void> {
	const key = headerKey(headers);
	await db.run(`DELETE FROM source_mappings WHERE header_key = $1`, [key]);
	await db.run(`INSERT INTO source_mappings (header_key, kind, mapping) VALUES ($1, $2, $3)`, [key, kind, JSON.stringify({ ...mapping, kind })]);
}
