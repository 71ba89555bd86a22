// Segmentation and monthly growth on a hand-built portfolio; every expected value is worked out
// in the comments from the lines below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import type { GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { ParamError } from '../../src/lib/server/metrics/params';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = ['Código cliente;Razón social;Tipo de cliente;Región', 'A;Alfa;Mayorista;La Paz', 'B;Beta;Minorista;La Paz', 'C;Gamma;Mayorista;Oruro'];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		// 2025-01: 100,00
		'F1;15/01/2025;A;P1;100,00;Factura',
		// 2025-02: 80,00 + 40,50 = 120,50
		'F2;03/02/2025;A;P2;80,00;Factura',
		'F3;10/02/2025;B;P1;40,50;Factura',
		// 2025-03: 123,51 (MoM (123,51 − 120,50) / 120,50 = 0,02498 → observed, < 5 %)
		'F4;05/03/2025;C;P1;123,51;Factura',
		// 2025-04: 135,86 (MoM 0,09999… → acceptable, < 10 %) ; a credit note of B counted negative
		'F5;02/04/2025;B;P2;150,00;Factura',
		'NC1;20/04/2025;B;P2;14,14;Nota de crédito',
		// 2025-05: nothing (MoM −1 → rejected); 2025-06: 50,00 (base 0 → MoM null, no status)
		'F6;10/06/2025;X;P1;50,00;Factura', // X: not in the clients table
		'F7;11/06/2025;;P2;10,00;Factura' // no client at all
	];
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

const segmentation = (raw: Record<string, string>) => computeMetric(db, 'segmentation', { from: '2025-01', to: '2025-06', ...raw }) as Promise<SegmentationDocument>;

describe('segmentation', () => {
	// Period 2025-01..06: R = 100 + 120,50 + 123,51 + 135,86 + 0 + 60 = 539,87
	it('by client type: revenue, shares, clients (unknown and missing clients form the null segment)', async () => {
		const s = await segmentation({ dim: 'client_type' });
		expect(s.total_revenue).toBe(539.87);
		expect(s.segments).toEqual([
			// Mayorista: A 100 + 80 = 180, C 123,51 → 303,51, clients A and C, 3 lines
			{ value: 'Mayorista', revenue: 303.51, share: 303.51 / 539.87, clients: 2, lines: 3, revenue_per_client: 151.76 },
			// Minorista: B 40,50 + 150 − 14,14 = 176,36, 3 lines
			{ value: 'Minorista', revenue: 176.36, share: 176.36 / 539.87, clients: 1, lines: 3, revenue_per_client: 176.36 },
			// null: X 50 and the line without client 10 → 60, two clients (X and "no client")
			{ value: null, revenue: 60, share: 60 / 539.87, clients: 2, lines: 2, revenue_per_client: 30 }
		]);
		expect(s.segments.reduce((sum, x) => sum + x.share!, 0)).toBeCloseTo(1, 12);
	});

	it('by product line, filtered by region (drops lines of unknown clients)', async () => {
		const s = await segmentation({ dim: 'product_line', region: 'La Paz' });
		// La Paz = A and B: Papelería 100 + 40,50 = 140,50; Impresión 80 + 150 − 14,14 = 215,86
		expect(s.total_revenue).toBe(356.36);
		expect(s.segments.map((x) => [x.value, x.revenue, x.clients])).toEqual([
			['Impresión', 215.86, 2],
			['Papelería', 140.5, 2]
		]);
	});

	it('by billing tier: A while the share before the client is under 80 %', async () => {
		const s = await segmentation({ dim: 'billing_tier' });
		// Σ positive client revenue = 180 + 176,36 + 123,51 + 50 = 529,87 (the line without client has
		// no tier). Share before each: A (180) 0 → A; B (176,36) 180 / 529,87 = 0,340 → A;
		// C (123,51) 356,36 / 529,87 = 0,673 → A; X (50) 479,87 / 529,87 = 0,906 → B.
		expect(s.segments.map((x) => [x.value, x.revenue, x.clients])).toEqual([
			['A', 479.87, 3],
			['B', 50, 1],
			[null, 10, 1]
		]);
	});

	it('filters that match nothing give an empty, valid document', async () => {
		const s = await segmentation({ dim: 'region', client_type: 'Gobierno' });
		expect(s).toEqual({ dim: 'region', from: '2025-01', to: '2025-06', total_revenue: 0, segments: [] });
	});
});

describe('growth', () => {
	it('MoM and status per month against 10 % / 5 % / 0 %', async () => {
		const g = (await computeMetric(db, 'growth', { from: '2025-01', to: '2025-06' })) as GrowthDocument;
		expect(g.thresholds).toEqual({ approve_at: 0.1, observe_below: 0.05, reject_below: 0 });
		expect(g.months.map((m) => [m.month, m.revenue, m.status, m.partial])).toEqual([
			['2025-01', 100, null, false], // base 2024-12 = 0 → no MoM
			['2025-02', 120.5, 'approved', false], // (120,50 − 100) / 100 = 0,205
			['2025-03', 123.51, 'observed', false], // 3,01 / 120,50 = 0,02498
			['2025-04', 135.86, 'acceptable', false], // 12,35 / 123,51 = 0,09999
			['2025-05', 0, 'rejected', false], // −1
			['2025-06', 60, null, false] // base 0
		]);
		expect(g.months[1]!.mom).toBeCloseTo(20.5 / 100, 12);
		expect(g.months[2]!.mom).toBeCloseTo(3.01 / 120.5, 12);
		expect(g.months[3]!.mom).toBeCloseTo(12.35 / 123.51, 12);
		expect(g.months.every((m) => m.yoy === null)).toBe(true); // no 2024 data
	});

	it('marks a month not over at as_of as partial, without status', async () => {
		const g = (await computeMetric(db, 'growth', { from: '2025-03', to: '2025-04', as_of: '2025-04-15' })) as GrowthDocument;
		expect(g.months.map((m) => [m.month, m.status, m.partial])).toEqual([
			['2025-03', 'observed', false],
			['2025-04', null, true]
		]);
		expect(g.months[1]!.mom).toBeCloseTo(12.35 / 123.51, 12); // revenue and MoM still reported
	});
});

describe('parameters', () => {
	it.each([
		['from', { from: "2025-01'; DROP TABLE clients; --" }],
		['to', { to: '2025-13' }],
		['as_of', { as_of: '2025-02-30' }],
		['dim', { dim: 'colour' }],
		['by', { by: 'region' }],
		['regoin', { regoin: 'La Paz' }],
		['region', { region: 'x'.repeat(10_000) }],
		['from', { from: '2025-06', to: '2025-01' }]
	])('refuses a bad %s, naming it', async (param, raw) => {
		const error = await computeMetric(db, 'segmentation', raw as Record<string, string>).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ParamError);
		expect((error as ParamError).param).toBe(param);
		expect((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM clients`))!.n).toBe(3);
	});

	it('takes values with quotes as plain text (bound, never spliced)', async () => {
		const s = await segmentation({ dim: 'region', region: "O'Higgins; DROP TABLE clients" });
		expect(s.segments).toEqual([]);
	});
});
