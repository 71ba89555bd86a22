// The one name of each KPI of the `kpis` document, Spanish and English: Resumen's process tiles,
// Ajustes, the monthly report, Alertas and the alert e-mail all read it, so a KPI is called the same everywhere.
import type { Lang } from './lang';

export const KPI_NAMES: Record<Lang, Record<string, string>> = {
	es: {
		growth: 'Crecimiento mensual',
		activation_rate: 'Tasa de activación',
		top10_share: 'Participación de los 10 mayores clientes',
		hhi: 'Índice de concentración (HHI)',
		forecast_accuracy: 'Precisión del pronóstico',
		quote_hit_rate: 'Tasa de éxito de presupuestos',
		targets: 'Cumplimiento de meta',
		quotes_per_month: 'Presupuestos por mes',
		prospect_size: 'Tamaño de prospecto (por año)',
		repeat_rate: 'Tasa de recompra',
		prospect_conversion_rate: 'Conversión de prospectos',
		win_rate: 'Tasa de cierre'
	},
	en: {
		growth: 'Monthly growth',
		activation_rate: 'Activation rate',
		top10_share: 'Top-10 clients’ share',
		hhi: 'Concentration index (HHI)',
		forecast_accuracy: 'Forecast accuracy',
		quote_hit_rate: 'Quote hit rate',
		targets: 'Goal attainment',
		quotes_per_month: 'Quotes per month',
		prospect_size: 'Prospect size (per year)',
		repeat_rate: 'Repeat rate',
		prospect_conversion_rate: 'Prospect conversion',
		win_rate: 'Win rate'
	}
};

/** A KPI's name in the language; its id if it has none (a KPI added without a name). */
export const kpiName = (id: string, lang: Lang): string => KPI_NAMES[lang][id] ?? id;
