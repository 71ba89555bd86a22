// A load that turns the demo's last month's growth to rejected: exactly one growth alert, one signed
// webhook call (a local HTTP receiver checks the HMAC) and one e-mail (a local SMTP server); its
// undo is one alert back; a dead webhook URL never holds up the load.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveriesPending } from '../../src/lib/server/alerts/deliver';
import { alertsRecorded, alertsSettled } from '../../src/lib/server/alerts/record';
import { addSubscription, deleteSubscription, listAlerts, listDeliveries } from '../../src/lib/server/alerts/store';
import { undoBatch } from '../../src/lib/server/batches';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import { tempFolder } from '../helpers/temp-db';
import { WebhookReceiver } from '../helpers/webhook-receiver';

const folder = tempFolder();
let db: Database;
const mails: string[] = [];
let receiver: WebhookReceiver;
let silent: Server; // accepts and never answers: a webhook that times out
let smtp: SMTPServer;
const port = (s: { address(): AddressInfo | string | null }) => (s.address() as AddressInfo).port;

// A credit note dated in the demo's last complete month, cancelling most of its revenue.
const CREDIT_NOTE = `Nº factura;Línea;Fecha;Código cliente;Código producto;Cantidad;Precio unitario;Importe;Moneda;Tipo documento
NC-ALERT-1;1;15/10/2026;CL-00065;P-013;-1;1.000.000,00;-1.000.000,00;BOB;Nota de crédito
`;

beforeAll(async () => {
	process.env.CARTERA_ALERT_RETRY_MS = '200,400';
	process.env.CARTERA_WEBHOOK_TIMEOUT_MS = '500';
	silent = createServer(() => undefined);
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, done) {
			let text = '';
			stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
			stream.on('end', () => {
				mails.push(text);
				done();
			});
		}
	});
	await Promise.all([
		WebhookReceiver.up().then((r) => (receiver = r)),
		new Promise<void>((r) => silent.listen(0, '127.0.0.1', r)),
		new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r))
	]);
	process.env.CARTERA_SMTP_HOST = '127.0.0.1';
	process.env.CARTERA_SMTP_PORT = String(port(smtp.server));
	process.env.CARTERA_SMTP_FROM = 'cartera@example.test';
	await copyDemoDatabase(folder.path('demo.duckdb'));
	db = await Database.open(folder.path('demo.duckdb'));
	// Without the demo's goals: the credit note also moves October's goals, whose alerts have
	// their own test (goal-alerts.test.ts); here it is the growth alert alone.
	await db.run('DELETE FROM targets');
}, 120_000);

afterAll(async () => {
	await alertsSettled();
	db?.close();
	await receiver?.close();
	silent.closeAllConnections();
	silent.close();
	await new Promise<void>((r) => smtp.close(r));
	for (const k of ['CARTERA_ALERT_RETRY_MS', 'CARTERA_WEBHOOK_TIMEOUT_MS', 'CARTERA_SMTP_HOST', 'CARTERA_SMTP_PORT', 'CARTERA_SMTP_FROM']) delete process.env[k];
	folder.remove();
});

describe('alerts after a load', () => {
	let secret: string;
	let batch: number;

	it('a credit note that turns October to rejected: one growth alert, one signed webhook call, one e-mail', async () => {
		const growthBefore = ((await computeMetric(db, 'kpis', {})) as KpisDocument).kpis.find((k) => k.id === 'growth')!;
		expect(growthBefore).toMatchObject({ month: '2026-10', status: 'observed' });
		const sub = await addSubscription(db, { webhook_url: receiver.url, emails: 'gerencia@example.test', by: 'test' });
		secret = sub.secret!;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);

		const report = await ingestFiles(db, [{ path: folder.write('nc.csv', CREDIT_NOTE), name: 'nc.csv' }]);
		batch = report.files[0]!.batch_id;
		await alertsSettled();

		const growthAfter = ((await computeMetric(db, 'kpis', {})) as KpisDocument).kpis.find((k) => k.id === 'growth')!;
		const alerts = await listAlerts(db);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			batch_id: batch, cause: 'load', source: 'kpi', kpi: 'growth', month: '2026-10', scope_dim: null,
			old_status: 'observed', new_status: 'rejected', direction: 'worse', value: growthAfter.value
		});
		expect(growthAfter.status).toBe('rejected');

		expect(receiver.calls).toHaveLength(1);
		const expected = `sha256=${createHmac('sha256', secret).update(receiver.calls[0]!.body).digest('hex')}`;
		expect(receiver.calls[0]!.signature).toBe(expected);
		expect(JSON.parse(receiver.calls[0]!.body)).toMatchObject({ event: 'alert', alert: { id: alerts[0]!.alert_id, kpi: 'growth', old_status: 'observed', new_status: 'rejected', month: '2026-10', scope: null } });
		// Signed over the exact body: a changed byte no longer matches.
		expect(createHmac('sha256', secret).update(receiver.calls[0]!.body + ' ').digest('hex')).not.toBe(expected.slice(7));

		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('gerencia@example.test');
		expect(mails[0]).toMatch(/Rechazado|Rejected/);

		const log = await listDeliveries(db);
		expect(log.map((d) => [d.channel, d.attempt, d.outcome]).sort()).toEqual([['email', 1, 'sent'], ['webhook', 1, 'sent']]);
	});

	it('undoing that load is one alert back to observed; delivered again', async () => {
		await undoBatch(db, batch, 'test');
		await alertsSettled();
		const [latest] = await listAlerts(db);
		expect(latest).toMatchObject({ cause: 'undo', batch_id: batch, kpi: 'growth', old_status: 'rejected', new_status: 'observed', direction: 'better' });
		expect(await listAlerts(db)).toHaveLength(2);
		expect(receiver.calls).toHaveLength(2);
		expect(mails).toHaveLength(2);
	});

	let plainLoadMs = 0;
	it('loading a file that changes no status records no alert', async () => {
		const started = performance.now();
		await ingestFiles(db, [{ path: folder.write('same.csv', CREDIT_NOTE.replace(';1.000.000,00;-1.000.000,00', ';10,00;-10,00').replace('NC-ALERT-1', 'NC-ALERT-2')), name: 'same.csv' }]);
		plainLoadMs = performance.now() - started;
		await alertsSettled();
		expect(await listAlerts(db)).toHaveLength(2);
	});

	it('a dead webhook (refused, or silent past the timeout) does not hold up the load: it returns while the delivery is still pending', async () => {
		for (const s of (await db.all<{ id: number }>('SELECT subscription_id AS id FROM alert_subscriptions')).map((r) => Number(r.id))) await deleteSubscription(db, s);
		const closed = createServer();
		await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
		const refused = `http://127.0.0.1:${port(closed)}/gone`;
		await new Promise<void>((r) => closed.close(() => r()));
		await addSubscription(db, { webhook_url: refused });
		await addSubscription(db, { webhook_url: `http://127.0.0.1:${port(silent)}/hang` });

		const started = performance.now();
		const report = await ingestFiles(db, [{ path: folder.write('nc3.csv', CREDIT_NOTE.replace('NC-ALERT-1', 'NC-ALERT-3')), name: 'nc3.csv' }]);
		const loadMs = performance.now() - started;
		// The ordering, not a time limit: the load has answered; its alert is recorded just after,
		// and its deliveries have still not finished.
		await alertsRecorded();
		expect(deliveriesPending()).toBeGreaterThan(0);
		const alert = (await listAlerts(db))[0]!;
		expect(alert).toMatchObject({ batch_id: report.files[0]!.batch_id, kpi: 'growth', new_status: 'rejected' });
		expect((await listDeliveries(db)).filter((d) => d.alert_id === alert.alert_id && d.outcome === 'gave_up')).toEqual([]);

		const deliveryStart = performance.now();
		await alertsSettled();
		const log = (await listDeliveries(db)).filter((d) => d.alert_id === alert.alert_id);
		// Each URL: a try and two retries (CARTERA_ALERT_RETRY_MS=200,400), the last one giving up.
		expect(log.map((d) => d.outcome).sort()).toEqual(['failed', 'failed', 'failed', 'failed', 'gave_up', 'gave_up']);
		expect(log.some((d) => /ECONNREFUSED|refused/i.test(d.detail ?? ''))).toBe(true);
		expect(log.some((d) => /timeout|aborted/i.test(d.detail ?? ''))).toBe(true);
		console.info(`load without subscriptions: ${Math.round(plainLoadMs)} ms; with dead webhooks: ${Math.round(loadMs)} ms; deliveries went on ${Math.round(performance.now() - deliveryStart)} ms after it`);
	});

	it('a segment with a growth threshold of its own has its own alert, beside the portfolio’s', async () => {
		// The region of the credited client: its October fell by the 1 000 000 of NC-ALERT-3.
		const { region } = (await db.one<{ region: string }>(`SELECT region FROM clients WHERE client_id = 'CL-00065'`))!;
		// Approved from -30 % up, rejected below: the credit note takes the region to about -47 %.
		await saveSetting(db, { key: 'growth', value: { approve_at: -0.3, observe_below: -0.3, reject_below: -0.3 }, scope: { dimension: 'region', value: region }, by: 'test' });
		const scoped = (await computeMetric(db, 'kpis', { region })) as KpisDocument;
		expect(scoped.kpis.find((k) => k.id === 'growth')!.status).toBe('rejected');
		const lastLoad = Number((await db.one<{ b: number }>(`SELECT max(batch_id) AS b FROM upload_batches WHERE undone_at IS NULL`))!.b);
		const before = (await listAlerts(db)).length;

		await undoBatch(db, lastLoad, 'test');
		await alertsRecorded();
		const added = (await listAlerts(db)).slice(0, (await listAlerts(db)).length - before);
		const after = ((await computeMetric(db, 'kpis', { region })) as KpisDocument).kpis.find((k) => k.id === 'growth')!;
		expect(after.status).toBe('approved');
		expect(added.map((a) => [a.kpi, a.scope_dim, a.scope_value, a.old_status, a.new_status, a.direction]).sort()).toEqual([
			['growth', null, null, 'rejected', 'observed', 'better'],
			['growth', 'region', region, 'rejected', 'approved', 'better']
		].sort());
		expect(added.find((a) => a.scope_dim === 'region')!.value).toBe(after.value);
	});
});
