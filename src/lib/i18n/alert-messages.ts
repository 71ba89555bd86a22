// Words of an alert, Spanish and English: the /alertas page and the e-mail say the same things.
import { formatNumber } from '../format';
import { formatKpi, kpiUnit } from '../kpi-units';
import { messages } from './index';
import type { Lang } from './lang';

/** KPI names: their one home is kpi-names.ts (the e-mail reads them from here). */
export { KPI_NAMES } from './kpi-names';

/** A status in words: the same names as the KPI status badges (i18n kpiStatus). */
export function statusName(status: string, lang: Lang): string {
	return (messages(lang).kpiStatus as Record<string, string>)[status] ?? status;
}

export const MAIL_WORDS = {
	es: {
		subject: (kpi: string, from: string, to: string, scope: string) => `Cartera: ${kpi} (${scope}) pasó de ${from} a ${to}`,
		portfolio: 'toda la cartera',
		month: 'Mes',
		value: 'Valor',
		batch: 'Carga',
		undo: 'deshecha',
		footer: 'Aviso enviado por Cartera tras una carga de datos.'
	},
	en: {
		subject: (kpi: string, from: string, to: string, scope: string) => `Cartera: ${kpi} (${scope}) went from ${from} to ${to}`,
		portfolio: 'whole portfolio',
		month: 'Month',
		value: 'Value',
		batch: 'Load',
		undo: 'undone',
		footer: 'Alert sent by Cartera after a data load.'
	}
} as const;

/** An alert's value as the KPI's pages write it (kpi-units.ts), but prospect size's amount alone: an alert carries no currency. */
export function alertValue(kpi: string, value: number | null, lang: Lang): string {
	if (value !== null && kpiUnit(kpi) === 'money') return formatNumber(value, lang, 2);
	return formatKpi(kpi, value, lang, '');
}

/** An alert's scope in words: the whole portfolio, or "Ejecutivo de cuenta: Ana Pérez". */
export function alertScope(dim: string | null, value: string | null, lang: Lang): string {
	if (dim === null) return MAIL_WORDS[lang].portfolio;
	const dims = messages(lang).dims as Record<string, string>;
	return `${dims[dim] ?? dim}: ${value ?? ''}`;
}
