// Texts of the activation and life-cycle page (Activación y ciclo de vida).
import type { Compare } from '../../months';

const es = {
	title: 'Activación y ciclo de vida',
	heading: 'Activación y ciclo de vida',
	asOf: (date: string) => `Estados al ${date}`,
	tilesLabel: 'Indicadores de activación',
	tiles: {
		activationRate: 'Tasa de activación',
		activationRateHint: (active: string, total: string) => `${active} clientes activos de ${total} en el registro`,
		prospects: 'Prospectos expuestos',
		prospectsHint: 'Sin compras antes del período, dados de alta hasta la fecha',
		activated: 'Activados en el período',
		activatedHint: (rate: string) => `Primera compra en el período: ${rate} de los prospectos`,
		medianDays: 'Días hasta la activación',
		medianDaysHint: 'Mediana de días entre el alta y la primera compra',
		days: (n: string) => `${n} días`,
		repeatRate: 'Tasa de recompra',
		repeatRateHint: 'Clientes con compras en el período que ya habían comprado antes',
		linesPerClient: 'Líneas de producto por cliente',
		linesPerClientHint: 'Media de líneas distintas compradas por cliente en el período'
	},
	statusMix: {
		title: 'Clientes por estado, fin de cada mes',
		subtitle: 'Número de clientes del registro: activos, inactivos y potenciales',
		aria: (from: string, to: string) => `Barras apiladas de clientes activos, inactivos y potenciales por mes, de ${from} a ${to}`,
		unit: 'Clientes',
		share: 'Proporción'
	},
	rates: {
		title: 'Tasa de activación por mes',
		subtitle: 'Clientes activos / clientes del registro, al cierre de cada mes (%)',
		aria: (from: string, to: string) => `Línea de la tasa de activación mensual, de ${from} a ${to}`,
		target: (value: string) => `Aprobado ≥ ${value}`,
		activeOf: (active: string, total: string) => `Activos: ${active} de ${total}`,
		variants: (amount: string, frequency: string) => `Por volumen: ${amount} · por frecuencia: ${frequency}`
	},
	conversion: {
		title: 'Conversión de prospectos por mes',
		subtitle: 'Primera compra en el mes / prospectos expuestos (%)',
		aria: (from: string, to: string) => `Línea de la conversión mensual de prospectos, de ${from} a ${to}`,
		activated: (n: string) => `Activados: ${n}`
	},
	bridge: {
		title: 'Puente de facturación',
		subtitle: (compare: Compare, previous: string, current: string, currency: string) =>
			`${compare === 'year' ? 'Del mismo período del año anterior' : 'Del período anterior'} (${previous}) al período actual (${current}), en ${currency}: verde suma, rojo resta`,
		aria: (compare: Compare, currency: string) =>
			`Gráfico de cascada de la facturación ${compare === 'year' ? 'del mismo período del año anterior' : 'del período anterior'} a la del período, en ${currency}`,
		/** The two totals' names, with their months (tips, table, legend). */
		previousLabel: (compare: Compare, months: string) => `${compare === 'year' ? 'Mismo período del año anterior' : 'Período anterior'} (${months})`,
		currentLabel: (months: string) => `Período actual (${months})`,
		step: 'Concepto',
		amount: 'Importe',
		runningTotal: 'Acumulado',
		labels: {
			revenue_previous: 'Período anterior',
			new: 'Nuevos',
			reactivated: 'Reactivados',
			expansion: 'Expansión',
			contraction: 'Contracción',
			churned: 'Perdidos',
			other: 'Otros',
			revenue: 'Período actual'
		},
		reconciles: 'El puente cuadra al centavo con la facturación del período.',
		notReconciled: 'Atención: los conceptos no suman la facturación del período.'
	},
	movements: {
		title: 'Movimientos de clientes',
		subtitle: (compare: Compare, previous: string) =>
			`Clientes según su facturación frente al ${compare === 'year' ? 'mismo período del año anterior' : 'período anterior'} (${previous})`,
		aria: 'Barras horizontales del número de clientes por movimiento',
		movement: 'Movimiento',
		count: 'Clientes',
		labels: {
			new: 'Nuevos',
			reactivated: 'Reactivados',
			expanded: 'Crecieron',
			contracted: 'Decrecieron',
			churned: 'Perdidos',
			stable: 'Sin cambio',
			other: 'Otros'
		}
	},
	table: {
		month: 'Mes',
		clients: 'Clientes',
		activationRate: 'Tasa de activación',
		rateByAmount: 'Tasa por volumen',
		rateByFrequency: 'Tasa por frecuencia',
		conversion: 'Conversión de prospectos',
		activated: 'Activados'
	},
	emptyClients: {
		title: 'Falta el registro de clientes',
		body: 'La activación se mide sobre los clientes del registro, y no hay ninguno cargado: falta el archivo de clientes del ERP, con el que se ven los estados y la conversión.'
	}
};

export const en: typeof es = {
	title: 'Activation and life cycle',
	heading: 'Activation and life cycle',
	asOf: (date) => `Statuses as of ${date}`,
	tilesLabel: 'Activation figures',
	tiles: {
		activationRate: 'Activation rate',
		activationRateHint: (active, total) => `${active} active clients of ${total} in the register`,
		prospects: 'Prospects exposed',
		prospectsHint: 'No purchase before the period, registered by the date',
		activated: 'Activated in the period',
		activatedHint: (rate) => `First purchase in the period: ${rate} of the prospects`,
		medianDays: 'Days to activation',
		medianDaysHint: 'Median days from registration to first purchase',
		days: (n) => `${n} days`,
		repeatRate: 'Repeat rate',
		repeatRateHint: 'Clients buying in the period who had bought before',
		linesPerClient: 'Product lines per client',
		linesPerClientHint: 'Mean distinct product lines bought per client in the period'
	},
	statusMix: {
		title: 'Clients by status, each month end',
		subtitle: 'Clients in the register: active, inactive and potential',
		aria: (from, to) => `Stacked bars of active, inactive and potential clients by month, ${from} to ${to}`,
		unit: 'Clients',
		share: 'Share'
	},
	rates: {
		title: 'Activation rate by month',
		subtitle: 'Active clients / clients in the register, at each month end (%)',
		aria: (from, to) => `Line of the monthly activation rate, ${from} to ${to}`,
		target: (value) => `Approved ≥ ${value}`,
		activeOf: (active, total) => `Active: ${active} of ${total}`,
		variants: (amount, frequency) => `By volume: ${amount} · by frequency: ${frequency}`
	},
	conversion: {
		title: 'Prospect conversion by month',
		subtitle: 'First purchase in the month / prospects exposed (%)',
		aria: (from, to) => `Line of the monthly prospect conversion, ${from} to ${to}`,
		activated: (n) => `Activated: ${n}`
	},
	bridge: {
		title: 'Revenue bridge',
		subtitle: (compare, previous, current, currency) =>
			`From the ${compare === 'year' ? 'same period last year' : 'previous period'} (${previous}) to this period (${current}), in ${currency}: green adds, red subtracts`,
		aria: (compare, currency) => `Waterfall chart from the revenue of the ${compare === 'year' ? 'same period last year' : 'previous period'} to this period's, in ${currency}`,
		previousLabel: (compare, months) => `${compare === 'year' ? 'Same period last year' : 'Previous period'} (${months})`,
		currentLabel: (months) => `This period (${months})`,
		step: 'Step',
		amount: 'Amount',
		runningTotal: 'Running total',
		labels: {
			revenue_previous: 'Previous period',
			new: 'New',
			reactivated: 'Reactivated',
			expansion: 'Expansion',
			contraction: 'Contraction',
			churned: 'Churned',
			other: 'Other',
			revenue: 'This period'
		},
		reconciles: 'The bridge adds up to this period’s revenue to the cent.',
		notReconciled: 'Warning: the steps do not add up to this period’s revenue.'
	},
	movements: {
		title: 'Client movements',
		subtitle: (compare, previous) => `Clients by their revenue against the ${compare === 'year' ? 'same period last year' : 'previous period'} (${previous})`,
		aria: 'Horizontal bars of the number of clients by movement',
		movement: 'Movement',
		count: 'Clients',
		labels: {
			new: 'New',
			reactivated: 'Reactivated',
			expanded: 'Expanded',
			contracted: 'Contracted',
			churned: 'Churned',
			stable: 'Unchanged',
			other: 'Other'
		}
	},
	table: {
		month: 'Month',
		clients: 'Clients',
		activationRate: 'Activation rate',
		rateByAmount: 'Rate by volume',
		rateByFrequency: 'Rate by frequency',
		conversion: 'Prospect conversion',
		activated: 'Activated'
	},
	emptyClients: {
		title: 'The client register is missing',
		body: 'Activation is measured on the clients of the register, and none is loaded: the ERP\'s client file is missing, from which the statuses and conversion are shown.'
	}
};

export const messages = { es, en };
