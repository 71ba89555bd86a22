// The Clientes pages' figures: the client list (queries/client_list.sql: search, sort and paging in
// SQL, so only one page reaches JS; every matching row streamed for the CSV) and a client's page
// (client_detail*.sql). Status, tier and revenue come from cartera_lines like every other figure.
// Framework-free: the routes only bind the URL and shape the answer.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from '../../server/db/database';
import { lineParams } from '../../server/metrics/bind';
import type { MetricParams } from '../../server/metrics/params';
import { addMonths, monthEnd } from '../../server/metrics/period';
import type { Settings } from '../../server/metrics/settings';
import { runQuery, streamQuery } from '../../server/queries';
import type { DashboardContext } from '../../server/pages/context';

export const PAGE_SIZE = 50;

/** The columns the list sorts by (the keys of client_list.sql's ORDER BY); anything else: revenue. */
export const CLIENT_SORTS = [
	'client_id', 'name', 'client_type', 'region', 'account_manager', 'size', 'sector', 'status', 'billing_tier',
	'revenue', 'revenue_previous', 'change', 'last_purchase'
] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export type SortDir = 'asc' | 'desc';

const TEXT_SORTS: readonly ClientSort[] = ['client_id', 'name', 'client_type', 'region', 'account_manager', 'size', 'sector', 'status', 'billing_tier'];
export const DEFAULT_SORT: ClientSort = 'revenue';
const MAX_QUERY = 100;

/** A client's clients-table attributes (null where the register leaves them empty). */
export interface ClientAttributes {
	name: string | null;
	client_type: string | null;
	size: string | null;
	sector: string | null;
	legal_form: string | null;
	region: string | null;
	crm_status: string | null;
	account_manager: string | null;
	created_at: string | null;
}

export interface ClientRow extends ClientAttributes {
	/** NULL for the row of the lines without a client. */
	client_id: string | null;
	/** In the clients table (false: seen only in invoice lines). */
	in_clients: boolean;
	billing_tier: 'A' | 'B' | 'C' | null;
	status: 'active' | 'inactive' | 'potential' | null;
	revenue: number;
	revenue_previous: number;
	/** (revenue − revenue_previous) / revenue_previous; null when the base is ≤ 0. */
	change: number | null;
	lines: number;
	last_purchase: string | null;
}

export interface ListOptions {
	/** Searched in code and name (case- and accent-insensitive); empty: no search. */
	q?: string | null;
	sort?: string | null;
	dir?: string | null;
	/** 1-based; out of range is brought back to the nearest page. */
	page?: number | string | null;
	/** Rows per page (tests use small pages); PAGE_SIZE unless given. */
	pageSize?: number;
}

export interface ClientList {
	rows: ClientRow[];
	/** Matching rows over all pages. */
	total: number;
	/** Σ revenue / revenue_previous of every matching row (all pages). */
	total_revenue: number;
	total_revenue_previous: number;
	page: number;
	pages: number;
	page_size: number;
	q: string;
	sort: ClientSort;
	dir: SortDir;
}

/** The sort column and direction as the query takes them: unknown names fall back to the default. */
export function normaliseSort(sort: string | null | undefined, dir: string | null | undefined): { sort: ClientSort; dir: SortDir } {
	const s = (CLIENT_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ClientSort) : DEFAULT_SORT;
	const d: SortDir = dir === 'asc' || dir === 'desc' ? dir : TEXT_SORTS.includes(s) ? 'asc' : 'desc';
	return { sort: s, dir: d };
}

export function normaliseQuery(q: string | null | undefined): string {
	return (q ?? '').trim().slice(0, MAX_QUERY);
}

function pageNumber(page: ListOptions['page']): number {
	const n = typeof page === 'number' ? page : Number.parseInt(page ?? '1', 10);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/**
 * The parameters client_list.sql binds: the standard ones (whether the stored status windows serve
 * among them), the comparison period, search, sort, page.
 */
async function listParams(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }, o: ListOptions, client: string | null): Promise<Record<string, DuckDBValue>> {
	const { sort, dir } = normaliseSort(o.sort, o.dir);
	const q = normaliseQuery(o.q);
	return {
		...lineParams(p, s),
		cmp_from: `${comparison.from}-01`,
		cmp_to: monthEnd(comparison.to),
		client,
		q: q === '' ? null : q,
		sort,
		dir,
		limit: null,
		offset: 0
	};
}

type ListRow = ClientRow & { total: number; total_revenue: number; total_revenue_previous: number };

function clientRow({ total: _t, total_revenue: _r, total_revenue_previous: _p, ...row }: ListRow): ClientRow {
	return row;
}

/** One page of the client list (PAGE_SIZE rows unless told) with the total count and revenue of every matching row. */
export async function listClients(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }, o: ListOptions = {}): Promise<ClientList> {
	const params = await listParams(db, p, s, comparison, o, null);
	const size = Math.min(500, Math.max(1, Math.floor(o.pageSize ?? PAGE_SIZE)));
	let page = pageNumber(o.page);
	const run = (n: number) => runQuery<ListRow>(db, 'client_list', { ...params, limit: size, offset: (n - 1) * size });
	let rows = await run(page);
	if (rows.length === 0 && page > 1) {
		// Past the last page: learn the count, then show the last page.
		const [first] = await runQuery<ListRow>(db, 'client_list', { ...params, limit: 1, offset: 0 });
		page = Math.max(1, Math.ceil((first?.total ?? 0) / size));
		rows = await run(page);
	}
	const total = rows[0]?.total ?? 0;
	return {
		rows: rows.map(clientRow),
		total,
		total_revenue: rows[0]?.total_revenue ?? 0,
		total_revenue_previous: rows[0]?.total_revenue_previous ?? 0,
		page,
		pages: Math.max(1, Math.ceil(total / size)),
		page_size: size,
		q: normaliseQuery(o.q),
		sort: params.sort as ClientSort,
		dir: params.dir as SortDir
	};
}

/** Every matching row in the list's order, a chunk (about 2 048 rows) at a time, never all at once. */
export async function* streamClients(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }, o: ListOptions = {}): AsyncGenerator<ClientRow[]> {
	for await (const chunk of streamQuery<ListRow>(db, 'client_list', await listParams(db, p, s, comparison, o, null))) yield chunk.map(clientRow);
}

export interface ClientRecord extends ClientAttributes {
	client_id: string;
}

export interface MonthRevenue {
	month: string;
	revenue: number;
	lines: number;
}

export interface ProductBought {
	product_id: string | null;
	product_name: string | null;
	product_line: string | null;
	revenue: number;
	lines: number;
	quantity: number | null;
	last_date: string;
}

export interface ClientQuote {
	quote_id: string;
	issued_at: string;
	amount: number;
	status: 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | null;
	status_source: string | null;
	decided_at: string | null;
	opportunity_id: string | null;
	product_line: string | null;
}

export interface ClientOpportunity {
	opportunity_id: string;
	kind: string;
	stage: string | null;
	outcome: 'open' | 'won' | 'lost' | 'no_go' | null;
	outcome_source: string | null;
	product_line: string | null;
	owner: string | null;
	amount: number | null;
	probability: number | null;
	created_at: string;
	expected_close_at: string | null;
	closed_at: string | null;
	lost_reason: string | null;
}

export interface ClientDetail {
	client_id: string;
	/** The clients-table row; null for a client seen only in invoices, quotes or opportunities. */
	record: ClientRecord | null;
	/** The client's list row under the same period and filters (status, tier, revenues); null when the filters leave it out. */
	summary: ClientRow | null;
	/** The chart's months: the 12 before the period, then the period's, oldest first. */
	months: MonthRevenue[];
	/** The first month of the period inside `months`. */
	period_start: string;
	products: ProductBought[];
	quotes: ClientQuote[];
	opportunities: ClientOpportunity[];
}

/** A client's page, or null when no table names the client (a 404). */
export async function clientDetail(db: Database, p: MetricParams, s: Settings, comparison: { from: string; to: string }, clientId: string): Promise<ClientDetail | null> {
	if (clientId === '' || clientId.length > 200) return null;
	const [found] = await runQuery<{ record: string | null; has_lines: boolean; has_quotes: boolean; has_opportunities: boolean }>(db, 'client_detail', { client: clientId });
	if (!found || (!found.record && !found.has_lines && !found.has_quotes && !found.has_opportunities)) return null;
	const base = { ...lineParams(p, s), client: clientId };
	const [row] = await runQuery<ListRow>(db, 'client_list', await listParams(db, p, s, comparison, {}, clientId));
	const summary = row?.client_id === clientId ? clientRow(row) : null;
	// A tier or status filter keeps the client's lines whole or none: its row above says which.
	const lines = { ...base, f_billing_tier: null, f_status: null, kept: !(p.filters.billing_tier || p.filters.status) || summary !== null };
	const months = await runQuery<MonthRevenue>(db, 'client_detail_months', { ...lines, chart_from: `${addMonths(p.from, -12)}-01` });
	const products = await runQuery<ProductBought>(db, 'client_detail_products', lines);
	const quotes = await runQuery<ClientQuote>(db, 'client_detail_quotes', base);
	const opportunities = await runQuery<ClientOpportunity>(db, 'client_detail_opportunities', base);
	return {
		client_id: clientId,
		record: found.record ? (JSON.parse(found.record) as ClientRecord) : null,
		summary,
		months,
		period_start: p.from,
		products,
		quotes,
		opportunities
	};
}

/** Whether the register holds any size or sector at all (the list hides a column that is always empty). */
export async function optionalColumns(db: Database): Promise<{ size: boolean; sector: boolean }> {
	const [row] = await runQuery<{ size: boolean; sector: boolean }>(db, 'client_columns');
	return { size: row?.size ?? false, sector: row?.sector ?? false };
}

/** Clientes: one page of the list for the period, filters and options, with what the page shows around it. */
export async function clientsPage(db: Database, c: DashboardContext, o: ListOptions = {}) {
	return {
		list: await listClients(db, c.params, c.settings, c.comparison, o),
		optional: await optionalColumns(db),
		period: { from: c.params.from, to: c.params.to, as_of: c.params.as_of },
		comparison: c.comparison,
		currency: c.settings.currency,
		hasData: c.data !== null
	};
}

/** What the Clientes page receives from its loader. */
export type ClientsData = Awaited<ReturnType<typeof clientsPage>>;

/** What a client's page receives (clientes/[id]/+page.server.ts). */
export interface ClientPageData {
	detail: ClientDetail;
	period: { from: string; to: string; as_of: string };
	comparison: { from: string; to: string };
	currency: string;
	windowDays: number;
}
