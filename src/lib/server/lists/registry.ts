// The lists behind the figures (docs/contract.md "Lists"): for each, the SQL file in queries/, the
// values its key takes, the columns of its rows and the figure its total and count must equal.
// A list is run with the same period, filters and comparison as its figure (list.ts), so the
// rows a click opens are the clients (or products, opportunities, quotes) that make the number.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from '../db/database';
import { activationWithSeries } from '../metrics/activation';
import { concentration, segmentation } from '../metrics/documents';
import type { MetricParams } from '../metrics/params';
import { openPipeline } from '../metrics/open-pipeline';
import { pipelineWithTotals } from '../metrics/pipeline';
import { comparisonDates, retention } from '../metrics/retention';
import { salesEvents } from '../metrics/sales-events';
import { monthEnd } from '../metrics/period';
import type { Settings } from '../metrics/settings';

export const LIST_NAMES = ['retention_event', 'activation', 'abc_tier', 'segment', 'funnel_stage', 'sales_event', 'stale', 'open_stage'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const RETENTION_EVENTS = ['new', 'reactivated', 'expansion', 'contraction', 'churned', 'stable', 'other'] as const;
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];
export const ABC_TIERS = ['A', 'B', 'C'] as const;
export const FUNNEL_STAGES = ['leads', 'opportunities', 'quotes', 'won'] as const;
/** The sales events with a list of their own (higher volume is retention_event's expansion). */
export const SALES_EVENT_KEYS = ['repeat', 'cross_sell', 'first_purchase'] as const;
/** Embudo's lists at as_of: stale opportunities and sent quotes past their validity. */
export const STALE_KEYS = ['opportunities', 'quotes'] as const;
export const ACTIVATION_KEYS = ['prospects_exposed', 'activated', 'active', 'inactive', 'potential'] as const;
type ActivationKey = (typeof ACTIVATION_KEYS)[number];

export type ListCellKind = 'text' | 'money' | 'date' | 'int';
export interface ListColumn {
	key: string;
	kind: ListCellKind;
}

/** What each row names: a client (linked to its page), a product, or an opportunity or quote. */
export type ListEntity = 'client' | 'product' | 'record';

/** The figure a list's rows add up to: its count and, when the figure has one, its amount. */
export interface ListFigure {
	count: number;
	total: number | null;
}

export interface ListSpec {
	/** The SQL file (of the key, when the keys list different records); it takes $limit and $offset, the page runList asks for. */
	query: string | ((key: string) => string);
	/** The key's values; null when any value is a key (a segment's value, '' the missing one). */
	keys: readonly string[] | null;
	entity: (p: MetricParams) => ListEntity;
	/** The row's columns (of the key, when the keys list different records). */
	columns: readonly ListColumn[] | ((key: string) => readonly ListColumn[]);
	/** Whether the list can be asked for one month of the period (a monthly chart's bar). */
	monthly: boolean;
	/** The parameters the list's SQL takes besides the figures' own (bind.ts). */
	bind: (p: MetricParams, key: string, month: string | null, s: Settings) => Record<string, DuckDBValue>;
	/**
	 * The list's total when its figure rounds its own way: the bridge's bars are reconciled with the
	 * rounded revenues (retention.sql), a cent off the rows' half-up sum at most with sub-cent
	 * amounts; the list shows the bar's own number. Otherwise the SQL's total.
	 */
	total?: (db: Database, p: MetricParams, s: Settings, key: string) => Promise<number>;
	/** The same number on its figure's document (of `month` when given). */
	figure: (db: Database, p: MetricParams, s: Settings, key: string, month: string | null) => Promise<ListFigure>;
}

const CLIENT: ListColumn = { key: 'name', kind: 'text' };
const AMOUNT: ListColumn = { key: 'amount', kind: 'money' };

/** An open opportunity's row (stale_opportunities.sql, list_open_stage.sql), in Embudo's table's order: the amount in view. */
const OPEN_RECORD: readonly ListColumn[] = [
	{ key: 'id', kind: 'text' },
	CLIENT,
	{ key: 'stage', kind: 'text' },
	{ key: 'idle_days', kind: 'int' },
	AMOUNT,
	{ key: 'owner', kind: 'text' },
	{ key: 'last_change_at', kind: 'date' },
	{ key: 'created_at', kind: 'date' },
	{ key: 'age_days', kind: 'int' }
];
const QUOTE_PAST_VALIDITY: readonly ListColumn[] = [
	{ key: 'id', kind: 'text' },
	CLIENT,
	{ key: 'issued_at', kind: 'date' },
	{ key: 'valid_until', kind: 'date' },
	AMOUNT,
	{ key: 'days_past', kind: 'int' }
];

/** The retention document's count field of each event (its bridge uses the event's own name). */
const EVENT_COUNT: Record<RetentionEvent, keyof Awaited<ReturnType<typeof retention>>['clients']> = {
	new: 'new',
	reactivated: 'reactivated',
	expansion: 'expanded',
	contraction: 'contracted',
	churned: 'churned',
	stable: 'stable',
	other: 'other'
};

export const LISTS: ReadonlyMap<ListName, ListSpec> = new Map<ListName, ListSpec>([
	[
		'retention_event',
		{
			query: 'list_retention_event',
			keys: RETENTION_EVENTS,
			entity: () => 'client',
			monthly: false,
			columns: [CLIENT, { key: 'revenue_previous', kind: 'money' }, { key: 'revenue', kind: 'money' }, AMOUNT],
			bind: comparisonDates,
			total: async (db, p, s, key) => (key === 'stable' ? 0 : (await retention(db, p, s)).bridge[key as Exclude<RetentionEvent, 'stable'>]),
			figure: async (db, p, s, key) => {
				const r = await retention(db, p, s);
				const event = key as RetentionEvent;
				return { count: r.clients[EVENT_COUNT[event]], total: event === 'stable' ? 0 : r.bridge[event] };
			}
		}
	],
	[
		'activation',
		{
			query: 'list_activation',
			keys: ACTIVATION_KEYS,
			entity: () => 'client',
			monthly: true,
			columns: [CLIENT, { key: 'created', kind: 'date' }, { key: 'first_purchase', kind: 'date' }, AMOUNT],
			// A month of the monthly chart is its own period, as of its last day (activation.sql's rows 1…n).
			// activation_event: what activates a prospect, as activation.sql reads it (activationRows, metrics/activation.ts).
			bind: (p, _key, month, s) => ({
				activation_event: s.activation_event,
				...(month
					? { list_from: `${month}-01`, list_to: monthEnd(month), list_as_of: monthEnd(month) }
					: { list_from: `${p.from}-01`, list_to: monthEnd(p.to), list_as_of: p.as_of })
			}),
			figure: async (db, p, s, key, month) => {
				const { document, series } = await activationWithSeries(db, p, s);
				const k = key as ActivationKey;
				if (month) {
					const row = series.find((r) => r.month === month)!;
					return { count: k === 'activated' ? row.activated : k === 'prospects_exposed' ? NaN : row[k], total: null };
				}
				return { count: k === 'activated' ? document.activated_in_period : document[k], total: null };
			}
		}
	],
	[
		'abc_tier',
		{
			query: 'list_abc_tier',
			keys: ABC_TIERS,
			entity: (p) => (p.by === 'product' ? 'product' : 'client'),
			monthly: false,
			columns: [CLIENT, AMOUNT],
			bind: (p) => ({ by: p.by }),
			figure: async (db, p, s, key) => {
				const tier = (await concentration(db, p, s)).abc.find((t) => t.tier === key)!;
				return { count: tier.count, total: tier.revenue };
			}
		}
	],
	[
		'segment',
		{
			query: 'list_segment',
			keys: null,
			entity: () => 'client',
			monthly: false,
			columns: [CLIENT, AMOUNT],
			bind: (p) => ({ dim: p.dim }),
			figure: async (db, p, s, key) => {
				const segment = (await segmentation(db, p, s)).segments.find((x) => x.value === (key === '' ? null : key));
				return { count: segment?.clients ?? 0, total: segment?.revenue ?? 0 };
			}
		}
	],
	[
		'funnel_stage',
		{
			query: 'list_funnel_stage',
			keys: FUNNEL_STAGES,
			entity: () => 'record',
			monthly: false,
			columns: [{ key: 'id', kind: 'text' }, CLIENT, { key: 'day', kind: 'date' }, AMOUNT],
			bind: () => ({}),
			figure: async (db, p, s, key) => {
				const { totals } = await pipelineWithTotals(db, p, s);
				return { count: totals[key as (typeof FUNNEL_STAGES)[number]], total: null };
			}
		}
	],
	[
		'sales_event',
		{
			query: 'list_sales_event',
			keys: SALES_EVENT_KEYS,
			entity: () => 'client',
			monthly: false,
			columns: [CLIENT, { key: 'product_lines', kind: 'text' }, AMOUNT],
			// The comparison months of the figure's events (sales-events.ts), as the retention list.
			bind: comparisonDates,
			figure: async (db, p, s, key) => {
				const e = await salesEvents(db, p, s);
				const event = e[key as (typeof SALES_EVENT_KEYS)[number]];
				return { count: event.clients, total: event.amount };
			}
		}
	],
	[
		'stale',
		{
			// The figure's own SQL (open_pipeline's stale and quotes_past_validity); runList pages it like every list.
			query: (key) => (key === 'quotes' ? 'quotes_past_validity' : 'stale_opportunities'),
			keys: STALE_KEYS,
			entity: () => 'record',
			monthly: false,
			columns: (key) => (key === 'quotes' ? QUOTE_PAST_VALIDITY : OPEN_RECORD),
			bind: (_p, _key, _month, s) => ({ stale_days: s.stale_days }),
			figure: async (db, p, s, key) => {
				const o = await openPipeline(db, p, s);
				const list = key === 'quotes' ? o.quotes_past_validity : o.stale;
				return { count: list.count, total: list.total };
			}
		}
	],
	[
		'open_stage',
		{
			query: 'list_open_stage',
			keys: null,
			entity: () => 'record',
			monthly: false,
			columns: OPEN_RECORD,
			bind: () => ({}),
			figure: async (db, p, s, key) => {
				const stage = (await openPipeline(db, p, s)).by_stage.find((x) => x.stage === (key === '' ? null : key));
				return { count: stage?.count ?? 0, total: stage?.amount ?? 0 };
			}
		}
	]
]);

export function isListName(name: string): name is ListName {
	return (LIST_NAMES as readonly string[]).includes(name);
}
