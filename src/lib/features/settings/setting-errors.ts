// Why Ajustes refused a value, in the page's language and on the field at fault: the server
// answers the field and, for a band limit, what is wrong (settings-store.ts SettingError); the
// words are here. The English text the server also sends stays for the API and the CLI.
import type { Lang } from '$lib/i18n/lang';
import { bandWords, type BandLimit } from './band-words';

export interface Refusal {
	field?: string;
	code?: 'number' | 'range' | 'order' | null;
	/** The range a limit must fall in, already written in the field's unit. */
	range?: [string, string] | null;
}

const es = {
	number: 'Escribe un número.',
	range: (lo: string, hi: string) => `Escribe un valor de ${lo} a ${hi}.`,
	order: (before: string, higher: boolean) => `Debe ser igual o ${higher ? 'menor' : 'mayor'} que «${before}».`,
	scope: 'Elige el segmento y escribe su valor (hasta 200 caracteres).',
	effective_from: 'Elige un mes válido.',
	other: 'No se pudo guardar: recarga la página y vuelve a intentarlo.',
	definitions: {
		window_days: 'Escribe un número entero de días, de 1 a 3.650.',
		min_invoices: 'Escribe un número entero, de 1 a 1.000.',
		min_amount: 'Escribe un importe de 0 o más.',
		abc_a: 'Escribe un porcentaje mayor que 0 y menor que 100, por debajo del corte B.',
		abc_b: 'Escribe un porcentaje mayor que 0 y menor que 100, por encima del corte A.',
		currency: 'Escribe la moneda en 1 a 12 caracteres, por ejemplo «Bs.» o «USD».',
		stale_days: 'Escribe un número entero de días, de 1 a 3.650.',
		stage_probabilities: 'Escribe una etapa por línea, como «Negociación = 75», con probabilidades de 0 a 100.',
		activation_event: 'Elige una de las opciones.',
		default_lang: 'Elige una de las opciones.'
	} as Record<string, string>
};

const en: typeof es = {
	number: 'Type a number.',
	range: (lo, hi) => `Type a value from ${lo} to ${hi}.`,
	order: (before, higher) => `Must be ${higher ? 'at most' : 'at least'} “${before}”.`,
	scope: 'Choose the segment and type its value (up to 200 characters).',
	effective_from: 'Choose a valid month.',
	other: 'Could not save: reload the page and try again.',
	definitions: {
		window_days: 'Type a whole number of days, from 1 to 3,650.',
		min_invoices: 'Type a whole number, from 1 to 1,000.',
		min_amount: 'Type an amount of 0 or more.',
		abc_a: 'Type a percentage above 0 and below 100, under the B cut-off.',
		abc_b: 'Type a percentage above 0 and below 100, over the A cut-off.',
		currency: 'Type the currency in 1 to 12 characters, e.g. “Bs.” or “USD”.',
		stale_days: 'Type a whole number of days, from 1 to 3,650.',
		stage_probabilities: 'Type one stage per line, such as “Negotiation = 75”, with probabilities from 0 to 100.',
		activation_event: 'Choose one of the options.',
		default_lang: 'Choose one of the options.'
	}
};

const texts = { es, en };
const BEFORE: Record<string, BandLimit> = { observe: 'approve', reject: 'observe' };

/** A band form's refusal (a limit, the segment, the month), said for a KPI whose direction is `direction`. */
export function bandRefusal(lang: Lang, direction: 'higher' | 'lower', r: Refusal): string {
	const t = texts[lang];
	if (r.field === 'scope') return t.scope;
	if (r.field === 'effective_from') return t.effective_from;
	if (r.code === 'number') return t.number;
	if (r.code === 'range' && r.range) return t.range(r.range[0], r.range[1]);
	if (r.code === 'order' && r.field && BEFORE[r.field]) return t.order(bandWords[lang][direction][BEFORE[r.field]!], direction === 'higher');
	return t.other;
}

/** The definitions form's refusal of `field`. */
export function definitionRefusal(lang: Lang, field: string | undefined): string {
	const t = texts[lang];
	return (field && t.definitions[field]) || t.other;
}
