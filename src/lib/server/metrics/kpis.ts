// The KPIs management reviews, each against its thresholds (DESIGN.md §4 "kpis"): the figures
// come from the other documents (never computed again here), the bands from the settings.
import type { Database } from '../db/database';
import { activation } from './activation';
import { concentration, growth } from './documents';
import { forecast } from './forecast';
import type { MetricParams } from './params';
import { quotes } from './quotes';
import { judge, type Bands, type KpiId, type Settings, type Status } from './settings';

export interface Kpi {
	id: 'growth' | KpiId;
	value: number | null;
	status: Status | null;
	thresholds: Bands | Settings['growth'];
}

export interface KpisDocument {
	as_of: string;
	kpis: Kpi[];
}

export async function kpis(db: Database, p: MetricParams, s: Settings): Promise<KpisDocument> {
	// One connection: one query at a time.
	const g = await growth(db, p, s);
	const c = await concentration(db, { ...p, by: 'client' }, s);
	const f = await forecast(db, p, s);
	const q = await quotes(db, p, s);
	// Growth: the last month of the period that is over at as_of, judged as the growth figure does.
	const month = [...g.months].reverse().find((m) => !m.partial);
	const rated = (id: KpiId, value: number | null): Kpi => ({ id, value, status: judge(value, s.thresholds[id]), thresholds: s.thresholds[id] });
	const list: Kpi[] = [{ id: 'growth', value: month?.mom ?? null, status: month?.status ?? null, thresholds: s.growth }];
	list.push(
		rated('activation_rate', (await activation(db, p, s)).activation_rate),
		rated('top10_share', c.top_shares.top10),
		rated('hhi', c.hhi),
		rated('forecast_accuracy', f.accuracy),
		rated('quote_hit_rate', q.hit_rate)
	);
	return { as_of: p.as_of, kpis: list };
}
