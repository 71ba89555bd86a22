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
		monthRefused: 'No se pudo cambiar el mes: ya no es el último de los datos. Recargue la página.'
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
		monthRefused: 'The month could not be changed: it is no longer the data’s latest. Reload the page.'
	}
} satisfies Record<Lang, unknown>;
