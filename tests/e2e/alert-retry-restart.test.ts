// A retry survives a restart of the server process: a load whose webhook is down leaves its retry
// stored when the process holding the database stops; the server, started with the receiver up,
// sends it (hooks.server.ts init → resumeDeliveries) once due, signed, as attempt 2.
import { afterAll, describe, expect, it } from 'vitest';
import { listPending } from '../../src/lib/server/alerts/pending';
import { alertsRecorded } from '../../src/lib/server/alerts/record';
import { addSubscription, listAlerts, listDeliveries } from '../../src/lib/server/alerts/store';
import { Database } from '../../src/lib/server/db/database';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { loadCsv } from '../helpers/metric-fixture';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';
import { signatureOf, WebhookReceiver } from '../helpers/webhook-receiver';

const folder = tempFolder();
let receiver: WebhookReceiver | undefined;
let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
	await receiver?.close();
	delete process.env.CARTERA_ALERT_RETRY_MS;
	folder.remove();
});

describe('alert retries across a server restart', () => {
	it('the retry a stopped process left stored arrives once the server starts again', async () => {
		receiver = await WebhookReceiver.down();
		const { calls } = receiver;
		// This process: the first attempt is refused, the retry due in 2 s is stored; then it stops.
		process.env.CARTERA_ALERT_RETRY_MS = '2000';
		const path = folder.path('restart.duckdb');
		let db = await Database.open(path);
		await loadGoalFixture(db, folder);
		await alertsRecorded();
		const { secret } = await addSubscription(db, { webhook_url: receiver.url });
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await alertsRecorded();
		for (let i = 0; i < 100 && (await listPending(db)).every((p) => p.attempt < 2); i++) await new Promise((r) => setTimeout(r, 50));
		expect(await listPending(db)).toMatchObject([{ channel: 'webhook', attempt: 2 }]);
		const [alert] = await listAlerts(db);
		await db.close();
		expect(calls).toEqual([]);

		// The server process, with the receiver up: it resumes the stored retry at start.
		await receiver.listen();
		server = await startServer(path, { env: { CARTERA_ALERT_RETRY_MS: '2000' } });
		await receiver.received(1);
		expect(calls).toHaveLength(1);
		expect(calls[0]!.signature).toBe(signatureOf(calls[0]!.body, secret!));
		expect(JSON.parse(calls[0]!.body)).toMatchObject({ alert: { id: alert!.alert_id, kpi: 'targets', new_status: 'observed' } });
		// Stopped at once (no wait): the process ends only once the delivery's work is done, its log
		// row and cleared retry written (stop() waits for the exit; measured 1.3 to 2.3 s).
		await server.stop();
		server = undefined;
		db = await Database.open(path);
		expect((await listDeliveries(db)).map((d) => [d.attempt, d.outcome]).reverse()).toEqual([[1, 'failed'], [2, 'sent']]);
		expect(await listPending(db)).toEqual([]);
		await db.close();
	}, 120_000);
});
