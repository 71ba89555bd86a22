// Concentration by month (queries/concentration_trend.sql) on hand-built months; every expected
// value is worked out in the comments. Each month must also equal the concentration document
// computed with that month alone as the period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/database';
import { concentrationTrend, downsample, paretoFromLorenz } from '../../../src/lib/features/concentration/loader.server';
import type { ConcentrationDocument } from '../../../src/lib/server/metrics/documents';
import { computeMetric } from '../../../src/lib/server/metrics/index';
import type { MetricParams } from '../../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const lines = ['Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento'];
	// April: A 50, B 30, C 20 (C in two lines), plus a line without client and D with only a credit note.
	lines.push(
		'F1;02/04/2025;A;P1;50,00;Factura',
		'F2;03/04/2025;B;P2;30,00;Factura',
		'F3;04/04/2025;C;P1;15,00;Factura',
		'F4;05/04/2025;C;P3;5,00;Factura',
		'F5;06/04/2025;;P1;10,00;Factura',
		'NC1;07/04/2025;D;P1;5,00;Nota de crédito'
	);
	// May: A 100; B buys 40 and returns 40 (r = 0, left out).
	lines.push('F6;02/05/2025;A;P2;100,00;Factura', 'F7;03/05/2025;B;P1;40,00;Factura', 'NC2;04/05/2025;B;P1;40,00;Nota de crédito');
	// June: only a credit note. July: K01..K12 billing 10, 20, …, 120 (product P1).
	lines.push('NC3;10/06/2025;E;P1;10,00;Nota de crédito');
	for (let i = 1; i <= 12; i++) lines.push(`F-K${i};15/07/2025;K${String(i).padStart(2, '0')};P${i};${i * 10},00;Factura`);
	await loadCsv(db, folder, { 'f.csv': lines });
});
afterAll(() => {
	db.close();
	folder.remove();
});

const params = (by: MetricParams['by'] = 'client'): MetricParams => ({ ...metricParams('2025-04', '2025-07', '2025-07-31'), by });

describe('concentration trend', () => {
	it('gives HHI and top-10 share of each month, worked by hand', async () => {
		const t = await concentrationTrend(db, params(), DEFAULT_SETTINGS);
		expect(t.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07']);
		// April: shares 0,5 / 0,3 / 0,2 → HHI = 50² + 30² + 20² = 2500 + 900 + 400 = 3800; 3 clients ≤ 10 → top-10 = 1.
		expect(t[0]).toMatchObject({ n: 3, total_revenue: 100, top10: 1 });
		expect(t[0]!.hhi).toBeCloseTo(3800, 9);
		// May: A alone → HHI = 100² = 10 000, top-10 = 1.
		expect(t[1]).toMatchObject({ n: 1, total_revenue: 100, top10: 1 });
		expect(t[1]!.hhi).toBeCloseTo(10000, 9);
		// June: no client with positive revenue.
		expect(t[2]).toEqual({ month: '2025-06', n: 0, total_revenue: 0, hhi: null, top10: null, partial: false, provisional: false });
		// July: Σr = 10·(1 + … + 12) = 780; top 10 leave out 10 and 20 → 750 / 780;
		// HHI = 10 000 · Σr² / 780² = 10 000 · 100 · 650 / 608 400 = 1068,376…
		expect(t[3]).toMatchObject({ n: 12, total_revenue: 780 });
		expect(t[3]!.top10).toBeCloseTo(750 / 780, 12);
		expect(t[3]!.hhi).toBeCloseTo((10000 * 65000) / 608400, 9);
	});

	it('equals the concentration document computed for each month alone, by client and by product', async () => {
		for (const by of ['client', 'product'] as const) {
			const t = await concentrationTrend(db, params(by), DEFAULT_SETTINGS);
			for (const m of t) {
				const doc = (await computeMetric(db, 'concentration', { from: m.month, to: m.month, by })) as ConcentrationDocument;
				expect(m.n, `${by} ${m.month}`).toBe(doc.n);
				expect(m.total_revenue).toBe(doc.total_revenue);
				if (doc.hhi === null) expect(m.hhi).toBeNull();
				else expect(m.hhi).toBeCloseTo(doc.hhi, 9);
				if (doc.top_shares.top10 === null) expect(m.top10).toBeNull();
				else expect(m.top10).toBeCloseTo(doc.top_shares.top10, 12);
			}
		}
		// By product in April: P1 50 + 15 + 10 (no client, still a product) − 5 = 70, P2 30, P3 5 → Σ 105.
		const april = (await concentrationTrend(db, params('product'), DEFAULT_SETTINGS))[0]!;
		expect(april.n).toBe(3);
		expect(april.hhi).toBeCloseTo(10000 * (70 ** 2 + 30 ** 2 + 5 ** 2) / 105 ** 2, 9);
	});

	it('applies the filters: only product P1', async () => {
		const t = await concentrationTrend(db, { ...params(), filters: { product: 'P1' } }, DEFAULT_SETTINGS);
		// April, P1: A 50, C 15 (D's credit note leaves D ≤ 0) → shares 50/65, 15/65.
		expect(t[0]!.n).toBe(2);
		expect(t[0]!.hhi).toBeCloseTo(10000 * (50 ** 2 + 15 ** 2) / 65 ** 2, 9);
		// July, P1: only K01 (10).
		expect(t[3]).toMatchObject({ n: 1, total_revenue: 10, top10: 1 });
	});
});

describe('chart curves', () => {
	it('reads the Pareto curve off the Lorenz points', () => {
		// Revenues 10, 30, 60 → Lorenz (1/3, 0,1), (2/3, 0,4), (1, 1); the largest holds 0,6, the two largest 0,9.
		const pareto = paretoFromLorenz([[1 / 3, 0.1], [2 / 3, 0.4], [1, 1]]);
		expect(pareto.map(([x]) => x)).toEqual([1 / 3, 2 / 3, 1]);
		expect(pareto[0]![1]).toBeCloseTo(0.6, 12);
		expect(pareto[1]![1]).toBeCloseTo(0.9, 12);
		expect(pareto[2]![1]).toBe(1);
		expect(paretoFromLorenz([])).toEqual([]);
	});

	it('downsamples to at most the limit, keeping the first and last points', () => {
		const points = Array.from({ length: 1052 }, (_, i) => i);
		const kept = downsample(points, 400);
		expect(kept).toHaveLength(400);
		expect(kept[0]).toBe(0);
		expect(kept[399]).toBe(1051);
		expect(new Set(kept).size).toBe(400);
		expect(downsample([1, 2, 3], 400)).toEqual([1, 2, 3]);
	});
});
