// The ranking by a dimension (docs/definitions.md "Ranking", docs/contract.md ranking): one row
// per value, each cell the figure the dashboard shows when filtered to that value. Revenue comes
// from Segmentos' segments by the dimension (the same lines as the filtered total); the other
// figures run per value (growth, activation, quotes, pipeline), never a second grouped formula,
// so a row cannot drift from the filtered pages (tests/metrics/ranking*, tests/invariants).
// Three queries for the revenue of every value, then about four per value, asked for together
// (Database.readEach, on the server's reader connections).
import type { Database } from '../db/database';
import { comparisonPeriod } from '../../features/shared/url-state';
import { dimension } from '../../dimensions';
import { runQuery } from '../queries';
import { comparisonReach } from './comparison-reach';
import { activation } from './activation';
import { lineParams } from './bind';
import { growth, segmentation, type SegmentationDocument } from './documents';
import type { Dimension, MetricParams } from './params';
import { monthEnd } from './period';
import { pipeline } from './pipeline';
import { quotes } from './quotes';
import { judge, loadSettings, scopeOf, type Settings, type Status } from './settings';
import { growthBands } from '../../thresholds';

/** Whose threshold judged a cell: one set for the value itself, or the one in force for the whole ranking. */
export type JudgedBy = 'value' | 'portfolio';

export interface RankingRow {
	value: string;
	/** Revenue of the period (segmentation's total_revenue under the value's filter). */
	revenue: number;
	/**
	 * The same in the comparison period and the relative change (as Segmentos: null when that was
	 * ≤ 0); both null when the data does not reach back to the comparison's first month (Resumen
	 * shows no comparison then either).
	 */
	revenue_previous: number | null;
	revenue_change: number | null;
	/** The period's last month that is over at as_of, its MoM growth and status (the growth KPI). */
	mom_month: string | null;
	mom: number | null;
	mom_status: Status | null;
	mom_threshold: JudgedBy;
	activation_rate: number | null;
	activation_status: Status | null;
	activation_threshold: JudgedBy;
	quote_hit_rate: number | null;
	quote_hit_status: Status | null;
	quote_hit_threshold: JudgedBy;
	/** Opportunities won / decided (pipeline's win_rate): no threshold is set for it. */
	win_rate: number | null;
}

export interface RankingDocument {
	dim: Dimension;
	from: string;
	to: string;
	as_of: string;
	comparison: { from: string; to: string };
	/** By revenue, largest first; equal revenues by value. */
	rows: RankingRow[];
}


/** The growth rule in force in a month (as growth.sql picks it: the latest starting on or before it). */
function ruleAt(rules: Settings['growth_rules'], month: string): Settings['growth_rules'][number] | undefined {
	return rules.filter((r) => (r.from ?? '0000-00') <= month).sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1)).at(-1);
}

/** The values ranked (queries/ranking_values.sql): those of the period's lines and, for a client attribute, of the register. */
export async function rankingValues(db: Database, p: MetricParams, s: Settings, dim: Dimension): Promise<string[]> {
	// A computed dimension with fixed values (status) ranks them all: "potential" has no line.
	const spec = dimension(dim);
	if (spec.values) return [...spec.values];
	const rows = await runQuery<{ value: string }>(db, 'ranking_values', { ...lineParams(p, s), dim });
	return rows.map((r) => r.value);
}

/** A value's revenue columns: what Ranking shows first, in its order. */
export type RankingRevenue = Pick<RankingRow, 'value' | 'revenue' | 'revenue_previous' | 'revenue_change'>;
/** A value's other figures: growth, activation, quotes and opportunities under its filter. */
export type RankingKpis = Omit<RankingRow, keyof RankingRevenue>;

/**
 * Every value's revenue in the period and the comparison, largest first: Segmentos' segments by the
 * dimension, two queries for all the values. A value's segment is the revenue the dashboard shows
 * filtered to it (the same lines, the same rounding: tests/metrics/ranking-demo.test.ts and the
 * invariants compare them); a value without lines has 0.
 */
export async function rankingRevenues(
	db: Database,
	p: MetricParams,
	base: Settings,
	comparison: { from: string; to: string } | null
): Promise<RankingRevenue[]> {
	const [values, current, previous] = await db.readEach([
		() => rankingValues(db, p, base, p.dim),
		() => segmentation(db, p, base),
		async () => (comparison ? segmentation(db, { ...p, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) }, base) : null)
	] as const);
	const bySegment = (doc: SegmentationDocument) => new Map(doc.segments.map((g) => [g.value, g.revenue]));
	const now = bySegment(current);
	const before = previous ? bySegment(previous) : null;
	const rows = values.map((value): RankingRevenue => {
		const revenue = now.get(value) ?? 0;
		const revenue_previous = before ? (before.get(value) ?? 0) : null;
		return { value, revenue, revenue_previous, revenue_change: revenue_previous !== null && revenue_previous > 0 ? (revenue - revenue_previous) / revenue_previous : null };
	});
	return rows.sort((a, b) => b.revenue - a.revenue || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** One value's figures under the ranking's filters plus dim = value, with that filter's settings. */
export async function rankingKpis(db: Database, p: MetricParams, dim: Dimension, value: string): Promise<RankingKpis> {
	const filters = { ...p.filters, [dim]: value };
	const q: MetricParams = { ...p, filters };
	// The settings the dashboard loads when filtered to this value (a value-scoped row wins).
	const s = await loadSettings(db, { filters, month: p.to });
	// Side by side on the server's reader connections (Database.readEach); one at a time elsewhere.
	const [grown, act, quo, pip] = await db.readEach([() => growth(db, q, s), () => activation(db, q, s), () => quotes(db, q, s), () => pipeline(db, q, s)] as const);
	// The growth KPI's month: the period's last that is over at as_of and not provisional (kpis.ts).
	const month = [...grown.months].reverse().find((m) => !m.partial);
	const rule = month ? ruleAt(s.growth_rules, month.month) : undefined;
	// A threshold set for this very value (settings.ts), else the one the ranking's own view has.
	const own = (scope: { dim: string; value: string } | null): JudgedBy => (scope?.dim === dim && scope.value === value ? 'value' : 'portfolio');
	return {
		mom_month: month?.month ?? null,
		mom: month?.mom ?? null,
		// Judged here, not read from the growth document: under a filter that document gives no
		// verdict by a portfolio threshold, the ranking does and says so (mom_threshold).
		mom_status: month && rule ? judge(month.mom, growthBands(rule)) : null,
		mom_threshold: own(rule?.scope ?? null),
		activation_rate: act.activation_rate,
		activation_status: judge(act.activation_rate, s.thresholds.activation_rate),
		activation_threshold: own(scopeOf(s.threshold_sources.activation_rate)),
		quote_hit_rate: quo.hit_rate,
		quote_hit_status: judge(quo.hit_rate, s.thresholds.quote_hit_rate),
		quote_hit_threshold: own(scopeOf(s.threshold_sources.quote_hit_rate)),
		win_rate: pip.win_rate
	};
}

/** The ranking in two parts: the revenue columns, and the other figures of each of those rows, in their order. */
export interface RankingParts {
	head: Omit<RankingDocument, 'rows'> & { rows: RankingRevenue[] };
	/** Started with the head; awaited apart (Ranking streams them). */
	kpis: Promise<RankingKpis[]>;
}

/**
 * The ranking by p.dim. `comparison`: the period revenue is compared with (the dashboard's choice;
 * by default the same number of months just before). `base`: the settings of the ranking's own
 * filters (the values are listed with them); each row loads its value's own, where a value
 * without a threshold of its own finds the portfolio's, and is marked so (JudgedBy).
 */
export async function rankingParts(db: Database, p: MetricParams, base: Settings, comparison = comparisonPeriod(p.from, p.to, 'previous')): Promise<RankingParts> {
	const reaches = (await comparisonReach(db, comparison)) === 'within-data';
	const rows = await rankingRevenues(db, p, base, reaches ? comparison : null);
	// Every value's figures asked for at once: on the server's reader connections they are computed
	// side by side (at 10M lines over ten years, by product line, one after another took 3.5 s).
	const kpis = db.readEach(rows.map((row) => () => rankingKpis(db, p, p.dim, row.value)));
	// Awaited by the caller; marked handled now, so a failure before then is no unhandled rejection.
	kpis.catch(() => undefined);
	return { head: { dim: p.dim, from: p.from, to: p.to, as_of: p.as_of, comparison, rows }, kpis };
}

/** The whole ranking: each revenue row with its other figures, once they are in. */
export async function wholeRanking({ head, kpis }: RankingParts): Promise<RankingDocument> {
	const figures = await kpis;
	return { ...head, rows: head.rows.map((row, i) => ({ ...row, ...figures[i]! })) };
}

/** The whole ranking at once (the API and the CLI; the page streams its parts). */
export async function rankingOf(db: Database, p: MetricParams, base: Settings, comparison = comparisonPeriod(p.from, p.to, 'previous')): Promise<RankingDocument> {
	return wholeRanking(await rankingParts(db, p, base, comparison));
}

/** The registered figure (CLI and HTTP). */
export async function ranking(db: Database, p: MetricParams, s: Settings): Promise<RankingDocument> {
	return rankingOf(db, p, s);
}
