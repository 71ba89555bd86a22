// GET /cargar/historial/<batch>/rechazos.csv on the built server: a batch's rejected rows after the
// commit, with what identifies each row, in the reader's language; analysts and admins only;
// unknown or malformed batch ids are a 404; a cell a spreadsheet would run as a formula is
// neutralised; and the server still answers a normal request after each refusal.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/lib/server/auth/tokens';
import { createUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/database';
import { startServer, TEST_ADMIN, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const tokens: Record<'viewer' | 'analyst', string> = { viewer: '', analyst: '' };
const dbPath = folder.path('rejections.duckdb');

// Line 3: a bad amount; line 4: an invoice number and an amount written as formulas.
const file = folder.write(
	'febrero.csv',
	'Nº factura;Fecha;Código cliente;Importe\r\nF-1;05/02/2025;C1;100,00\r\nF-2;06/02/2025;C2;abc\r\n=1+1;07/02/2025;C1;=HYPERLINK("http://x")\r\n'
);

const get = (path: string, headers: Record<string, string> = {}) => server.fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
const as = (role: 'viewer' | 'analyst', lang = 'es') => ({ authorization: `Bearer ${tokens[role]}`, 'accept-language': lang });

beforeAll(async () => {
	const db = await Database.open(dbPath);
	await createUser(db, TEST_ADMIN.name, TEST_ADMIN.password, 'admin');
	tokens.viewer = (await createToken(db, 'lector', 'viewer', TEST_ADMIN.name)).token;
	tokens.analyst = (await createToken(db, 'analista', 'analyst', TEST_ADMIN.name)).token;
	db.close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('the rejections CSV of a batch', () => {
	let batch: number;

	it('gives an analyst every rejected cell beside its row’s number, client and date, in Spanish', async () => {
		const form = new FormData();
		form.append('file', new Blob([readFileSync(file)]), 'febrero.csv');
		const up = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form });
		expect(up.status).toBe(200);
		const report = (await up.json()).files[0];
		expect(report.rejected).toBe(2);
		batch = report.batch_id;

		const r = await get(`/cargar/historial/${batch}/rechazos.csv`, as('analyst'));
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toBe(`attachment; filename="lote-${batch}-rechazos.csv"`);
		const lines = (await r.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('Línea;Nº de factura;Cliente;Fecha de factura;Columna;Valor;Motivo');
		expect(lines[1]).toBe('3;F-2;C2;06/02/2025;Importe;abc;se esperaba un número como 1.234,56');
		// what a spreadsheet would run is neutralised (csv.ts), the identity included
		expect(lines[2]).toMatch(/^4;'=1\+1;C1;07\/02\/2025;Importe;"'=HYPERLINK\(""http:\/\/x""\)";/);
		expect(lines).toHaveLength(3);
	});

	it('speaks English to an English reader, with commas', async () => {
		const r = await get(`/cargar/historial/${batch}/rechazos.csv`, as('analyst', 'en'));
		expect(r.headers.get('content-disposition')).toBe(`attachment; filename="batch-${batch}-rejected.csv"`);
		const lines = (await r.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('Line,Invoice number,Client,Invoice date,Column,Value,Reason');
		expect(lines[1]).toBe('3,F-2,C2,06/02/2025,Importe,abc,"expected a number like 1.234,56"');
	});

	it('refuses a viewer and an anonymous caller; writes are not taken', async () => {
		expect((await get(`/cargar/historial/${batch}/rechazos.csv`, as('viewer'))).status).toBe(403);
		const anonymous = await fetch(`${server.url}/cargar/historial/${batch}/rechazos.csv`, { redirect: 'manual' });
		expect([302, 303, 307, 401]).toContain(anonymous.status);
		const post = await server.fetch(`${server.url}/cargar/historial/${batch}/rechazos.csv`, { method: 'POST', headers: as('analyst') });
		expect(post.status).toBe(403);
	});

	it('answers 404 for unknown or malformed batches, and still serves after them', async () => {
		for (const id of ['999999', '0', 'abc', '-1', '1e3', '99999999999999999999', '%2e%2e'])
			expect((await get(`/cargar/historial/${id}/rechazos.csv`, as('analyst'))).status, id).toBe(404);
		expect((await get(`/cargar/historial/${batch}/rechazos.csv`, as('analyst'))).status).toBe(200);
	});

	it('a batch without rejections gives its header only', async () => {
		const form = new FormData();
		form.append('file', new Blob(['Nº factura;Fecha;Código cliente;Importe\r\nG-1;05/03/2025;C1;1,00\r\n']), 'marzo.csv');
		const clean = (await (await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form })).json()).files[0];
		const r = await get(`/cargar/historial/${clean.batch_id}/rechazos.csv`, as('analyst'));
		expect(r.status).toBe(200);
		expect((await r.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toEqual(['Línea;Columna;Valor;Motivo']);
	});
});
