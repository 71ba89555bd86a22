// Each drill-down list sums to the figure it came from: the list page (listPage on the case's
// context) for every retention event, activation count (of the period and of its last month), ABC
// tier (by client and by product), status and product-line segment, funnel stage, stale opportunities,
// expired quotes and open-pipeline stage, against the
// figure as its own page shows it — its total to the cent and its row count equal to the figure's;
// and each client of a movement list with the revenues its row on Clientes shows.
import { expect } from 'vitest';
import { streamClients, type ClientRow } from '../../src/lib/features/clients/loader.server';
import { concentrationPage } from '../../src/lib/features/concentration/loader.server';
import { listPage } from '../../src/lib/features/lists/loader.server';
import type { Database } from '../../src/lib/server/db/database';
import type { ListDocument } from '../../src/lib/server/lists/list';
import { ABC_TIERS, ACTIVATION_KEYS, FUNNEL_STAGES, RETENTION_EVENTS } from '../../src/lib/server/lists/registry';
import type { RetentionDocument } from '../../src/lib/server/metrics/retention';
import type { DashboardPages } from '../helpers/dashboard-pages';

const cents = (x: number) => Math.round(x * 100);

/** Activación's movement count of each event (its bridge bar has the event's own name). */
const MOVEMENT: Record<(typeof RETENTION_EVENTS)[number], keyof RetentionDocument['clients']> = {
	new: 'new',
	reactivated: 'reactivated',
	expansion: 'expanded',
	contraction: 'contracted',
	churned: 'churned',
	stable: 'stable',
	other: 'other'
};

/** The rows add up to the total: each row rounded to cents moves the sum at most half a cent. */
function expectRowsSum(list: ListDocument, at: string) {
	const sum = list.rows.reduce((acc, r) => acc + cents(r.amount ?? 0), 0);
	expect(Math.abs(sum - cents(list.total)), at).toBeLessThanOrEqual(Math.ceil(list.rows.length / 2));
}

/** `all`: also the lists that do not depend on the comparison (checked once per period, not once per comparison). */
export async function checkLists(db: Database, pages: DashboardPages, all: boolean) {
	const c = pages.context;
	// The page shows a long list a page at a time: its pages in turn are the whole list.
	const open = async (name: string, key: string, own: { dim?: string; by?: string; month?: string } = {}) => {
		const read = (page: number) => listPage(db, c, name, { key, dim: own.dim ?? null, by: own.by ?? null, month: own.month ?? null, page: String(page) });
		const { list, comparison } = await read(1);
		expect(comparison).toEqual(c.comparison);
		const at = `${name} ${key} ${JSON.stringify(own)}`;
		for (let page = 2; page <= list.paging!.pages; page++) {
			const next = (await read(page)).list;
			expect([next.count, next.total], `${at} page ${page}`).toEqual([list.count, list.total]);
			list.rows.push(...next.rows);
		}
		expect(list.rows.length, at).toBe(list.count);
		expectRowsSum(list, at);
		return { list, at };
	};

	// Each client of a movement list shows the revenues its Clientes row shows (same months).
	const clients = new Map<string | null, ClientRow>();
	for await (const chunk of streamClients(db, c.params, c.settings, c.comparison)) for (const row of chunk) clients.set(row.client_id, row);
	const { retention } = pages.activation;
	for (const event of RETENTION_EVENTS) {
		const { list, at } = await open('retention_event', event);
		for (const row of list.rows) {
			const client = clients.get(row.id);
			expect(client, `${at} ${row.id} on Clientes`).toBeDefined();
			expect([row.revenue_previous, row.revenue], `${at} ${row.id}`).toEqual([client!.revenue_previous, client!.revenue]);
		}
		expect(list.previous, at).toEqual(c.comparison);
		expect(list.count, at).toBe(retention.clients[MOVEMENT[event]]);
		if (event === 'stable') continue;
		// The list shows the bar clicked, reconciled as retention.sql does (registry's `total`): exact.
		expect(cents(list.total), at).toBe(cents(retention.bridge[event]));
	}

	if (!all) return;
	const { activation, series } = pages.activation;
	const last = series.at(-1)!;
	for (const key of ACTIVATION_KEYS) {
		const { list, at } = await open('activation', key);
		expect(list.count, at).toBe(key === 'activated' ? activation.activated_in_period : activation[key]);
		if (key === 'prospects_exposed') continue; // counted for the whole period only
		const month = await open('activation', key, { month: last.month });
		expect(month.list.count, month.at).toBe(key === 'activated' ? last.activated : last[key]);
	}

	for (const by of ['client', 'product'] as const) {
		const page = by === 'client' ? pages.concentration : await concentrationPage(db, c, by);
		for (const tier of ABC_TIERS) {
			const { list, at } = await open('abc_tier', tier, { by });
			const shown = page.doc.abc.find((t) => t.tier === tier)!;
			expect(list.count, at).toBe(shown.count);
			expect(list.total, at).toBe(shown.revenue);
		}
	}

	for (const segments of [pages.segmentsByStatus, pages.segments])
		for (const segment of segments.segments) {
			const { list, at } = await open('segment', segment.value ?? '', { dim: segments.dim });
			expect(list.count, at).toBe(segment.clients);
			expect(list.total, at).toBe(segment.revenue);
		}

	for (const stage of FUNNEL_STAGES) {
		const { list, at } = await open('funnel_stage', stage);
		expect(list.count, at).toBe(pages.pipeline.totals[stage]);
	}

	// Embudo's open pipeline at as_of: the stale and expired-quote numbers, each stage's count and amount.
	const shown = pages.pipeline.process.open;
	for (const [key, figure] of [['opportunities', shown.stale], ['quotes', shown.quotes_past_validity]] as const) {
		const { list, at } = await open('stale', key);
		expect([list.count, list.total], at).toEqual([figure.count, figure.total]);
		expect(list.rows.slice(0, figure.rows.length).map((r) => r.id), at).toEqual(figure.rows.map((r) => r.id));
	}
	for (const stage of shown.by_stage) {
		const { list, at } = await open('open_stage', stage.stage ?? '');
		expect([list.count, list.total], at).toEqual([stage.count, stage.amount]);
	}
}
