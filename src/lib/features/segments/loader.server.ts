// Segmentos: the cross-tab of two dimensions (queries/segmentation_cross.sql), the comparison of
// each segment with another period, and the page's data (segmentsPage: what its loader returns
// and what warming computes). The segments themselves come from the metrics layer's
// segmentation document; nothing here recomputes a figure. Framework-free.
import type { Database } from '../../server/db/database';
import { segmentation, type Segment, type SegmentationDocument } from '../../server/metrics/documents';
import { lineParams } from '../../server/metrics/bind';
import type { Dimension, MetricParams } from '../../server/metrics/params';
import { monthEnd } from '../../server/metrics/period';
import type { Settings } from '../../server/metrics/settings';
import { runQuery } from '../../server/queries';
import { comparisonBeforeData } from '../../server/pages/compare';
import type { DashboardContext } from '../../server/pages/context';
import { productNames } from '../../server/pages/product-names';

/** Rows and columns the cross-tab shows (the largest by revenue). */
const CROSS_LIMIT = 12;

export interface CrossCell {
	value: string | null;
	value2: string | null;
	revenue: number;
	lines: number;
	/** Share of the row: this cell's revenue over the `dim` segment's revenue (null when that is 0). */
	row_share: number | null;
}

export interface CrossMargin {
	value: string | null;
	revenue: number;
}

export interface SegmentCross {
	dim: Dimension;
	dim2: Dimension;
	/** The `dim` values (rows) and `dim2` values (columns) by revenue desc, then value asc, null last. */
	rows: CrossMargin[];
	columns: CrossMargin[];
	cells: CrossCell[];
}

/** Revenue by `p.dim` × `dim2` over the period's filtered lines; each row sums to its segment's revenue. */
export async function segmentCross(db: Database, p: MetricParams, s: Settings, dim2: Dimension): Promise<SegmentCross> {
	type Row = CrossCell & { row_revenue: number; column_revenue: number };
	const found = await runQuery<Row>(db, 'segmentation_cross', { ...lineParams(p, s), dim: p.dim, dim2 });
	const rows = new Map<string | null, number>();
	const columns = new Map<string | null, number>();
	for (const r of found) {
		rows.set(r.value, r.row_revenue);
		columns.set(r.value2, r.column_revenue);
	}
	return {
		dim: p.dim,
		dim2,
		rows: ranked(rows),
		columns: ranked(columns),
		cells: found.map(({ value, value2, revenue, lines, row_share }) => ({ value, value2, revenue, lines, row_share }))
	};
}

/** The segments' order (segmentation.sql): revenue desc, then value asc, null last. */
function ranked(margins: Map<string | null, number>): CrossMargin[] {
	return [...margins]
		.map(([value, revenue]) => ({ value, revenue }))
		.sort((a, b) => b.revenue - a.revenue || compareValues(a.value, b.value));
}

function compareValues(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/** The cross-tab cut to the `limit` largest rows and columns (by their full revenue). */
export function topCross(cross: SegmentCross, limit: number): SegmentCross & { rows_total: number; columns_total: number } {
	const rows = cross.rows.slice(0, limit);
	const columns = cross.columns.slice(0, limit);
	const keepRow = new Set(rows.map((r) => r.value));
	const keepColumn = new Set(columns.map((c) => c.value));
	return {
		...cross,
		rows,
		columns,
		cells: cross.cells.filter((c) => keepRow.has(c.value) && keepColumn.has(c.value2)),
		rows_total: cross.rows.length,
		columns_total: cross.columns.length
	};
}

export interface ComparedSegment extends Segment {
	/** Revenue of the same segment in the comparison period (0 when it had no line then; null when that starts before the data). */
	revenue_previous: number | null;
	/** (revenue − previous) / previous; null when the previous revenue is ≤ 0. */
	change: number | null;
}

/**
 * The segmentation document of the comparison period, computed by the same function on those
 * months (as_of = the last day of its last month), joined to the current segments. Segments that
 * sold only in the comparison period are listed after the others with zero revenue.
 */
export async function compareSegments(
	db: Database,
	p: MetricParams,
	s: Settings,
	current: SegmentationDocument,
	comparison: { from: string; to: string }
): Promise<{ previous_total: number; segments: ComparedSegment[] }> {
	const previous = await segmentation(db, { ...p, from: comparison.from, to: comparison.to, as_of: monthEnd(comparison.to) }, s);
	const before = new Map(previous.segments.map((g) => [g.value, g.revenue]));
	const change = (now: number, then: number) => (then > 0 ? (now - then) / then : null);
	const segments: ComparedSegment[] = current.segments.map((g) => {
		const then = before.get(g.value) ?? 0;
		return { ...g, revenue_previous: then, change: change(g.revenue, then) };
	});
	const seen = new Set(current.segments.map((g) => g.value));
	for (const g of previous.segments) {
		if (seen.has(g.value)) continue;
		segments.push({ value: g.value, revenue: 0, share: current.total_revenue !== 0 ? 0 : null, clients: 0, lines: 0, revenue_per_client: null, revenue_previous: g.revenue, change: change(0, g.revenue) });
	}
	return { previous_total: previous.total_revenue, segments };
}

/** The dimensions shown: `dim` (product line by default) crossed with another (client type, or product line). */
export function segmentDimensions(dim: Dimension | null, dim2: Dimension | null): { dim: Dimension; dim2: Dimension } {
	const first = dim ?? 'product_line';
	const other = first === 'client_type' ? 'product_line' : 'client_type';
	return { dim: first, dim2: dim2 === null || dim2 === first ? other : dim2 };
}

/** Segmentos: the segments of `dim` against the comparison period, the cross-tab with `dim2`, product names. */
export async function segmentsPage(db: Database, c: DashboardContext, dims: { dim: Dimension; dim2: Dimension }) {
	const { dim, dim2 } = dims;
	const params = { ...c.params, dim };
	const doc = await segmentation(db, params, c.settings);
	// A comparison starting before the data shows no change, as on Resumen and the ranking (pages/compare.ts).
	const compared = (await comparisonBeforeData(db, c.comparison))
		? { previous_total: null, segments: doc.segments.map((g): ComparedSegment => ({ ...g, revenue_previous: null, change: null })) }
		: await compareSegments(db, params, c.settings, doc, c.comparison);
	const cross = topCross(await segmentCross(db, params, c.settings, dim2), CROSS_LIMIT);
	// Documents carry product codes; the page shows names where the register has them.
	const productCodes = [
		...(dim === 'product' ? [...compared.segments.map((g) => g.value), ...cross.rows.map((r) => r.value)] : []),
		...(dim2 === 'product' ? cross.columns.map((col) => col.value) : [])
	];
	return {
		dim,
		dim2,
		from: doc.from,
		to: doc.to,
		total_revenue: doc.total_revenue,
		segments: compared.segments,
		comparison: { ...c.comparison, compare: c.compare, total_revenue: compared.previous_total },
		cross,
		crossLimit: CROSS_LIMIT,
		currency: c.settings.currency,
		productNames: await productNames(db, productCodes)
	};
}

/** What the Segmentos page receives from its loader. */
export type SegmentsData = Awaited<ReturnType<typeof segmentsPage>>;
