// The status vocabularies (vocabularies.ts) as sets of normalised words, for judging sample values:
// whether a column speaks a domain, and the words only quotes or only posted documents use.
import { normalizeKey } from '../text';
import { vocabularyEntries, type Domain } from '../vocabularies';

const TERMS = new Map<Domain, Set<string>>();
for (const e of vocabularyEntries()) {
	if (!TERMS.has(e.domain)) TERMS.set(e.domain, new Set());
	TERMS.get(e.domain)!.add(e.term);
}

/** A test: whether a value is a word of the domain. */
export const inVocabulary = (domain: Domain) => (v: string) => TERMS.get(domain)?.has(normalizeKey(v)) ?? false;

const only = (domain: Domain, other: Domain) => new Set([...(TERMS.get(domain) ?? [])].filter((t) => !TERMS.get(other)?.has(t)));
/** Words only a quote's status uses (Aceptado, Firmado, Orden de venta). */
export const QUOTE_ONLY = only('quote_status', 'doc_status');
/** Words only a posted document's status uses (Pagada, Contabilizada). */
export const DOCUMENT_ONLY = only('doc_status', 'quote_status');
