// What a file is and how its headers fill the kind's columns, decided once for both ways in: the
// staged preview (uploads/stage.ts) and the load (ingest.ts). The mapping is the user's, given
// with this load (when every header it names is in the file), else the one remembered for these
// headers, laid over the one detected from the headers; the kind is the one asked for, else the
// user mapping's, else detected. The load refuses a plan with a refusal; the preview shows its
// column table, where the user fixes what is missing.
import type { Database } from '../db/database';
import { IngestError } from './errors';
import { KIND_SPECS, type Kind, type KindSpec } from './kinds';
import { detectKind, mapHeaders, type ColumnMapping, type Recognition } from './mapping';
import { valueEvidence } from './sample-records';
import { columnReport, type ColumnReport, type MappingOrigin } from './report';
import type { Prepared } from './sources';
import { mappingFits, overlayColumns, rememberedMapping, unmappedRequired, type UserMapping } from './user-mapping';

export interface PlanOptions {
	/** The kind the user says the file is. */
	kind?: Kind;
	/** A mapping given for this load: applied to the files whose headers it names. */
	map?: UserMapping;
}

export interface FilePlan {
	/** The file's kind; an invoice documents or lines file has the spec of its part. */
	spec: KindSpec;
	mapping: ColumnMapping;
	/** The user's mapping applied to this file, and whether it came with this load or was remembered. */
	userMapping?: Prepared['userMapping'];
	origin: MappingOrigin;
	/** Why the load refuses the file as planned (a column it needs has no header); undefined when it can load. */
	refusal?: IngestError;
	/** When the kind was detected: how sure, and what in the file says so. */
	recognition?: Recognition;
	/** A report grouped by client: the column naming the client on each group's heading row (filled down). */
	groupColumn?: number;
}

/**
 * The kind and mapping of a file from its headers and first records (sample-records.ts: the
 * preview and the load give the same number). Throws when no kind can be told at all
 * (unknown_kind) or two are too close to call (ambiguous_kind); a kind whose required columns
 * stay without a header is a plan with a refusal.
 */
export async function plan(db: Database, file: { name: string; headers: string[]; rows?: string[][] }, options: PlanOptions): Promise<FilePlan> {
	const { name, headers } = file;
	const values = file.rows ? await valueEvidence(db, file.rows) : undefined;
	const given = options.map && mappingFits(options.map, headers) ? options.map : null;
	const remembered = given ? null : await rememberedMapping(db, headers);
	const user = given ?? remembered;
	const userMapping = user ? { mapping: user, origin: given ? ('given' as const) : ('remembered' as const) } : undefined;
	const origin: MappingOrigin = userMapping?.origin ?? 'detected';
	const kind = options.kind ?? user?.kind;
	// With a kind, the headers are mapped to it; without one, the kind is detected (or refused).
	const match = kind ? mapHeaders(headers, KIND_SPECS[kind], values) : detectKind(headers, name, undefined, values);
	const { spec, recognition } = match;
	// The group column fills the client only while the client is still read from it.
	const grouped = (mapping: ColumnMapping) => (match.groupColumn !== undefined && mapping.client_id === match.groupColumn ? { groupColumn: match.groupColumn } : {});
	if (!user) {
		const refusal = match.missing.length ? new IngestError('not_kind', { file: name, kind: spec.kind, columns: match.missing, headers }) : undefined;
		return { spec, mapping: match.mapping, origin, refusal, recognition, ...grouped(match.mapping) };
	}
	// The user's mapping names the headers itself: only what is still missing after it is refused.
	const mapping = overlayColumns(match.mapping, user, headers, spec);
	const missing = unmappedRequired(mapping, spec);
	const refusal = missing.length ? new IngestError('map_missing_columns', { file: name, columns: missing }) : undefined;
	return { spec, mapping, userMapping, origin, refusal, recognition, ...grouped(mapping) };
}

/** The kind a user reads for a planned file (an invoice documents or lines file is of invoices). */
export function plannedKind(p: FilePlan): Kind {
	return p.spec.part ? 'invoices' : p.spec.kind;
}

/** A plan's column table from the file's headers and a few values of each. */
export function plannedColumns(p: FilePlan, headers: string[], samples: string[][]): ColumnReport[] {
	return columnReport(p.spec, p.mapping, p.userMapping, headers, samples);
}
