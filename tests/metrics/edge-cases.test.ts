// Edge cases: a single client, a month of only credit notes, a month without sales, filters that
// match nothing. Every figure answers a valid document (nulls or zeros), never an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { ConcentrationDocument, GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric, METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { loadCsv } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await loadCsv(db, folder, {
		'c.csv': ['Código cliente;Razón social;Región', 'A;Alfa;La Paz'],
		'f.csv': [
			'Nº factura;Fecha;Código cliente;Importe;Tipo documento',
			'F1;10/01/2025;A;200,00;Factura', // January: +200
			'NC1;10/02/2025;A;50,00;Nota de crédito', // February: only a credit note, −50
			// March: nothing
			'F2;10/04/2025;A;80,00;Factura' // April: +80
		]
	});
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('a single client', () => {
	it('concentration: HHI 10 000, normalized 0, Gini 0, one Lorenz point, tier A', async () => {
		const c = (await computeMetric(db, 'concentration', { from: '2025-01', to: '2025-04' })) as ConcentrationDocument;
		// A: 200 − 50 + 80 = 230 > 0, n = 1
		expect(c).toMatchObject({ n: 1, total_revenue: 230, hhi: 10000, hhi_normalized: 0, lorenz: [[1, 1]] });
		expect(c.gini).toBeCloseTo(0, 12); // 2·1·230 / (1·230) − 2/1 = 0
		expect(c.top_shares).toEqual({ top1: 1, top5: 1, top10: 1, top10pct: 1, top20pct: 1 });
		expect(c.abc.map((t) => [t.tier, t.count])).toEqual([['A', 1], ['B', 0], ['C', 0]]);
	});

	it('segmentation: one segment with the whole revenue', async () => {
		const s = (await computeMetric(db, 'segmentation', { from: '2025-01', to: '2025-04', dim: 'region' })) as SegmentationDocument;
		expect(s.segments).toEqual([{ value: 'La Paz', revenue: 230, share: 1, clients: 1, lines: 3, revenue_per_client: 230 }]);
	});
});

describe('a month of only credit notes and a month without sales', () => {
	it('growth: negative and zero bases give no MoM and no status', async () => {
		const g = (await computeMetric(db, 'growth', { from: '2025-01', to: '2025-04' })) as GrowthDocument;
		expect(g.months.map((m) => [m.month, m.revenue, m.mom, m.status])).toEqual([
			['2025-01', 200, null, null], // base December 2024 = 0
			['2025-02', -50, -1.25, 'rejected'], // (−50 − 200) / 200
			['2025-03', 0, null, null], // base −50 ≤ 0
			['2025-04', 80, null, null] // base 0
		]);
	});

	it('concentration of the credit-note month: nobody with revenue > 0, nulls', async () => {
		const c = (await computeMetric(db, 'concentration', { from: '2025-02', to: '2025-02' })) as ConcentrationDocument;
		expect(c).toMatchObject({ n: 0, total_revenue: 0, hhi: null, gini: null, lorenz: [] });
	});
});

describe('filters that match nothing', () => {
	it.each([...METRIC_NAMES])('%s answers a valid document', async (name) => {
		const doc = await computeMetric(db, name, { from: '2025-01', to: '2025-04', region: 'Tarija' });
		expect(doc).toBeTypeOf('object');
		expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
	});
});
