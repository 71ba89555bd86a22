// How an alert reads: its value in the KPI's unit, per locale.
import { formatDate, formatNumber, formatPercent, formatPercentChange } from '../../format';
import type { Lang } from '../../i18n/lang';

/** Growth as a signed change, the shares and rates as percentages, HHI in points. */
export function alertValue(kpi: string, value: number | null, lang: Lang): string {
	if (value === null) return '–';
	if (kpi === 'growth') return formatPercentChange(value, lang);
	if (kpi === 'hhi') return formatNumber(value, lang, 0);
	return formatPercent(value, lang, 1);
}

/** 'YYYY-MM-DD HH:MM:SS' (server time) → the date per locale and the time to the minute. */
export function alertTime(at: string, lang: Lang): string {
	return `${formatDate(at.slice(0, 10), lang)} ${at.slice(11, 16)}`;
}
