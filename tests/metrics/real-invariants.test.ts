// Invariants on a real export as it is (Superstore, sub-cent amounts, 793 clients): segment shares
// sum to 1 and segments add up to R for every dimension, the revenue bridge reconciles, and the
// period revenue equals Σ Sales of the file (2 297 200.8603 over 2014–2017, real-expected.md §2).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { DIMENSIONS } from '../../src/lib/server/metrics/params';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const ALL = { from: '2014-01', to: '2017-12' };

beforeAll(async () => {
	db = await openTempDatabase(folder);
	await ingestFiles(db, [{ path: join(process.cwd(), '..', 'shared', 'data', 'real', 'tableau-sample-superstore', 'Sample - Superstore.csv') }]);
});
afterAll(() => {
	db.close();
	folder.remove();
});

describe('Superstore', () => {
	it('R over the whole file is Σ Sales rounded to cents', async () => {
		const s = (await computeMetric(db, 'segmentation', { ...ALL, dim: 'region' })) as SegmentationDocument;
		expect(s.total_revenue).toBe(2297200.86); // 2 297 200.8603 → half-up to cents
	});

	it.each(DIMENSIONS)('by %s: shares sum to 1 and segments add up to R (each segment rounded to cents)', async (dim) => {
		const s = (await computeMetric(db, 'segmentation', { ...ALL, dim })) as SegmentationDocument;
		expect(s.segments.reduce((sum, x) => sum + x.share!, 0)).toBeCloseTo(1, 12);
		const cents = s.segments.reduce((sum, x) => sum + Math.round(x.revenue * 100), 0);
		// Rounding each segment to cents moves it at most half a cent.
		expect(Math.abs(cents - Math.round(s.total_revenue * 100))).toBeLessThanOrEqual(Math.ceil(s.segments.length / 2));
	});

	it.each([
		{ from: '2017-01', to: '2017-12' },
		{ from: '2016-07', to: '2017-06', region: 'West' }
	])('the revenue bridge reconciles to the cent (%j)', async (params) => {
		const r = (await computeMetric(db, 'retention', params)) as { revenue_previous: number; revenue: number; bridge: Record<string, number> };
		const cents = (x: number) => Math.round(x * 100);
		expect(cents(r.revenue_previous) + Object.values(r.bridge).reduce((sum, x) => sum + cents(x), 0)).toBe(cents(r.revenue));
	});
});
