// Header → canonical column mapping, and the kind of a file, from its headers and first records.
// The work is in recognise/: header-terms (what a header says), map-headers (headers → columns of
// one kind), evidence (what the values say), choose-kind (the kind, with a confidence).
import { IngestError } from './errors';
import { KIND_SPECS, type Kind } from './kinds';
import { chooseKind } from './recognise/choose-kind';
import { mapHeaders } from './recognise/map-headers';
import type { KindMatch, ValueEvidence } from './recognise/types';

export { mapHeaders };
export type { ColumnMapping, Fact, KindMatch, MatchedBy, Recognition, ValueEvidence } from './recognise/types';

/**
 * The kind of a file: the one asked for (its required columns must find headers), else the one
 * the evidence points to. Throws unknown_kind when none fits and ambiguous_kind when two are close.
 */
export function detectKind(headers: string[], file: string, forced?: Kind, values?: ValueEvidence): KindMatch {
	if (forced) {
		const match = mapHeaders(headers, KIND_SPECS[forced], values);
		if (match.missing.length)
			throw new IngestError('not_kind', { file, kind: forced, columns: match.missing, headers });
		return match;
	}
	return chooseKind(headers, file, values);
}
