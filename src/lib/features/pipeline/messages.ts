// Texts of the commercial pipeline page (Embudo comercial).
const es = {
	title: 'Embudo comercial',
	heading: 'Embudo comercial',
	tilesLabel: 'Indicadores del proceso comercial',
	stages: { leads: 'Prospectos', opportunities: 'Oportunidades', quotes: 'Presupuestos', won: 'Ganadas' },
	tiles: {
		winRate: 'Tasa de cierre',
		winRateHint: 'Ganadas / (ganadas + perdidas) cerradas en el período; las no ofertadas (no go) no cuentan',
		winRateAmount: 'Tasa de cierre por importe',
		winRateAmountHint: 'Importe ganado / importe ganado y perdido',
		cycle: 'Ciclo de venta',
		cycleHint: 'Mediana de días desde la creación hasta el cierre, solo ganadas',
		days: (n: string) => `${n} días`,
		prospectSize: 'Importe medio por oportunidad',
		prospectSizeHint: 'Importe medio de las oportunidades creadas en el período',
		quotesPerMonth: 'Presupuestos por mes',
		quotesPerMonthHint: 'Presupuestos emitidos en el período / meses'
	},
	monthsChart: {
		title: 'Etapas del embudo por mes',
		subtitle: 'Número de registros: prospectos y oportunidades creados, presupuestos emitidos, ventas ganadas',
		aria: (from: string, to: string) => `Líneas de prospectos, oportunidades, presupuestos y ventas ganadas por mes, de ${from} a ${to}`,
		unit: 'Registros',
		month: 'Mes'
	},
	funnel: {
		title: 'Embudo del período',
		subtitle: 'Totales del período; cada etapa se cuenta en su propio registro',
		aria: (from: string, to: string) => `Embudo de los totales por etapa, de ${from} a ${to}`,
		stage: 'Etapa',
		count: 'Registros',
		ofLeads: 'Respecto de los prospectos'
	},
	empty: {
		title: 'No hay datos del CRM en el período',
		body: 'Faltan las oportunidades (prospectos y oportunidades del CRM) y los presupuestos de este período, con los que se dibuja el embudo.'
	}
};

export const en: typeof es = {
	title: 'Sales pipeline',
	heading: 'Sales pipeline',
	tilesLabel: 'Sales process figures',
	stages: { leads: 'Leads', opportunities: 'Opportunities', quotes: 'Quotes', won: 'Won' },
	tiles: {
		winRate: 'Win rate',
		winRateHint: 'Won / (won + lost) closed in the period; declined ones (no go) do not count',
		winRateAmount: 'Win rate by amount',
		winRateAmountHint: 'Amount won / amount won and lost',
		cycle: 'Sales cycle',
		cycleHint: 'Median days from creation to close, won only',
		days: (n) => `${n} days`,
		prospectSize: 'Mean opportunity amount',
		prospectSizeHint: 'Mean amount of the opportunities created in the period',
		quotesPerMonth: 'Quotes per month',
		quotesPerMonthHint: 'Quotes issued in the period / months'
	},
	monthsChart: {
		title: 'Pipeline stages by month',
		subtitle: 'Number of records: leads and opportunities created, quotes issued, deals won',
		aria: (from, to) => `Lines of leads, opportunities, quotes and deals won by month, ${from} to ${to}`,
		unit: 'Records',
		month: 'Month'
	},
	funnel: {
		title: 'Funnel of the period',
		subtitle: 'Period totals; each stage is counted in its own records',
		aria: (from, to) => `Funnel of the totals by stage, ${from} to ${to}`,
		stage: 'Stage',
		count: 'Records',
		ofLeads: 'Relative to leads'
	},
	empty: {
		title: 'No CRM data in the period',
		body: 'The opportunities (CRM leads and opportunities) and the quotes of this period are missing; the pipeline is drawn from them.'
	}
};

export const messages = { es, en };
