// Informe del mes: one month's figures for management, each read from the figure that defines it
// (kpis, growth, targets, retention, new captures, concentration, activation, funnel, pipeline and
// the retention lists); nothing is computed again here. Framework-free: the page, the PDF command and tests call it.
import type { Database } from '../../server/db/database';
import { captures } from '../../server/metrics/captures';
import { growth, type ConcentrationDocument } from '../../server/metrics/documents';
import { funnel } from '../../server/metrics/funnel';
import { kpiSources, kpisFrom } from '../../server/metrics/kpis';
import { ParamError, resolveParams, type MetricParams } from '../../server/metrics/params';
import { addMonths } from '../../months';
import { pipelineWithTotals } from '../../server/metrics/pipeline';
import { retention } from '../../server/metrics/retention';
import { loadSettings } from '../../server/metrics/settings';
import { targets } from '../../server/metrics/targets';
import { runList } from '../../server/lists/list';
import type { ListRow } from '../../server/lists/list';
import { changedSections, latestPublished, publishedList, publishReport } from '../../server/reports/published';
import { addComment, COMMENT_MAX, monthComments, type ReportComment } from '../../server/reports/comments';

/** Months of growth shown around the report's month (the month and the ones before it). */
const GROWTH_MONTHS = 6;
/** Clients listed among those that moved most, each way. */
const MOVERS = 10;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The report's month from the URL (YYYY-MM), or a ParamError naming `month`. */
export function reportMonth(text: string): string {
	if (!MONTH.test(text)) throw new ParamError('month', 'param_month', { name: 'month' });
	return text;
}

/**
 * The report of `month`: the year ending with it for the KPIs, concentration and activation (as
 * Resumen's default period), the month alone against the month before for growth's verdict, new
 * captures, the funnel and the clients that moved most.
 */
export async function reportData(db: Database, month: string) {
	const yearParams = await resolveParams(db, { from: addMonths(month, -11), to: month });
	const monthParams = await resolveParams(db, { from: month, to: month });
	const s = await loadSettings(db, { filters: {}, month });
	const goalsBy = async (scope: 'account_manager' | 'product_line') =>
		(await targets(db, { ...monthParams, from: `${month.slice(0, 4)}-01`, target_by: scope } as MetricParams & { target_by: typeof scope }, s)).ranking.filter((r) => r.month === month);
	const movers = async (key: 'expansion' | 'contraction') => top((await runList(db, 'retention_event', key, monthParams, s)).rows, key);
	// Independent figures, read together on the server's reader connections as Resumen reads its
	// KPIs (db.readEach). On 2 cores that gains nothing measurable (each query already uses both);
	// what makes the linked month's report quick is warming (pages/warm.ts).
	const [yearDocs, growthDoc, goalsByManager, goalsByLine, ret, cap, fun, pipe, up, down] = await db.readEach([
		// The KPIs' own documents for the year: concentration and activation are read from them, not computed twice.
		() => kpiSources(db, yearParams, s),
		() => growth(db, { ...yearParams, from: addMonths(month, -(GROWTH_MONTHS - 1)) }, s),
		() => goalsBy('account_manager'),
		() => goalsBy('product_line'),
		() => retention(db, monthParams, s),
		() => captures(db, monthParams, s),
		() => funnel(db, monthParams, s),
		() => pipelineWithTotals(db, monthParams, s),
		() => movers('expansion'),
		() => movers('contraction')
	] as const);
	const kpiDoc = kpisFrom(yearDocs, yearParams.as_of, s);
	const goals = { account_manager: goalsByManager, product_line: goalsByLine };
	const conc = concentrationSummary(yearDocs.concentration);
	const act = yearDocs.activation;
	return {
		month,
		year: { from: yearParams.from, to: yearParams.to },
		previous: ret.previous,
		currency: s.currency,
		kpis: kpiDoc.kpis,
		growth: { thresholds: growthDoc.thresholds, months: growthDoc.months },
		goals,
		// New captures vs the existing portfolio: queries/new_captures.sql (docs/definitions.md).
		captures: {
			new_clients: cap.new_clients,
			new_revenue: cap.new_revenue,
			reactivated_revenue: cap.reactivated_revenue,
			existing_revenue: cap.existing_revenue,
			existing_clients: cap.existing_clients,
			revenue: cap.revenue,
			reactivated: cap.reactivated_clients,
			churned: ret.clients.churned,
			revenue_previous: ret.revenue_previous
		},
		concentration: conc,
		activation: {
			clients_total: act.clients_total,
			active: act.active,
			inactive: act.inactive,
			potential: act.potential,
			activation_rate: act.activation_rate,
			activated_in_period: act.activated_in_period,
			prospect_conversion_rate: act.prospect_conversion_rate
		},
		funnel: { kinds: fun.kinds, all: fun.all, totals: pipe.totals, win_rate: pipe.document.win_rate },
		movers: { up, down }
	};
}

function concentrationSummary(c: ConcentrationDocument) {
	return { n: c.n, hhi: c.hhi, top10: c.top_shares.top10, gini: c.gini, abc: c.abc };
}

/** The largest moves of a retention list (increases: most up first; decreases: most down first). */
function top(rows: ListRow[], key: 'expansion' | 'contraction') {
	const sorted = [...rows].sort((a, b) => (key === 'expansion' ? (b.amount ?? 0) - (a.amount ?? 0) : (a.amount ?? 0) - (b.amount ?? 0)));
	return sorted.slice(0, MOVERS).map((r) => ({ id: r.id, name: r.name, before: r.revenue_previous as number | null, after: r.revenue as number | null, change: r.amount }));
}

export type ReportData = Awaited<ReturnType<typeof reportData>>;

/** The report's sections, in the order management reads them. */
export const REPORT_SECTIONS = ['kpis', 'growth', 'goals', 'captures', 'concentration', 'activation', 'funnel', 'movers'] as const;

/** What publishing stores: the figures and the comments as they are at that moment. */
type Stored = ReportData & { comments?: ReportComment[] };

/**
 * The page: the latest published version's figures and comments when the month was published (what
 * management saw), with the sections whose figures the data has changed since and the comments
 * written after it (shown apart, printed only once published again); else everything as it is now.
 */
export async function reportPage(db: Database, month: string) {
	const now = await reportData(db, month);
	const comments = await monthComments(db, month);
	const published = await latestPublished<Stored>(db, month);
	const list = await publishedList(db);
	if (!published) return { report: now, published: null, changed: [] as string[], list, comments, later: [] as ReportComment[], commentMax: COMMENT_MAX };
	const { comments: frozen = [], ...figures } = published.figures;
	const changed = changedSections(figures, now, REPORT_SECTIONS);
	const seen = new Set(frozen.map((c) => c.id));
	return {
		report: figures as ReportData,
		published: { version: published.version, by: published.published_by, at: published.published_at },
		changed,
		list,
		comments: frozen,
		later: comments.filter((c) => !seen.has(c.id)),
		commentMax: COMMENT_MAX
	};
}

/** Publishes the month's report as its figures and comments are now. */
export async function publishMonth(db: Database, month: string, by: string | null): Promise<number> {
	const stored: Stored = { ...(await reportData(db, month)), comments: await monthComments(db, month) };
	return publishReport(db, month, stored, by);
}

/** Adds a comment to one of the report's sections (a CommentError when refused). */
export async function commentOn(db: Database, month: string, section: string, body: string, by: string | null): Promise<ReportComment> {
	return addComment(db, month, section, body, by, REPORT_SECTIONS);
}
