// One list document (docs/contract.md "Lists"): the rows behind a number, read from the list's SQL
// with the parameters its figure takes (period, filters, settings, comparison), as the CLI
// (`npm run metrics -- list NAME --key K`), `GET /api/lists/NAME?key=K` and the list page ask for it.
import { toCsv } from '../../csv';
import { DIMENSION_REGISTRY } from '../../dimensions';
import type { Database } from '../db/database';
import { lineParams } from '../metrics/bind';
import { ParamError, resolveParams, type MetricParams } from '../metrics/params';
import { previousPeriod } from '../metrics/retention';
import { loadSettings, type Settings } from '../metrics/settings';
import { runQuery } from '../queries';
import { isListName, LIST_NAMES, LISTS, type ListColumn, type ListEntity, type ListName } from './registry';

export type ListCell = string | number | null;
/** A row: `id` (client, product or record), `name`, `amount` and the list's other columns. */
export type ListRow = { id: string | null; name: string | null; amount: number | null } & Record<string, ListCell>;

export interface ListDocument {
	list: ListName;
	key: string;
	from: string;
	to: string;
	as_of: string;
	/** One month of the period (a monthly chart's bar), or null for the whole period. */
	month: string | null;
	filters: MetricParams['filters'];
	/** The comparison months (retention events only: the bridge's previous period). */
	previous: { from: string; to: string } | null;
	by: MetricParams['by'];
	dim: MetricParams['dim'];
	entity: ListEntity;
	/** The figure clicked: Σ amount rounded once (the figure's own rounding). */
	total: number;
	count: number;
	columns: ListColumn[];
	rows: ListRow[];
}

/** One page of a list: the Lista page shows a page at a time; the API and the CLI every row. */
export interface ListPaging {
	/** 1-based; past the last page, the last page. */
	page: number;
	size: number;
}

/** The page a list document holds, when it holds one. */
export interface ListPageInfo {
	page: number;
	pages: number;
	size: number;
}

/** Parameters a list reads itself; the others go to resolveParams (period, filters, dim, by, compare). */
const OWN = ['key', 'month', 'format'];

export function listParamsFrom(raw: Record<string, string | undefined>): { key: string | undefined; month: string | undefined; figure: Record<string, string | undefined> } {
	const figure = Object.fromEntries(Object.entries(raw).filter(([k]) => !OWN.includes(k)));
	return { key: raw.key, month: raw.month, figure };
}

/** A month of the period, for the lists that have one per month (prospects are counted for the whole period only). */
export function checkMonth(name: ListName, key: string, month: string | undefined | null, p: MetricParams): string | null {
	if (month === undefined || month === null || month === '') return null;
	const spec = LISTS.get(name)!;
	if (!spec.monthly || key === 'prospects_exposed') throw new ParamError('month', 'param_unknown', { name: 'month', filters: DIMENSION_REGISTRY.map((d) => d.param) });
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ParamError('month', 'param_month', { name: 'month' });
	if (month < p.from || month > p.to) throw new ParamError('month', 'param_order', { from: p.from, to: month });
	return month;
}

export function checkKey(name: ListName, key: string | undefined): string {
	const spec = LISTS.get(name)!;
	if (key === undefined) throw new ParamError('key', 'param_missing', { name: 'key' });
	if (key.length > 200) throw new ParamError('key', 'param_too_long', { name: 'key', limit: 200 });
	if (spec.keys && !spec.keys.includes(key)) throw new ParamError('key', 'param_choice', { name: 'key', expected: spec.keys });
	return key;
}

/**
 * The list on already checked parameters (the page's loader has them from the dashboard's context).
 * With `paging`, `rows` is that page, in the list's order, and `count` and `total` are still every
 * row's: a list of 46,426 stale opportunities on 10M lines took 0.85 s and 8.8 MB to reach the page
 * whole, most of it turning every row into an object.
 */
export async function runList(
	db: Database,
	name: ListName,
	key: string,
	p: MetricParams,
	s: Settings,
	month: string | null = null,
	paging?: ListPaging
): Promise<ListDocument & { paging?: ListPageInfo }> {
	const spec = LISTS.get(name)!;
	const read = (limit: number | null, offset: number | null) =>
		runQuery<ListRow & { total: number; count: number }>(db, typeof spec.query === 'string' ? spec.query : spec.query(key), {
			...lineParams(p, s),
			...spec.bind(p, key, month, s),
			key: key === '' && spec.keys === null ? null : key,
			limit,
			offset
		});
	let rows = await read(paging?.size ?? null, paging ? (paging.page - 1) * paging.size : null);
	let page = paging?.page ?? 1;
	if (paging && rows.length === 0 && page > 1) {
		// Past the last page (a bookmark from before an upload): the last page there is.
		const count = (await read(1, 0))[0]?.count ?? 0;
		page = Math.max(1, Math.ceil(count / paging.size));
		rows = await read(paging.size, (page - 1) * paging.size);
	}
	const count = paging ? (rows[0]?.count ?? 0) : rows.length;
	return {
		list: name,
		key,
		from: p.from,
		to: p.to,
		as_of: p.as_of,
		month,
		filters: p.filters,
		previous: name === 'retention_event' ? previousPeriod(p.from, p.to, p.compare) : null,
		by: p.by,
		dim: p.dim,
		entity: spec.entity(p),
		total: spec.total ? await spec.total(db, p, s, key) : (rows[0]?.total ?? 0),
		count,
		columns: [...(typeof spec.columns === 'function' ? spec.columns(key) : spec.columns)],
		// A figure's own list SQL may carry its count on every row too (stale_opportunities.sql).
		rows: rows.map(({ total: _total, count: _count, ...row }) => row as ListRow),
		...(paging ? { paging: { page, pages: Math.max(1, Math.ceil(count / paging.size)), size: paging.size } } : {})
	};
}

/** The list NAME for text parameters (query string or CLI flags): `key` and the figures' own. */
export async function computeList(db: Database, name: string, raw: Record<string, string | undefined>, today?: Date): Promise<ListDocument> {
	if (!isListName(name)) throw new ParamError('name', 'unknown_list', { name: name.slice(0, 40), expected: LIST_NAMES });
	const { key, month, figure } = listParamsFrom(raw);
	const checked = checkKey(name, key);
	const p = await resolveParams(db, figure, today);
	const m = checkMonth(name, checked, month, p);
	return runList(db, name, checked, p, await loadSettings(db, { filters: p.filters, month: p.to }), m);
}

/** The list's rows as CSV for machines (the API, the CLI): id then its columns, keys as headers, even with no row. */
export function listCsv(doc: ListDocument): string {
	const keys = ['id', ...doc.columns.map((c) => c.key).filter((k) => k !== 'id')];
	return toCsv(keys, doc.rows.map((row) => keys.map((k) => row[k] ?? null)), 'en', { bom: false });
}
