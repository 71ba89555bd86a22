// Readers during a load, through the built server (issue 13): while an export is POSTed to
// /api/uploads and committed, /api/metrics/kpis and the home page keep answering 200 with the
// figures of the last committed data; once the upload has answered, the figures are the new
// ones (never the ones cached before it), and the server goes on answering.
import { openAsBlob, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { generateInvoices } from '../../bench/generate-invoices';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;

beforeAll(async () => {
	const base = folder.path('base.csv');
	await generateInvoices(base, 20_000, 500);
	const db = await Database.open(folder.path('readers.duckdb'));
	await ingestFiles(db, [{ path: base }]);
	db.close();
	server = await startServer(folder.path('readers.duckdb'));
}, 120_000);
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

const kpis = async () => {
	const response = await server.fetch(`${server.url}/api/metrics/kpis`);
	expect(response.status).toBe(200);
	return response.json();
};

describe('readers during a load (server)', () => {
	it('answer from the last committed data while an upload commits, and with the new data after it', async () => {
		const before = await kpis();
		// The same kind of export again with every invoice number new: all its lines are added.
		await generateInvoices(folder.path('generated.csv'), 60_000, 500);
		const upload = folder.write('more.csv', readFileSync(folder.path('generated.csv'), 'utf8').replace(/(\r\n)(NC|F)-/g, '$1$2X-'));
		const form = new FormData();
		form.append('file', await openAsBlob(upload), 'facturas-nuevas.csv');

		let uploading = true;
		const during: unknown[] = [];
		const pages: number[] = [];
		const readers = (async () => {
			while (uploading) {
				during.push(await kpis());
				pages.push((await server.fetch(`${server.url}/`)).status);
			}
		})();
		const response = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form });
		const report = await response.json();
		uploading = false;
		await readers;
		expect(response.status, JSON.stringify(report).slice(0, 300)).toBe(200);
		expect(report.files[0].loaded).toBe(60_000);

		expect(during.length).toBeGreaterThan(0);
		expect(pages.every((status) => status === 200)).toBe(true);
		// Readers got the old figures until the COMMIT, the new ones after it: nothing half-loaded.
		// (The one request that spans the COMMIT may hold figures of both.)
		const after = await kpis();
		expect(after).not.toEqual(before);
		expect(during[0]).toEqual(before);
		const changed = during.findIndex((figures) => JSON.stringify(figures) !== JSON.stringify(before));
		if (changed >= 0) for (const figures of during.slice(changed + 1)) expect(figures).toEqual(after);
		// Asked again, still the new figures; the home page answers.
		expect(await kpis()).toEqual(after);
		expect((await server.fetch(`${server.url}/`)).status).toBe(200);
	}, 120_000);
});
