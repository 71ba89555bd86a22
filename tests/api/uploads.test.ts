// POST /api/uploads on the built server: the CLI's ingest and report over HTTP, bad input refused
// with a JSON error, concurrent uploads serialised, and `npm run ingest -- --server` using it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { runCli } from '../helpers/run-cli';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const dbPath = folder.path('api.duckdb');

const clients = folder.write('clientes.csv', 'Código cliente;Razón social\r\nC1;Alfa\r\nC2;Beta\r\n');
const invoicesA = folder.write('enero.csv', 'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/01/2025;C1;1.000,00\r\nF-2;06/01/2025;C2;x\r\n');
const invoicesB = folder.write('febrero.csv', 'Nº factura;Fecha;Código cliente;Importe\r\nF-3;05/02/2025;C1;250,25\r\n');

async function upload(files: { path: string; name: string }[], kind?: string) {
	const form = new FormData();
	if (kind) form.append('kind', kind);
	for (const f of files) form.append('file', new Blob([await import('node:fs').then((fs) => fs.readFileSync(f.path))]), f.name);
	// English asked for explicitly (also what a request stating no language gets; messages.test.ts).
	const response = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { 'accept-language': 'en' } });
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('POST /api/uploads', () => {
	it('ingests the files and answers with the ingest report', async () => {
		const r = await upload([
			{ path: clients, name: 'clientes.csv' },
			{ path: invoicesA, name: 'enero.csv' }
		]);
		expect(r.status).toBe(200);
		expect(r.body.files.map((f: { file: string; kind: string; loaded: number; rejected: number }) => [f.file, f.kind, f.loaded, f.rejected])).toEqual([
			['clientes.csv', 'clients', 2, 0],
			['enero.csv', 'invoices', 1, 1]
		]);
		expect(r.body.files[1].rejections).toEqual([{ line: 3, column: 'Importe', value: 'x', reason: 'expected a number like 1.234,56', code: 'bad_number' }]);
	});

	it('refuses a file of unknown kind, a bad kind and a request without files, changing nothing', async () => {
		const other = folder.write('otra.csv', 'Color;Peso\nrojo;3\n');
		const unknown = await upload([{ path: other, name: 'otra.csv' }]);
		expect(unknown.status).toBe(400);
		expect(unknown.body.error).toMatch(/^otra\.csv: cannot tell what this export holds/);
		expect((await upload([{ path: invoicesB, name: 'febrero.csv' }], 'facturas')).status).toBe(400);
		const plain = await server.fetch(`${server.url}/api/uploads`, {
			method: 'POST',
			body: 'hola',
			headers: { 'content-type': 'text/plain', 'accept-language': 'en' }
		});
		expect(plain.status).toBe(400);
		expect(await plain.json()).toEqual({ error: 'Send the files as multipart/form-data (field "file").', code: 'not_multipart', params: {} });
	});

	it('serialises simultaneous uploads without errors', async () => {
		const [a, b] = await Promise.all([upload([{ path: invoicesB, name: 'febrero.csv' }]), upload([{ path: invoicesA, name: 'enero.csv' }])]);
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(a.body.files[0].inserted + b.body.files[0].inserted).toBe(1); // febrero is new; enero was loaded above
	});

	it('is what `npm run ingest -- --server` uses while the server holds the database', async () => {
		const r = await runCli('ingest', [invoicesB, '--server', server.url, '--json'], { CARTERA_TOKEN: server.token! });
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).files[0]).toMatchObject({ file: 'febrero.csv', kind: 'invoices', loaded: 1, unchanged: 1 });
		const locked = await runCli('ingest', [invoicesB, '--db', dbPath]);
		expect(locked.code).toBe(1);
		expect(locked.stderr).toMatch(/is in use by another process .* --server/);
	});

	it('asks the server for the CLI language: `npm run ingest -- --server` in Spanish', async () => {
		const env = { CARTERA_TOKEN: server.token!, CARTERA_LANG: 'es' };
		const r = await runCli('ingest', [invoicesA, '--server', server.url, '--json'], env);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).files[0].rejections).toEqual([
			{ line: 3, column: 'Importe', value: 'x', reason: 'se esperaba un número como 1.234,56', code: 'bad_number' }
		]);
		const other = folder.write('otra-es.csv', 'Color;Peso\nrojo;3\n');
		const refused = await runCli('ingest', [other, '--server', server.url], env);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/^otra-es\.csv: no se puede saber qué contiene esta exportación por sus encabezados \(Color, Peso\)\./);
	});
});

describe('cross-site requests', () => {
	it('refuses a POST whose Origin is another site', async () => {
		const form = new FormData();
		form.append('file', new Blob(['Código cliente;Razón social\nC9;Zeta\n']), 'c.csv');
		const r = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { origin: 'https://evil.example' } });
		expect(r.status).toBe(403);
		const same = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { origin: server.url } });
		expect(same.status).toBe(200);
	});
});

describe('large uploads', () => {
	it('takes an export of several megabytes while the dashboard keeps answering', async () => {
		const rows = ['Nº factura;Fecha;Código cliente;Importe'];
		for (let k = 0; k < 100_000; k++) rows.push(`G-${k};10/03/2025;C${k % 50};${k % 900},25`);
		const big = folder.write('grande.csv', rows.join('\r\n') + '\r\n');
		const pending = upload([{ path: big, name: 'grande.csv' }]);
		const page = await server.fetch(server.url);
		expect(page.status).toBe(200);
		const r = await pending;
		expect(r.status).toBe(200);
		expect(r.body.files[0]).toMatchObject({ rows_read: 100_000, loaded: 100_000, rejected: 0 });
	});
});
