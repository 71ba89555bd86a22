// The hook loads and undos call: the watched statuses just before the batch commits, then after,
// and an alert for each change (changes.ts), delivered in the background (deliver.ts). Neither
// step can fail a load: an error is logged and the load goes on.
import type { Database } from '../db/database';
import { alertChanges } from './changes';
import { deliverAlerts } from './deliver';
import { readStates, type AlertState } from './states';
import { insertAlerts, type AlertRow } from './store';

/** The statuses now, or null when they cannot be read (then no alert is recorded for this batch). */
export async function statesBefore(db: Database): Promise<AlertState[] | null> {
	try {
		return await readStates(db);
	} catch (error) {
		console.error('alerts: reading the statuses before a load', error);
		return null;
	}
}

/** After the commit: records the alerts (returned) and starts their delivery. Never throws. */
export async function recordAlerts(db: Database, before: AlertState[] | null, cause: 'load' | 'undo', batchId: number | null): Promise<AlertRow[]> {
	if (!before) return [];
	try {
		const alerts = await insertAlerts(db, alertChanges(before, await readStates(db)), cause, batchId);
		deliverAlerts(db, alerts);
		return alerts;
	} catch (error) {
		console.error('alerts: recording after a load', error);
		return [];
	}
}
