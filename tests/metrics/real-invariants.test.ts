// Invariants on real exports as they are (tests/fixtures/real-expected.md): over the whole file the
// period revenue is the file's independently computed total; for every dimension segment shares
// sum to 1 and segments add up to R; the revenue bridge reconciles; growth's months add up to R;
// concentration's tiers cover every buying client; the activation population splits into its
// statuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { ConcentrationDocument, GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { DIMENSIONS } from '../../src/lib/server/metrics/params';
import { loadReal, REAL_DATASETS } from '../helpers/datasets';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const cents = (x: number) => Math.round(x * 100);

describe.each(REAL_DATASETS)('$name', (d) => {
	const folder = tempFolder();
	let db: Database;
	beforeAll(async () => {
		db = await openTempDatabase(folder);
		await loadReal(db, d);
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
