// Which worksheet of a workbook holds the data. People keep a cover, a summary or notes before
// the table ("Portada", "Notas", "Resumen"); the table is the sheet whose header row (found as in
// a text export, title block above it allowed: layout.ts) is of a kind the ingest loads
// (mapping.ts detectKind, or the kind or mapping the user gave).
import { IngestError } from './errors';
import type { Kind } from './kinds';
import { detectLayout, type LayoutOptions } from './layout';
import { detectKind } from './mapping';
import { mappingFits, type UserMapping } from './user-mapping';

export interface SheetChoiceOptions extends LayoutOptions {
	/** The kind the user says the data is: a sheet fits when its headers map to it. */
	kind?: Kind;
	/** A mapping given for this load: a sheet fits when it has every header the mapping names (or its kind's). */
	map?: UserMapping;
}

/**
 * Whether the head of a worksheet written as CSV (`;`, `"`: xlsx.ts) holds a table to load. Two
 * kinds fitting equally (ambiguous_kind) is still a table: the load then asks which.
 */
export function sheetFits(head: string, file: string, options: SheetChoiceOptions = {}): boolean {
	const layout = detectLayout(head, { headerLine: options.headerLine, delimiter: ';', quote: '"' });
	if (!layout || layout.headers.every((h) => h === '')) return false;
	const { headers } = layout;
	const named = Object.values(options.map?.columns ?? {}).filter((h) => h !== null);
	if (options.map && named.length > 0 && mappingFits(options.map, headers)) return true;
	try {
		detectKind(headers, file, options.kind ?? options.map?.kind);
		return true;
	} catch (error) {
		if (!(error instanceof IngestError)) throw error;
		return (error.code as string) === 'ambiguous_kind'; // thrown by the recogniser when two kinds fit
	}
}
