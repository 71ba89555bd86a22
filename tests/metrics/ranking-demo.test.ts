// The ranking on the demo portfolio: for every value of six dimensions (the computed billing tier
// and status among them), each row equals the figures the dashboard shows filtered to that value
// (tests/helpers/ranking-equality.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/database';
import { copyDemoDatabase } from '../helpers/demo-database';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { tempFolder } from '../helpers/temp-db';
import { expectRowsEqualFilteredFigures } from '../helpers/ranking-equality';

const folder = tempFolder();
let db: Database;
const PERIOD = { from: '2025-11', to: '2026-10' };

beforeAll(async () => {
	await copyDemoDatabase(folder.path('demo.duckdb'));
	db = await Database.open(folder.path('demo.duckdb'));
}, 120_000);
afterAll(() => {
	db?.close();
	folder.remove();
});

describe('ranking on the demo data', () => {
	it.each(['account_manager', 'region', 'product_line', 'client_type', 'billing_tier', 'status'] as const)('by %s: every row equals the filtered figures', async (dim) => {
		const ranking = await expectRowsEqualFilteredFigures(db, PERIOD, dim);
		// Every value with a sale has a row: the rows' revenues are the segmentation's segments.
		const seg = (await computeMetric(db, 'segmentation', { ...PERIOD, dim })) as SegmentationDocument;
		const sold = seg.segments.filter((s) => s.value !== null && s.revenue !== 0);
		expect(ranking.rows.filter((r) => r.revenue !== 0).map((r) => [r.value, r.revenue])).toEqual(sold.map((s) => [s.value, s.revenue]));
	}, 60_000);
});
