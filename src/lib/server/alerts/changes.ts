// Which status changes are alerts: worse when the new status is observed or rejected (approved →
// acceptable is not news), better on any improvement. A status that appears or disappears (no
// data before, or none after) is no change.
import type { Status } from '../metrics/settings';
import type { AlertState } from './states';

const RANK: Record<Status, number> = { approved: 0, acceptable: 1, observed: 2, rejected: 3 };

export interface AlertChange {
	before: AlertState;
	after: AlertState;
	direction: 'worse' | 'better';
}

const keyOf = (s: AlertState) => JSON.stringify([s.source, s.kpi, s.scope?.dim ?? null, s.scope?.value ?? null, s.perMonth ? s.month : null]);

export function alertChanges(before: AlertState[], after: AlertState[]): AlertChange[] {
	const old = new Map(before.map((s) => [keyOf(s), s]));
	const out: AlertChange[] = [];
	for (const now of after) {
		const was = old.get(keyOf(now));
		if (!was || was.status === null || now.status === null || was.status === now.status) continue;
		if (RANK[now.status] > RANK[was.status] && RANK[now.status] >= RANK.observed) out.push({ before: was, after: now, direction: 'worse' });
		else if (RANK[now.status] < RANK[was.status]) out.push({ before: was, after: now, direction: 'better' });
	}
	return out;
}
