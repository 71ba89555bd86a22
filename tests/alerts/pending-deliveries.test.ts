// Retries survive a restart: a webhook that is down fails its first attempt; the retry is stored
// (migration 018) and the database closed before it is due (closing does not wait for it); at the
// next start (resumeDeliveries, what the server's init calls) the retry is made when due and
// arrives, signed, as attempt 2, and nothing is left stored. Also: a script that loads and closes
// the database at once keeps the load's alert (Database.close waits for the background work).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveriesPending, deliveriesSettled, resumeDeliveries } from '../../src/lib/server/alerts/deliver';
import { listPending } from '../../src/lib/server/alerts/pending';
import { alertsRecorded } from '../../src/lib/server/alerts/record';
import { addSubscription, listAlerts, listDeliveries } from '../../src/lib/server/alerts/store';
import { Database } from '../../src/lib/server/db/database';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { loadCsv } from '../helpers/metric-fixture';
import { tempFolder } from '../helpers/temp-db';
import { signatureOf, WebhookReceiver } from '../helpers/webhook-receiver';

const folder = tempFolder();
const path = folder.path('pending.duckdb');
let receiver: WebhookReceiver | undefined;

beforeAll(() => {
	// A retry 1.5 s after the first attempt, then one more.
	process.env.CARTERA_ALERT_RETRY_MS = '1500,1500';
	process.env.CARTERA_WEBHOOK_TIMEOUT_MS = '1000';
});
afterAll(async () => {
	await receiver?.close();
	delete process.env.CARTERA_ALERT_RETRY_MS;
	delete process.env.CARTERA_WEBHOOK_TIMEOUT_MS;
	folder.remove();
});

describe('alert deliveries across a restart', () => {
	it('a retry pending when the database closes is resumed at the next start and arrives', async () => {
		// A port nothing listens on (yet): the receiver is down.
		receiver = await WebhookReceiver.down();
		const { calls } = receiver;

		let db = await Database.open(path);
		await loadGoalFixture(db, folder);
		await alertsRecorded();
		const { secret } = await addSubscription(db, { webhook_url: receiver.url });
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await alertsRecorded();
		const [alert] = await listAlerts(db);
		expect(alert).toMatchObject({ source: 'goal', new_status: 'observed' });
		// The first attempt is refused; its retry is stored before the wait.
		for (let i = 0; i < 100 && (await listPending(db)).every((p) => p.attempt < 2); i++) await new Promise((r) => setTimeout(r, 50));
		expect((await listDeliveries(db)).map((d) => [d.alert_id, d.attempt, d.outcome])).toEqual([[alert!.alert_id, 1, 'failed']]);
		const [stored] = await listPending(db);
		expect(stored).toMatchObject({ alert_id: alert!.alert_id, channel: 'webhook', attempt: 2 });

		// Stop before the retry is due: closing ends the wait and keeps the retry stored.
		const closing = performance.now();
		await db.close();
		expect(performance.now() - closing).toBeLessThan(1500);
		expect(deliveriesPending()).toBe(0);
		expect(calls).toEqual([]);

		// Start again, with the receiver up: the retry arrives when due, signed, as attempt 2.
		await receiver.listen();
		db = await Database.open(path);
		expect(await listPending(db)).toEqual([stored]);
		resumeDeliveries(db);
		await deliveriesSettled();
		expect(calls).toHaveLength(1);
		expect(calls[0]!.signature).toBe(signatureOf(calls[0]!.body, secret!));
		expect(JSON.parse(calls[0]!.body)).toMatchObject({ alert: { id: alert!.alert_id, source: 'goal', kpi: 'targets' } });
		expect((await listDeliveries(db)).map((d) => [d.attempt, d.outcome]).reverse()).toEqual([[1, 'failed'], [2, 'sent']]);
		expect(await listPending(db)).toEqual([]);
		await db.close();
	});

	it('a load followed at once by closing the database keeps its alert (close waits for it)', async () => {
		const other = folder.path('close-at-once.duckdb');
		let db = await Database.open(other);
		await loadGoalFixture(db, folder);
		await db.close();
		db = await Database.open(other);
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await db.close(); // no wait for the alerts before it
		db = await Database.open(other);
		expect((await listAlerts(db)).map((a) => [a.kpi, a.scope_value, a.old_status, a.new_status])).toEqual([['targets', 'Luis Gómez', 'acceptable', 'observed']]);
		await db.close();
	});
});
