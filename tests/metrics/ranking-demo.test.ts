// The ranking on the demo portfolio: for every value of six dimensions (the computed billing tier
// and status among them), each row equals the figures the dashboard shows filtered to that value
// (tests/helpers/ranking-equality.ts).
import { describe, expect, it } from 'vitest';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { useDemoDatabase } from '../helpers/demo-database';
import { expectRowsEqualFilteredFigures } from '../helpers/ranking-equality';

const demo = useDemoDatabase();
const PERIOD = { from: '2025-11', to: '2026-10' };

describe('ranking on the demo data', () => {
	it.each(['account_manager', 'region', 'product_line', 'client_type', 'billing_tier', 'status'] as const)('by %s: every row equals the filtered figures', async (dim) => {
		const db = demo.db;
		const ranking = await expectRowsEqualFilteredFigures(db, PERIOD, dim);
		// Every value with a sale has a row: the rows' revenues are the segmentation's segments.
		const seg = (await computeMetric(db, 'segmentation', { ...PERIOD, dim })) as SegmentationDocument;
		const sold = seg.segments.filter((s) => s.value !== null && s.revenue !== 0);
		expect(ranking.rows.filter((r) => r.revenue !== 0).map((r) => [r.value, r.revenue])).toEqual(sold.map((s) => [s.value, s.revenue]));
	}, 60_000);
});
