// Ajustes: every KPI with thresholds — its value for the period, its bands in force, and its
// figure month by month over the period (so the page can show how the months fall under bands
// being edited) — plus the definitions, the rules for segments and months, and the history.
// Figures come from the metrics layer; the page judges them with the one rule (thresholds.ts).
import type { Database } from '../../server/db/database';
import { kpiSources, kpisFrom } from '../../server/metrics/kpis';
import type { MetricParams } from '../../server/metrics/params';
import { goalList, targets, type GoalRow } from '../../server/metrics/targets';
import type { KpiId, Settings } from '../../server/metrics/settings';
import { settingRules, settingsHistory, type SettingHistoryRow, type SettingRule } from '../../server/metrics/settings-store';
import { concentrationTrend } from '../concentration/loader.server';

export interface KpiSeries {
	id: 'growth' | KpiId;
	/** The period's figure (growth: the last complete month's MoM, as the kpis document). */
	value: number | null;
	months: { month: string; value: number | null }[];
}

export interface SettingsPage {
	kpis: KpiSeries[];
	rules: SettingRule[];
	history: SettingHistoryRow[];
	/** The goals in force (issue 16). */
	goals: GoalRow[];
}

export async function settingsPage(db: Database, p: MetricParams, s: Settings): Promise<SettingsPage> {
	// The period's values are the kpis document's (kpis.ts reads each from its document); the
	// months come from the same documents.
	const d = await kpiSources(db, p, s);
	const value = Object.fromEntries(kpisFrom(d, p.as_of, s).kpis.map((k) => [k.id, k.value])) as Record<KpiSeries['id'], number | null>;
	const g = d.growth;
	const trend = await concentrationTrend(db, { ...p, by: 'client' }, s);
	// Goal attainment: the portfolio's goals of the period, month by month (none without goals).
	const goals = await targets(db, { ...p, target_by: 'total' }, s);
	const series = (id: KpiSeries['id'], months: KpiSeries['months']): KpiSeries => ({ id, value: value[id] ?? null, months });
	return {
		kpis: [
			series('growth', g.months.filter((m) => !m.partial).map((m) => ({ month: m.month, value: m.mom }))),
			series('activation_rate', d.activation.months.map((m) => ({ month: m.month, value: m.activation_rate }))),
			series('top10_share', trend.map((m) => ({ month: m.month, value: m.top10 }))),
			series('hhi', trend.map((m) => ({ month: m.month, value: m.hhi }))),
			// Each month's accuracy on its own, as the forecast document gives it (one query, not one a month).
			series('forecast_accuracy', d.forecast.months.map((m) => ({ month: m.month, value: m.accuracy }))),
			series('quote_hit_rate', d.quotes.months.map((m) => ({ month: m.month, value: m.hit_rate }))),
			{ id: 'targets', value: goals.rows.at(-1)?.attainment ?? null, months: goals.rows.map((r) => ({ month: r.month, value: r.attainment })) },
			// The commercial process (issue 15). Only quotes per month has comparable months (a month's
			// quotes); the others' monthly figures measure something else (a month's conversion is not
			// the period's), so they show no preview.
			series('quotes_per_month', value.quotes_per_month === null ? [] : d.pipeline.months.map((m) => ({ month: m.month, value: m.quotes }))),
			series('prospect_size', []),
			series('repeat_rate', []),
			series('prospect_conversion_rate', []),
			series('win_rate', [])
		],
		rules: await settingRules(db),
		history: await settingsHistory(db),
		goals: await goalList(db)
	};
}
