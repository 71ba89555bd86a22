// Texts of the forecast and budgets page (Pronóstico y presupuestos).
const es = {
	title: 'Pronóstico y presupuestos',
	heading: 'Pronóstico y presupuestos',
	tilesLabel: 'Indicadores del pronóstico y de los presupuestos',
	scope: {
		total: 'Alcance: pronóstico total de la empresa, frente a toda la facturación.',
		one: (dimension: string, value: string) => `Alcance: pronóstico de ${dimension} «${value}», frente a la facturación filtrada.`,
		several: 'Alcance: hay varios filtros a la vez; ningún pronóstico cargado describe esa intersección, así que no hay comparación.'
	},
	tiles: {
		accuracy: 'Precisión del pronóstico',
		accuracyHint: '1 − WAPE sobre los meses con pronóstico',
		wape: 'WAPE',
		wapeHint: 'Σ |pronóstico − real| / Σ |real|',
		bias: 'Sesgo',
		biasHint: 'Σ (pronóstico − real) / Σ real; positivo = sobreestimado',
		mape: 'MAPE',
		mapeHint: 'Media de |error| / |real| por mes',
		mapeNone: 'Ningún mes excluido',
		mapeExcluded: (months: string) => `Excluye los meses con facturación 0: ${months}`,
		hitRate: 'Tasa de éxito de presupuestos',
		hitRateHint: (accepted: string, issued: string) => `${accepted} aceptados de ${issued} emitidos`,
		hitRateAmount: 'Tasa de éxito por importe',
		hitRateAmountHint: 'Importe aceptado / importe emitido',
		issued: 'Presupuestos emitidos',
		issuedHint: (rejected: string, pending: string) => `${rejected} rechazados, ${pending} pendientes`
	},
	forecastChart: {
		title: 'Pronóstico frente a facturación real',
		subtitle: (currency: string) => `${currency} por mes: barras = real, línea = pronóstico`,
		aria: (from: string, to: string, currency: string) => `Barras de la facturación real y línea del pronóstico por mes, en ${currency}, de ${from} a ${to}`,
		actual: 'Real',
		forecast: 'Pronóstico',
		error: 'Error (pronóstico − real)',
		absError: 'Error absoluto',
		noForecast: 'sin pronóstico'
	},
	hitChart: {
		title: 'Tasa de éxito de presupuestos por mes',
		subtitle: 'Aceptados / emitidos, por mes de emisión (%)',
		aria: (from: string, to: string) => `Barras de la tasa de éxito mensual de los presupuestos, de ${from} a ${to}`,
		month: 'Mes',
		hitRate: 'Tasa de éxito',
		issued: 'Emitidos',
		accepted: 'Aceptados',
		target: (value: string) => `Aprobado ≥ ${value}`
	},
	month: 'Mes',
	emptyForecast: {
		title: 'No hay pronóstico para este alcance',
		body: 'Falta un archivo de pronóstico mensual (total, o por una dimensión como la región) con el que comparar la facturación.'
	},
	emptyQuotes: {
		title: 'No hay presupuestos en el período',
		body: 'Faltan los presupuestos (cotizaciones) de este período, con los que se calcula la tasa de éxito.'
	}
};

export const en: typeof es = {
	title: 'Forecast and budgets',
	heading: 'Forecast and budgets',
	tilesLabel: 'Forecast and quote figures',
	scope: {
		total: 'Scope: the company’s total forecast, against all revenue.',
		one: (dimension, value) => `Scope: the forecast of ${dimension} “${value}”, against the filtered revenue.`,
		several: 'Scope: several filters are set; no loaded forecast describes that intersection, so there is nothing to compare.'
	},
	tiles: {
		accuracy: 'Forecast accuracy',
		accuracyHint: '1 − WAPE over the months with a forecast',
		wape: 'WAPE',
		wapeHint: 'Σ |forecast − actual| / Σ |actual|',
		bias: 'Bias',
		biasHint: 'Σ (forecast − actual) / Σ actual; positive = over-forecast',
		mape: 'MAPE',
		mapeHint: 'Mean of |error| / |actual| by month',
		mapeNone: 'No month excluded',
		mapeExcluded: (months) => `Leaves out the months with zero revenue: ${months}`,
		hitRate: 'Quote hit rate',
		hitRateHint: (accepted, issued) => `${accepted} accepted of ${issued} issued`,
		hitRateAmount: 'Hit rate by amount',
		hitRateAmountHint: 'Amount accepted / amount issued',
		issued: 'Quotes issued',
		issuedHint: (rejected, pending) => `${rejected} rejected, ${pending} pending`
	},
	forecastChart: {
		title: 'Forecast against actual revenue',
		subtitle: (currency) => `${currency} per month: bars = actual, line = forecast`,
		aria: (from, to, currency) => `Bars of actual revenue and a line of the forecast by month, in ${currency}, ${from} to ${to}`,
		actual: 'Actual',
		forecast: 'Forecast',
		error: 'Error (forecast − actual)',
		absError: 'Absolute error',
		noForecast: 'no forecast'
	},
	hitChart: {
		title: 'Quote hit rate by month',
		subtitle: 'Accepted / issued, by issue month (%)',
		aria: (from, to) => `Bars of the monthly quote hit rate, ${from} to ${to}`,
		month: 'Month',
		hitRate: 'Hit rate',
		issued: 'Issued',
		accepted: 'Accepted',
		target: (value) => `Approved ≥ ${value}`
	},
	month: 'Month',
	emptyForecast: {
		title: 'No forecast for this scope',
		body: 'A monthly forecast file (total, or by one dimension such as region) to compare revenue with is missing.'
	},
	emptyQuotes: {
		title: 'No quotes in the period',
		body: 'The quotes of this period are missing; the hit rate is computed from them.'
	}
};

export const messages = { es, en };
