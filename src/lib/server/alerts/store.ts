// Alerts, subscriptions and the delivery log as stored (migration 015). Alerts and deliveries are
// written as bookkeeping: no figure reads them, so the result cache stays valid.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { AlertChange } from './changes';

export interface AlertRow {
	alert_id: number;
	/** 'YYYY-MM-DD HH:MM:SS', server time. */
	created_at: string;
	batch_id: number | null;
	cause: 'load' | 'undo';
	source: string;
	kpi: string;
	month: string | null;
	scope_dim: string | null;
	scope_value: string | null;
	old_status: string;
	new_status: string;
	direction: 'worse' | 'better';
	value: number | null;
}

export interface Subscription {
	subscription_id: number;
	webhook_url: string | null;
	emails: string[];
	created_at: string;
	created_by: string | null;
}

export interface DeliveryRow {
	delivery_id: number;
	alert_id: number;
	subscription_id: number;
	channel: 'webhook' | 'email';
	attempt: number;
	at: string;
	outcome: 'sent' | 'failed' | 'gave_up';
	detail: string | null;
}

const TIME = (c: string) => `strftime(${c}, '%Y-%m-%d %H:%M:%S')`;

/** Stores one alert per change; returns them as stored. */
export async function insertAlerts(db: Database, changes: AlertChange[], cause: 'load' | 'undo', batchId: number | null): Promise<AlertRow[]> {
	const ids: number[] = [];
	for (const c of changes) {
		const id = Number((await db.one<{ id: string }>(`SELECT nextval('alert_id_seq') AS id`))!.id);
		await db.runBookkeeping(
			`INSERT INTO alerts (alert_id, batch_id, cause, source, kpi, month, scope_dim, scope_value, old_status, new_status, direction, value)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			[id, batchId, cause, c.after.source, c.after.kpi, c.after.month, c.after.scope?.dim ?? null, c.after.scope?.value ?? null,
				c.before.status!, c.after.status!, c.direction, c.after.value]
		);
		ids.push(id);
	}
	return ids.length ? listAlerts(db, { ids }) : [];
}

export async function listAlerts(db: Database, opts: { ids?: number[]; limit?: number } = {}): Promise<AlertRow[]> {
	// Ids are this module's own integers: written into the SQL (a list parameter cannot be bound).
	const where = opts.ids ? `WHERE alert_id IN (${opts.ids.map((id) => Math.trunc(Number(id))).join(', ')})` : '';
	const rows = await db.all<AlertRow>(
		`SELECT alert_id, ${TIME('created_at')} AS created_at, batch_id, cause, source, kpi, month, scope_dim, scope_value,
			old_status, new_status, direction, value
		 FROM alerts ${where} ORDER BY alert_id DESC LIMIT ${Math.max(1, Math.min(opts.limit ?? 500, 5000))}`
	);
	return rows.map((r) => ({ ...r, alert_id: Number(r.alert_id), batch_id: r.batch_id === null ? null : Number(r.batch_id), value: r.value === null ? null : Number(r.value) }));
}

/** Live subscriptions (a deleted one keeps its row for the delivery log). */
export async function listSubscriptions(db: Database): Promise<Subscription[]> {
	const rows = await db.all<{ subscription_id: number; webhook_url: string | null; emails: string | null; created_at: string; created_by: string | null }>(
		`SELECT subscription_id, webhook_url, emails, ${TIME('created_at')} AS created_at, created_by
		 FROM alert_subscriptions WHERE deleted_at IS NULL ORDER BY subscription_id`
	);
	return rows.map((r) => ({ ...r, subscription_id: Number(r.subscription_id), emails: r.emails ? (JSON.parse(r.emails) as string[]) : [] }));
}

export async function subscriptionSecret(db: Database, id: number): Promise<string | null> {
	return (await db.one<{ secret: string | null }>(`SELECT secret FROM alert_subscriptions WHERE subscription_id = $1`, [id]))?.secret ?? null;
}

export class SubscriptionError extends Error {
	constructor(readonly field: 'webhook_url' | 'emails', readonly code: 'url_invalid' | 'url_scheme' | 'email_invalid' | 'empty') {
		super(`${field}: ${code}`);
		this.name = 'SubscriptionError';
	}
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/**
 * Checks and stores a subscription; returns its id and the webhook's secret (shown once). Webhook
 * URLs are http or https only. SSRF: the server will POST to whatever host an admin names (an
 * internal address included); only admins may set them (roles.ts), so this is their choice.
 */
export async function addSubscription(db: Database, input: { webhook_url?: string; emails?: string; by?: string | null }): Promise<{ id: number; secret: string | null }> {
	const url = input.webhook_url?.trim() || null;
	if (url) {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			throw new SubscriptionError('webhook_url', 'url_invalid');
		}
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SubscriptionError('webhook_url', 'url_scheme');
		if (url.length > 2000) throw new SubscriptionError('webhook_url', 'url_invalid');
	}
	const emails = (input.emails ?? '').split(/[\s,;]+/).filter(Boolean);
	if (emails.length > 50 || emails.some((e) => e.length > 254 || !EMAIL.test(e))) throw new SubscriptionError('emails', 'email_invalid');
	if (!url && emails.length === 0) throw new SubscriptionError('webhook_url', 'empty');
	const secret = url ? randomBytes(32).toString('hex') : null;
	const id = Number((await db.one<{ id: string }>(`SELECT nextval('alert_subscription_id_seq') AS id`))!.id);
	await db.runBookkeeping(`INSERT INTO alert_subscriptions (subscription_id, webhook_url, secret, emails, created_by) VALUES ($1, $2, $3, $4, $5)`, [
		id, url, secret, emails.length ? JSON.stringify(emails) : null, input.by ?? null
	]);
	return { id, secret };
}

export async function deleteSubscription(db: Database, id: number): Promise<void> {
	await db.runBookkeeping(`UPDATE alert_subscriptions SET deleted_at = current_timestamp WHERE subscription_id = $1 AND deleted_at IS NULL`, [id]);
}

export async function logDelivery(db: Database, d: Omit<DeliveryRow, 'delivery_id' | 'at'>): Promise<void> {
	await db.runBookkeeping(
		`INSERT INTO alert_deliveries (alert_id, subscription_id, channel, attempt, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
		[d.alert_id, d.subscription_id, d.channel, d.attempt, d.outcome, d.detail === null ? null : d.detail.slice(0, 500)]
	);
}

export async function listDeliveries(db: Database, limit = 200): Promise<DeliveryRow[]> {
	const rows = await db.all<DeliveryRow>(
		`SELECT delivery_id, alert_id, subscription_id, channel, attempt, ${TIME('attempted_at')} AS at, outcome, detail
		 FROM alert_deliveries ORDER BY delivery_id DESC LIMIT ${Math.max(1, Math.min(limit, 5000))}`
	);
	return rows.map((r) => ({ ...r, delivery_id: Number(r.delivery_id), alert_id: Number(r.alert_id), subscription_id: Number(r.subscription_id) }));
}
