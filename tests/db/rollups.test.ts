// The stored month rollups (per client, client_month_sales, migration 019; per client and product
// line, client_line_month_sales, 020; the days of the lines, invoice_dates, 022; each client's first
// positive month per product line, client_line_firsts, 025; kept by db/rollups.ts) give every figure the same answer as
// the lines, to the cent: on the demo and on every real dataset,
// each figure is computed with the rollups on and off (CARTERA_ROLLUPS=0: every sum from the lines)
// over the dataset's periods, with a client-attribute, a product, a tier and a status filter, and
// segmentation by every dimension and Concentración's monthly trend. The rollups are really read (a changed stored row changes the
// figures that may read it) and stay equal to the lines after a load that touches a few months, a
// products load that moves a product to another line, a new status window, and their undo.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoBatch } from '../../src/lib/server/batches';
import { ensureWindowValues, rebuildWindowValues } from '../../src/lib/server/db/client-windows';
import { storedWindowDays } from '../../src/lib/server/db/stored-window';
import { saveSetting } from '../../src/lib/server/metrics/settings-store';
import { computeList } from '../../src/lib/server/lists/list';
import { LISTS, type ListName } from '../../src/lib/server/lists/registry';
import { Database, type Params } from '../../src/lib/server/db/database';
import { ingestFiles } from '../../src/lib/server/ingest/ingest';
import { runQuery } from '../../src/lib/server/queries';
import { clientDetail, streamClients, type ClientRow, type ListOptions } from '../../src/lib/features/clients/loader.server';
import { dashboardContext } from '../../src/lib/server/pages/context';
import { computeMetric, METRIC_NAMES } from '../../src/lib/server/metrics/index';
import { DIMENSIONS, resolveParams } from '../../src/lib/server/metrics/params';
import { loadSettings } from '../../src/lib/server/metrics/settings';
import { segmentCross } from '../../src/lib/features/segments/loader.server';
import { rankingValues } from '../../src/lib/server/metrics/ranking';
import { concentrationTrend } from '../../src/lib/features/concentration/loader.server';
import { DEMO, INVARIANT_DATASETS, type PeriodQuery } from '../helpers/datasets';
import { tempFolder, useLoadedDatabase } from '../helpers/temp-db';
import { onAndOff } from '../helpers/rollups-on-off';

const AS_OF = new Date('2026-11-20T12:00:00Z');
const ROLLUPS = ['client_month_sales', 'client_line_month_sales', 'invoice_dates', 'client_line_firsts'];

/** Each month end's window summed straight from the stored invoices ($1: the window in days), as client_window_values should hold it. */
const WINDOWS_FROM_INVOICES = `WITH ends AS (
	SELECT last_day(m::DATE) AS month_end
	FROM (SELECT min(first_day) AS a, max(first_day) + $1::INTEGER AS b FROM invoice_totals),
		LATERAL (SELECT unnest(generate_series(date_trunc('month', a), date_trunc('month', b), INTERVAL 1 MONTH)) AS m)
)
SELECT i.client_id, e.month_end, (count(*) FILTER (WHERE i.total > 0))::INTEGER AS positive, sum(i.total) AS total
FROM ends e JOIN invoice_totals i ON i.spread_days = 0 AND i.first_day <= e.month_end AND i.first_day > e.month_end - $1::INTEGER
GROUP BY ALL
HAVING count(*) FILTER (WHERE i.total > 0) <> 0 OR sum(i.total) <> 0
ORDER BY ALL`;

/** Rows of `table` and rows of `source` (a table or a parenthesised query) that the other lacks, counted in SQL: faster than comparing large tables as objects. */
async function differing(db: Database, table: string, source: string, params?: Params): Promise<{ stored: number; differ: number }> {
	return (await db.one<{ stored: number; differ: number }>(
		`SELECT (SELECT count(*) FROM ${table})::INTEGER AS stored,
			(SELECT count(*) FROM ((SELECT * FROM ${table} EXCEPT ALL SELECT * FROM ${source}) UNION ALL (SELECT * FROM ${source} EXCEPT ALL SELECT * FROM ${table})))::INTEGER AS differ`,
		params
	))!;
}

/**
 * Each stored rollup's rows, checked equal to what the lines give; and activation's stored windows
 * (client_window_values, migration 024), checked equal to each month end's window summed straight
 * from the stored invoices, and to a rebuild.
 */
async function storedRollups(db: Database): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of ROLLUPS) {
		out[t] = await db.all(`SELECT * FROM ${t} ORDER BY ALL`);
		expect(out[t]!.length, t).toBeGreaterThan(0);
		expect(out[t], t).toEqual(await db.all(`SELECT * FROM ${t}_source ORDER BY ALL`));
	}
	const windows = await db.all('SELECT * FROM client_window_values ORDER BY ALL');
	expect(windows.length).toBeGreaterThan(0);
	const windowDays = (await storedWindowDays(db))!;
	const direct = await db.all(WINDOWS_FROM_INVOICES, [windowDays]);
	expect(windows, 'client_window_values against the invoices').toEqual(direct);
	await rebuildWindowValues(db, windowDays);
	expect(await db.all('SELECT * FROM client_window_values ORDER BY ALL'), 'client_window_values rebuilt').toEqual(windows);
	out.client_window_values = windows;
	return out;
}

/** A figure with the rollups on, then off (CARTERA_ROLLUPS=0: every sum from the lines). */
const both = (db: Database, name: string, query: Record<string, string>) => onAndOff(() => computeMetric(db, name, query, AS_OF));

/** Concentración's monthly trend (not a figure of its own: the page's) for `query`, with the rollups on and off. */
function bothTrends(db: Database, query: Record<string, string>, by: 'client' | 'product') {
	return onAndOff(async () => {
		const params = await resolveParams(db, query, AS_OF);
		return concentrationTrend(db, { ...params, by }, await loadSettings(db, { filters: params.filters, month: params.to }));
	});
}

/** Every row of the client list (Clientes) for `query`, with the rollups on and off. */
function bothClients(db: Database, query: Record<string, string>, options: ListOptions): Promise<{ rollups: ClientRow[]; lines: ClientRow[] }> {
	const url = new URL(`http://cartera.test/clientes?${new URLSearchParams(query)}`);
	return onAndOff(async () => {
		const c = await dashboardContext(db, url, AS_OF);
		const rows: ClientRow[] = [];
		for await (const chunk of streamClients(db, c.params, c.settings, c.comparison, options)) rows.push(...chunk);
		return rows;
	});
}

/** The dataset's periods (without the comparison), each also with a tier and a status filter. */
function queries(cases: readonly PeriodQuery[]): Record<string, string>[] {
	const periods = [...new Map(cases.map(({ compare: _, ...q }) => [JSON.stringify(q), q as Record<string, string>])).values()];
	const plain = periods.find((q) => Object.keys(q).length === 2)!;
	return [...periods, { ...plain, billing_tier: 'A' }, { ...plain, billing_tier: 'C' }, { ...plain, status: 'active' }];
}

describe.each(INVARIANT_DATASETS)('$name: every figure, rollups on and off', (d) => {
	const loaded = useLoadedDatabase(d.load);
	let db: Database;
	beforeAll(() => void (db = loaded.db));

	it('the stored rollups are what the lines give', async () => {
		await storedRollups(db);
	});

	it.each(METRIC_NAMES)('%s is the same read from the rollup as from the lines', async (name) => {
		for (const q of queries(d.cases)) {
			const { rollups, lines } = await both(db, name, q);
			expect(rollups, JSON.stringify(q)).toEqual(lines);
		}
	});

	it('segmentation by every dimension, concentration by client and product and goals by every scope are the same', async () => {
		const q = queries(d.cases)[0]!;
		for (const dim of DIMENSIONS) {
			const { rollups, lines } = await both(db, 'segmentation', { ...q, dim });
			expect(rollups, dim).toEqual(lines);
			// Under a status filter: the product-line rollup's rows of the clients with that status.
			const active = await both(db, 'segmentation', { ...q, dim, status: 'active' });
			expect(active.rollups, `${dim}, active clients`).toEqual(active.lines);
		}
		for (const by of ['total', 'product_line', 'region']) {
			const { rollups, lines } = await both(db, 'targets', { ...q, by, status: 'inactive' });
			expect(rollups, `targets by ${by}, inactive clients`).toEqual(lines);
		}
		// Segmentos' cross-tab, read where segmentation reads: a rollup unless a dimension needs lines.
		const params = await resolveParams(db, q, AS_OF);
		const settings = await loadSettings(db);
		// Ranking's values (ranking_values.sql), read where segmentation reads.
		for (const dim of DIMENSIONS) {
			const { rollups, lines } = await onAndOff(() => rankingValues(db, { ...params, dim }, settings, dim));
			expect(rollups, `ranking values by ${dim}`).toEqual(lines);
		}
		for (const [dim, dim2] of [['status', 'client_type'], ['client_type', 'status'], ['billing_tier', 'product_line'], ['product_line', 'status'], ['status', 'billing_tier'], ['product_line', 'region'], ['product', 'status']] as const) {
			const { rollups, lines } = await onAndOff(() => segmentCross(db, { ...params, dim }, settings, dim2));
			expect(rollups, `${dim} × ${dim2}`).toEqual(lines);
		}
		for (const by of ['client', 'product'] as const) {
			const { rollups, lines } = await both(db, 'concentration', { ...q, by });
			expect(rollups, by).toEqual(lines);
			for (const query of queries(d.cases)) {
				const trend = await bothTrends(db, query, by);
				expect(trend.rollups, `concentration trend by ${by}, ${JSON.stringify(query)}`).toEqual(trend.lines);
			}
		}
		for (const by of ['total', 'account_manager', 'product_line', 'region', 'business_unit']) {
			const { rollups, lines } = await both(db, 'targets', { ...q, by });
			expect(rollups, `targets by ${by}`).toEqual(lines);
		}
	});

	it('the client list, every row, is the same read from the rollups: by period, filter, within a product line, as of a day within a month, sorted by last purchase', async () => {
		const plain = queries(d.cases)[0]!;
		const midMonth = `${plain.to}-15`;
		const cases = [...queries(d.cases), { ...plain, as_of: midMonth }, { ...plain, as_of: midMonth, status: 'inactive' }, { ...plain, compare: 'year' }];
		// Within the product line that sold most (its rollup, and the status on its documents).
		const top = await db.one<{ line: string }>('SELECT product_line AS line FROM client_line_month_sales WHERE product_line IS NOT NULL GROUP BY 1 ORDER BY sum(amount) DESC, 1 LIMIT 1');
		if (top) {
			const line = { ...plain, product_line: top.line };
			cases.push(line, { ...line, status: 'active' }, { ...line, status: 'inactive' }, { ...line, billing_tier: 'A' }, { ...line, as_of: midMonth });
		}
		for (const query of cases) {
			for (const sort of ['revenue', 'last_purchase']) {
				const { rollups, lines } = await bothClients(db, query, { sort });
				expect(rollups.length, JSON.stringify(query)).toBeGreaterThan(0);
				expect(rollups, `${JSON.stringify(query)} by ${sort}`).toEqual(lines);
			}
		}
	});
});

describe('the demo’s rollups are read and kept', () => {
	const loaded = useLoadedDatabase(DEMO.load);
	const folder = loaded.folder;
	let db: Database;
	beforeAll(() => void (db = loaded.db));

	const period = { from: '2026-01', to: '2026-10' };

	/**
	 * Adds `delta` to the March 2026 amount of the client that bought most that month, in `table`'s
	 * rows; in the stored windows, to its window at every month end from March (and delta ÷ 1000 invoices).
	 */
	async function shift(table: string, delta: number): Promise<void> {
		const windows = table === 'client_window_values';
		const set = windows ? 'positive = positive + ($1 // 1000)::INTEGER, total = total + $1' : 'amount = amount + $1';
		const at = windows ? `month_end >= DATE '2026-03-31'` : `month = DATE '2026-03-01'`;
		await db.run(
			`UPDATE ${table} SET ${set} WHERE ${at} AND client_id = (
				SELECT client_id FROM client_month_sales WHERE month = DATE '2026-03-01' AND client_id IS NOT NULL ORDER BY amount DESC, client_id LIMIT 1)`,
			[delta]
		);
	}

	it('a client page is the same read from the rollups under a tier or status filter: its months and products kept whole or none', async () => {
		const clients = await db.all<{ client_id: string }>(
			`SELECT client_id FROM client_month_sales WHERE month BETWEEN DATE '2026-01-01' AND DATE '2026-10-01' AND client_id IS NOT NULL
			GROUP BY client_id ORDER BY sum(amount) DESC, client_id LIMIT 3`
		);
		const last = await db.one<{ client_id: string }>(`SELECT client_id FROM client_month_sales WHERE client_id IS NOT NULL GROUP BY client_id ORDER BY max(month), client_id LIMIT 1`);
		const filters: Record<string, string>[] = [{}, { status: 'active' }, { status: 'inactive' }, { billing_tier: 'A' }, { billing_tier: 'C' }, { status: 'active', product_line: 'Papelería' }, { billing_tier: 'A', product: 'P-001' }];
		let kept = 0;
		for (const { client_id } of [...clients, last!])
			for (const f of filters) {
				const { rollups, lines } = await onAndOff(async () => {
					const c = await dashboardContext(db, new URL(`http://cartera.test/?${new URLSearchParams({ ...period, ...f })}`), AS_OF);
					return clientDetail(db, c.params, c.settings, c.comparison, client_id);
				});
				expect(rollups, `${client_id} ${JSON.stringify(f)}`).toEqual(lines);
				if (rollups?.products.length) kept++;
			}
		expect(kept).toBeGreaterThan(4);
	});

	it('every figure is the same under a tier or status filter together with a product-line or client-attribute filter', async () => {
		// The classification serves each pair from where cartera_sales_grain says (sales.sql): a tier
		// within a product line from its rollup, a status within one from the lines.
		const pairs: Record<string, string>[] = [
			{ billing_tier: 'A', product_line: 'Papelería' },
			{ status: 'active', product_line: 'Papelería' },
			{ billing_tier: 'B', region: 'La Paz' },
			{ status: 'inactive', region: 'La Paz' },
			{ billing_tier: 'A', business_unit: 'Suministros' },
			{ status: 'active', billing_tier: 'A' }
		];
		for (const name of METRIC_NAMES)
			for (const filters of pairs) {
				const { rollups, lines } = await both(db, name, { ...period, ...filters });
				expect(rollups, `${name} ${JSON.stringify(filters)}`).toEqual(lines);
			}
	});

	it('each figure that may read a rollup does, and one that may not does not', async () => {
		// A product line the shifted client bought in March 2026.
		const [{ line }] = (await db.all<{ line: string }>(
			`SELECT min(product_line) AS line FROM client_line_month_sales WHERE month = DATE '2026-03-01' AND product_line IS NOT NULL AND client_id = (
				SELECT client_id FROM client_month_sales WHERE month = DATE '2026-03-01' AND client_id IS NOT NULL ORDER BY amount DESC, client_id LIMIT 1)`
		)) as [{ line: string }];
		const differs = async (table: string, reading: [string, Record<string, string>][], notReading: [string, Record<string, string>][], delta = 1000) => {
			await shift(table, delta);
			try {
				for (const [name, extra] of reading) {
					const { rollups, lines } = await both(db, name, { ...period, ...extra });
					expect(rollups, `${table}: ${name} ${JSON.stringify(extra)}`).not.toEqual(lines);
				}
				for (const [name, extra] of notReading) {
					const { rollups, lines } = await both(db, name, { ...period, ...extra });
					expect(rollups, `${table}: ${name} ${JSON.stringify(extra)}`).toEqual(lines);
				}
			} finally {
				await shift(table, -delta);
			}
		};
		await differs(
			'client_month_sales',
			[
				['growth', {}], ['forecast', {}], ['targets', {}], ['segmentation', { dim: 'client_type' }], ['segmentation', { dim: 'billing_tier' }],
				['concentration', { by: 'client' }],
				// The status from the client rollup (sales.sql): by status, or filtered by it.
				['segmentation', { dim: 'status' }], ['growth', { status: 'active' }]
			],
			[
				['segmentation', { dim: 'product_line' }], ['concentration', { by: 'product' }], ['growth', { product_line: 'Papelería' }], ['retention', {}],
				// A status within one product line: from the lines.
				['growth', { status: 'active', product_line: 'Papelería' }], ['segmentation', { dim: 'status', product_line: 'Papelería' }]
			]
		);
		// Concentración's monthly trend: by client from the month rollup, by product from the lines.
		await shift('client_month_sales', 1000);
		try {
			const byClient = await bothTrends(db, period, 'client');
			expect(byClient.rollups, 'client_month_sales: concentration trend by client').not.toEqual(byClient.lines);
			const byProduct = await bothTrends(db, period, 'product');
			expect(byProduct.rollups, 'client_month_sales: concentration trend by product').toEqual(byProduct.lines);
		} finally {
			await shift('client_month_sales', -1000);
		}
		await differs(
			'client_line_month_sales',
			// Retention under a tier or status filter: the rollup's rows of the clients it keeps (retention_rows.sql).
			[
				['segmentation', { dim: 'product_line' }], ['growth', { product_line: line }], ['retention', {}], ['sales_events', {}], ['retention', { billing_tier: 'A' }],
				// A status within a product line (sales.sql's cartera_month_classes): the line's rollup rows.
				['growth', { status: 'active', product_line: line }]
			],
			[['growth', {}], ['segmentation', { dim: 'product' }], ['segmentation', { dim: 'business_unit' }], ['retention', { business_unit: 'Suministros' }]]
		);
		// Activation's windows at month ends (not at as_of: read from the invoices): the client, active
		// until March, is taken out of them from there.
		await differs(
			'client_window_values',
			// A tier filter picks clients, not lines: the windows still serve (activation.sql's tiers). A
			// status filter reads them too (sales.sql's cartera_month_classes, at a month end).
			[['activation', {}], ['activation', { billing_tier: 'A' }], ['growth', { status: 'active' }], ['quotes', { status: 'active' }], ['retention', { status: 'active' }]],
			[['activation', { product_line: line }], ['retention', {}], ['growth', {}]],
			-1e9
		);
		// Each client's first purchase per product line stands for the months before the comparison
		// period (retention_rows.sql): moved a century on, the clients who bought only before it count
		// as buying for the first time. Activation's firsts and every status read it too, each client's
		// the least of its rows (activation.sql's firsts, sales.sql's cartera_month_classes), and within
		// a product line that line's row.
		await db.run(`UPDATE client_line_firsts SET first_positive = first_positive + INTERVAL 100 YEAR`);
		try {
			const cases = [
				['retention', {}], ['sales_events', {}], ['sales_events', { status: 'active' }],
				['activation', {}], ['growth', { status: 'active' }], ['segmentation', { dim: 'status' }],
				['activation', { product_line: line }], ['growth', { status: 'active', product_line: line }], ['segmentation', { dim: 'status', product_line: line }]
			] as const;
			for (const [name, extra] of cases) {
				const { rollups, lines } = await both(db, name, { ...period, ...extra });
				expect(rollups, `client_line_firsts: ${name} ${JSON.stringify(extra)}`).not.toEqual(lines);
			}
			const { rollups, lines } = await both(db, 'sales_events', { ...period, product: 'P-001' });
			expect(rollups, 'client_line_firsts: sales_events by product').toEqual(lines);
		} finally {
			await db.run(`UPDATE client_line_firsts SET first_positive = first_positive - INTERVAL 100 YEAR`);
		}
		await storedRollups(db);
	});

	it('the client list reads the month rollup and the stored windows unless a product is filtered', async () => {
		// The client shift() moves: the one that bought most in March 2026.
		const client = (await db.one<{ client_id: string }>(
			`SELECT client_id FROM client_month_sales WHERE month = DATE '2026-03-01' AND client_id IS NOT NULL ORDER BY amount DESC, client_id LIMIT 1`
		))!.client_id;
		const row = (rows: ClientRow[]) => rows.find((r) => r.client_id === client)!;
		await shift('client_month_sales', 1000);
		try {
			const { rollups, lines } = await bothClients(db, period, {});
			expect(row(rollups).revenue).toBeCloseTo(row(lines).revenue + 1000, 2);
			const filtered = await bothClients(db, { ...period, product_line: 'Papelería' }, {});
			expect(filtered.rollups).toEqual(filtered.lines);
		} finally {
			await shift('client_month_sales', -1000);
		}
		// Taken out of the windows from March: inactive at the end of October, as its stored windows say.
		await shift('client_window_values', -1e9);
		try {
			const { rollups, lines } = await bothClients(db, period, {});
			expect(row(lines).status).toBe('active');
			expect(row(rollups).status).toBe('inactive');
		} finally {
			await shift('client_window_values', 1e9);
		}
		await storedRollups(db);
	});

	it('the lists behind retention, the sales events, the ABC tiers, the segments and activation are the same read from the rollups', async () => {
		const cases: [string, Record<string, string>][] = [];
		for (const key of LISTS.get('activation')!.keys!) {
			cases.push(['activation', { key }], ['activation', { key, region: 'La Paz' }], ['activation', { key, status: 'inactive' }], ['activation', { key, billing_tier: 'A' }], ['activation', { key, billing_tier: 'B', product_line: 'Papelería' }]);
			if (key !== 'prospects_exposed') cases.push(['activation', { key, month: '2026-03' }], ['activation', { key, as_of: '2026-06-15' }]);
		}
		for (const name of ['retention_event', 'sales_event', 'abc_tier']) for (const key of LISTS.get(name as ListName)!.keys!) cases.push([name, { key }]);
		for (const key of ['active', 'inactive', 'potential']) cases.push(['segment', { dim: 'status', key }], ['segment', { dim: 'status', key, region: 'La Paz' }]);
		for (const key of ['A', 'B', 'C']) cases.push(['segment', { dim: 'billing_tier', key }], ['segment', { dim: 'billing_tier', key, status: 'active' }]);
		for (const key of ['Papelería', '']) cases.push(['segment', { dim: 'product_line', key }], ['segment', { dim: 'product_line', key, status: 'inactive' }]);
		cases.push(['segment', { dim: 'status', key: 'active', product_line: 'Papelería' }]);
		let nonEmpty = 0;
		for (const [name, extra] of cases) {
			const { rollups, lines } = await onAndOff(() => computeList(db, name, { ...period, ...extra }, AS_OF));
			expect(rollups, `${name} ${JSON.stringify(extra)}`).toEqual(lines);
			if (rollups.count > 0) nonEmpty++;
		}
		expect(nonEmpty, 'lists with rows').toBeGreaterThan(cases.length / 2);
	});

	it('a load touching two months of two clients, and its undo, keep them equal to the lines', async () => {
		const before = await storedRollups(db);
		const [a, b] = await db.all<{ client_id: string }>(`SELECT client_id FROM clients ORDER BY client_id LIMIT 2`);
		const file = folder.write(
			'correcciones.csv',
			['Nº factura;Fecha;Código cliente;Código producto;Importe', `X-1;05/03/2026;${a!.client_id};P-001;1.234,56`, `X-2;20/04/2026;${b!.client_id};P-002;-99,99`, 'X-3;21/04/2026;;;10,00'].join('\r\n') + '\r\n'
		);
		const report = (await ingestFiles(db, [{ path: file, name: 'correcciones.csv' }])).files[0]!;
		expect(report).toMatchObject({ kind: 'invoices', inserted: 3 });
		const after = await storedRollups(db);
		expect(after.client_month_sales).not.toEqual(before.client_month_sales);
		expect(after.client_line_month_sales).not.toEqual(before.client_line_month_sales);
		expect(after.invoice_dates).not.toEqual(before.invoice_dates);
		const range = async () => (await runQuery<{ lines: number }>(db, 'data_range'))[0]!.lines;
		const withLoad = await range();
		for (const name of ['growth', 'retention']) {
			const { rollups, lines } = await both(db, name, period);
			expect(rollups, name).toEqual(lines);
		}
		await undoBatch(db, report.batch_id, 'test');
		expect(await storedRollups(db)).toEqual(before);
		// The data's range counts the lines from the stored days.
		expect(await range()).toBe(withLoad - 3);
	});

	it('a products load that moves a product to another line, and its undo, recompute the product-line rollup', async () => {
		const before = await storedRollups(db);
		const file = folder.write('productos.csv', '\uFEFFCódigo producto;Descripción;Línea de producto;Unidad de negocio\r\nP-001;Resma papel bond carta 75 g;Tecnología;Suministros\r\n');
		const report = (await ingestFiles(db, [{ path: file, name: 'productos.csv' }])).files[0]!;
		expect(report).toMatchObject({ kind: 'products', updated: 1 });
		const after = await storedRollups(db);
		expect(after.client_month_sales).toEqual(before.client_month_sales);
		expect(after.client_line_month_sales).not.toEqual(before.client_line_month_sales);
		expect(after.invoice_dates).toEqual(before.invoice_dates);
		const { rollups, lines } = await both(db, 'segmentation', { ...period, dim: 'product_line' });
		expect(rollups).toEqual(lines);
		await undoBatch(db, report.batch_id, 'test');
		expect(await storedRollups(db)).toEqual(before);
	});

	it('activation as of a day within a month is the same from the rollups as from the invoices', async () => {
		for (const as_of of ['2026-10-15', '2026-10-01', '2026-06-30']) {
			const { rollups, lines } = await both(db, 'activation', { ...period, as_of });
			expect(rollups, as_of).toEqual(lines);
		}
	});

	it('a new status window rebuilds activation’s stored windows, and activation stays the same as from the invoices', async () => {
		expect(await storedWindowDays(db)).toBe(365);
		const before = await db.all('SELECT * FROM client_window_values ORDER BY ALL');
		await saveSetting(db, { key: 'window_days', value: 90, by: 'test' });
		expect(await storedWindowDays(db)).toBe(90);
		expect(await db.all('SELECT * FROM client_window_values ORDER BY ALL')).not.toEqual(before);
		// as_of on a month end reads the stored windows; mid-month, from the invoices.
		for (const query of [period, { ...period, region: 'La Paz' }, { from: '2025-06', to: '2026-02' }, { ...period, as_of: '2026-10-15' }, { ...period, as_of: '2026-09-30' }]) {
			const { rollups, lines } = await both(db, 'activation', query);
			expect(rollups, JSON.stringify(query)).toEqual(lines);
		}
		await storedRollups(db);
		await saveSetting(db, { key: 'window_days', value: 365, by: 'test' });
		expect(await db.all('SELECT * FROM client_window_values ORDER BY ALL')).toEqual(before);
	});
});

describe('a database loaded before the rollups', () => {
	const folder = tempFolder();
	afterAll(() => folder.remove());

	it('gets them when it opens (migrations 019 to 026) and its activation windows when the server starts, equal to the lines', async () => {
		const path = folder.path('old.duckdb');
		const loaded = await Database.open(path);
		await DEMO.load(loaded);
		// Back to the schema of migration 018, data kept: what a database of the last release holds.
		await loaded.run(`DROP TABLE client_month_sales; DROP VIEW client_month_sales_source;
			DROP TABLE client_line_month_sales; DROP VIEW client_line_month_sales_source;
			DROP TABLE client_window_values; DROP TABLE client_window_days;
			DROP TABLE invoice_dates; DROP VIEW invoice_dates_source;
			DROP TABLE client_line_firsts; DROP VIEW client_line_firsts_source;
			CREATE OR REPLACE VIEW invoice_totals_source AS
				SELECT client_id, invoice_id, min(invoice_date) AS first_day, max(invoice_date) AS last_day,
					sum(amount) AS total, min(invoice_date) FILTER (WHERE amount > 0) AS first_positive
				FROM invoice_lines
				WHERE client_id IS NOT NULL AND doc_status NOT IN ('draft', 'cancelled')
				GROUP BY client_id, invoice_id;
			ALTER TABLE invoice_totals DROP COLUMN spread_days;
			DELETE FROM schema_migrations WHERE version >= 19;
			CHECKPOINT;`);
		loaded.close();
		const db = await Database.open(path);
		try {
			expect((await db.all<{ version: number }>('SELECT version FROM schema_migrations WHERE version >= 19 ORDER BY 1')).map((r) => r.version)).toEqual([19, 20, 21, 22, 23, 24, 25, 26]);
			// Activation's windows are not built yet: activation reads the invoices meanwhile.
			expect(await storedWindowDays(db)).toBeNull();
			const { rollups, lines } = await both(db, 'activation', { from: '2026-01', to: '2026-10' });
			expect(rollups).toEqual(lines);
			await ensureWindowValues(db); // what the server does when it starts (hooks.server.ts)
			await storedRollups(db);
			expect(await db.all('SELECT * FROM invoice_totals ORDER BY ALL')).toEqual(await db.all('SELECT * FROM invoice_totals_source ORDER BY ALL'));
			expect(await storedWindowDays(db)).toBe(365);
			for (const name of ['growth', 'segmentation', 'activation', 'retention']) {
				const { rollups, lines } = await both(db, name, { from: '2026-01', to: '2026-10' });
				expect(rollups, name).toEqual(lines);
			}
		} finally {
			db.close();
		}
	}, 120_000);
});

describe('products and a large export loaded together', () => {
	const folder = tempFolder();
	afterAll(() => folder.remove());

	// The products' load refreshes the product-line rollup while no line is stored (it stays empty);
	// the invoices' load then writes it whole in the same transaction, 130,000 rows: more than DuckDB
	// writes straight to the file (db/ordered-insert.ts). Before the guard, the running process saw the
	// product-line rollup empty after the load, and the rollups summed from it stored nothing.
	it('stores every rollup equal to the lines, in the process that loaded them', async () => {
		const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
		const invoices = ['Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento'];
		for (let i = 0; i < 130_000; i++)
			invoices.push(`F${i};${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2025;C${i};P${1 + (i % 2)};${10 + (i % 90)},50;Factura`);
		writeFileSync(folder.path('productos.csv'), products.join('\n') + '\n');
		writeFileSync(folder.path('facturas.csv'), invoices.join('\n') + '\n');
		const db = await Database.open(folder.path('together.duckdb'));
		try {
			await ingestFiles(db, [{ path: folder.path('productos.csv') }, { path: folder.path('facturas.csv') }]);
			expect(await db.one('SELECT count(*)::INTEGER AS n FROM client_line_month_sales')).toEqual({ n: 130_000 });
			for (const t of [...ROLLUPS, 'invoice_totals']) {
				const { stored, differ } = await differing(db, t, `${t}_source`);
				expect(stored, t).toBeGreaterThan(0);
				expect(differ, t).toBe(0);
			}
			const windows = await differing(db, 'client_window_values', `(${WINDOWS_FROM_INVOICES})`, [(await storedWindowDays(db))!]);
			expect(windows.stored).toBeGreaterThan(0);
			expect(windows.differ).toBe(0);
		} finally {
			db.close();
		}
	}, 120_000);

	it('gives a database stored with no first purchases per product line its own back when it opens (migration 026)', async () => {
		const path = folder.path('together.duckdb');
		const broken = await Database.open(path);
		// What such a load stored: the product-line rollup whole, its first purchases empty.
		await broken.run('DELETE FROM client_line_firsts; DELETE FROM schema_migrations WHERE version = 26; CHECKPOINT;');
		broken.close();
		const db = await Database.open(path);
		try {
			expect(await differing(db, 'client_line_firsts', 'client_line_firsts_source')).toEqual({ stored: 130_000, differ: 0 });
		} finally {
			db.close();
		}
	}, 120_000);
});
