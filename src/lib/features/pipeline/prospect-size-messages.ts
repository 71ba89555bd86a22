// Texts of Embudo's prospect-size tile (the register's "tamaño de prospecto $$/año"): the figure,
// the definition it used and how many prospects each source sized.
import type { Lang } from '$lib/i18n';

const es = {
	label: 'Tamaño de prospecto (por año)',
	hint: 'Compra anual esperada por prospecto: su potencial declarado, o sus oportunidades de los últimos 12 meses',
	basis: {
		declared: (n: string) => `Según el potencial declarado (${n} prospectos)`,
		opportunities: (n: string) => `Según sus oportunidades de un año (${n} prospectos)`,
		mixed: (declared: string, opportunities: string) => `Potencial declarado (${declared}) u oportunidades de un año (${opportunities})`
	},
	unsized: (n: string) => `; ${n} sin dato`,
	none: (n: string) => `${n} prospectos, ninguno con potencial ni importe`
};

const en: typeof es = {
	label: 'Prospect size (per year)',
	hint: 'Expected yearly purchase per prospect: its declared potential, else its opportunities of the last 12 months',
	basis: {
		declared: (n) => `From the declared potential (${n} prospects)`,
		opportunities: (n) => `From a year of their opportunities (${n} prospects)`,
		mixed: (declared, opportunities) => `Declared potential (${declared}) or a year of opportunities (${opportunities})`
	},
	unsized: (n) => `; ${n} without a size`,
	none: (n) => `${n} prospects, none with a potential or an amount`
};

export const prospectSizeMessages = { es, en } satisfies Record<Lang, typeof es>;
