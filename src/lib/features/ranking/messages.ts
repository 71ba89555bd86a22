// Texts of the ranking page (Ranking por dimensión).
const es = {
	title: 'Ranking',
	heading: (dim: string) => `Ranking por ${dim.toLowerCase()}`,
	picker: 'Una fila por',
	pickerLabel: 'Dimensión',
	apply: 'Aplicar',
	tableTitle: (dim: string) => `Ranking por ${dim.toLowerCase()}`,
	values: (n: string) => `${n} valores`,
	columns: {
		revenue: 'Ingresos',
		change: 'Variación de ingresos',
		mom: (month: string) => `Crecimiento mensual (${month})`,
		momPlain: 'Crecimiento mensual',
		activation: 'Activación',
		hit: 'Aceptación de presupuestos',
		win: 'Cierre de oportunidades',
		status: { mom: 'Estado del crecimiento', activation: 'Estado de la activación', quote_hit: 'Estado de la aceptación' }
	},
	portfolioMark: '*',
	notes: {
		change: (period: string) => `Variación de ingresos: frente a ${period}, la comparación elegida arriba.`,
		equal: 'Cada fila es la misma cifra que muestra el tablero filtrado por ese valor: al pulsar un nombre se aplica ese filtro.',
		portfolio: (mark: string) =>
			`${mark} Umbral de la cartera: el valor no tiene umbral propio en Ajustes y se juzga con el de la cartera. Con un filtro, Resumen no da veredicto en ese caso.`,
		filtered: 'Con los filtros aplicados, «la cartera» es la vista filtrada.',
		win: 'La tasa de cierre no tiene umbral definido: se muestra sin veredicto.',
		noComparison: (month: string) => `Sin variación: los datos no llegan a ${month}, el primer mes del período de comparación.`
	},
	empty: 'No hay valores de esta dimensión en el período.',
	/** While each row's other figures are still being worked out (they follow the revenue). */
	pending: 'Calculando el crecimiento, la activación y las tasas de cada fila…',
	pendingCell: '…',
	failed: 'No se pudieron calcular el crecimiento, la activación ni las tasas: vuelva a cargar la página.',
	/** Resumen's link to this page. */
	fromOverview: 'Ranking por ejecutivo'
};

export type RankingMessages = typeof es;

const en: RankingMessages = {
	title: 'Ranking',
	heading: (dim) => `Ranking by ${dim.toLowerCase()}`,
	picker: 'One row per',
	pickerLabel: 'Dimension',
	apply: 'Apply',
	tableTitle: (dim) => `Ranking by ${dim.toLowerCase()}`,
	values: (n) => `${n} values`,
	columns: {
		revenue: 'Revenue',
		change: 'Revenue change',
		mom: (month) => `Monthly growth (${month})`,
		momPlain: 'Monthly growth',
		activation: 'Activation rate',
		hit: 'Quote hit rate',
		win: 'Opportunity win rate',
		status: { mom: 'Growth status', activation: 'Activation status', quote_hit: 'Hit rate status' }
	},
	portfolioMark: '*',
	notes: {
		change: (period) => `Revenue change: against ${period}, the comparison chosen above.`,
		equal: 'Each row is the figure the dashboard shows filtered to that value: click a name to apply that filter.',
		portfolio: (mark) => `${mark} Portfolio threshold: the value has no threshold of its own in Settings and is judged by the portfolio's. Under a filter, Overview gives no verdict then.`,
		filtered: 'With the filters in force, "the portfolio" is the filtered view.',
		win: 'The win rate has no threshold: it is shown without a verdict.',
		noComparison: (month) => `No change: the data does not reach back to ${month}, the comparison period's first month.`
	},
	empty: 'No value of this dimension in the period.',
	pending: "Working out each row's growth, activation and rates…",
	pendingCell: '…',
	failed: 'The growth, activation and rates could not be worked out: reload the page.',
	fromOverview: 'Ranking by account manager'
};

export const messages = { es, en };
