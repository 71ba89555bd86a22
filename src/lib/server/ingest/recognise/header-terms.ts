// What a header says, as a set of canonical terms: "Nro. Factura", "Factura Nº", "Invoice #" and
// "Número de factura" all say {factura, numero}. Case, accents and punctuation go; abbreviations
// and the two languages' words for one idea become one term (abbreviations.ts); words that carry
// nothing (de, of, the) and currency or unit suffixes ("Total Bs.", "Importe (USD)", "Monto $")
// go; the order of the words does not matter. Synonyms in kinds.ts go through the same function,
// so a header matches a synonym when both say the same terms.
import { CURRENCY_TERMS, KEY_TERM, KEY_TERMS, PHRASES, STOPWORDS, TERM_OF } from './abbreviations';

/** Accents, case and punctuation gone; kept as words (symbols that mean something become words first). */
function words(text: string): string[] {
	const spelled = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		// "Nº" (º is o once decomposed), "N°" and "#" say number (abbreviations.ts: no → numero);
		// "US$", "$", "€" say a currency; "%" says a rate.
		.replace(/°/g, 'o ')
		.replace(/#/g, ' numero ')
		.replace(/us\s*\$/g, ' usd ')
		.replace(/[$€£¥]/g, ' usd ')
		// "(%)" after a rate is a unit ("Probability (%)"); a "%" elsewhere says a rate ("% IVA" is not the tax amount).
		.replace(/[([]\s*%\s*[)\]]/g, ' ')
		.replace(/%/g, ' porcentaje ');
	return spelled.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Spanish and English plurals to the singular, so "Ventas" says venta and "Units" unit. */
function singular(word: string): string {
	if (word.length > 4 && /[lrnd]es$/.test(word)) return word.slice(0, -2);
	if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
	return word;
}

/**
 * The canonical terms of a header, in the order they appear (duplicates kept once). With `keys`
 * (the default), a number, code or id of something is its key (abbreviations.ts KEY_TERMS).
 */
export function headerTerms(header: string, keys = true): string[] {
	let list = words(header);
	// Phrases first (precio unitario ← "P. U.", "PU"; neto ← "sin IVA"), then single words.
	for (const [phrase, term] of PHRASES) {
		for (let i = 0; i + phrase.length <= list.length; i++) {
			if (phrase.every((w, k) => list[i + k] === w)) list = [...list.slice(0, i), ...term, ...list.slice(i + phrase.length)];
		}
	}
	const all = list.map((w) => TERM_OF.get(w) ?? TERM_OF.get(singular(w)) ?? singular(w));
	const terms = all.filter((t) => !STOPWORDS.has(t));
	// A currency or unit says nothing about what the column holds, unless it is all there is.
	const meaningful = terms.filter((t) => !CURRENCY_TERMS.has(t));
	const kept = [...new Set(meaningful.length ? meaningful : terms.length ? terms : all)];
	return keys && kept.length > 1 ? [...new Set(kept.map((t) => (KEY_TERMS.has(t) ? KEY_TERM : t)))] : kept;
}

/** The order-free key two headers share when they say the same: sorted terms joined by a space. */
export function headerKey(header: string): string {
	return [...headerTerms(header)].sort().join(' ');
}
