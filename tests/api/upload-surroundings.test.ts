// The upload page's API on the built server says what it skipped around the data of a report
// export (title, blank lines, subtotal, total) in the page's language, loads the rest, and keeps
// answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let server: RunningServer;
const dbPath = folder.path('api.duckdb');

const REPORT = [
	'INFORME DE VENTAS;;;', // 1
	'Empresa: Comercial Andina S.R.L.;;;', // 2
	'Nº factura;Fecha;Código cliente;Importe', // 3
	'F-1;05/03/2026;C1;1.000,50', // 4
	';;;', // 5
	'F-2;06/03/2026;C2;200,00', // 6
	'TOTAL GENERAL;;;1.200,50' // 7
].join('\r\n');

beforeAll(async () => {
	(await Database.open(dbPath)).close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('POST /api/uploads with a report export', () => {
	it('skips and reports what surrounds the data, in Spanish, and loads the invoices', async () => {
		const form = new FormData();
		form.append('kind', 'invoices');
		form.append('file', new Blob([REPORT]), 'informe.csv');
		const response = await server.fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { 'accept-language': 'es' } });
		expect(response.status).toBe(200);
		const file = (await response.json()).files[0];
		expect(file).toMatchObject({ rows_read: 2, loaded: 2, rejected: 0, amount_total: 1200.5 });
		expect(file.skipped).toEqual([
			{ reason: 'title', rows: 2, lines: [1, 2] },
			{ reason: 'blank', rows: 1, lines: [5] },
			{ reason: 'total', rows: 1, lines: [7] }
		]);
		expect(file.warnings).toEqual(
			expect.arrayContaining([
				'Se omitieron 2 líneas de título sobre los encabezados (líneas 1 y 2).',
				'Se omitió 1 línea vacía o solo con separadores (línea 5).',
				'Se omitió 1 fila de total, que no es un dato (línea 7).'
			])
		);
		// The server still answers a normal request after the upload.
		expect((await server.fetch(`${server.url}/api/metrics/kpis`)).status).toBe(200);
	});
});
