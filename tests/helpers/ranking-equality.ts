// The one-truth check of the ranking: every row equals the figures the dashboard shows when it is
// filtered to that value (segmentation's revenue now and in the comparison period, activation's
// rate, quotes' hit rate, pipeline's win rate, the KPIs' growth), each computed on its own.
import { expect } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { ActivationDocument } from '../../src/lib/server/metrics/activation';
import type { SegmentationDocument } from '../../src/lib/server/metrics/documents';
import { computeMetric } from '../../src/lib/server/metrics/index';
import type { KpisDocument } from '../../src/lib/server/metrics/kpis';
import type { PipelineDocument } from '../../src/lib/server/metrics/pipeline';
import type { QuotesDocument } from '../../src/lib/server/metrics/quotes';
import type { RankingDocument } from '../../src/lib/server/metrics/ranking';
import { dimension, type DimensionId } from '../../src/lib/dimensions';

/** Checks every row of the ranking by `dim` over `period`; returns the ranking (for more checks). */
export async function expectRowsEqualFilteredFigures(db: Database, period: { from: string; to: string }, dim: DimensionId): Promise<RankingDocument> {
	const ranking = (await computeMetric(db, 'ranking', { ...period, dim })) as RankingDocument;
	expect(ranking.rows.length).toBeGreaterThan(0);
	for (const row of ranking.rows) {
		const q = { ...period, [dimension(dim).param]: row.value };
		const seg = (await computeMetric(db, 'segmentation', q)) as SegmentationDocument;
		const act = (await computeMetric(db, 'activation', q)) as ActivationDocument;
		const quo = (await computeMetric(db, 'quotes', q)) as QuotesDocument;
		const pip = (await computeMetric(db, 'pipeline', q)) as PipelineDocument;
		const kpis = (await computeMetric(db, 'kpis', q)) as KpisDocument;
		const kpi = (id: string) => kpis.kpis.find((k) => k.id === id)!;
		const at = `${dim} = ${row.value}`;
		expect(row.revenue, at).toBe(seg.total_revenue);
		expect(row.activation_rate, at).toBe(act.activation_rate);
		expect(row.activation_rate, at).toBe(kpi('activation_rate').value);
		expect(row.quote_hit_rate, at).toBe(quo.hit_rate);
		expect(row.quote_hit_rate, at).toBe(kpi('quote_hit_rate').value);
		expect(row.win_rate, at).toBe(pip.win_rate);
		expect(row.mom, at).toBe(kpi('growth').value);
		// A verdict the KPIs give under this filter is the ranking's too (the ranking also judges a
		// value without thresholds of its own, against the portfolio's, and says so).
		// A threshold of the value's own gives the KPIs a verdict under this filter: it must be the same.
		const judgedBy = { growth: row.mom_threshold, activation_rate: row.activation_threshold, quote_hit_rate: row.quote_hit_threshold };
		for (const [id, status] of [['growth', row.mom_status], ['activation_rate', row.activation_status], ['quote_hit_rate', row.quote_hit_status]] as const)
			if (kpi(id).status !== null || judgedBy[id] === 'value') expect(status, `${at}: ${id}`).toBe(kpi(id).status);
		if (row.revenue_previous !== null) {
			const previous = (await computeMetric(db, 'segmentation', { ...q, ...ranking.comparison })) as SegmentationDocument;
			expect(row.revenue_previous, at).toBe(previous.total_revenue);
		}
	}
	return ranking;
}
