// Every figure by name, as the CLI (`npm run metrics -- NAME`) and the HTTP API
// (`GET /api/metrics/NAME`) ask for it.
import type { Database } from '../db/database';
import { activation } from './activation';
import { concentration, growth, segmentation } from './documents';
import { kpis } from './kpis';
import { retention } from './retention';
import { captures } from './captures';
import { salesEvents } from './sales-events';
import { prospectSize } from './prospect-size';
import { forecast } from './forecast';
import { pipeline } from './pipeline';
import { funnel } from './funnel';
import { lossReasons } from './loss-reasons';
import { openPipeline } from './open-pipeline';
import { quotes } from './quotes';
import { ranking } from './ranking';
import { targets, targetScope } from './targets';
import { ParamError, resolveParams, type MetricParams } from './params';
import { loadSettings, type Settings } from './settings';

type Metric = (db: Database, params: MetricParams, settings: Settings) => Promise<unknown>;

// A Map, not an object: a name from a URL must never reach Object.prototype (`constructor`,
// `__proto__`, `valueOf` were "figures" of a plain object, one of them answering the database).
const METRIC_BY_NAME: ReadonlyMap<string, Metric> = new Map<string, Metric>([
	['segmentation', segmentation],
	['concentration', concentration],
	['activation', activation],
	['growth', growth],
	['forecast', forecast],
	['quotes', quotes],
	['retention', retention],
	['captures', captures],
	['sales_events', salesEvents],
	['prospect_size', prospectSize],
	['pipeline', pipeline],
	['funnel', funnel],
	['loss_reasons', lossReasons],
	['open_pipeline', openPipeline],
	['kpis', kpis],
	['ranking', ranking],
	['targets', targets as Metric]
]);

/** Every figure's name, in the order the CLI and the API list them. */
export const METRIC_NAMES: readonly string[] = [...METRIC_BY_NAME.keys()];

export function isMetricName(name: string): boolean {
	return METRIC_BY_NAME.has(name);
}

/** What an unknown name is told: the names there are. */
export async function computeMetric(db: Database, name: string, raw: Record<string, string | undefined>, today?: Date): Promise<unknown> {
	const metric = METRIC_BY_NAME.get(name);
	if (!metric) throw new ParamError('name', 'unknown_metric', { name: name.slice(0, 40), expected: METRIC_NAMES });
	// The ranking's dimension is by default the account manager ("who has the best hit rate?").
	const given = name === 'ranking' && raw.dim === undefined ? { ...raw, dim: 'account_manager' } : raw;
	// The goals' `by` is their scope (total, account_manager…), not the client/product `by` of lists.
	const targetBy = name === 'targets' ? targetScope(raw.by) : undefined;
	const resolved = await resolveParams(db, targetBy ? { ...given, by: undefined } : given, today);
	const params = targetBy ? { ...resolved, target_by: targetBy } : resolved;
	// Thresholds in force for these filters and the period's last month (settings.ts).
	return metric(db, params, await loadSettings(db, { filters: params.filters, month: params.to }));
}
