// Telling subscribers, after the load has committed and in the background: a load never waits for
// (or fails with) a delivery. Each alert goes to each subscription's webhook (a JSON POST signed
// X-Cartera-Signature: sha256=<hex HMAC-SHA256 of the body with the subscription's secret>,
// docs/contract.md "Alert webhook") and e-mail addresses (SMTP from the environment, config.ts).
// A failed attempt is retried after each of the configured waits; every attempt is logged.
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '../db/database';
import type { Lang } from '../../i18n/lang';
import { alertScope, alertValue, KPI_NAMES, MAIL_WORDS, STATUS_NAMES } from '../../i18n/alert-messages';
import { formatMonth } from '../../format';
import { loadSettings } from '../metrics/settings';
import { retryDelays, smtpConfig, webhookTimeout } from './config';
import { listSubscriptions, logDelivery, subscriptionSecret, type AlertRow } from './store';

/** Deliveries still under way in this process (tests and the CLI wait for them). */
const pending = new Set<Promise<void>>();

export function deliveriesPending(): number {
	return pending.size;
}

/** Resolves once every delivery started so far has ended (sent or given up). */
export async function deliveriesSettled(): Promise<void> {
	while (pending.size) await Promise.allSettled([...pending]);
}

/** The JSON an alert is posted as (docs/contract.md "Alert webhook"). */
export function alertPayload(a: AlertRow) {
	return {
		event: 'alert',
		alert: {
			id: a.alert_id,
			created_at: a.created_at,
			cause: a.cause,
			batch_id: a.batch_id,
			source: a.source,
			kpi: a.kpi,
			month: a.month,
			scope: a.scope_dim === null ? null : { dimension: a.scope_dim, value: a.scope_value },
			old_status: a.old_status,
			new_status: a.new_status,
			direction: a.direction,
			value: a.value
		},
		// The alert in words, per language, for a receiver that only forwards it to people.
		summary: { es: mailOf(a, 'es').subject, en: mailOf(a, 'en').subject }
	};
}

export function signature(body: string, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function postWebhook(url: string, body: string, secret: string): Promise<string> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'user-agent': 'Cartera-Alerts', 'x-cartera-signature': signature(body, secret) },
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(webhookTimeout())
	});
	await response.body?.cancel().catch(() => undefined);
	if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
	return `HTTP ${response.status}`;
}

function mailOf(a: AlertRow, lang: Lang) {
	const w = MAIL_WORDS[lang];
	const kpi = KPI_NAMES[lang][a.kpi] ?? a.kpi;
	const [from, to] = [STATUS_NAMES[lang][a.old_status] ?? a.old_status, STATUS_NAMES[lang][a.new_status] ?? a.new_status];
	const scope = alertScope(a.scope_dim, a.scope_value, lang);
	const value = alertValue(a.kpi, a.value, lang);
	const subject = w.subject(kpi, from, to, scope);
	const text = [subject, '', `${w.month}: ${a.month ? formatMonth(a.month, lang) : '–'}`, `${w.value}: ${value}`, `${w.batch}: ${a.batch_id ?? '–'}${a.cause === 'undo' ? ` (${w.undo})` : ''}`, '', w.footer].join('\n');
	return { subject, text };
}

async function sendMail(to: string[], a: AlertRow, lang: Lang): Promise<string> {
	const smtp = smtpConfig();
	if (!smtp) throw new Error('SMTP not configured (CARTERA_SMTP_HOST)');
	const transport = nodemailer.createTransport({
		host: smtp.host,
		port: smtp.port,
		secure: smtp.secure,
		auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
		connectionTimeout: webhookTimeout(),
		greetingTimeout: webhookTimeout(),
		socketTimeout: webhookTimeout()
	});
	try {
		const info = await transport.sendMail({ from: smtp.from, to, ...mailOf(a, lang) });
		return String(info.response ?? 'sent');
	} finally {
		transport.close();
	}
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One channel of one alert to one subscription: attempts until one succeeds or the waits run out. */
type Log = (row: Parameters<typeof logDelivery>[1]) => Promise<void>;

async function attempt(log: Log, base: { alert_id: number; subscription_id: number; channel: 'webhook' | 'email' }, send: () => Promise<string>): Promise<void> {
	const waits = retryDelays();
	for (let n = 0; ; n++) {
		try {
			const detail = await send();
			await log({ ...base, attempt: n + 1, outcome: 'sent', detail });
			return;
		} catch (error) {
			const last = n >= waits.length;
			const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
			await log({ ...base, attempt: n + 1, outcome: last ? 'gave_up' : 'failed', detail: cause });
			if (last) return;
			await sleep(waits[n]!);
		}
	}
}

/** Starts delivering the alerts in the background; returns at once. Never throws. */
export function deliverAlerts(database: Database, alerts: AlertRow[]): void {
	if (alerts.length === 0) return;
	const run = (async () => {
		// A connection of its own for the log, closed when the last attempt has ended.
		const db = await database.fork();
		try {
			await deliverOn(db, alerts);
		} finally {
			db.close();
		}
	})().catch((error: unknown) => console.error('alerts: delivery', error));
	pending.add(run);
	void run.finally(() => pending.delete(run));
}

async function deliverOn(db: Database, alerts: AlertRow[]): Promise<void> {
	const subscriptions = await listSubscriptions(db);
	if (subscriptions.length === 0) return;
	const lang = (await loadSettings(db)).default_lang;
	// The attempts run side by side; their log rows are written one at a time on this connection.
	let chain: Promise<void> = Promise.resolve();
	const log: Log = (row) => (chain = chain.then(() => logDelivery(db, row)).catch((error: unknown) => console.error('alerts: delivery log', error)));
	const jobs: Promise<void>[] = [];
	for (const s of subscriptions) {
		const secret = s.webhook_url ? await subscriptionSecret(db, s.subscription_id) : null;
		for (const a of alerts) {
			const base = { alert_id: a.alert_id, subscription_id: s.subscription_id };
			if (s.webhook_url && secret) {
				const body = JSON.stringify(alertPayload(a));
				jobs.push(attempt(log, { ...base, channel: 'webhook' }, () => postWebhook(s.webhook_url!, body, secret)));
			}
			if (s.emails.length) jobs.push(attempt(log, { ...base, channel: 'email' }, () => sendMail(s.emails, a, lang)));
		}
	}
	await Promise.allSettled(jobs);
	await chain;
}
