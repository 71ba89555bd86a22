// The relation DuckDB reads for an export: one CSV file, or invoice lines joined to their
// documents when an ERP wrote them as two files (Neptuno's "Detalles de pedidos" + "Pedidos").
import { sourceColumn, type ConversionPlan } from './convert';
import { IngestError } from './errors';
import { mapHeaders } from './recognise/map-headers';
import type { ColumnMapping, Recognition } from './mapping';
import { KIND_SPECS, type KindSpec } from './kinds';
import type { Source, SourceOptions } from './read-source';
import type { UserMapping } from './user-mapping';
import type { DateOrder } from './formats';
import { sqlString } from './text';

export interface Prepared {
	source: Source;
	spec: KindSpec;
	mapping: ColumnMapping;
	options: SourceOptions & { decimal?: ',' | '.'; dateOrder?: DateOrder };
	/** Invoice lines only: the documents file they join, and the index of its number column. */
	documents?: { source: Source; key: number };
	/** The user's mapping applied to this file, and whether it came with this command or was remembered. */
	userMapping?: { mapping: UserMapping; origin: 'given' | 'remembered' };
	/** When the kind was detected: how sure, and what in the file says so. */
	recognition?: Recognition;
	/** A report grouped by client: the column naming the client on each group's heading row (filled down). */
	groupColumn?: number;
}

/** A prepared file once typed: its temporary table and the conversion plan that typed it. */
export interface Converted extends Prepared {
	conv: string;
	plan: ConversionPlan;
	/** Temporary table of rejected records, when they are to be written out. */
	rejects?: string;
	/** Sample values per source column (headersOf order). */
	samples: string[][];
}

/** Headers of the relation, in column order: the lines' then the documents'. */
export function headersOf(p: Prepared): string[] {
	return [...p.source.headers, ...(p.documents?.source.headers ?? [])];
}

/** What the report and the batch call the export. */
export function displayName(p: Prepared): string {
	return p.documents ? `${p.source.name} + ${p.documents.source.name}` : p.source.name;
}

/**
 * The file as a relation of text columns c{offset}…, one per header, records in file order, and
 * x{offset}, which catches fields beyond the header's (a ragged row is rejected, not cut short).
 */
export function csvRelation(source: Source, parallel: boolean, offset = 0): string {
	const columns = [...source.headers.map((_, i) => sourceColumn(offset + i)), `x${offset}`].map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
	return `read_csv(${sqlString(source.utf8Path)}, delim = ${sqlString(source.delimiter)}, quote = ${sqlString(source.quote)},
		escape = ${sqlString(source.quote)}, header = false, skip = ${source.headerLine}, columns = {${columns}},${source.readAsLatin1 ? " encoding = 'latin-1'," : ''}
		auto_detect = false, null_padding = true, strict_mode = false, parallel = ${parallel})`;
}

/**
 * The relation to type: the file itself, or its lines (numbered in file order as `rid`) left-joined
 * to their documents, whose columns follow the lines' (c{n}…), with `cartera_doc_found`.
 */
export function relationOf(p: Prepared, parallel: boolean): string {
	if (!p.documents && p.groupColumn !== undefined) return groupedRelation(p.source, parallel, p.groupColumn);
	if (!p.documents) return csvRelation(p.source, parallel);
	const n = p.source.headers.length;
	const lineKey = `cartera_id(cartera_text(${sourceColumn(p.mapping.invoice_id!)}))`;
	const docKey = `cartera_id(cartera_text(${sourceColumn(n + p.documents.key)}))`;
	return `(SELECT l.*, d.* EXCLUDE (cartera_key), d.cartera_key IS NOT NULL AS cartera_doc_found
		FROM (SELECT row_number() OVER () - 1 AS rid, * FROM ${csvRelation(p.source, parallel)}) l
		LEFT JOIN (SELECT *, ${docKey} AS cartera_key FROM ${csvRelation(p.documents.source, parallel, n)}
			QUALIFY row_number() OVER (PARTITION BY cartera_key) = 1) d
		ON ${lineKey} = d.cartera_key)`;
}

/**
 * A report grouped by client: each line takes the client of the last group heading above it (a row
 * where only the group column is written); the headings keep theirs, to be skipped as such
 * (surroundings.ts). Records are numbered in file order (`rid`): the fill-down is a window over them.
 */
function groupedRelation(source: Source, parallel: boolean, g: number): string {
	const group = sourceColumn(g);
	const others = [...source.headers.map((_, i) => sourceColumn(i)).filter((c) => c !== group), 'x0'];
	const heading = `(nullif(trim(${group}), '') IS NOT NULL AND ${others.map((c) => `coalesce(trim(${c}), '') = ''`).join(' AND ')})`;
	return `(SELECT * EXCLUDE (cartera_heading) REPLACE (
			CASE WHEN cartera_heading THEN ${group}
				ELSE last_value(CASE WHEN cartera_heading THEN ${group} END IGNORE NULLS) OVER (ORDER BY rid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS ${group})
		FROM (SELECT row_number() OVER () - 1 AS rid, *, ${heading} AS cartera_heading FROM ${csvRelation(source, parallel)}))`;
}

/**
 * Joins each invoice-lines file to the invoice-documents file given with it: the pair becomes one
 * invoices export (lines' columns, then the documents'). A part without its partner is refused.
 */
export function pairInvoiceParts(prepared: Prepared[]): Prepared[] {
	const headers = prepared.filter((p) => p.spec.part === 'header');
	const items = prepared.filter((p) => p.spec.part === 'item');
	const rest = prepared.filter((p) => !p.spec.part);
	if (headers.length === 0 && items.length === 0) return prepared;
	const invoices = KIND_SPECS.invoices;
	if (items.length === 0) throw new IngestError('documents_without_lines', { file: headers[0]!.source.name });
	if (headers.length === 0) {
		// What the lines lack of a whole invoices export: the document's date, its client, or both.
		const whole = mapHeaders(items[0]!.source.headers, KIND_SPECS.invoices).mapping;
		const columns = KIND_SPECS.invoices.columns.filter((c) => c.part === 'header' && c.required && !(c.name in whole)).map((c) => c.name);
		throw new IngestError('lines_without_documents', { file: items[0]!.source.name, columns });
	}
	if (headers.length > 1 || items.length > 1) throw new IngestError('invoice_parts_count', { documents: headers.length, lines: items.length });
	const lines = items[0]!;
	const documents = headers[0]!;
	const n = lines.source.headers.length;
	const mapping: ColumnMapping = { ...lines.mapping };
	for (const [column, index] of Object.entries(documents.mapping)) if (!(column in mapping)) mapping[column] = n + index;
	return [...rest, { ...lines, spec: invoices, mapping, documents: { source: documents.source, key: documents.mapping.invoice_id! } }];
}
