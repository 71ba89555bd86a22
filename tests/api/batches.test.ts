// GET /api/uploads/batches and POST /api/uploads/batches/ID/undo on the built server: the history
// newest first with what can be undone, undo answering {removed, restored}, refusals as JSON with
// 400/404/409, and the figures (GET /api/metrics) back to what they were.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const dbPath = folder.path('batches.duckdb');

const HEADER = 'Nº factura;Fecha;Código cliente;Importe';
// Refusals come in the request's language (English when it states none).
const EN = { 'accept-language': 'en' };
const january = folder.write('enero.csv', `${HEADER}\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C2;200,00\r\n`);
const corrected = folder.write('enero-bis.csv', `${HEADER}\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C2;250,50\r\nF-3;07/01/2025;C1;10,00\r\n`);

async function upload(path: string, name: string) {
	const form = new FormData();
	form.append('file', new Blob([readFileSync(path)]), name);
	const response = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: EN });
	expect(response.status).toBe(200);
	return (await response.json()).files[0];
}
const batches = async () => {
	const r = await server.fetch(`${server.url}/api/uploads/batches`);
	expect(r.status).toBe(200);
	return (await r.json()).batches;
};
const undo = async (id: string | number, body?: unknown) => {
	const r = await server.fetch(`${server.url}/api/uploads/batches/${id}/undo`, {
		method: 'POST',
		...(body === undefined ? { headers: EN } : { body: JSON.stringify(body), headers: { ...EN, 'content-type': 'application/json' } })
	});
	return { status: r.status, body: await r.json() };
};
const revenue = async () => {
	const r = await server.fetch(`${server.url}/api/metrics/segmentation?from=2025-01&to=2025-01`);
	return (await r.json()).total_revenue;
};

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('upload history and undo over HTTP', () => {
	it('lists batches newest first, undoes the latest, refuses what cannot be undone', async () => {
		expect(await batches()).toEqual([]);
		expect(await revenue()).toBe(0);
		const a = await upload(january, 'enero.csv');
		expect(await revenue()).toBe(1200);
		const b = await upload(corrected, 'enero-bis.csv');
		expect(b).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, amount_total: 1260.5 });
		expect(await revenue()).toBe(1260.5);

		const listed = await batches();
		expect(listed).toEqual([
			expect.objectContaining({ batch_id: b.batch_id, file_name: 'enero-bis.csv', kind: 'invoices', loaded_by: 'token:tests', rows_read: 3, loaded: 3, inserted: 1, updated: 1, unchanged: 1, rejected: 0, undone_at: null, undone_by: null, can_undo: true, blocked_by: null }),
			expect.objectContaining({ batch_id: a.batch_id, file_name: 'enero.csv', inserted: 2, can_undo: false, blocked_by: b.batch_id })
		]);
		expect(listed[0].file_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(listed[0].loaded_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

		// A first: refused, naming the batch to undo before it; nothing changes.
		const blocked = await undo(a.batch_id);
		expect(blocked).toEqual({
			status: 409,
			body: {
				error: `Batch ${b.batch_id} (enero-bis.csv) changed 1 row that batch ${a.batch_id} (enero.csv) loaded: undo batch ${b.batch_id} first.`,
				code: 'batch_blocked',
				params: { batch: a.batch_id, batch_file: 'enero.csv', blocker: b.batch_id, blocker_file: 'enero-bis.csv', rows: 1 }
			}
		});
		expect(await revenue()).toBe(1260.5);

		// Who undoes it is the caller (here the tests' API token), not a name sent along.
		expect(await undo(b.batch_id, { by: 'Marta' })).toEqual({ status: 200, body: { removed: 1, restored: 1 } });
		expect(await revenue()).toBe(1200); // the dashboards' cached figures were dropped
		expect((await batches())[0]).toMatchObject({ batch_id: b.batch_id, undone_by: 'token:tests', can_undo: false, blocked_by: null });

		const twice = await undo(b.batch_id);
		expect(twice.status).toBe(409);
		expect(twice.body.error).toMatch(new RegExp(`^Batch ${b.batch_id} \\(enero-bis\\.csv\\) was already undone on .* by token:tests\\.$`));
		expect(twice.body.code).toBe('batch_undone');
		expect(await undo(9999)).toEqual({ status: 404, body: { error: 'There is no batch 9999.', code: 'batch_unknown', params: { batch: 9999 } } });
		expect(await undo('abc')).toEqual({ status: 400, body: { error: '"abc" is not a batch number.', code: 'batch_bad_id', params: { id: 'abc' } } });

		expect(await undo(a.batch_id)).toEqual({ status: 200, body: { removed: 2, restored: 0 } });
		expect(await revenue()).toBe(0);
		expect((await batches())[1]).toMatchObject({ undone_by: 'token:tests' });

		// Re-uploading an undone file loads it again.
		expect(await upload(january, 'enero.csv')).toMatchObject({ inserted: 2, already_loaded: null });
		expect(await revenue()).toBe(1200);
	});

	it('runs an undo and uploads side by side without errors (serialised with the ingests)', async () => {
		const clients = folder.write('clientes.csv', 'Código cliente;Razón social\r\nC1;Alfa\r\nC2;Beta\r\n');
		const february = folder.write('febrero.csv', `${HEADER}\r\nF-10;05/02/2025;C1;300,00\r\n`);
		const march = folder.write('marzo.csv', `${HEADER}\r\nF-20;05/03/2025;C2;400,00\r\n`);
		const d = await upload(clients, 'clientes.csv');
		const [feb, undone, mar] = await Promise.all([upload(february, 'febrero.csv'), undo(d.batch_id), upload(march, 'marzo.csv')]);
		expect([feb.inserted, undone, mar.inserted]).toEqual([1, { status: 200, body: { removed: 2, restored: 0 } }, 1]);
		expect((await batches()).filter((b: { undone_at: string | null }) => b.undone_at === null).map((b: { file_name: string }) => b.file_name).sort()).toEqual([
			'enero.csv', 'febrero.csv', 'marzo.csv'
		]);
	});
});
