// What alerts compare: every watched status as it stands now. Each alert source reads its statuses
// for the default period (the one the dashboard opens on; growth judges its latest complete
// month); the KPIs for the portfolio and for every segment that has a threshold of its own.
// ALERT_SOURCES is the list to extend (goal-states.ts adds each goal's attainment status, source 'goal').
import type { Database } from '../db/database';
import { kpis } from '../metrics/kpis';
import { goalStates } from './goal-states';
import { resolveParams } from '../metrics/params';
import { loadSettings } from '../metrics/settings';
import type { AlertScope, AlertSource, AlertState } from './state-types';

export type { AlertScope, AlertSource, AlertState } from './state-types';

/** The segments with a threshold of their own (a settings row scoped to dimension = value). */
export async function thresholdScopes(db: Database): Promise<AlertScope[]> {
	const rows = await db.all<{ dim: string; value: string }>(
		`SELECT DISTINCT scope_dim AS dim, scope_value AS value FROM settings
		 WHERE scope_dim IS NOT NULL AND scope_value IS NOT NULL AND (key = 'growth' OR key LIKE 'thresholds.%')
		 ORDER BY 1, 2`
	);
	return rows;
}

/** The KPIs document's statuses, for the portfolio and each scoped threshold's segment. */
export const kpiStates: AlertSource = async (db) => {
	const out: AlertState[] = [];
	for (const scope of [null, ...(await thresholdScopes(db))]) {
		const params = await resolveParams(db, scope ? { [scope.dim]: scope.value } : {});
		const doc = await kpis(db, params, await loadSettings(db, { filters: params.filters, month: params.to }));
		for (const k of doc.kpis) {
			// Under a filter only a KPI with a threshold for that segment has a status (settings.ts judged()).
			if (scope && k.status === null) continue;
			out.push({ source: 'kpi', kpi: k.id, scope, month: k.month ?? params.to, status: k.status, value: k.value });
		}
	}
	return out;
};

/** Every source of alerts: the KPIs, and each goal's attainment (goal-states.ts). */
export const ALERT_SOURCES: AlertSource[] = [kpiStates, goalStates];

export async function readStates(db: Database, sources: AlertSource[] = ALERT_SOURCES): Promise<AlertState[]> {
	const out: AlertState[] = [];
	for (const source of sources) out.push(...(await source(db)));
	return out;
}
