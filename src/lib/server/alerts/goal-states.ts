// Goal attainment as an alert source (issue 16: "each account manager's goal whose status got
// worse or better"): every goal of the default period, per scope (the whole portfolio, each
// account manager, product line, region, business unit), with the `targets` figure's monthly
// status and attainment. A goal is one month's, so the month is part of what is watched: a load
// that changes October's attainment alerts for October; a month that becomes judged is no change.
import type { Database } from '../db/database';
import { resolveParams } from '../metrics/params';
import { loadSettings } from '../metrics/settings';
import { TARGET_SCOPES, targets } from '../metrics/targets';
import type { AlertSource, AlertState } from './state-types';

export const goalStates: AlertSource = async (db: Database) => {
	const params = await resolveParams(db, {});
	const settings = await loadSettings(db, { filters: {}, month: params.to });
	const out: AlertState[] = [];
	for (const by of TARGET_SCOPES) {
		// Only the revenue goal is judged: the count goals' actuals are not needed here.
		const doc = await targets(db, { ...params, target_by: by, target_counts: false }, settings);
		for (const r of doc.rows) {
			if (r.status === null) continue; // partial month or bands off: not judged
			const scope = by === 'total' ? null : { dim: by, value: r.value ?? '' };
			out.push({ source: 'goal', kpi: 'targets', scope, month: r.month, status: r.status, value: r.attainment, perMonth: true });
		}
	}
	return out;
};
