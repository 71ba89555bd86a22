// Ajustes: every KPI with thresholds — its value for the period, its bands in force, and its
// figure month by month over the period (so the page can show how the months fall under bands
// being edited) — plus the definitions, the rules for segments and months, and the history.
// Figures come from the metrics layer; the page judges them with the one rule (thresholds.ts).
import type { Database } from '../../server/db/database';
import { activation } from '../../server/metrics/activation';
import { concentration, growth } from '../../server/metrics/documents';
import { forecast } from '../../server/metrics/forecast';
import type { MetricParams } from '../../server/metrics/params';
import { monthEnd } from '../../server/metrics/period';
import { pipeline } from '../../server/metrics/pipeline';
import { prospectSize } from '../../server/metrics/prospect-size';
import { quotes } from '../../server/metrics/quotes';
import { retention } from '../../server/metrics/retention';
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
	const g = await growth(db, p, s);
	const a = await activation(db, p, s);
	const c = await concentration(db, { ...p, by: 'client' }, s);
	const trend = await concentrationTrend(db, { ...p, by: 'client' }, s);
	const f = await forecast(db, p, s);
	const q = await quotes(db, p, s);
	const pl = await pipeline(db, p, s);
	// Goal attainment: the portfolio's goals of the period, month by month (none without goals).
	const goals = await targets(db, { ...p, target_by: 'total' }, s);
	// Forecast accuracy of each month on its own: the forecast document of that single month.
	const accuracy: { month: string; value: number | null }[] = [];
	for (const m of g.months) accuracy.push({ month: m.month, value: (await forecast(db, { ...p, from: m.month, to: m.month, as_of: monthEnd(m.month) }, s)).accuracy });
	const lastComplete = [...g.months].reverse().find((m) => !m.partial);
	return {
		kpis: [
			{ id: 'growth', value: lastComplete?.mom ?? null, months: g.months.filter((m) => !m.partial).map((m) => ({ month: m.month, value: m.mom })) },
			{ id: 'activation_rate', value: a.activation_rate, months: a.months.map((m) => ({ month: m.month, value: m.activation_rate })) },
			{ id: 'top10_share', value: c.top_shares.top10, months: trend.map((m) => ({ month: m.month, value: m.top10 })) },
			{ id: 'hhi', value: c.hhi, months: trend.map((m) => ({ month: m.month, value: m.hhi })) },
			{ id: 'forecast_accuracy', value: f.accuracy, months: accuracy },
			{ id: 'quote_hit_rate', value: q.hit_rate, months: q.months.map((m) => ({ month: m.month, value: m.hit_rate })) },
			{ id: 'targets', value: goals.rows.at(-1)?.attainment ?? null, months: goals.rows.map((r) => ({ month: r.month, value: r.attainment })) },
			// The commercial process (issue 15). Only quotes per month has comparable months (a month's
			// quotes); the others' monthly figures measure something else (a month's conversion is not
			// the period's), so they show no preview.
			{ id: 'quotes_per_month', value: pl.quotes_per_month, months: pl.quotes_per_month === null ? [] : pl.months.map((m) => ({ month: m.month, value: m.quotes })) },
			{ id: 'prospect_size', value: (await prospectSize(db, p, s)).value, months: [] },
			{ id: 'repeat_rate', value: (await retention(db, p, s)).repeat_rate, months: [] },
			{ id: 'prospect_conversion_rate', value: a.prospect_conversion_rate, months: [] },
			{ id: 'win_rate', value: pl.win_rate, months: [] }
		],
		rules: await settingRules(db),
		history: await settingsHistory(db),
		goals: await goalList(db)
	};
}
