// Every figure by name, as the CLI (`npm run metrics -- NAME`) and the HTTP API
// (`GET /api/metrics/NAME`) ask for it.
import type { Database } from '../db/database';
import { activation } from './activation';
import { concentration, growth, segmentation } from './documents';
import { kpis } from './kpis';
import { retention } from './retention';
import { forecast } from './forecast';
import { pipeline } from './pipeline';
import { quotes } from './quotes';
import { ParamError, resolveParams, type MetricParams } from './params';
import { loadSettings, type Settings } from './settings';

type Metric = (db: Database, params: MetricParams, settings: Settings) => Promise<unknown>;

export const METRICS: Record<string, Metric> = { segmentation, concentration, activation, growth, forecast, quotes, retention, pipeline, kpis };

export async function computeMetric(db: Database, name: string, raw: Record<string, string | undefined>, today?: Date): Promise<unknown> {
	const metric = METRICS[name];
	if (!metric) throw new ParamError('name', `unknown metric "${name.slice(0, 40)}"; expected one of ${Object.keys(METRICS).join(', ')}`);
	const params = await resolveParams(db, raw, today);
	// Thresholds in force for these filters and the period's last month (settings.ts).
	return metric(db, params, await loadSettings(db, { filters: params.filters, month: params.to }));
}
