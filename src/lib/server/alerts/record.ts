// The hook loads and undos call: the watched statuses just before the batch commits, then after,
// and an alert for each change (changes.ts), delivered in the background (deliver.ts). Neither
// step can fail or hold up a load: errors are logged, and the statuses after the commit are read
// and compared after the load has answered.
// Speed: the statuses after one batch are kept with the data version they were read at; the next
// load or undo takes them as its "before" while nothing has changed since (no settings change, no
// other write), so reading them is paid once per batch, after its answer. A web load waits for
// them only at its commit (their promise), which also keeps alerts in the order of the batches.
import type { Database } from '../db/database';
import { alertChanges } from './changes';
import { deliverAlerts, deliveriesSettled } from './deliver';
import { readStates, type AlertState } from './states';
import { insertAlerts } from './store';

const kept = new WeakMap<Database, { version: number; states: Promise<AlertState[] | null> }>();
const recording = new Set<Promise<void>>();

/** The database was closed meanwhile (a process exiting without closing it): nothing left to alert. */
const closed = (error: unknown) => /connection disconnected|(database|instance) (is )?closed|bad_weak_ptr/i.test(String(error));

/** Work on a connection of its own: never interleaved with the caller's statements on theirs. */
export async function onFork<T>(database: Database, fn: (db: Database) => Promise<T>): Promise<T> {
	const db = await database.fork();
	try {
		return await fn(db);
	} finally {
		db.close();
	}
}

async function read(database: Database, when: string): Promise<AlertState[] | null> {
	try {
		return await onFork(database, readStates);
	} catch (error) {
		if (!closed(error)) console.error(`alerts: reading the statuses ${when}`, error);
		return null;
	}
}

/** The statuses now (never rejects; null when they cannot be read: then no alert for this batch). */
export function statesBefore(db: Database): Promise<AlertState[] | null> {
	const last = kept.get(db);
	if (last && last.version === db.dataVersion) return last.states;
	return read(db, 'before a load');
}

/**
 * Right after the commit: starts reading the statuses, then records the alerts and starts their
 * delivery, in the background. Returns at once; never throws. Nothing to compare (no status
 * before, e.g. the first load into an empty database): nothing is read.
 */
export function recordAlerts(db: Database, before: AlertState[] | null, cause: 'load' | 'undo', batchId: number | null): void {
	if (!before?.some((s) => s.status !== null)) return void kept.delete(db);
	const states = read(db, 'after a load');
	kept.set(db, { version: db.dataVersion, states });
	const run = (async () => {
		const after = await states;
		if (!after) return;
		const changes = alertChanges(before, after);
		if (changes.length) deliverAlerts(db, await onFork(db, (own) => insertAlerts(own, changes, cause, batchId)));
	})().catch((error: unknown) => {
		if (!closed(error)) console.error('alerts: recording after a load', error);
	});
	recording.add(run);
	void run.finally(() => recording.delete(run));
	// Closing the database waits for it (a script that loads and closes at once keeps its alerts).
	db.background(run);
}

/** Resolves once the alerts of every load so far are recorded (their deliveries may still run). */
export async function alertsRecorded(): Promise<void> {
	while (recording.size) await Promise.allSettled([...recording]);
}

/** Resolves once every load's alerts are recorded and delivered (sent or given up): tests and the CLI wait for it. */
export async function alertsSettled(): Promise<void> {
	await alertsRecorded();
	await deliveriesSettled();
}
