// The browser's upload flow over HTTP on the built server: stage → preview (records, then the
// dry-run report) → commit as a job → done; cancel mid-commit leaves the database as it was; two
// commits at once both succeed, one after the other; bad files get a clear 4xx and change nothing.
// What the database holds is read through the API only (the server holds the DuckDB file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const dbPath = folder.path('staging.duckdb');
const LIMIT_MB = 20;

const enero = 'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C2;x\r\nF-3;07/01/2025;C1;250,50\r\n';
const febrero = 'Nº factura;Fecha;Código cliente;Importe\r\nF-10;05/02/2025;C1;10,00\r\n';
const marzo = 'Nº factura;Fecha;Código cliente;Importe\r\nF-20;05/03/2025;C2;20,00\r\n';

/** An invoices export of n lines (≈ 45 bytes a line), big enough for a commit to take a while. */
function bigExport(n: number): Buffer {
	const parts = ['invoice_id,invoice_date,client_id,amount\n'];
	for (let i = 0; i < n; i++) parts.push(`B-${i},2024-${String((i % 12) + 1).padStart(2, '0')}-15,K${i % 5000},${(i % 997) + 0.25}\n`);
	return Buffer.from(parts.join(''));
}

async function stage(files: { name: string; body: string | Buffer }[]) {
	const form = new FormData();
	for (const f of files) form.append('file', new Blob([typeof f.body === 'string' ? f.body : new Uint8Array(f.body)]), f.name);
	// English asked for explicitly (also what a request stating no language gets; messages.test.ts).
	const r = await server.fetch(`${server.url}/api/uploads/stage`, { method: 'POST', body: form, headers: { 'accept-language': 'en' } });
	return { status: r.status, body: await r.json() };
}
async function post(path: string, body: unknown) {
	const r = await server.fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': 'en' },
		body: JSON.stringify(body)
	});
	return { status: r.status, body: await r.json() };
}
async function job(id: string) {
	return (await server.fetch(`${server.url}/api/uploads/jobs/${id}`, { headers: { 'accept-language': 'en' } })).json();
}
async function finished(id: string) {
	for (;;) {
		const j = await job(id);
		if (j.state !== 'running') return j;
		await new Promise((r) => setTimeout(r, 50));
	}
}
async function batches(): Promise<{ batch_id: number; file_name: string; loaded: number }[]> {
	const r = await server.fetch(`${server.url}/api/uploads/batches`);
	const body = await r.json();
	return Array.isArray(body) ? body : body.batches;
}

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	process.env.CARTERA_MAX_UPLOAD_MB = String(LIMIT_MB);
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('stage → preview → commit', () => {
	it('stages files under random ids, previews them as the pipeline reads them, reports the dry run and commits', async () => {
		const staged = await stage([{ name: 'enero.csv', body: enero }]);
		expect(staged.status).toBe(200);
		const [file] = staged.body.files;
		expect(file).toMatchObject({ name: 'enero.csv', size: Buffer.byteLength(enero) });
		expect(file.id).toMatch(/^[0-9a-f]{32}$/);

		const records = await post('/api/uploads/stage/preview', { ids: [file.id], parts: ['records'] });
		expect(records.status).toBe(200);
		expect(records.body.report).toBeUndefined();
		const p = records.body.files[0].preview;
		expect(p).toMatchObject({ encoding: 'utf-8', delimiter: ';', headerLine: 1, kind: 'invoices', headers: ['Nº factura', 'Fecha', 'Código cliente', 'Importe'] });
		expect(p.rows).toEqual([
			['F-1', '05/01/2025', 'C1', '1.000,00'],
			['F-2', '06/01/2025', 'C2', 'x'],
			['F-3', '07/01/2025', 'C1', '250,50']
		]);
		expect(p.columns.find((c: { name: string }) => c.name === 'amount')).toMatchObject({ required: true, source: 'Importe', samples: ['1.000,00', 'x', '250,50'] });

		const dry = await post('/api/uploads/stage/preview', { ids: [file.id] });
		expect(dry.status).toBe(200);
		const r = dry.body.report.files[0];
		expect(r).toMatchObject({ file: 'enero.csv', kind: 'invoices', rows_read: 3, loaded: 2, inserted: 2, updated: 0, rejected: 1 });
		expect(r.rejections).toEqual([{ line: 3, column: 'Importe', value: 'x', reason: 'expected a number like 1.234,56', code: 'bad_number' }]);
		expect(r.amount_total).toBe(1250.5);
		expect(r.date_range).toEqual({ from: '2025-01-05', to: '2025-01-07' });
		expect(await batches()).toEqual([]); // the dry run wrote nothing

		const commit = await post('/api/uploads/stage/commit', { ids: [file.id] });
		expect(commit.status).toBe(202);
		const done = await finished(commit.body.job);
		expect(done.state).toBe('done');
		expect(done.progress.phase).toBe('done');
		expect(done.report.files[0]).toMatchObject({ file: 'enero.csv', loaded: 2, inserted: 2, rejected: 1 });
		const list = await batches();
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ file_name: 'enero.csv', loaded: 2, loaded_by: 'token:tests' }); // who committed it
		// a committed file leaves the staging area
		expect((await post('/api/uploads/stage/preview', { ids: [file.id], parts: ['records'] })).status).toBe(404);
	});

	it('re-runs the preview with the options and mapping given, and commits with them (the mapping is remembered)', async () => {
		const body = 'Nº factura;Fecha;Código cliente;Importe;Bruto\r\nG-1;2025-04-01;C1;100,00;121,00\r\n';
		const { body: s } = await stage([{ name: 'abril.csv', body }]);
		const id = s.files[0].id;
		const auto = await post('/api/uploads/stage/preview', { ids: [id], parts: ['records'] });
		expect(auto.body.files[0].preview.delimiter).toBe(';');
		const asComma = await post('/api/uploads/stage/preview', { ids: [id], options: { delimiter: ',' }, parts: ['records'] });
		// read with ',' the records change at once, and why the kind is unknown is said beside them
		expect(asComma.body.files[0].preview.delimiter).toBe(',');
		expect(asComma.body.files[0].preview.headers).not.toContain('Bruto');
		expect(asComma.body.files[0].error).toMatch(/cannot tell what this export holds/);
		const map = { columns: { amount: 'Bruto' } };
		const mapped = await post('/api/uploads/stage/preview', { ids: [id], options: { kind: 'invoices' }, map });
		expect(mapped.status).toBe(200);
		expect(mapped.body.files[0].preview.columns.find((c: { name: string }) => c.name === 'amount')).toMatchObject({ source: 'Bruto', match: 'given', samples: ['121,00'] });
		expect(mapped.body.report.files[0].amount_total).toBe(121);
		const done = await finished((await post('/api/uploads/stage/commit', { ids: [id], options: { kind: 'invoices' }, map })).body.job);
		expect(done.state).toBe('done');
		// the same headers next time: the mapping confirmed is remembered
		const { body: again } = await stage([{ name: 'abril-bis.csv', body }]);
		const next = await post('/api/uploads/stage/preview', { ids: [again.files[0].id], parts: ['records'] });
		expect(next.body.files[0].preview.mapping_source).toBe('remembered');
		expect(next.body.files[0].preview.columns.find((c: { name: string }) => c.name === 'amount').source).toBe('Bruto');
	});
});

describe('cancel and concurrency', () => {
	it('cancels a commit mid-way: the job says cancelled and the database is unchanged', async () => {
		const before = await batches();
		const { body: s } = await stage([{ name: 'grande.csv', body: bigExport(300_000) }]);
		const id = s.files[0].id;
		const { body: c } = await post('/api/uploads/stage/commit', { ids: [id] });
		for (let j = await job(c.job); j.state === 'running' && j.progress.phase === 'queued'; j = await job(c.job)) await new Promise((r) => setTimeout(r, 10));
		const cancelled = await (await server.fetch(`${server.url}/api/uploads/jobs/${c.job}`, { method: 'DELETE' })).json();
		expect(cancelled.state).toBe('cancelled');
		expect(await batches()).toEqual(before);
		// nothing of the file is stored: a dry run would still insert every line
		const dry = await post('/api/uploads/stage/preview', { ids: [id], parts: ['report'] });
		expect(dry.body.report.files[0]).toMatchObject({ rows_read: 300_000, inserted: 300_000, unchanged: 0 });
	}, 120_000);

	it('runs two simultaneous commits one after the other, both successfully', async () => {
		const before = (await batches()).length;
		const { body: s } = await stage([
			{ name: 'febrero.csv', body: febrero },
			{ name: 'marzo.csv', body: marzo }
		]);
		const [a, b] = await Promise.all(s.files.map((f: { id: string }) => post('/api/uploads/stage/commit', { ids: [f.id] })));
		const [ja, jb] = await Promise.all([finished(a.body.job), finished(b.body.job)]);
		expect([ja.state, jb.state]).toEqual(['done', 'done']);
		expect(ja.report.files[0].inserted + jb.report.files[0].inserted).toBe(2);
		expect((await batches()).length).toBe(before + 2);
	});
});

describe('bad input', () => {
	it('refuses oversize, empty and binary files at once, and an unknown kind at preview, changing nothing', async () => {
		const before = await batches();
		const big = await stage([{ name: 'enorme.csv', body: Buffer.alloc((LIMIT_MB + 1) * 1024 * 1024, 'a') }]);
		expect(big.status).toBe(413);
		expect(big.body.error).toMatch(/enorme\.csv: the file is larger than the limit of 20 MB/);
		expect(big.body).toMatchObject({ code: 'upload_too_large', params: { file: 'enorme.csv', limit_mb: 20 } });
		const empty = await stage([{ name: 'vacio.csv', body: '' }]);
		expect(empty.status).toBe(400);
		expect(empty.body).toEqual({ error: 'vacio.csv: the file is empty.', code: 'file_empty', params: { file: 'vacio.csv' } });
		const binary = await stage([{ name: 'foto.csv', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }]);
		expect(binary.status).toBe(400);
		// the same refusal, with the same code, as the ingest's (read-source.ts refuseBinary)
		expect(binary.body.error).toMatch(/^foto\.csv: line 3 holds a NUL byte: this is binary data/);
		expect(binary.body).toMatchObject({ code: 'binary_line', params: { file: 'foto.csv', line: 3 } });

		const { body: s } = await stage([{ name: 'otra.csv', body: 'Color;Peso\nrojo;3\n' }]);
		const id = s.files[0].id;
		const records = await post('/api/uploads/stage/preview', { ids: [id], parts: ['records'] });
		expect(records.status).toBe(200);
		expect(records.body.files[0].error).toMatch(/^otra\.csv: cannot tell what this export holds/);
		expect(records.body.files[0].code).toBe('unknown_kind');
		const report = await post('/api/uploads/stage/preview', { ids: [id], parts: ['report'] });
		expect(report.status).toBe(400);
		expect(report.body.error).toMatch(/^otra\.csv: cannot tell what this export holds/);
		const committed = await finished((await post('/api/uploads/stage/commit', { ids: [id] })).body.job);
		expect(committed.state).toBe('failed');
		expect(committed.error).toMatch(/cannot tell what this export holds/);
		expect(committed.code).toBe('unknown_kind');

		const badKind = await post('/api/uploads/stage/preview', { ids: [id], options: { kind: 'facturas' } });
		expect(badKind.status).toBe(400);
		expect(badKind.body.error).toMatch(/^--kind: unknown kind "facturas"/);
		expect(badKind.body).toMatchObject({ code: 'option_kind', params: { option: '--kind', value: 'facturas' } });
		const unknownId = await post('/api/uploads/stage/preview', { ids: ['0'.repeat(32)] });
		expect(unknownId.status).toBe(404);
		const pathy = await post('/api/uploads/stage/commit', { ids: ['../../etc/passwd'] });
		expect(pathy.status).toBe(404);
		expect(await batches()).toEqual(before);
	});
});
