// GET /api/metrics/NAME on the built server: the same document as `npm run metrics -- NAME --json`,
// Arrow and CSV carrying the same rows, and bad parameters answered with 400 naming them.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { runCli } from '../helpers/run-cli';
import { startServer, type RunningServer } from '../helpers/server';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
const dbPath = folder.path('metrics.duckdb');
let server: RunningServer;

beforeAll(async () => {
	const db = await Database.open(dbPath);
	const clients = folder.write('c.csv', 'Código cliente;Razón social;Región\nA;Alfa;La Paz\nB;Beta;Oruro\n');
	const invoices = folder.write(
		'f.csv',
		'Nº factura;Fecha;Código cliente;Importe\nF1;10/01/2025;A;100,00\nF2;10/02/2025;A;150,00\nF3;11/02/2025;B;50,00\nF4;10/03/2025;B;75,25\n'
	);
	await ingestFiles(db, [{ path: clients }, { path: invoices }]);
	db.close();
});
afterAll(async () => {
	await server?.stop();
	folder.remove();
});

const QUERIES: [string, string[], string][] = [
	['segmentation', ['--from', '2025-01', '--to', '2025-03', '--dim', 'region'], 'from=2025-01&to=2025-03&dim=region'],
	['concentration', ['--from', '2025-01', '--to', '2025-03', '--filter', 'region=La Paz'], 'from=2025-01&to=2025-03&region=La%20Paz'],
	['growth', ['--from', '2025-01', '--to', '2025-03', '--as-of', '2025-03-15'], 'from=2025-01&to=2025-03&as_of=2025-03-15']
];

describe('metrics through the CLI and the HTTP API', () => {
	// The CLI opens the file itself: run it before the server takes the file.
	const cli: Record<string, unknown> = {};
	beforeAll(async () => {
		for (const [name, args] of QUERIES) {
			const r = await runCli('metrics', [name, ...args, '--db', dbPath, '--json']);
			expect(r.code, r.stderr).toBe(0);
			cli[name] = JSON.parse(r.stdout);
		}
		server = await startServer(dbPath);
	});

	it.each(QUERIES)('%s: the API answers the CLI document', async (name, _args, query) => {
		const response = await server.fetch(`${server.url}/api/metrics/${name}?${query}`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual(cli[name]);
	});

	it('segmentation worked out: A 250 (La Paz), B 125,25 (Oruro)', () => {
		expect(cli.segmentation).toMatchObject({
			total_revenue: 375.25,
			segments: [
				{ value: 'La Paz', revenue: 250, clients: 1, lines: 2 },
				{ value: 'Oruro', revenue: 125.25, clients: 1, lines: 2 }
			]
		});
	});

	it('serves the table as an Arrow stream and as CSV with the same rows', async () => {
		const response = await server.fetch(`${server.url}/api/metrics/segmentation?from=2025-01&to=2025-03&dim=region`, {
			headers: { accept: 'application/vnd.apache.arrow.stream' }
		});
		expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
		const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
		const rows = table.toArray().map((r) => ({ ...r.toJSON() }));
		expect(rows).toEqual((cli.segmentation as { segments: unknown[] }).segments);
		const csv = await (await server.fetch(`${server.url}/api/metrics/growth?from=2025-01&to=2025-03&as_of=2025-03-15&format=csv`)).text();
		expect(csv.split('\r\n')[0]).toBe('month,revenue,mom,yoy,revenue_year_before,status,partial,provisional,projected_revenue,projected_mom');
		expect(csv.split('\r\n')[3]).toBe('2025-03,75.25,-0.62375,,0,,true,false,,'); // (75,25 − 200) / 200; March not over on the 15th (partial, not the provisional month: no projection)
	});

	it.each([
		['bad month', '/api/metrics/growth?from=2025-1', 'from'],
		['SQL in a month', "/api/metrics/growth?to=2025-01'%20OR%201=1", 'to'],
		['bad dimension', '/api/metrics/segmentation?dim=colour', 'dim'],
		['unknown filter', '/api/metrics/segmentation?color=red', 'color'],
		['10 kB value', `/api/metrics/segmentation?region=${'x'.repeat(10_000)}`, 'region'],
		['repeated parameter', '/api/metrics/segmentation?dim=region&dim=size', 'dim'],
		['bad format', '/api/metrics/segmentation?format=xml', 'format']
	])('400 for %s, naming the parameter', async (_what, path, param) => {
		const response = await server.fetch(server.url + path);
		expect(response.status).toBe(400);
		expect((await response.json()).param).toBe(param);
	});

	const ask = async (path: string, lang: 'es' | 'en') => {
		const response = await server.fetch(server.url + path, { headers: { 'accept-language': lang === 'es' ? 'es-BO,es;q=0.9' : 'en-US,en;q=0.9' } });
		return { status: response.status, body: await response.json() };
	};

	it('says a refused parameter in the request language, with its code, values and parameter', async () => {
		expect(await ask('/api/metrics/growth?from=2025-1', 'en')).toEqual({
			status: 400,
			body: { error: '"from" must be a month as YYYY-MM', code: 'param_month', params: { name: 'from' }, param: 'from' }
		});
		expect(await ask('/api/metrics/growth?from=2025-1', 'es')).toEqual({
			status: 400,
			body: { error: '"from" debe ser un mes como AAAA-MM', code: 'param_month', params: { name: 'from' }, param: 'from' }
		});
		const order = await ask('/api/metrics/growth?from=2025-03&to=2025-01', 'es');
		expect(order).toEqual({
			status: 400,
			body: { error: '"from" (2025-03) es posterior a "to" (2025-01)', code: 'param_order', params: { from: '2025-03', to: '2025-01' }, param: 'from' }
		});
		const by = await ask('/api/metrics/concentration?by=region', 'en');
		expect(by.body).toMatchObject({ error: '"by" must be client or product', code: 'param_choice', param: 'by' });
		expect((await ask('/api/metrics/concentration?by=region', 'es')).body.error).toBe('"by" debe ser client o product');
		const repeated = await ask('/api/metrics/segmentation?dim=region&dim=size', 'es');
		expect(repeated.body).toEqual({ error: '"dim" aparece más de una vez', code: 'param_repeated', params: { name: 'dim' }, param: 'dim' });
		const unknown = await ask('/api/metrics/segmentation?color=red', 'en');
		expect(unknown.body).toMatchObject({ code: 'param_unknown', param: 'color', params: { name: 'color' } });
		expect(unknown.body.error).toMatch(/^unknown parameter "color"; filters are product, product_line, /);
		const metric = await ask('/api/metrics/nada', 'es');
		expect(metric.status).toBe(404);
		expect(metric.body).toMatchObject({ code: 'unknown_metric', param: 'name', params: { name: 'nada' } });
		expect(metric.body.error).toMatch(/^cifra desconocida "nada"; se esperaba una de estas: /);
		expect(metric.body.names).toContain('kpis');
		// After the refusals the server still answers a good request.
		expect((await ask('/api/metrics/growth?from=2025-01&to=2025-03', 'es')).status).toBe(200);
	});
});
