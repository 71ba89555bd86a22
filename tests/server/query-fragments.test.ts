// queries/*.sql say {{name}} where SQL names every dimension; queries.ts puts the registry's
// fragments there (src/lib/server/query-fragments.ts). Checked on every file, and on a real
// database: a filter still reaches SQL as a bound value, never as text.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSION_REGISTRY } from '../../src/lib/dimensions';
import type { Database } from '../../src/lib/server/db/database';
import { projectRoot } from '../../src/lib/server/project-root';
import { expandFragments, FRAGMENTS } from '../../src/lib/server/query-fragments';
import { queryText, runQuery } from '../../src/lib/server/queries';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { openTempDatabase, tempFolder, type TempFolder } from '../helpers/temp-db';

const FILES = readdirSync(join(projectRoot(), 'queries'))
	.filter((f) => f.endsWith('.sql'))
	.map((f) => f.replace(/\.sql$/, ''));
const code = (sql: string) => sql.replace(/--.*$/gm, '');

describe('SQL fragments', () => {
	it.each(FILES)('%s.sql has every placeholder expanded', (name) => {
		expect(code(queryText(name))).not.toMatch(/\{\{|\}\}/);
	});

	it('refuses a placeholder it does not know, naming the file', () => {
		expect(() => expandFragments('SELECT {{nope}}', 'x')).toThrow(/queries\/x\.sql: unknown fragment \{\{nope\}\}/);
	});

	it('leaves comments as written (a fragment of several lines there would turn SQL live)', () => {
		expect(expandFragments('-- see {{line_filter_conditions}}\nSELECT 1', 'x')).toBe('-- see {{line_filter_conditions}}\nSELECT 1');
	});

	it('passes every filter of the registry, in its order, as a bound parameter', () => {
		const filters = DIMENSION_REGISTRY.map((d) => `$f_${d.id}`).join(', ');
		expect(FRAGMENTS.filters).toBe(`$from_date, $to_date, $as_of, $window_days, $min_invoices, $min_amount, $abc_a, $abc_b, $stored_windows, $line_statuses, ${filters}`);
		expect(FRAGMENTS.filters_unclassified).toContain('$f_account_manager, NULL, NULL');
		for (const d of DIMENSION_REGISTRY.filter((d) => d.source === 'client')) expect(FRAGMENTS.line_filter_conditions).toContain(`c.${d.column} = f_${d.id}`);
	});
});

describe('the filtered lines on a real database', () => {
	let folder: TempFolder;
	let db: Database;

	beforeAll(async () => {
		folder = tempFolder();
		db = await openTempDatabase(folder);
		const clients = ['Código cliente;Razón social;Región', 'C1;Uno;Norte', 'C2;Dos;Sur'];
		const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
		const invoices = ['Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento', 'F1;10/03/2024;C1;P1;100,00;Factura', 'F2;11/03/2024;C2;P2;40,00;Factura'];
		await ingestFiles(db, [
			{ path: folder.write('c.csv', clients.join('\n')) },
			{ path: folder.write('p.csv', products.join('\n')) },
			{ path: folder.write('f.csv', invoices.join('\n')) }
		]);
	});

	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('keeps the lines of the filtered value only, for each kind of source', async () => {
		const revenue = async (filters: Record<string, string>) =>
			((await computeMetric(db, 'segmentation', { from: '2024-03', to: '2024-03', ...filters })) as { total_revenue: number }).total_revenue;
		expect(await revenue({})).toBe(140);
		expect(await revenue({ region: 'Norte' })).toBe(100);
		expect(await revenue({ product: 'P2' })).toBe(40);
		expect(await revenue({ product_line: 'Impresión', region: 'Sur' })).toBe(40);
		expect(await revenue({ product_line: 'Impresión', region: 'Norte' })).toBe(0);
		expect(await revenue({ status: 'active' })).toBe(140);
	});

	it("takes a value with quotes as plain text, and the database answers the next query", async () => {
		const rows = await runQuery(db, 'segmentation', {
			...Object.fromEntries(DIMENSION_REGISTRY.map((d) => [`f_${d.id}`, null])),
			f_region: "Norte' OR '1'='1",
			from_date: '2024-03-01', to_date: '2024-03-31', as_of: '2024-03-31', window_days: 90, min_invoices: 1, min_amount: 0, abc_a: 0.8, abc_b: 0.95, dim: 'region',
			use_rollups: true, stored_windows: false, line_statuses: false
		});
		expect(rows).toEqual([]);
		expect((await runQuery<{ n: number }>(db, 'data_range')).length).toBe(1);
	});
});
