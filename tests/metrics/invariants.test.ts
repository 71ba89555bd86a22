// Invariants on the demo portfolio: segment shares sum to 1 and segments add up to the period's
// revenue for every dimension; filtered figures equal the figures of a database holding only the
// filtered rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { refreshAllRollups } from '../../src/lib/server/db/rollups';
import { copyDemoDatabase } from '../helpers/demo-database';
import type { ConcentrationDocument, GrowthDocument, SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { DIMENSIONS } from '../../src/lib/server/metrics/params';
import { tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let subset: Database;
const PERIOD = { from: '2025-11', to: '2026-10' };

beforeAll(async () => {
	await copyDemoDatabase(folder.path('demo.duckdb'));
	db = await Database.open(folder.path('demo.duckdb'));
	// A database with only the "Mayorista" clients, their lines and all products.
	subset = await Database.open(folder.path('subset.duckdb'));
	await subset.run(`ATTACH '${folder.path('demo.duckdb')}' AS demo (READ_ONLY)`);
	await subset.run(`INSERT INTO clients SELECT * FROM demo.clients WHERE client_type = 'Mayorista'`);
	await subset.run(`INSERT INTO products SELECT * FROM demo.products`);
	await subset.run(`INSERT INTO invoice_lines SELECT l.* FROM demo.invoice_lines l JOIN demo.clients c USING (client_id) WHERE c.client_type = 'Mayorista'`);
	await subset.run(`DETACH demo`);
	await refreshAllRollups(subset); // lines written directly, not through a batch
}, 120_000);

afterAll(() => {
	db?.close();
	subset?.close();
	folder.remove();
});

describe('segmentation on the demo data', () => {
	it.each(DIMENSIONS)('by %s: shares sum to 1, revenues add up to the period revenue', async (dim) => {
		const s = (await computeMetric(db, 'segmentation', { ...PERIOD, dim })) as SegmentationDocument;
		expect(s.total_revenue).toBeGreaterThan(0);
		expect(s.segments.reduce((sum, x) => sum + x.share!, 0)).toBeCloseTo(1, 12);
		// Demo amounts are whole cents, so segment revenues rounded to cents add up exactly.
		const cents = s.segments.reduce((sum, x) => sum + Math.round(x.revenue * 100), 0);
		expect(cents).toBe(Math.round(s.total_revenue * 100));
	});
});

describe('retention on the demo data', () => {
	it.each([{}, { region: 'La Paz' }, { product_line: 'Papelería' }])('the revenue bridge reconciles to the cent (%j)', async (filter) => {
		const r = (await computeMetric(db, 'retention', { ...PERIOD, ...filter })) as {
			revenue_previous: number;
			revenue: number;
			bridge: Record<string, number>;
		};
		const cents = (x: number) => Math.round(x * 100);
		const bridge = Object.values(r.bridge).reduce((sum, x) => sum + cents(x), 0);
		expect(cents(r.revenue_previous) + bridge).toBe(cents(r.revenue));
		const s = (await computeMetric(db, 'segmentation', { ...PERIOD, ...filter })) as SegmentationDocument;
		expect(r.revenue).toBe(s.total_revenue);
	});
});

describe('filters', () => {
	it.each([
		['segmentation', { dim: 'product_line' }],
		['segmentation', { dim: 'billing_tier' }],
		['concentration', {}],
		['concentration', { by: 'product' }],
		['growth', {}],
		['retention', {}],
		['activation', {}]
	])('%s %j filtered by client type equals the figure on a database of only those clients', async (name, raw) => {
		const filtered = await computeMetric(db, name, { ...PERIOD, ...raw, client_type: 'Mayorista' });
		const alone = await computeMetric(subset, name, { ...PERIOD, ...raw });
		if (name === 'growth') {
			// A segment is not judged by the portfolio's thresholds (no scoped one here): the same
			// figures, without the statuses the whole database of those clients gets.
			const months = (d: unknown) => (d as GrowthDocument).months;
			expect(months(filtered).every((m) => m.status === null)).toBe(true);
			expect(months(alone).some((m) => m.status !== null)).toBe(true);
			const unjudged = (d: unknown) => ({ ...(d as GrowthDocument), months: months(d).map((m) => ({ ...m, status: null })) });
			expect(unjudged(filtered)).toEqual(unjudged(alone));
		} else expect(filtered).toEqual(alone);
	});

	it('concentration and growth are consistent with segmentation on the same filter', async () => {
		const s = (await computeMetric(db, 'segmentation', { ...PERIOD, dim: 'region', client_type: 'Mayorista' })) as SegmentationDocument;
		const c = (await computeMetric(db, 'concentration', { ...PERIOD, client_type: 'Mayorista' })) as ConcentrationDocument;
		const g = (await computeMetric(db, 'growth', { ...PERIOD, client_type: 'Mayorista' })) as GrowthDocument;
		const monthly = g.months.reduce((sum, m) => sum + Math.round(m.revenue * 100), 0);
		expect(monthly).toBe(Math.round(s.total_revenue * 100));
		expect(c.total_revenue).toBeGreaterThanOrEqual(s.total_revenue); // Σ positive client revenue ≥ R (credit notes)
	});
});
