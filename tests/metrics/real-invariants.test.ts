// Invariants on real exports as they are (tests/fixtures/real-expected.md): over the whole file the
// period revenue is the file's independently computed total; for every dimension segment shares
// sum to 1 and segments add up to R; the revenue bridge reconciles; growth's months add up to R;
// concentration's tiers cover every buying client; the activation population splits into its
// statuses.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { ConcentrationDocument, GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { DIMENSIONS } from '../../src/lib/server/metrics/params';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const REAL = join(process.cwd(), '..', 'shared', 'data', 'real');

interface Dataset {
	name: string;
	files: string[];
	/** Whole months covering every line. */
	all: { from: string; to: string };
	/** The file's total, rounded half-up to cents (real-expected.md). */
	total: number;
	/** Two (previous, current) pairs of periods for the bridge, one with a filter. */
	bridges: Record<string, string>[];
}

const DATASETS: Dataset[] = [
	{
		// §2: Σ Sales 2 297 200.8603 over 2014-01-03 … 2017-12-30.
		name: 'Superstore',
		files: ['tableau-sample-superstore/Sample - Superstore.csv'],
		all: { from: '2014-01', to: '2017-12' },
		total: 2297200.86,
		bridges: [
			{ from: '2017-01', to: '2017-12' },
			{ from: '2016-07', to: '2017-06', region: 'West' }
		]
	},
	{
		// §3: Σ SALES 10 032 628.85 over 2003-01-06 … 2005-05-31 (cp850, month-first dates), less the
		// 194 487.48 of the 60 lines whose STATUS is Cancelled (cancelled documents count in no figure) = 9 838 141.37.
		name: 'Kaggle sales sample',
		files: ['kaggle-sales-data-sample/sales_data_sample.csv'],
		all: { from: '2003-01', to: '2005-05' },
		total: 9838141.37,
		bridges: [{ from: '2004-06', to: '2005-05' }, { from: '2004-01', to: '2004-12' }]
	},
	{
		// §5: Σ Precio×Cantidad×(1−Descuento) 1 480 967.7575 over 2018-07-04 … 2021-04-30 (order/detail pair).
		name: 'Neptuno',
		files: ['Clientes.csv', 'Productos.csv', 'Pedidos.csv', 'Detalles de pedidos.csv'].map((f) => `neptuno-es-access-export/${f}`),
		all: { from: '2018-07', to: '2021-04' },
		total: 1480967.76,
		bridges: [
			{ from: '2020-05', to: '2021-04' },
			{ from: '2019-07', to: '2020-06', product_line: '1' } // Categoría is exported as its number
		]
	},
	{
		// §6: Σ Amount 431 502 less the 564 of the two orders whose dates cannot be read = 430 938,
		// over 2018-04-01 … 2019-08-13.
		name: 'India orders',
		files: ['List of Orders.csv', 'Order Details.csv'].map((f) => `kaggle-ecommerce-india-orders-targets/${f}`),
		all: { from: '2018-04', to: '2019-08' },
		total: 430938,
		bridges: [{ from: '2018-09', to: '2019-08' }]
	}
];

const cents = (x: number) => Math.round(x * 100);

describe.each(DATASETS)('$name', (d) => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await ingestFiles(
			db,
			d.files.map((f) => ({ path: join(REAL, f) }))
		);
	}, 60_000);
	afterAll(() => {
		db.close();
		folder.remove();
	});

	it('R over the whole file is the file’s total', async () => {
		const s = (await computeMetric(db, 'segmentation', { ...d.all, dim: 'product' })) as SegmentationDocument;
		expect(s.total_revenue).toBe(d.total);
	});

	it.each(DIMENSIONS)('by %s: shares sum to 1 and segments add up to R (each segment rounded to cents)', async (dim) => {
		const s = (await computeMetric(db, 'segmentation', { ...d.all, dim })) as SegmentationDocument;
		expect(s.total_revenue).toBe(d.total);
		expect(s.segments.reduce((sum, x) => sum + x.share!, 0)).toBeCloseTo(1, 12);
		const sum = s.segments.reduce((acc, x) => acc + cents(x.revenue), 0);
		// Rounding each segment to cents moves it at most half a cent.
		expect(Math.abs(sum - cents(s.total_revenue))).toBeLessThanOrEqual(Math.ceil(s.segments.length / 2));
	});

	it('growth’s months add up to R, oldest first', async () => {
		const g = (await computeMetric(db, 'growth', d.all)) as GrowthDocument;
		const months = g.months.map((m) => m.month);
		expect(months).toEqual([...months].sort());
		const sum = g.months.reduce((acc, m) => acc + cents(m.revenue), 0);
		expect(Math.abs(sum - cents(d.total))).toBeLessThanOrEqual(Math.ceil(g.months.length / 2));
	});

	it('concentration: A, B and C cover every buying client, the Lorenz curve ends at 1', async () => {
		const c = (await computeMetric(db, 'concentration', d.all)) as ConcentrationDocument;
		expect(c.abc.reduce((acc, t) => acc + t.count, 0)).toBe(c.n);
		expect(c.lorenz).toHaveLength(c.n);
		expect(c.lorenz.at(-1)![1]).toBeCloseTo(1, 12);
		expect(c.hhi).toBeGreaterThan(0);
		expect(c.gini).toBeGreaterThanOrEqual(0);
		expect(c.gini).toBeLessThan(1);
	});

	it('activation: the population splits into active, inactive and potential', async () => {
		const a = (await computeMetric(db, 'activation', d.all)) as ActivationDocument;
		expect(a.active + a.inactive + a.potential).toBe(a.clients_total);
	});

	it.each(d.bridges)('the revenue bridge reconciles to the cent (%j)', async (params) => {
		const r = (await computeMetric(db, 'retention', params)) as { revenue_previous: number; revenue: number; bridge: Record<string, number> };
		expect(r.revenue).toBeGreaterThan(0); // the period and filter do hold sales
		expect(cents(r.revenue_previous) + Object.values(r.bridge).reduce((sum, x) => sum + cents(x), 0)).toBe(cents(r.revenue));
		const s = (await computeMetric(db, 'segmentation', params)) as SegmentationDocument;
		expect(r.revenue).toBe(s.total_revenue);
	});
});
