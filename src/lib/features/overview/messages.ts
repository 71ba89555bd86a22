// Texts of Resumen that issue 14 added (the others are in src/lib/i18n): the same month a year
// before beside MoM growth, and the provisional month's projection.
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
		projectedRevenue: (currency: string) => `Proyectado (${currency})`
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
		projectedRevenue: (currency: string) => `Projected (${currency})`
	}
} satisfies Record<Lang, unknown>;
