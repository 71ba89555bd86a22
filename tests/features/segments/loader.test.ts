// Segmentos' cross-tab (queries/segmentation_cross.sql) and period comparison on a hand-built
// portfolio; every expected value is worked out in the comments from the lines below.
// Period 2025-04..2025-05; comparison period 2025-02..2025-03.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { segmentCross, compareSegments, topCross } from '../../../src/lib/features/segments/loader.server';
import { segmentation } from '../../../src/lib/server/metrics/documents';
import { DIMENSIONS, type Dimension, type MetricParams } from '../../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = [
		'Código cliente;Razón social;Tipo de cliente;Región',
		'A;Alfa;Mayorista;La Paz',
		'B;Beta;Minorista;La Paz',
		'C;Gamma;Mayorista;' // no region
	];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión', 'P3;Varios;'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		'F00;10/02/2025;A;P1;60,00;Factura', //  comparison period: Papelería 60,00
		'F0;10/03/2025;B;P2;40,00;Factura', //   comparison period: Impresión 40,00
		'F1;03/04/2025;A;P1;100,25;Factura',
		'F2;10/04/2025;A;P2;50,10;Factura',
		'F3;15/04/2025;B;P1;30,05;Factura',
		'F4;02/05/2025;C;P2;200,00;Factura',
		'NC1;05/05/2025;A;P1;20,00;Nota de crédito', // −20,00
		'F5;20/05/2025;X;P1;12,34;Factura', //          X is not in the clients table: no client type
		'F6;21/05/2025;;P3;7,66;Factura', //            no client, a product without line
		'F7;03/06/2025;A;P1;999,00;Factura' //          after the period
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	folder.remove();
});

const params = (dim: Dimension = 'product_line', filters: MetricParams['filters'] = {}): MetricParams => ({
	...metricParams('2025-04', '2025-05', '2025-05-31', filters),
	dim
});
const cents = (x: number) => Math.round(x * 100);

describe('segment cross-tab', () => {
	it('gives revenue by product line × client type, worked by hand', async () => {
		const x = await segmentCross(db, params('product_line'), DEFAULT_SETTINGS, 'client_type');
		// Papelería (P1): A 100,25 − 20,00 = 80,25 Mayorista; B 30,05 Minorista; X 12,34 no type → 122,64.
		// Impresión (P2): A 50,10 + C 200,00 = 250,10 Mayorista.
		// No line (P3): the line without client, 7,66, no type.
		expect(x.rows).toEqual([
			{ value: 'Impresión', revenue: 250.1 },
			{ value: 'Papelería', revenue: 122.64 },
			{ value: null, revenue: 7.66 }
		]);
		// Columns: Mayorista 80,25 + 250,10 = 330,35; no type 12,34 + 7,66 = 20,00; Minorista 30,05.
		expect(x.columns).toEqual([
			{ value: 'Mayorista', revenue: 330.35 },
			{ value: 'Minorista', revenue: 30.05 },
			{ value: null, revenue: 20 }
		]);
		const cell = (a: string | null, b: string | null) => x.cells.find((c) => c.value === a && c.value2 === b);
		expect(cell('Papelería', 'Mayorista')).toMatchObject({ revenue: 80.25, lines: 2 });
		expect(cell('Papelería', 'Mayorista')!.row_share).toBeCloseTo(80.25 / 122.64, 12);
		expect(cell('Papelería', 'Minorista')).toMatchObject({ revenue: 30.05, lines: 1 });
		expect(cell('Papelería', null)).toMatchObject({ revenue: 12.34, lines: 1 });
		expect(cell('Impresión', 'Mayorista')).toMatchObject({ revenue: 250.1, lines: 2, row_share: 1 });
		expect(cell(null, null)).toMatchObject({ revenue: 7.66, lines: 1, row_share: 1 });
		expect(x.cells).toHaveLength(5);
	});

	it('adds up, row by row and in all, to the segmentation document, to the cent, for every pair of dimensions', async () => {
		for (const dim of DIMENSIONS) {
			const p = params(dim);
			const doc = await segmentation(db, p, DEFAULT_SETTINGS);
			for (const dim2 of ['client_type', 'status', 'product'] as const) {
				if (dim2 === dim) continue;
				const x = await segmentCross(db, p, DEFAULT_SETTINGS, dim2);
				const rowSums = new Map<string | null, number>();
				for (const c of x.cells) rowSums.set(c.value, (rowSums.get(c.value) ?? 0) + cents(c.revenue));
				expect([...rowSums.keys()].sort(), `${dim} × ${dim2}`).toEqual(doc.segments.map((g) => g.value).sort());
				for (const g of doc.segments) expect(rowSums.get(g.value), `${dim}=${g.value} × ${dim2}`).toBe(cents(g.revenue));
				expect(x.cells.reduce((s, c) => s + cents(c.revenue), 0)).toBe(cents(doc.total_revenue)); // 380,40
				expect(x.rows.map((r) => r.value)).toEqual(doc.segments.map((g) => g.value));
			}
		}
	});

	it('applies the filters like segmentation: only region La Paz', async () => {
		const x = await segmentCross(db, params('product_line', { region: 'La Paz' }), DEFAULT_SETTINGS, 'client_type');
		// La Paz is A and B: Papelería 80,25 (A) + 30,05 (B); Impresión 50,10 (A).
		expect(x.cells.map((c) => [c.value, c.value2, c.revenue])).toEqual([
			['Papelería', 'Mayorista', 80.25],
			['Papelería', 'Minorista', 30.05],
			['Impresión', 'Mayorista', 50.1]
		]);
	});

	it('keeps the largest rows and columns only', async () => {
		const x = topCross(await segmentCross(db, params('product_line'), DEFAULT_SETTINGS, 'client_type'), 2);
		expect(x.rows.map((r) => r.value)).toEqual(['Impresión', 'Papelería']);
		expect(x.columns.map((c) => c.value)).toEqual(['Mayorista', 'Minorista']);
		expect(x.cells.map((c) => c.revenue)).toEqual([250.1, 80.25, 30.05]);
		expect([x.rows_total, x.columns_total]).toEqual([3, 3]);
	});

	it('is empty for a period without lines', async () => {
		const x = await segmentCross(db, { ...params(), from: '2024-01', to: '2024-02', as_of: '2024-02-29' }, DEFAULT_SETTINGS, 'client_type');
		expect(x).toEqual({ dim: 'product_line', dim2: 'client_type', rows: [], columns: [], cells: [] });
	});
});

describe('segments against the comparison period', () => {
	it('joins the revenue of the same segments in 2025-02..2025-03 and the change', async () => {
		const p = params('product_line');
		const doc = await segmentation(db, p, DEFAULT_SETTINGS);
		const c = await compareSegments(db, p, DEFAULT_SETTINGS, doc, { from: '2025-02', to: '2025-03' });
		// Comparison: Papelería 60,00, Impresión 40,00 → 100,00.
		expect(c.previous_total).toBe(100);
		expect(c.segments.map((g) => [g.value, g.revenue, g.revenue_previous])).toEqual([
			['Impresión', 250.1, 40],
			['Papelería', 122.64, 60],
			[null, 7.66, 0]
		]);
		expect(c.segments[0]!.change).toBeCloseTo((250.1 - 40) / 40, 12); // 5,2525
		expect(c.segments[1]!.change).toBeCloseTo((122.64 - 60) / 60, 12); // 1,044
		expect(c.segments[2]!.change).toBeNull(); // nothing to compare with
	});

	it('lists a segment that sold only in the comparison period with zero revenue', async () => {
		const p = params('client_type', { region: 'La Paz' });
		const doc = await segmentation(db, { ...p, from: '2025-04', to: '2025-04', as_of: '2025-04-30' }, DEFAULT_SETTINGS);
		// April, La Paz: A 100,25 + 50,10 = 150,35 Mayorista; B 30,05 Minorista. Before (Feb–Mar): A 60 Mayorista, B 40 Minorista.
		const c = await compareSegments(db, p, DEFAULT_SETTINGS, { ...doc, segments: doc.segments.slice(0, 1) }, { from: '2025-02', to: '2025-03' });
		expect(c.segments.map((g) => [g.value, g.revenue, g.revenue_previous, g.clients])).toEqual([
			['Mayorista', 150.35, 60, 1],
			['Minorista', 0, 40, 0]
		]);
		expect(c.segments[1]!.change).toBe(-1);
	});
});
