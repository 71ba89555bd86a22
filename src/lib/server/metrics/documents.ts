// The JSON documents (docs/contract.md) for segmentation, concentration and growth, built from
// queries/*.sql (each figure's one home); this layer only binds parameters and shapes rows.
import type { Database } from '../db/database';
import { runQuery } from '../queries';
import { lineParams } from './bind';
import type { Dimension, MetricParams } from './params';
import { judgedBy, scopeOf, type Settings, type ThresholdScope } from './settings';

export interface Segment {
	value: string | null;
	revenue: number;
	share: number | null;
	clients: number;
	lines: number;
	revenue_per_client: number | null;
}

export interface SegmentationDocument {
	dim: Dimension;
	from: string;
	to: string;
	total_revenue: number;
	segments: Segment[];
}

export async function segmentation(db: Database, p: MetricParams, s: Settings): Promise<SegmentationDocument> {
	const rows = await runQuery<Segment & { total_revenue: number }>(db, 'segmentation', { ...lineParams(p, s), dim: p.dim });
	// R rides on every segment row; no row means no line in the period: R = 0.
	const total = rows[0]?.total_revenue ?? 0;
	return { dim: p.dim, from: p.from, to: p.to, total_revenue: total, segments: rows.map(({ total_revenue: _, ...segment }) => segment) };
}

export interface ConcentrationDocument {
	by: 'client' | 'product';
	from: string;
	to: string;
	n: number;
	total_revenue: number;
	top_shares: { top1: number | null; top5: number | null; top10: number | null; top10pct: number | null; top20pct: number | null };
	hhi: number | null;
	hhi_normalized: number | null;
	gini: number | null;
	abc: { tier: 'A' | 'B' | 'C'; count: number; revenue: number; share: number | null }[];
	lorenz: [number, number][];
}

export async function concentration(db: Database, p: MetricParams, s: Settings): Promise<ConcentrationDocument> {
	type Row = Omit<ConcentrationDocument, 'by' | 'from' | 'to' | 'top_shares' | 'lorenz'> & ConcentrationDocument['top_shares'] & { lorenz: string };
	const [row] = await runQuery<Row>(db, 'concentration', { ...lineParams(p, s), by: p.by });
	const r = row!;
	return {
		by: p.by,
		from: p.from,
		to: p.to,
		n: r.n,
		total_revenue: r.total_revenue,
		top_shares: { top1: r.top1, top5: r.top5, top10: r.top10, top10pct: r.top10pct, top20pct: r.top20pct },
		hhi: r.hhi,
		hhi_normalized: r.hhi_normalized,
		gini: r.gini,
		abc: r.abc,
		lorenz: JSON.parse(r.lorenz) as [number, number][]
	};
}

export interface GrowthMonth {
	month: string;
	revenue: number;
	mom: number | null;
	yoy: number | null;
	/** R_{m−12}, the base of yoy (the same month a year before). */
	revenue_year_before: number;
	status: 'approved' | 'acceptable' | 'observed' | 'rejected' | null;
	/** After as_of, or the data's provisional month: not judged. */
	partial: boolean;
	/** The data's lines end early in this month (docs/definitions.md "Partial and provisional months"). */
	provisional: boolean;
	/** For a provisional month: revenue so far × days in month ÷ days covered, and its MoM; else null. */
	projected_revenue: number | null;
	projected_mom: number | null;
}

export interface GrowthDocument {
	thresholds: Settings['growth'];
	/** The segment the thresholds in force at the last month were set for; null: the portfolio's. */
	threshold_scope: ThresholdScope;
	months: GrowthMonth[];
}

export async function growth(db: Database, p: MetricParams, s: Settings): Promise<GrowthDocument> {
	// Under filters, a month judged by a portfolio threshold gets no status (settings.ts judgedBy()).
	const rules = s.growth_rules.map((r) => ({ ...r, judged: judgedBy(s.filtered, r.scope) }));
	const months = await runQuery<GrowthMonth>(db, 'growth', { ...lineParams(p, s), growth_rules: JSON.stringify(rules) });
	return { thresholds: s.growth, threshold_scope: scopeOf(s.threshold_sources.growth), months };
}
