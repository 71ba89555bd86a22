// Spanish texts (the default language). en.ts must have exactly the same keys: see Messages.
import type { DimensionId } from '../dimensions';

export const es = {
	app: {
		name: 'Cartera',
		skipToContent: 'Saltar al contenido'
	},
	nav: {
		label: 'Secciones',
		menu: 'Menú',
		overview: 'Resumen',
		segments: 'Segmentos',
		concentration: 'Concentración',
		activation: 'Activación',
		forecast: 'Pronóstico',
		pipeline: 'Embudo',
		ranking: 'Ranking',
		clients: 'Clientes',
		alerts: 'Alertas',
		upload: 'Cargar datos',
		settings: 'Ajustes',
		logout: 'Salir',
		users: 'Usuarios'
	},
	roles: { viewer: 'Lectura', analyst: 'Analista', admin: 'Administración' },
	filters: {
		label: 'Filtros',
		period: 'Período',
		from: 'Desde',
		to: 'Hasta',
		presets: { last12: 'Últimos 12 meses', ytd: 'Año en curso', previousYear: 'Año anterior' },
		all: 'Todos',
		apply: 'Aplicar',
		compare: 'Comparar con',
		compareWith: { previous: 'Período anterior', year: 'Mismo período del año anterior' },
		active: 'Filtros activos',
		remove: (label: string) => `Quitar el filtro ${label}`,
		clearAll: 'Quitar todos',
		filterBy: (label: string) => `Filtrar por ${label}`,
		activeCount: (n: number) => (n === 1 ? '1 filtro' : `${n} filtros`)
	},
	dims: {
		product: 'Producto',
		product_line: 'Línea de producto',
		business_unit: 'Unidad de negocio',
		client_type: 'Tipo de cliente',
		size: 'Tamaño',
		sector: 'Sector',
		legal_form: 'Forma jurídica',
		region: 'Región',
		crm_status: 'Estado en el CRM',
		account_manager: 'Ejecutivo de cuenta',
		billing_tier: 'Categoría de facturación',
		status: 'Estado calculado'
	} satisfies Record<DimensionId, string>, // one label per dimension of the registry (lib/dimensions.ts)
	clientStatus: { active: 'Activo', inactive: 'Inactivo', potential: 'Potencial' } as Record<string, string>,
	kpiStatus: { approved: 'Aprobado', acceptable: 'Aceptable', observed: 'Observado', rejected: 'Rechazado', none: 'Sin evaluar' },
	table: {
		exportCsv: 'Descargar CSV',
		sortBy: (label: string) => `Ordenar por ${label}`,
		noRows: 'No hay filas para mostrar.',
		unknown: '(sin dato)'
	},
	pager: {
		pagination: 'Paginación',
		showing: (first: string, last: string, total: string) => `Mostrando ${first}–${last} de ${total}`,
		previous: 'Anterior',
		next: 'Siguiente',
		goToPage: (page: string) => `Ir a la página ${page}`
	},
	chartTools: {
		svg: 'SVG',
		png: 'PNG',
		download: (format: string) => `Descargar el gráfico como ${format}`,
		showData: 'Ver los datos del gráfico',
		clickHint: 'Pulsa un elemento para filtrar todo el panel por él.',
		listHint: 'Pulsa una barra para ver su lista, con importes.'
	},
	loading: 'Cargando…',
	language: {
		label: 'Idioma',
		names: { es: 'Español', en: 'English' }
	},
	overview: {
		title: 'Resumen',
		heading: 'Resumen de la cartera',
		asOf: (date: string) => `Cifras al ${date}`,
		kpisLabel: 'Indicadores principales',
		vs: (period: string) => `frente a ${period}`,
		noComparison: 'Sin datos del período de comparación',
		points: 'pp',
		ofClients: (n: string) => `de ${n} clientes del registro`,
		bands: {
			higher: (approve: string, observe: string, reject: string) => `Aprobado ≥ ${approve} · Observado < ${observe} · Rechazado < ${reject}`,
			lower: (approve: string, observe: string, reject: string) => `Aprobado ≤ ${approve} · Observado > ${observe} · Rechazado > ${reject}`
		},
		cards: {
			revenue: 'Facturación',
			growthSub: (month: string) => `${month} frente al mes anterior`,
			active: 'Clientes activos',
			forecast_sparkline: 'Tendencia: error absoluto por mes'
		},
		growthChart: {
			title: 'Facturación mensual y estado del crecimiento',
			subtitle: (currency: string) => `${currency} por mes; el color es el estado del crecimiento frente al mes anterior`,
			momTitle: 'Crecimiento mensual frente a los umbrales',
			momSubtitle: 'Variación frente al mes anterior (%); las franjas son los umbrales de la gerencia',
			earlier: 'Antes del período',
			partial: 'Mes en curso (parcial)',
			mom: 'Crecimiento',
			status: 'Estado',
			yoy: 'Frente al año anterior'
		}
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
		loadHere: 'Carga las exportaciones de facturas de tu ERP (CSV o Excel) y, si quieres, las de clientes y productos en',
		loadLink: 'Cargar datos',
		askAnalyst: 'Un analista o la administración puede cargar las exportaciones de facturas en Cargar datos.'
	}
};

export type Messages = typeof es;
