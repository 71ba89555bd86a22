// A retry survives a restart of the server process: a load whose webhook is down leaves its retry
// stored when the process holding the database stops; the server, started with the receiver up,
// sends it (hooks.server.ts init → resumeDeliveries) once due, signed, as attempt 2.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { listPending } from '../../src/lib/server/alerts/pending';
import { alertsRecorded } from '../../src/lib/server/alerts/record';
import { addSubscription, listAlerts, listDeliveries } from '../../src/lib/server/alerts/store';
import { Database } from '../../src/lib/server/db/database';
import { CREDIT_NOTE, loadGoalFixture } from '../helpers/goal-alert-fixture';
import { loadCsv } from '../helpers/metric-fixture';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const calls: { body: string; signature: string }[] = [];
let receiver: Server | undefined;
let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
	receiver?.close();
	delete process.env.CARTERA_ALERT_RETRY_MS;
	folder.remove();
});

const listen = (port: number) =>
	new Promise<Server>((resolve) => {
		const s = createServer((req, res) => {
			let body = '';
			req.on('data', (c: Buffer) => (body += c.toString('utf8')));
			req.on('end', () => {
				calls.push({ body, signature: String(req.headers['x-cartera-signature']) });
				res.writeHead(204).end();
			});
		});
		s.listen(port, '127.0.0.1', () => resolve(s));
	});

describe('alert retries across a server restart', () => {
	it('the retry a stopped process left stored arrives once the server starts again', async () => {
		const probe = await listen(0);
		const port = (probe.address() as AddressInfo).port;
		await new Promise<void>((r) => probe.close(() => r()));
		// This process: the first attempt is refused, the retry due in 2 s is stored; then it stops.
		process.env.CARTERA_ALERT_RETRY_MS = '2000';
		const path = folder.path('restart.duckdb');
		let db = await Database.open(path);
		await loadGoalFixture(db, folder);
		await alertsRecorded();
		const { secret } = await addSubscription(db, { webhook_url: `http://127.0.0.1:${port}/hook` });
		await loadCsv(db, folder, { 'nc.csv': CREDIT_NOTE });
		await alertsRecorded();
		for (let i = 0; i < 100 && (await listPending(db)).every((p) => p.attempt < 2); i++) await new Promise((r) => setTimeout(r, 50));
		expect(await listPending(db)).toMatchObject([{ channel: 'webhook', attempt: 2 }]);
		const [alert] = await listAlerts(db);
		await db.close();
		expect(calls).toEqual([]);

		// The server process, with the receiver up: it resumes the stored retry at start.
		receiver = await listen(port);
		server = await startServer(path, { env: { CARTERA_ALERT_RETRY_MS: '2000' } });
		for (let i = 0; i < 150 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
		expect(calls).toHaveLength(1);
		expect(calls[0]!.signature).toBe(`sha256=${createHmac('sha256', secret!).update(calls[0]!.body).digest('hex')}`);
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
