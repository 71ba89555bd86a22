// The ranking by a dimension (docs/definitions.md "Ranking", docs/contract.md ranking): one row
// per value, each cell the figure the dashboard shows when filtered to that value. It runs the
// figures themselves per value (segmentation, growth, activation, quotes, pipeline), never a
// second grouped formula, so a row cannot drift from the filtered pages (tests/metrics/ranking*).
// About six cached queries per value, asked for together (Database.readEach): ~20 values take
// well under a second on the demo.
import type { Database } from '../db/database';
import { comparisonPeriod } from '../../features/shared/url-state';
import { dimension } from '../../dimensions';
import { runQuery } from '../queries';
import { comparisonReach } from './comparison-reach';
import { activation } from './activation';
import { lineParams } from './bind';
import { growth, segmentation } from './documents';
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

/** One value's row: the figures under the ranking's filters plus dim = value, with that filter's settings. */
export async function rankingRow(
	db: Database,
	p: MetricParams,
	dim: Dimension,
	value: string,
	comparison: { from: string; to: string } | null
): Promise<RankingRow> {
	const filters = { ...p.filters, [dim]: value };
	const q: MetricParams = { ...p, filters };
	// The settings the dashboard loads when filtered to this value (a value-scoped row wins).
	const s = await loadSettings(db, { filters, month: p.to });
	// Side by side on the server's reader connections (Database.readEach); one at a time elsewhere.
	const [current, previous, grown, act, quo, pip] = await db.readEach([
		() => segmentation(db, q, s),
		async () => (comparison ? segmentation(db, { ...q, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) }, s) : null),
		() => growth(db, q, s),
		() => activation(db, q, s),
		() => quotes(db, q, s),
		() => pipeline(db, q, s)
	] as const);
	const revenue = current.total_revenue;
	const revenue_previous = previous ? previous.total_revenue : null;
	// The growth KPI's month: the period's last that is over at as_of and not provisional (kpis.ts).
	const month = [...grown.months].reverse().find((m) => !m.partial);
	const rule = month ? ruleAt(s.growth_rules, month.month) : undefined;
	// A threshold set for this very value (settings.ts), else the one the ranking's own view has.
	const own = (scope: { dim: string; value: string } | null): JudgedBy => (scope?.dim === dim && scope.value === value ? 'value' : 'portfolio');
	return {
		value,
		revenue,
		revenue_previous,
		revenue_change: revenue_previous !== null && revenue_previous > 0 ? (revenue - revenue_previous) / revenue_previous : null,
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

/**
 * The ranking by p.dim. `comparison`: the period revenue is compared with (the dashboard's choice;
 * by default the same number of months just before). `base`: the settings of the ranking's own
 * filters (the values are listed with them); each row loads its value's own, where a value
 * without a threshold of its own finds the portfolio's, and is marked so (JudgedBy).
 */
export async function rankingOf(db: Database, p: MetricParams, base: Settings, comparison = comparisonPeriod(p.from, p.to, 'previous')): Promise<RankingDocument> {
	const reaches = (await comparisonReach(db, comparison)) === 'within-data';
	const values = await rankingValues(db, p, base, p.dim);
	// Every value's row asked for at once: on the server's reader connections they are computed side
	// by side (at 10M lines over ten years, by product line, one after another took 3.5 s).
	const rows: RankingRow[] = await db.readEach(values.map((value) => () => rankingRow(db, p, p.dim, value, reaches ? comparison : null)));
	rows.sort((a, b) => b.revenue - a.revenue || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
	return { dim: p.dim, from: p.from, to: p.to, as_of: p.as_of, comparison, rows };
}

/** The registered figure (CLI and HTTP). */
export async function ranking(db: Database, p: MetricParams, s: Settings): Promise<RankingDocument> {
	return rankingOf(db, p, s);
}
