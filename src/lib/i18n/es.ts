// Spanish texts (the default language). en.ts must have exactly the same keys: see Messages.
export const es = {
	app: {
		name: 'Cartera',
		skipToContent: 'Saltar al contenido'
	},
	nav: {
		label: 'Secciones',
		overview: 'Resumen'
	},
	language: {
		label: 'Idioma',
		names: { es: 'Español', en: 'English' }
	},
	overview: {
		title: 'Resumen',
		heading: 'Resumen de la cartera',
		asOf: (date: string) => `Cifras al ${date}`,
		kpisLabel: 'Indicadores principales'
	},
	kpi: {
		revenue: 'Facturación',
		revenueHint: 'Meses completos, comparados con los mismos meses un año antes',
		changeVs: (period: string) => `frente a ${period}`,
		noComparison: 'Sin datos del año anterior para comparar',
		active: 'Clientes activos',
		activeHint: (days: number) => `Compraron en los últimos ${days} días`,
		potential: 'Clientes potenciales',
		potentialHint: 'En el registro de clientes, sin compras',
		inactive: 'Clientes inactivos',
		inactiveHint: (days: number) => `Compraron antes, no en los últimos ${days} días`
	},
	chart: {
		title: 'Facturación mensual',
		ariaLabel: (from: string, to: string, currency: string) =>
			`Gráfico de barras de la facturación mensual en ${currency}, de ${from} a ${to}`,
		inPeriod: 'Período seleccionado',
		earlier: 'Meses anteriores',
		showData: 'Ver los datos del gráfico',
		month: 'Mes',
		revenue: (currency: string) => `Facturación (${currency})`
	},
	empty: {
		title: 'Todavía no hay facturas cargadas',
		body: 'Cuando haya facturas, aquí verás la facturación y la evolución de los clientes.',
		loadFile: 'Para cargar un archivo de facturas, ejecuta en la carpeta del proyecto:',
		ingestCommand: 'npm run ingest -- archivo.csv',
		tryDemo: 'O, para probar con datos de demostración:',
		demoCommand: 'npm run demo'
	}
};

export type Messages = typeof es;
