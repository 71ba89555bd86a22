// The kind of an export, told from evidence with a confidence. Every kind whose required columns
// all find a header is a candidate; its score is the share of the file's headers it explains
// (a generic header such as "Código" or "Fecha" counts less than a specific one) plus what the
// values say (evidence.ts). Values that contradict a kind rule it out. When the best two kinds
// are close, nobody should have to trust a coin toss: the file is refused (the CLI names both and
// the flag that chooses) and the upload page asks.
import { IngestError } from '../errors';
import { invoicePartSpec, KIND_SPECS, KINDS, type Kind } from '../kinds';
import { judgeKind } from './evidence';
import { headerKey } from './header-terms';
import { namedKind, signalHeaders } from './kind-signals';
import { mapHeaders } from './map-headers';
import type { Fact, KindMatch, MatchedBy, ValueEvidence } from './types';

/** Scores closer than this are too close to call. */
export const AMBIGUOUS_MARGIN = 0.12;
const WEIGHT: Record<MatchedBy, number> = { synonym: 1, generic: 0.4, 'last-resort': 0.6, 'key-name': 0, values: 0.6, group: 0.6 };
/** Headers that say too little to tell kinds apart, whichever column they fill ("Fecha", "Estado", "Total"). */
const GENERIC_HEADERS = new Set(
	['codigo', 'numero', 'nombre', 'descripcion', 'fecha', 'total', 'estado', 'tipo', 'importe', 'valor', 'monto', 'referencia',
		'identificador', 'creacion', 'emision', 'cliente'].map(headerKey)
);

interface Scored {
	match: KindMatch;
	kind: Kind;
	score: number;
	facts: Fact[];
}

export function chooseKind(headers: string[], file: string, values?: ValueEvidence): KindMatch {
	const filled = headers.filter((h) => h.trim() !== '').length || 1;
	// Invoice documents and their lines may also come as two files, joined when given together.
	const specs = [...KINDS.map((k) => KIND_SPECS[k]), invoicePartSpec('header'), invoicePartSpec('item')];
	const scored: Scored[] = [];
	const ruledOut: Fact[] = [];
	for (const spec of specs) {
		const match = mapHeaders(headers, spec, values);
		if (match.missing.length) continue;
		const weights = new Map<number, number>();
		for (const [column, index] of Object.entries(match.mapping)) {
			const by = match.matchedBy[column] ?? 'synonym';
			const w = by === 'synonym' && GENERIC_HEADERS.has(headerKey(headers[index]!)) ? WEIGHT.generic : WEIGHT[by];
			weights.set(index, Math.max(weights.get(index) ?? 0, w));
		}
		// Headers the model does not store but that kind's exports carry (e-mail, price, due date…).
		const signals = signalHeaders(spec.kind, headers, new Set(weights.keys()));
		const explained = [...weights.values()].reduce((a, b) => a + b, 0) + 0.5 * signals;
		const matched = [...weights.values()].filter((w) => w > 0).length + signals;
		const judged = values?.rows.length ? judgeKind(spec, match.mapping, headers, values) : { support: 0, facts: [] };
		if (judged.contradiction) {
			ruledOut.push(judged.contradiction);
			continue;
		}
		const required = spec.columns.filter((c) => c.required).length;
		scored.push({
			match,
			kind: spec.part ? 'invoices' : spec.kind,
			score: explained / filled + judged.support + (namedKind(spec.kind, file) ? 0.1 : 0) + required * 0.001,
			facts: [{ code: 'headers', matched, total: filled }, ...judged.facts]
		});
	}
	scored.sort((a, b) => b.score - a.score);
	// One candidate per kind (an invoice documents file is of invoices too).
	const best = scored.filter((s, i) => scored.findIndex((t) => t.kind === s.kind) === i);
	const [first, second] = best;
	if (!first) throw new IngestError('unknown_kind', { file, headers, ruled_out: ruledOut });
	const confidenceOf = (s: Scored) => (first.score + (second?.score ?? 0) > 0 ? s.score / (first.score + (second?.score ?? 0)) : 0);
	if (second && first.score - second.score < AMBIGUOUS_MARGIN) {
		throw new IngestError('ambiguous_kind', {
			file,
			candidates: [first, second].map((s) => ({ kind: s.kind, confidence: round(confidenceOf(s)) })),
			evidence: distinct([...first.facts, ...second.facts])
		});
	}
	const confidence = second ? confidenceOf(first) : Math.min(1, 0.5 + first.score / 2);
	return {
		...first.match,
		recognition: {
			confidence: round(confidence),
			evidence: first.facts,
			others: best.slice(1, 3).map((s) => ({ kind: s.kind, confidence: round(confidenceOf(s)) }))
		}
	};
}

const distinct = (facts: Fact[]) => facts.filter((f, i) => facts.findIndex((g) => JSON.stringify(g) === JSON.stringify(f)) === i);
const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
