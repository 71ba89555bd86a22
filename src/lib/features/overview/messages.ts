// Texts of Resumen that issue 14 added (the others are in src/lib/i18n): the same month a year
// before beside MoM growth, the provisional month's projection, and closing or reopening it.
import type { Lang } from '$lib/i18n';

export const overviewMessages = {
	es: {
		sameMonthLastYear: 'Mismo mes del año anterior',
		sameMonthLine: (change: string, revenue: string | null) => `Mismo mes del año anterior: ${change}${revenue ? ` (${revenue} entonces)` : ''}`,
		provisional: 'Provisional (datos incompletos)',
		projected: 'Proyectado',
		projectedValue: (revenue: string, change: string | null) => `${revenue}${change ? ` (${change} frente al mes anterior)` : ''}`,
		provisionalLine: (month: string, revenue: string, change: string | null) =>
			`${month} es provisional: proyectado ${revenue}${change ? ` (${change} frente al mes anterior)` : ''}; sin veredicto hasta que cierre`,
		yearBeforeRevenue: (currency: string) => `Facturación un año antes (${currency})`,
		projectedRevenue: (currency: string) => `Proyectado (${currency})`,
		monthOpen: (month: string, lastDate: string) =>
			`${month} es provisional: los datos llegan hasta el ${lastDate}, así que se muestra proyectado y sin veredicto. Si el mes ya está completo, márquelo como cerrado y se juzgará como los demás.`,
		closeMonth: 'Marcar el mes como cerrado',
		monthClosed: (month: string, by: string | null, date: string) =>
			`${month} está marcado como cerrado${by ? ` por ${by}` : ''} el ${date}: se juzga como un mes completo.`,
		reopenMonth: 'Reabrir',
		monthRefused: 'No se pudo cambiar el mes: ya no es el último de los datos. Recargue la página.',
		// The commercial process's indicators (issue 15), each judged by its bands in Ajustes; their names are $lib/i18n/kpi-names.ts.
		process: {
			heading: 'Proceso comercial',
			link: 'Ver el embudo comercial',
			subs: {
				quotes_per_month: 'Emitidos en el período / meses',
				prospect_size: 'Compra anual esperada por prospecto',
				repeat_rate: 'Compradores del período que ya habían comprado antes',
				prospect_conversion_rate: 'Prospectos expuestos que compraron en el período',
				win_rate: 'Ganadas / (ganadas + perdidas); sin las no ofertadas'
			}
		}
	},
	en: {
		sameMonthLastYear: 'Same month last year',
		sameMonthLine: (change: string, revenue: string | null) => `Same month last year: ${change}${revenue ? ` (${revenue} then)` : ''}`,
		provisional: 'Provisional (incomplete data)',
		projected: 'Projected',
		projectedValue: (revenue: string, change: string | null) => `${revenue}${change ? ` (${change} on the month before)` : ''}`,
		provisionalLine: (month: string, revenue: string, change: string | null) =>
			`${month} is provisional: projected ${revenue}${change ? ` (${change} on the month before)` : ''}; no verdict until it closes`,
		yearBeforeRevenue: (currency: string) => `Revenue a year before (${currency})`,
		projectedRevenue: (currency: string) => `Projected (${currency})`,
		monthOpen: (month: string, lastDate: string) =>
			`${month} is provisional: the data reaches ${lastDate}, so it is shown projected and without a verdict. If the month is complete, mark it as closed and it is judged like the others.`,
		closeMonth: 'Mark the month as closed',
		monthClosed: (month: string, by: string | null, date: string) => `${month} was marked as closed${by ? ` by ${by}` : ''} on ${date}: it is judged as a complete month.`,
		reopenMonth: 'Reopen',
		monthRefused: 'The month could not be changed: it is no longer the data’s latest. Reload the page.',
		process: {
			heading: 'Commercial process',
			link: 'See the sales funnel',
			subs: {
				quotes_per_month: 'Issued in the period / months',
				prospect_size: 'Expected yearly purchase per prospect',
				repeat_rate: 'Buyers of the period who had bought before',
				prospect_conversion_rate: 'Exposed prospects who bought in the period',
				win_rate: 'Won / (won + lost); declined ones left out'
			}
		}
	}
} satisfies Record<Lang, unknown>;
