// Texts of the Segmentos page (shared words such as dimension names come from $lib/i18n).
const es = {
	title: 'Segmentos',
	heading: 'Facturación por segmento',
	picker: 'Segmentar por',
	picker2: 'Cruzar con',
	apply: 'Aplicar',
	total: 'Facturación total',
	segmentsCount: (n: string) => (n === '1' ? '1 segmento' : `${n} segmentos`),
	barsTitle: (dim: string) => `Facturación por ${dim.toLowerCase()}`,
	barsSub: (currency: string, period: string) => `En ${currency}, ${period}. Porcentaje: participación en la facturación.`,
	barsTop: (shown: number, total: number) => `Se muestran los ${shown} mayores de ${total}; el resto se suma en «Otros».`,
	barsAria: (dim: string, currency: string) => `Gráfico de barras horizontales de la facturación por ${dim.toLowerCase()} en ${currency}`,
	others: (n: string) => `Otros (${n})`,
	tableTitle: (dim: string) => `Segmentos por ${dim.toLowerCase()}`,
	tableSub: (period: string) => `Comparación: facturación de ${period} y variación. Pulsa un segmento para filtrar el panel.`,
	segment: 'Segmento',
	productCode: 'Código',
	productName: 'Producto',
	revenue: 'Facturación',
	share: 'Participación',
	clients: 'Clientes',
	lines: 'Líneas',
	revenuePerClient: 'Por cliente',
	previous: 'Comparación',
	change: 'Variación',
	heatTitle: (dim: string, dim2: string) => `${dim} × ${dim2.toLowerCase()}`,
	heatSub: (currency: string) => `Facturación en ${currency}; color más oscuro, más facturación.`,
	heatTop: (limit: number, rows: number, cols: number) =>
		`Se muestran los ${limit} valores con más facturación de cada dimensión (de ${rows} y ${cols}).`,
	heatAll: 'Se muestran todos los valores de ambas dimensiones.',
	heatAria: (dim: string, dim2: string) => `Mapa de calor de la facturación por ${dim.toLowerCase()} y ${dim2.toLowerCase()}`,
	rowShare: (dim: string) => `Participación en ${dim.toLowerCase()}`,
	legendLow: 'Menos',
	legendHigh: 'Más',
	noLines: {
		title: 'No hay ventas en este período',
		body: 'No hay líneas de factura en este período con los filtros elegidos. Cambia el período o quita algún filtro; si faltan las facturas de este período, hay que cargarlas.'
	}
};

export const en: typeof es = {
	title: 'Segments',
	heading: 'Revenue by segment',
	picker: 'Segment by',
	picker2: 'Cross with',
	apply: 'Apply',
	total: 'Total revenue',
	segmentsCount: (n: string) => (n === '1' ? '1 segment' : `${n} segments`),
	barsTitle: (dim: string) => `Revenue by ${dim.toLowerCase()}`,
	barsSub: (currency: string, period: string) => `In ${currency}, ${period}. Percentage: share of revenue.`,
	barsTop: (shown: number, total: number) => `The ${shown} largest of ${total} are shown; the rest are summed as “Others”.`,
	barsAria: (dim: string, currency: string) => `Horizontal bar chart of revenue by ${dim.toLowerCase()} in ${currency}`,
	others: (n: string) => `Others (${n})`,
	tableTitle: (dim: string) => `Segments by ${dim.toLowerCase()}`,
	tableSub: (period: string) => `Comparison: revenue in ${period} and the change. Click a segment to filter the dashboard.`,
	segment: 'Segment',
	productCode: 'Code',
	productName: 'Product',
	revenue: 'Revenue',
	share: 'Share',
	clients: 'Clients',
	lines: 'Lines',
	revenuePerClient: 'Per client',
	previous: 'Comparison',
	change: 'Change',
	heatTitle: (dim: string, dim2: string) => `${dim} × ${dim2.toLowerCase()}`,
	heatSub: (currency: string) => `Revenue in ${currency}; darker means more revenue.`,
	heatTop: (limit: number, rows: number, cols: number) =>
		`The ${limit} values with the most revenue of each dimension are shown (of ${rows} and ${cols}).`,
	heatAll: 'All values of both dimensions are shown.',
	heatAria: (dim: string, dim2: string) => `Heatmap of revenue by ${dim.toLowerCase()} and ${dim2.toLowerCase()}`,
	rowShare: (dim: string) => `Share of ${dim.toLowerCase()}`,
	legendLow: 'Less',
	legendHigh: 'More',
	noLines: {
		title: 'No sales in this period',
		body: 'There are no invoice lines in this period with the chosen filters. Change the period or remove a filter; if the invoices of this period are missing, they need to be loaded.'
	}
};

export const messages = { es, en };
