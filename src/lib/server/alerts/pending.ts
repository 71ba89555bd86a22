// Deliveries still to be attempted (migration 018): stored before the first attempt and after each
// failed one, removed when one is sent or the last is given up; what the server resumes at start.
// Bookkeeping: no figure reads them.
import type { Database } from '../db/database';

export interface PendingKey {
	alert_id: number;
	subscription_id: number;
	channel: 'webhook' | 'email';
}

export interface PendingDelivery extends PendingKey {
	/** The next attempt's number (1 = the first). */
	attempt: number;
	/** When it is due, ms since 1970. */
	due_ms: number;
}

const WHERE = `alert_id = $1 AND subscription_id = $2 AND channel = $3`;

export async function savePending(db: Database, p: PendingDelivery): Promise<void> {
	await dropPending(db, p);
	await db.runBookkeeping(`INSERT INTO alert_pending_deliveries (alert_id, subscription_id, channel, attempt, due_ms) VALUES ($1, $2, $3, $4, $5)`, [
		p.alert_id, p.subscription_id, p.channel, p.attempt, p.due_ms
	]);
}

export async function dropPending(db: Database, k: PendingKey): Promise<void> {
	await db.runBookkeeping(`DELETE FROM alert_pending_deliveries WHERE ${WHERE}`, [k.alert_id, k.subscription_id, k.channel]);
}

/** Every stored delivery, the earliest due first. */
export async function listPending(db: Database): Promise<PendingDelivery[]> {
	const rows = await db.all<{ alert_id: number; subscription_id: number; channel: 'webhook' | 'email'; attempt: number; due_ms: string }>(
		`SELECT alert_id, subscription_id, channel, attempt, due_ms FROM alert_pending_deliveries ORDER BY due_ms, alert_id, subscription_id, channel`
	);
	return rows.map((r) => ({ ...r, alert_id: Number(r.alert_id), subscription_id: Number(r.subscription_id), attempt: Number(r.attempt), due_ms: Number(r.due_ms) }));
}
