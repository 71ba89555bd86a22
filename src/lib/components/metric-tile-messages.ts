// Texts of the figure tiles shared by the activation, forecast and pipeline pages.
const es = {
	vs: (period: string) => `frente a ${period}`,
	noComparison: 'Sin dato en el período de comparación',
	noValue: 'Sin datos para calcularlo en este período',
	better: 'mejora',
	worse: 'empeora'
};
export const en: typeof es = {
	vs: (period) => `vs ${period}`,
	noComparison: 'No figure in the comparison period',
	noValue: 'Not enough data to compute it for this period',
	better: 'better',
	worse: 'worse'
};
export const tileMessages = { es, en };
