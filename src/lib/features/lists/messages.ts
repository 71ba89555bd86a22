// The list page's texts (Spanish and English): what each list is, its columns and its total.
import type { Lang } from '$lib/i18n/lang';

const es = {
	title: 'Lista',
	back: 'Volver',
	backTo: { retention_event: 'Volver a Activación', activation: 'Volver a Activación', abc_tier: 'Volver a Concentración', segment: 'Volver a Segmentos', funnel_stage: 'Volver al Embudo', sales_event: 'Volver a Activación', stale: 'Volver al Embudo', open_stage: 'Volver al Embudo' },
	/** The list's heading: who is in it. */
	heading: {
		retention_event: {
			new: 'Clientes nuevos',
			reactivated: 'Clientes reactivados',
			expansion: 'Clientes que crecieron',
			contraction: 'Clientes que decrecieron',
			churned: 'Clientes perdidos',
			stable: 'Clientes sin cambio',
			other: 'Otros clientes'
		} as Record<string, string>,
		activation: {
			prospects_exposed: 'Prospectos expuestos',
			activated: 'Clientes activados',
			active: 'Clientes activos',
			inactive: 'Clientes inactivos',
			potential: 'Clientes potenciales'
		} as Record<string, string>,
		abc_tier: (tier: string, product: boolean) => (product ? `Productos del tramo ${tier}` : `Clientes del tramo ${tier}`),
		segment: (dim: string, value: string) => `Clientes de ${dim}: ${value}`,
		funnel_stage: {
			leads: 'Prospectos creados',
			opportunities: 'Oportunidades creadas',
			quotes: 'Cotizaciones emitidas',
			won: 'Oportunidades ganadas'
		} as Record<string, string>,
		sales_event: {
			repeat: 'Clientes que repitieron compra',
			cross_sell: 'Clientes que compraron una línea nueva para ellos',
			first_purchase: 'Clientes con su primera compra'
		} as Record<string, string>,
		stale: { opportunities: 'Oportunidades estancadas', quotes: 'Presupuestos enviados con la validez vencida' } as Record<string, string>,
		open_stage: (stage: string) => `Oportunidades abiertas en la etapa ${stage}`,
		noStage: 'sin etapa'
	},
	/** Who is in the list, in a sentence (the rule of the figure), where the heading does not say it. */
	rule: {
		retention_event: {
			new: 'Compraron en el período y nunca antes.',
			reactivated: 'Compraron en el período, no en el período de comparación, y sí alguna vez antes.',
			expansion: 'Facturaron más que en el período de comparación.',
			contraction: 'Facturaron menos que en el período de comparación, pero algo.',
			churned: 'Facturaron en el período de comparación y nada (o solo notas de crédito) en este.',
			stable: 'Facturaron lo mismo en los dos períodos.',
			other: 'Sin facturación positiva en ninguno de los dos períodos, con distinto saldo.'
		} as Record<string, string>,
		retentionAmount: 'Variación = facturación del período − la del período de comparación; el total es la barra del puente de facturación.',
		stale: {
			opportunities: (days: string) => `Oportunidades abiertas (sin prospectos) sin cambios desde hace ${days} días o más (la última modificación o, sin ella, la fecha de creación); las más paradas primero.`,
			quotes: () => 'Presupuestos enviados cuya validez terminó antes de la fecha, sin aceptar ni rechazar; los más vencidos primero.'
		} as Record<string, (days: string) => string>,
		openStage: 'Oportunidades abiertas a la fecha (sin prospectos), como las cuenta el pipeline abierto por etapa.',
		activation: {
			prospects_exposed: 'Clientes del registro sin compras antes del período y dados de alta a la fecha (o sin fecha de alta).',
			activated: 'Prospectos expuestos cuya primera compra cae en el período.',
			active: 'Estado a la fecha según la regla de Ajustes (ventana, número de facturas e importe mínimos).',
			inactive: 'Estado a la fecha según la regla de Ajustes: compraron alguna vez, pero no lo bastante en la ventana.',
			potential: 'Clientes del registro que aún no han comprado a la fecha.'
		} as Record<string, string>
	},
	/** "ene 2026 – oct 2026 frente a ene 2025 – oct 2025" */
	versus: (period: string, previous: string) => `${period} frente a ${previous}`,
	/** A status is as of a date: the period's as-of day, or a month's last day. */
	asOf: (when: string, date: string) => `${when}, al ${date}`,
	columns: {
		id: 'Código',
		client: 'Cliente',
		product: 'Producto',
		revenue: 'Facturación',
		change: 'Variación',
		amount: 'Importe',
		revenueIn: (period: string) => `Facturación ${period}`,
		created: 'Alta',
		firstPurchase: 'Primera compra',
		newLines: 'Líneas nuevas',
		day: { leads: 'Creado', opportunities: 'Creada', quotes: 'Emitida', won: 'Cerrada' } as Record<string, string>,
		/** The open-pipeline lists' own columns. */
		record: {
			stage: 'Etapa',
			owner: 'Responsable',
			created_at: 'Creada',
			last_change_at: 'Última modificación',
			age_days: 'Días abierta',
			idle_days: 'Días sin cambios',
			issued_at: 'Emitida',
			valid_until: 'Válida hasta',
			days_past: 'Días vencida'
		} as Record<string, string>
	},
	noClient: 'Sin cliente',
	total: 'Total',
	count: (n: string, entity: 'client' | 'product' | 'record', key: string) =>
		entity === 'product' ? `${n} productos` : entity === 'record' ? (key === 'quotes' ? `${n} cotizaciones` : key === 'leads' ? `${n} prospectos` : `${n} oportunidades`) : `${n} clientes`,
	summary: (count: string, total: string) => `${count} · total ${total}`,
	empty: 'No hay nadie en esta lista para el período y los filtros elegidos.',
	seeList: 'Ver la lista:',
	paged: (size: string) => `La lista se muestra de ${size} en ${size} filas, en su orden. El CSV las tiene todas.`,
	csvAll: (n: string) => `Descargar CSV (las ${n} filas)`,
	csvPreparing: 'Preparando el CSV…',
	csvFailed: 'No se pudo preparar el CSV. Vuelve a intentarlo.'
};

const en: typeof es = {
	title: 'List',
	back: 'Back',
	backTo: { retention_event: 'Back to Activation', activation: 'Back to Activation', abc_tier: 'Back to Concentration', segment: 'Back to Segments', funnel_stage: 'Back to Pipeline', sales_event: 'Back to Activation', stale: 'Back to Pipeline', open_stage: 'Back to Pipeline' },
	heading: {
		retention_event: {
			new: 'New clients',
			reactivated: 'Reactivated clients',
			expansion: 'Expanding clients',
			contraction: 'Contracting clients',
			churned: 'Churned clients',
			stable: 'Unchanged clients',
			other: 'Other clients'
		},
		activation: {
			prospects_exposed: 'Exposed prospects',
			activated: 'Activated clients',
			active: 'Active clients',
			inactive: 'Inactive clients',
			potential: 'Potential clients'
		},
		abc_tier: (tier, product) => (product ? `Tier ${tier} products` : `Tier ${tier} clients`),
		segment: (dim, value) => `Clients in ${dim}: ${value}`,
		funnel_stage: { leads: 'Leads created', opportunities: 'Opportunities created', quotes: 'Quotes issued', won: 'Opportunities won' },
		sales_event: { repeat: 'Clients who bought again', cross_sell: 'Clients who bought a product line new to them', first_purchase: 'Clients with their first purchase' },
		stale: { opportunities: 'Stale opportunities', quotes: 'Sent quotes past their validity' },
		open_stage: (stage) => `Open opportunities at stage ${stage}`,
		noStage: 'no stage'
	},
	rule: {
		retention_event: {
			new: 'Bought in the period and never before.',
			reactivated: 'Bought in the period, not in the comparison period, and at some time before.',
			expansion: 'Billed more than in the comparison period.',
			contraction: 'Billed less than in the comparison period, but something.',
			churned: 'Billed in the comparison period and nothing (or only credit notes) in this one.',
			stable: 'Billed the same in both periods.',
			other: 'No positive revenue in either period, with a different balance.'
		},
		retentionAmount: 'Change = the period’s revenue − the comparison period’s; the total is the revenue bridge’s bar.',
		stale: {
			opportunities: (days) => `Open opportunities (leads aside) with no change for ${days} days or more (since the last change or, without one, since created); the longest idle first.`,
			quotes: () => 'Sent quotes whose validity ended before the date, neither accepted nor declined; the longest expired first.'
		},
		openStage: 'Open opportunities at the date (leads aside), as the open pipeline by stage counts them.',
		activation: {
			prospects_exposed: 'Clients of the register with no purchase before the period, registered by the date (or with no registration date).',
			activated: 'Exposed prospects whose first purchase falls in the period.',
			active: 'Status at the date by the rule in Settings (window, minimum invoices and amount).',
			inactive: 'Status at the date by the rule in Settings: bought at some time, but not enough in the window.',
			potential: 'Clients of the register who have not bought yet at the date.'
		}
	},
	versus: (period, previous) => `${period} against ${previous}`,
	asOf: (when, date) => `${when}, as of ${date}`,
	columns: {
		id: 'Code',
		client: 'Client',
		product: 'Product',
		revenue: 'Revenue',
		change: 'Change',
		amount: 'Amount',
		revenueIn: (period) => `Revenue ${period}`,
		created: 'Created',
		firstPurchase: 'First purchase',
		newLines: 'New product lines',
		day: { leads: 'Created', opportunities: 'Created', quotes: 'Issued', won: 'Closed' },
		record: {
			stage: 'Stage',
			owner: 'Owner',
			created_at: 'Created',
			last_change_at: 'Last change',
			age_days: 'Days open',
			idle_days: 'Days without change',
			issued_at: 'Issued',
			valid_until: 'Valid until',
			days_past: 'Days expired'
		}
	},
	noClient: 'No client',
	total: 'Total',
	count: (n, entity, key) =>
		entity === 'product' ? `${n} products` : entity === 'record' ? (key === 'quotes' ? `${n} quotes` : key === 'leads' ? `${n} leads` : `${n} opportunities`) : `${n} clients`,
	summary: (count, total) => `${count} · total ${total}`,
	empty: 'Nobody is in this list for the chosen period and filters.',
	seeList: 'See the list:',
	paged: (size) => `The list is shown ${size} rows at a time, in its order. The CSV has them all.`,
	csvAll: (n) => `Download CSV (all ${n} rows)`,
	csvPreparing: 'Preparing the CSV…',
	csvFailed: 'The CSV could not be prepared. Try again.'
};

export const messages: Record<Lang, typeof es> = { es, en };
