// Telling subscribers, after the load has committed and in the background: a load never waits for
// (or fails with) a delivery. Each alert goes to each subscription's webhook (a JSON POST signed
// X-Cartera-Signature: sha256=<hex HMAC-SHA256 of the body with the subscription's secret>,
// docs/contract.md "Alert webhook") and e-mail addresses (SMTP from the environment, config.ts).
// A failed attempt is retried after each of the configured waits; every attempt is logged. What is
// still to be attempted is stored (pending.ts), so a retry survives a restart: the server resumes
// it at start (resumeDeliveries); closing the database ends a wait early, leaving it stored.
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '../db/database';
import type { Lang } from '../../i18n/lang';
import { alertScope, alertValue, KPI_NAMES, MAIL_WORDS, statusName } from '../../i18n/alert-messages';
import { formatMonth } from '../../format';
import { loadSettings } from '../metrics/settings';
import { retryDelays, smtpConfig, webhookTimeout } from './config';
import { dropPending, listPending, savePending, type PendingDelivery, type PendingKey } from './pending';
import { listAlerts, listSubscriptions, logDelivery, subscriptionSecret, type AlertRow, type Subscription } from './store';

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

/** The e-mail of an alert in one language: its subject and plain text. */
export function mailOf(a: AlertRow, lang: Lang) {
	const w = MAIL_WORDS[lang];
	const kpi = KPI_NAMES[lang][a.kpi] ?? a.kpi;
	const [from, to] = [statusName(a.old_status, lang), statusName(a.new_status, lang)];
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

/** Waits `ms`; false at once when the database starts closing (the retry stays stored for the next start). */
function pause(ms: number, closing: AbortSignal): Promise<boolean> {
	if (closing.aborted) return Promise.resolve(false);
	return new Promise<boolean>((resolve) => {
		const done = () => {
			clearTimeout(timer);
			resolve(false);
		};
		const timer = setTimeout(() => {
			closing.removeEventListener('abort', done);
			resolve(true);
		}, ms);
		closing.addEventListener('abort', done, { once: true });
	});
}

/** The delivery log and the stored pending deliveries, written one at a time on the delivery's connection. */
interface Book {
	log(row: Parameters<typeof logDelivery>[1]): Promise<void>;
	pending(p: PendingDelivery): Promise<void>;
	done(k: PendingKey): Promise<void>;
}

/** One channel of one alert to one subscription, from attempt `from.attempt` once due: attempts until one succeeds or the waits run out. */
async function attempt(book: Book, from: PendingDelivery, send: () => Promise<string>, closing: AbortSignal): Promise<void> {
	const waits = retryDelays();
	const key: PendingKey = { alert_id: from.alert_id, subscription_id: from.subscription_id, channel: from.channel };
	const due = from.due_ms - Date.now();
	if (due > 0 && !(await pause(due, closing))) return;
	for (let n = from.attempt - 1; ; n++) {
		try {
			const detail = await send();
			await book.log({ ...key, attempt: n + 1, outcome: 'sent', detail });
			await book.done(key);
			return;
		} catch (error) {
			const last = n >= waits.length;
			const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
			await book.log({ ...key, attempt: n + 1, outcome: last ? 'gave_up' : 'failed', detail: cause });
			if (last) return book.done(key);
			// Stored before waiting: a restart meanwhile resumes it (resumeDeliveries).
			await book.pending({ ...key, attempt: n + 2, due_ms: Date.now() + waits[n]! });
			if (!(await pause(waits[n]!, closing))) return;
		}
	}
}

/** Runs `work` on a connection of its own in the background: the load has its answer; closing the database waits for it. */
function inBackground(database: Database, what: string, work: (db: Database, book: Book) => Promise<void>): void {
	const run = (async () => {
		// A connection of its own for the log, closed when the last attempt has ended.
		const db = await database.fork();
		// The attempts run side by side; their rows are written one at a time on this connection.
		let chain: Promise<void> = Promise.resolve();
		const write = (fn: () => Promise<void>) => (chain = chain.then(fn).catch((error: unknown) => console.error('alerts: delivery log', error)));
		const book: Book = {
			log: (row) => write(() => logDelivery(db, row)),
			pending: (p) => write(() => savePending(db, p)),
			done: (k) => write(() => dropPending(db, k))
		};
		try {
			await work(db, book);
			await chain;
		} finally {
			db.close();
		}
	})().catch((error: unknown) => console.error(`alerts: ${what}`, error));
	pending.add(run);
	void run.finally(() => pending.delete(run));
	database.background(run);
}

/** Starts delivering the alerts in the background; returns at once. Never throws. */
export function deliverAlerts(database: Database, alerts: AlertRow[]): void {
	if (alerts.length === 0) return;
	inBackground(database, 'delivery', async (db, book) => {
		const subscriptions = await listSubscriptions(db);
		const lang = (await loadSettings(db)).default_lang;
		const jobs: Promise<void>[] = [];
		for (const s of subscriptions) {
			const secret = s.webhook_url ? await subscriptionSecret(db, s.subscription_id) : null;
			for (const a of alerts)
				for (const channel of channels(s, secret)) {
					const from: PendingDelivery = { alert_id: a.alert_id, subscription_id: s.subscription_id, channel, attempt: 1, due_ms: 0 };
					// Stored before the first attempt: a process that stops during it sends it again at the next start.
					await book.pending(from);
					jobs.push(attempt(book, from, sender(s, secret, a, channel, lang), database.closing));
				}
		}
		await Promise.allSettled(jobs);
	});
}

/**
 * At the server's start: the deliveries a previous process left stored (a retry it was waiting
 * for, or an attempt it was making), each from its next attempt when it is due, with the same
 * waits and log. A subscription removed meanwhile, or an alert gone, is dropped. Returns at once.
 */
export function resumeDeliveries(database: Database): void {
	inBackground(database, 'resuming deliveries', async (db, book) => {
		const stored = await listPending(db);
		if (stored.length === 0) return;
		const subscriptions = new Map((await listSubscriptions(db)).map((s) => [s.subscription_id, s]));
		const alerts = new Map((await listAlerts(db, { ids: [...new Set(stored.map((p) => p.alert_id))] })).map((a) => [a.alert_id, a]));
		const lang = (await loadSettings(db)).default_lang;
		const jobs: Promise<void>[] = [];
		for (const p of stored) {
			const s = subscriptions.get(p.subscription_id);
			const a = alerts.get(p.alert_id);
			const secret = s?.webhook_url ? await subscriptionSecret(db, s.subscription_id) : null;
			if (!s || !a || !channels(s, secret).includes(p.channel)) {
				await book.done(p);
				continue;
			}
			jobs.push(attempt(book, p, sender(s, secret, a, p.channel, lang), database.closing));
		}
		console.info(`alerts: resuming ${jobs.length} delivery(ies) left pending by the last run`);
		await Promise.allSettled(jobs);
	});
}

function channels(s: Subscription, secret: string | null): ('webhook' | 'email')[] {
	return [...(s.webhook_url && secret ? (['webhook'] as const) : []), ...(s.emails.length ? (['email'] as const) : [])];
}

function sender(s: Subscription, secret: string | null, a: AlertRow, channel: 'webhook' | 'email', lang: Lang): () => Promise<string> {
	if (channel === 'webhook') {
		const body = JSON.stringify(alertPayload(a));
		return () => postWebhook(s.webhook_url!, body, secret!);
	}
	return () => sendMail(s.emails, a, lang);
}
