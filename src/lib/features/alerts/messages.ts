// Texts of /alertas, Spanish and English (KPI and status names: i18n/alert-messages.ts).
import type { Lang } from '../../i18n/lang';

interface AlertsMessages {
	title: string;
	intro: string;
	empty: string;
	when: string;
	month: string;
	scope: string;
	kpi: string;
	change: string;
	value: string;
	cause: string;
	portfolio: string;
	causes: Record<'load' | 'undo', (batch: number | null) => string>;
	directions: Record<'worse' | 'better', string>;
	/** Admins: where subscriptions and the delivery log are (Ajustes). */
	manage: string;
}

export const messages: Record<Lang, AlertsMessages> = {
	es: {
		title: 'Alertas',
		intro: 'Tras cada carga o deshacer, cada indicador (de toda la cartera y de cada segmento con umbral propio) y cada meta del mes (de la cartera, de cada ejecutivo de cuenta, línea de producto, región o unidad de negocio) cuyo estado empeoró a observado o rechazado, o mejoró.',
		empty: 'Todavía no hay alertas: aparecen cuando una carga cambia el estado de un indicador o de una meta.',
		when: 'Cuándo',
		month: 'Mes',
		scope: 'Ámbito',
		kpi: 'Indicador',
		change: 'Estado anterior → nuevo',
		value: 'Valor',
		cause: 'Origen',
		portfolio: 'Toda la cartera',
		causes: { load: (b) => (b === null ? 'Carga' : `Carga n.º ${b}`), undo: (b) => (b === null ? 'Carga deshecha' : `Carga n.º ${b} deshecha`) },
		directions: { worse: 'empeoró', better: 'mejoró' },
		manage: 'Suscripciones y envíos de alertas (en Ajustes)'
	},
	en: {
		title: 'Alerts',
		intro: 'After every load or undo, each KPI (of the whole portfolio and of each segment with a threshold of its own) and each month’s goal (of the portfolio, each account manager, product line, region or business unit) whose status got worse to observed or rejected, or got better.',
		empty: 'No alerts yet: they appear when a load changes the status of a KPI or a goal.',
		when: 'When',
		month: 'Month',
		scope: 'Scope',
		kpi: 'KPI',
		change: 'Old → new status',
		value: 'Value',
		cause: 'Cause',
		portfolio: 'Whole portfolio',
		causes: { load: (b) => (b === null ? 'Load' : `Load no. ${b}`), undo: (b) => (b === null ? 'Load undone' : `Load no. ${b} undone`) },
		directions: { worse: 'got worse', better: 'got better' },
		manage: 'Alert subscriptions and deliveries (in Settings)'
	}
};
