// What each KPI of the `kpis` document measures, so every page writes its value and bands alike
// (Resumen, Ajustes, the monthly report, Alertas): a share (per cent), HHI points, money a year,
// or a count per month. Browser-safe; the settings store checks the bands' ranges by it too.
import { formatMoney, formatNumber, formatPercent, formatPercentChange } from './format';
import type { Lang } from './i18n/lang';

export type KpiUnit = 'change' | 'share' | 'points' | 'money' | 'count';

export const KPI_UNITS: Record<string, KpiUnit> = {
	growth: 'change',
	activation_rate: 'share',
	top10_share: 'share',
	hhi: 'points',
	forecast_accuracy: 'share',
	quote_hit_rate: 'share',
	targets: 'share',
	quotes_per_month: 'count',
	prospect_size: 'money',
	repeat_rate: 'share',
	prospect_conversion_rate: 'share',
	win_rate: 'share'
};

export const kpiUnit = (id: string): KpiUnit => KPI_UNITS[id] ?? 'share';

/** Whether the KPI's bands are typed in per cent (Ajustes): shares and growth. */
export const typedAsPercent = (id: string) => ['share', 'change'].includes(kpiUnit(id));

/** A KPI's value (or a band's limit) as written for people: 61,3 %, 1.234 points, 9.973,10 Bs., 57,4 a month. */
export function formatKpi(id: string, value: number | null | undefined, lang: Lang, currency: string, digits?: number): string {
	if (value === null || value === undefined) return '–';
	switch (kpiUnit(id)) {
		case 'change':
			return formatPercentChange(value, lang);
		case 'points':
			return formatNumber(value, lang, digits ?? 0);
		case 'money':
			// Whole amounts (a band's limit) without cents: formatMoney's layout, fewer digits.
			return digits === 0 ? formatMoney(Math.round(value), lang, currency).replace(/[.,]00(?=\D*$)/, '') : formatMoney(value, lang, currency);
		case 'count':
			return formatNumber(value, lang, digits ?? (Number.isInteger(value) ? 0 : 1));
		default:
			return formatPercent(value, lang, digits);
	}
}
