// Clientes (queries/client_list.sql, client_detail*.sql) on a hand-built portfolio; every expected
// value is worked out in the comments from the rows below.
// Period 2025-04..2025-06, as_of 2025-06-30, comparison 2025-01..2025-03 (the previous 3 months);
// default settings: active = a positive invoice in (2024-06-30, 2025-06-30]; ABC 80 % / 95 %.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDetail, listClients, normaliseSort, streamClients, type ClientRow, type ListOptions } from '../../../src/lib/features/clients/loader.server';
import type { Database } from '../../../src/lib/server/db/database';
import { segmentation } from '../../../src/lib/server/metrics/documents';
import type { MetricParams } from '../../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../../src/lib/server/metrics/settings';
import { runQuery } from '../../../src/lib/server/queries';
import { en as enApp } from '../../../src/lib/i18n/en';
import { es as esApp } from '../../../src/lib/i18n/es';
import { csvLine } from '../../../src/lib/csv';
import { clientColumns } from '../../../src/lib/features/clients/columns';
import { messages } from '../../../src/lib/features/clients/messages';
import { loadCsv, metricParams } from '../../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../../helpers/temp-db';

const folder = tempFolder();
let db: Database;
const comparison = { from: '2025-01', to: '2025-03' };
const S = DEFAULT_SETTINGS;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	const clients = [
		'Código cliente;Razón social;Tipo de cliente;Región;Ejecutivo de cuenta;Tamaño;Sector',
		'C01;Álvarez Hnos.;Mayorista;La Paz;Ana;Mediana;Comercio',
		'C02;Beta SRL;Minorista;Oruro;Luis;Pequeña;Servicios',
		'C03;Ñandú S.A.;Mayorista;La Paz;Ana;Grande;Minería',
		'C04;Gamma;Minorista;La Paz;Luis;;', //          never bought
		'C05;Delta;Mayorista;Oruro;Ana;;', //            bought in 2024 only
		'C06;=HIPERVINCULO(x);Minorista;Oruro;Luis;;' // only a credit note; a name that looks like a formula
	];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		'F01;15/01/2025;C01;P1;100,00;Factura', //     comparison period
		'F02;10/04/2025;C01;P1;250,50;Factura',
		'F03;10/04/2025;C01;P2;49,50;Factura',
		'F04;20/05/2025;C01;P2;0,333;Factura', //      sub-cent amounts: 0,333 + 0,333 = 0,666
		'F05;01/06/2025;C01;P2;0,333;Factura',
		'F06;03/02/2025;C02;P1;400,00;Factura', //     comparison period
		'F07;05/05/2025;C02;P1;200,00;Factura',
		'F08;15/06/2025;C03;P2;1000,00;Factura',
		'NC1;20/06/2025;C03;P2;100,00;Nota de crédito', // −100
		'F09;10/01/2024;C05;P1;80,00;Factura', //      before the window
		'NC2;10/05/2025;C06;P1;30,00;Nota de crédito', //  −30
		'F10;12/04/2025;X;P1;500,00;Factura', //       X: not in the clients table
		'F11;13/04/2025;;P1;15,00;Factura' //          no client
	];
	const quotes = [
		'Nº presupuesto;Código cliente;Fecha presupuesto;Importe;Estado;Fecha de decisión;Línea de producto',
		'Q1;C01;02/05/2025;1.000,00;Aceptado;10/05/2025;Impresión',
		'Q2;C01;01/02/2025;300,00;Rechazado;;Papelería', // issued before the period
		'Q3;C02;10/04/2025;50,00;Enviado;;Papelería'
	];
	const opportunities = [
		'ID oportunidad;Código cliente;Tipo;Etapa;Línea de producto;Fecha de creación;Fecha de cierre;Importe;Resultado',
		'O1;C01;Oportunidad;Cerrada ganada;Impresión;01/03/2025;15/04/2025;2.000,00;Ganada', // closed in the period
		'O2;C01;Oportunidad;Cerrada perdida;Papelería;01/01/2025;01/02/2025;500,00;Perdida', // closed before it
		'O3;C01;Oportunidad;Negociación;Papelería;01/06/2025;;700,00;Abierta', //               open
		'O4;C01;Oportunidad;Negociación;Papelería;01/07/2025;;900,00;Abierta' //                created after it
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices, 'q.csv': quotes, 'o.csv': opportunities });
});
afterAll(() => {
	db.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-04', '2025-06', '2025-06-30', filters);
const list = (o: ListOptions = {}, filters: MetricParams['filters'] = {}) => listClients(db, params(filters), S, comparison, o);
const cents = (v: number) => Math.round(v * 100);
const ids = (rows: ClientRow[]) => rows.map((r) => r.client_id);

/** Every row over all pages of `size` rows. */
async function allPages(filters: MetricParams['filters'] = {}, size = 3, o: ListOptions = {}): Promise<ClientRow[]> {
	const first = await list({ ...o, pageSize: size }, filters);
	const rows = [...first.rows];
	for (let page = 2; page <= first.pages; page++) rows.push(...(await list({ ...o, pageSize: size, page }, filters)).rows);
	return rows;
}

describe('client list', () => {
	it('gives each client its revenue, comparison revenue, change, status, tier and last purchase', async () => {
		const l = await list();
		// Population: C01..C06 (register), X (lines only), and the lines without a client: 8 rows.
		expect(l.total).toBe(8);
		const by = new Map(l.rows.map((r) => [r.client_id, r]));
		// C01: 250,50 + 49,50 + 0,333 + 0,333 = 300,666 → 300,67; comparison F01 = 100,00;
		// change (300,666 − 100) / 100 = 2,00666; last purchase F05 2025-06-01.
		expect(by.get('C01')).toMatchObject({ revenue: 300.67, revenue_previous: 100, status: 'active', billing_tier: 'A', lines: 4, last_purchase: '2025-06-01' });
		expect(by.get('C01')!.change).toBeCloseTo(2.00666, 12);
		expect(by.get('C01')).toMatchObject({ name: 'Álvarez Hnos.', client_type: 'Mayorista', region: 'La Paz', account_manager: 'Ana', size: 'Mediana', sector: 'Comercio', in_clients: true });
		// C02: 200 against 400: −50 %.
		expect(by.get('C02')).toMatchObject({ revenue: 200, revenue_previous: 400, change: -0.5, status: 'active', billing_tier: 'B' });
		// C03: 1000 − 100 = 900, nothing before: no change.
		expect(by.get('C03')).toMatchObject({ revenue: 900, revenue_previous: 0, change: null, status: 'active', billing_tier: 'A', last_purchase: '2025-06-15' });
		// C04 never bought: potential, no tier, no last purchase.
		expect(by.get('C04')).toMatchObject({ revenue: 0, status: 'potential', billing_tier: null, last_purchase: null, lines: 0 });
		// C05 bought 2024-01-10, before the window (2024-06-30, 2025-06-30]: inactive.
		expect(by.get('C05')).toMatchObject({ revenue: 0, status: 'inactive', billing_tier: null, last_purchase: '2024-01-10' });
		// C06 only has a credit note: potential, revenue −30, no tier.
		expect(by.get('C06')).toMatchObject({ revenue: -30, status: 'potential', billing_tier: null, last_purchase: null });
		// X: 500, active, not in the register.
		expect(by.get('X')).toMatchObject({ revenue: 500, status: 'active', billing_tier: 'A', in_clients: false, name: null });
		// The lines without a client: 15, no status nor tier.
		expect(by.get(null)).toMatchObject({ revenue: 15, status: null, billing_tier: null });
		// Tiers: positive revenues 900 (C03), 500 (X), 300,666 (C01), 200 (C02); Σ = 1 900,666.
		// Share before: C03 0 → A; X 900/1 900,666 = 0,4735 → A; C01 1 400/1 900,666 = 0,7366 → A;
		// C02 1 700,666/1 900,666 = 0,8948 → B.
		// Totals: R = 300,666 + 200 + 900 − 30 + 500 + 15 = 1 885,666 → 1 885,67; comparison 100 + 400 = 500.
		expect(l.total_revenue).toBe(1885.67);
		expect(l.total_revenue_previous).toBe(500);
	});

	it('sorts by revenue desc by default, ties by code; the sum of every page is the segmentation total', async () => {
		const l = await list();
		// 900, 500, 300,67, 200, 15, then 0 (C04, C05 by code), then −30.
		expect(ids(l.rows)).toEqual(['C03', 'X', 'C01', 'C02', null, 'C04', 'C05', 'C06']);
		expect(l.sort).toBe('revenue');
		expect(l.dir).toBe('desc');
		for (const filters of [{}, { region: 'La Paz' }, { product_line: 'Impresión' }, { status: 'potential' }, { billing_tier: 'A' }, { client_type: 'Minorista' }] as MetricParams['filters'][]) {
			const rows = await allPages(filters);
			const total = (await segmentation(db, params(filters), S)).total_revenue;
			expect(rows.reduce((sum, r) => sum + cents(r.revenue), 0), JSON.stringify(filters)).toBe(cents(total));
			// No row twice, none lost between pages.
			expect(new Set(ids(rows)).size).toBe(rows.length);
			expect(rows.length).toBe((await list({}, filters)).total);
		}
		// region = La Paz: C01, C03, C04; R = 300,666 + 900 = 1 200,67.
		const laPaz = await list({}, { region: 'La Paz' });
		expect(ids(laPaz.rows)).toEqual(['C03', 'C01', 'C04']);
		expect(laPaz.total_revenue).toBe(1200.67);
		// Tiers on the filtered lines: C03 A; C01 900/1 200,666 = 0,7496 → A.
		expect(laPaz.rows.map((r) => r.billing_tier)).toEqual(['A', 'A', null]);
		// status = potential keeps C04 (no lines) and C06 (a credit note only): Σ = −30, as segmentation's.
		expect(ids((await list({}, { status: 'potential' })).rows)).toEqual(['C04', 'C06']);
		// product line Impresión: C01 49,50 + 0,666 = 50,17 (comparison 0), C03 900; the others in the
		// register are listed with 0, C02 becomes potential (no line of that product line); X has none.
		const printing = await list({}, { product_line: 'Impresión' });
		expect(ids(printing.rows)).toEqual(['C03', 'C01', 'C02', 'C04', 'C05', 'C06']);
		expect(printing.rows.map((r) => r.revenue)).toEqual([900, 50.17, 0, 0, 0, 0]);
		expect(printing.rows.find((r) => r.client_id === 'C02')!.status).toBe('potential');
	});

	it('pages the rows: 3 per page gives 3 pages, out-of-range pages come back to the nearest one', async () => {
		const p2 = await list({ pageSize: 3, page: 2 });
		expect([p2.page, p2.pages, p2.total]).toEqual([2, 3, 8]);
		expect(ids(p2.rows)).toEqual(['C02', null, 'C04']);
		const past = await list({ pageSize: 3, page: 99 });
		expect(past.page).toBe(3);
		expect(ids(past.rows)).toEqual(['C05', 'C06']);
		expect((await list({ pageSize: 3, page: '-4' })).page).toBe(1);
		expect((await list({ pageSize: 3, page: 'abc' })).page).toBe(1);
	});

	it('searches code and name, case- and accent-insensitively and literally', async () => {
		expect(ids((await list({ q: 'alvarez' })).rows)).toEqual(['C01']);
		expect(ids((await list({ q: 'ÁLVAREZ' })).rows)).toEqual(['C01']);
		expect(ids((await list({ q: 'nandu' })).rows)).toEqual(['C03']);
		expect(ids((await list({ q: 'c0' })).rows)).toEqual(['C03', 'C01', 'C02', 'C04', 'C05', 'C06']);
		expect(ids((await list({ q: '  x  ' })).rows)).toEqual(['X', 'C06']); // code X; "HIPERVINCULO(x)"
		// % and _ are plain characters, not wildcards; the row without a client never matches.
		expect((await list({ q: '%' })).total).toBe(0);
		expect((await list({ q: '_' })).total).toBe(0);
		expect((await list({ q: "' OR 1=1 --" })).total).toBe(0);
		// The search combines with the filters, and the totals follow the search.
		const l = await list({ q: 'a' }, { region: 'La Paz' });
		expect(ids(l.rows)).toEqual(['C03', 'C01', 'C04']); // Ñandú, Álvarez, Gamma
		expect(l.total_revenue).toBe(1200.67);
	});

	it('sorts only by whitelisted columns: unknown or hostile values give the default order', async () => {
		// Names without accents or case: "=hipervinculo(x)" < "alvarez hnos." < "beta srl" < "delta" <
		// "gamma" < "nandu s.a."; no name last (X, then the row without a client).
		expect(ids((await list({ sort: 'name', dir: 'asc' })).rows)).toEqual(['C06', 'C01', 'C02', 'C05', 'C04', 'C03', 'X', null]);
		expect(ids((await list({ sort: 'name' })).rows)[0]).toBe('C06'); // text columns default to ascending
		expect(ids((await list({ sort: 'name', dir: 'desc' })).rows)).toEqual(['C03', 'C04', 'C05', 'C02', 'C01', 'C06', 'X', null]);
		// change desc: C01 2,00666, C02 −0,5, then the rest (no change) by code.
		expect(ids((await list({ sort: 'change' })).rows)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'X', null]);
		expect(ids((await list({ sort: 'revenue', dir: 'asc' })).rows)).toEqual(['C06', 'C04', 'C05', null, 'C02', 'C01', 'X', 'C03']);
		const defaultOrder = ids((await list()).rows);
		for (const [sort, dir] of [
			['foo', null],
			['revenue; DROP TABLE clients; --', 'asc; DELETE FROM invoice_lines'],
			['name ASC, (SELECT 1)', 'desc'],
			["' OR '1'='1", "'"],
			['batch_id', null]
		] as const) {
			const l = await list({ sort, dir });
			expect(l.sort).toBe('revenue');
			expect(ids(l.rows)).toEqual(defaultOrder);
		}
		expect(normaliseSort('revenue; DROP TABLE clients', 'up')).toEqual({ sort: 'revenue', dir: 'desc' });
		// Nothing was harmed.
		expect((await list()).total).toBe(8);
		expect((await segmentation(db, params(), S)).total_revenue).toBe(1885.67);
	});

	it('agrees with the metrics layer on every client: status (cartera_client_status) and tier (cartera_lines)', async () => {
		const rows = await allPages({}, 3);
		const statuses = await db.all<{ client_id: string; status: string | null }>(
			'SELECT client_id, status FROM cartera_client_status($as_of, $w, $n, $a)',
			{ as_of: '2025-06-30', w: S.window_days, n: S.min_invoices, a: S.min_amount }
		);
		const tiers = await db.all<{ client_id: string; billing_tier: string | null }>(
			`SELECT DISTINCT client_id, billing_tier FROM cartera_lines('2025-04-01', '2025-06-30', '2025-06-30', 365, 1, 0, 0.8, 0.95, false, false,
				NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true) WHERE client_id IS NOT NULL`
		);
		// The whole population of cartera_client_status is listed, with the same status.
		expect(statuses.length).toBe(7);
		for (const s of statuses) expect(rows.find((r) => r.client_id === s.client_id)?.status, s.client_id).toBe(s.status);
		for (const t of tiers) expect(rows.find((r) => r.client_id === t.client_id)?.billing_tier, t.client_id).toBe(t.billing_tier);
		// Revenue by tier and by status equals segmentation's segments.
		for (const dim of ['billing_tier', 'status'] as const) {
			const doc = await segmentation(db, { ...params(), dim }, S);
			for (const segment of doc.segments) {
				const sum = rows.filter((r) => (r[dim] ?? null) === segment.value).reduce((acc, r) => acc + cents(r.revenue), 0);
				expect(sum, `${dim}=${segment.value}`).toBe(cents(segment.revenue));
			}
		}
	});

	it('streams every matching row, in the list order, for the CSV; cells follow the CSV convention', async () => {
		const chunks: ClientRow[][] = [];
		for await (const chunk of streamClients(db, params(), S, comparison, { sort: 'name', dir: 'asc' })) chunks.push(chunk);
		const streamed = chunks.flat();
		expect(ids(streamed)).toEqual(ids((await list({ sort: 'name', dir: 'asc' })).rows));
		const esCols = clientColumns('es', messages.es, esApp);
		const c06 = streamed.find((r) => r.client_id === 'C06')!;
		// es: `;`, decimal comma, the formula-looking name neutralised with an apostrophe, status translated.
		expect(csvLine(esCols.map((c) => c.value(c06)), 'es')).toBe("C06;'=HIPERVINCULO(x);Potencial;;-30;0;;;Minorista;Oruro;Luis;;");
		const c01 = streamed.find((r) => r.client_id === 'C01')!;
		expect(csvLine(esCols.map((c) => c.label), 'es')).toBe(
			'Código;Nombre;Estado;Categoría;Facturación;Facturación comparada;Variación;Última compra;Tipo de cliente;Región;Ejecutivo de cuenta;Tamaño;Sector'
		);
		expect(csvLine(clientColumns('en', messages.en, enApp).map((c) => c.value(c01)), 'en')).toBe(
			`C01,Álvarez Hnos.,Active,A,300.67,100,${c01.change},2025-06-01,Mayorista,La Paz,Ana,Mediana,Comercio`
		);
	});
});

describe('client page', () => {
	it('gives the register row, the list figures, 15 months, products, quotes and opportunities', async () => {
		const d = (await clientDetail(db, params(), S, comparison, 'C01'))!;
		expect(d.record).toMatchObject({ client_id: 'C01', name: 'Álvarez Hnos.', region: 'La Paz', size: 'Mediana', sector: 'Comercio', created_at: null });
		// The same row as in the list.
		const row = (await list()).rows.find((r) => r.client_id === 'C01');
		expect(d.summary).toEqual(row);
		// The 12 months before April 2025 and the period: 2024-04 .. 2025-06 = 15 months; 2025-01 = 100,
		// 2025-04 = 250,50 + 49,50 = 300, 2025-05 = 0,333 → 0,33, 2025-06 = 0,333 → 0,33.
		expect(d.months.map((m) => m.month)).toEqual([
			'2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
			'2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'
		]);
		expect(d.months.filter((m) => m.revenue !== 0)).toEqual([
			{ month: '2025-01', revenue: 100, lines: 1 },
			{ month: '2025-04', revenue: 300, lines: 2 },
			{ month: '2025-05', revenue: 0.33, lines: 1 },
			{ month: '2025-06', revenue: 0.33, lines: 1 }
		]);
		// Products in the period: P1 250,50 (1 line, 2025-04-10); P2 49,50 + 0,666 = 50,166 → 50,17 (3 lines, 2025-06-01).
		expect(d.products).toEqual([
			{ product_id: 'P1', product_name: 'Papel', product_line: 'Papelería', revenue: 250.5, lines: 1, quantity: null, last_date: '2025-04-10' },
			{ product_id: 'P2', product_name: 'Tóner', product_line: 'Impresión', revenue: 50.17, lines: 3, quantity: null, last_date: '2025-06-01' }
		]);
		// Σ products (unrounded 300,666) is the period revenue.
		expect(cents(250.5 + 50.166)).toBe(cents(d.summary!.revenue));
		// Quotes issued in April–June: Q1 only (Q2 was issued in February).
		expect(d.quotes).toEqual([
			{ quote_id: 'Q1', issued_at: '2025-05-02', amount: 1000, status: 'accepted', status_source: 'Aceptado', decided_at: '2025-05-10', opportunity_id: null, product_line: 'Impresión' }
		]);
		// Opportunities alive in the period: O3 (created 2025-06-01, open) and O1 (closed 2025-04-15);
		// O2 closed before the period, O4 created after it. Newest first.
		expect(d.opportunities.map((o) => [o.opportunity_id, o.outcome, o.amount, o.created_at, o.closed_at])).toEqual([
			['O3', 'open', 700, '2025-06-01', null],
			['O1', 'won', 2000, '2025-03-01', '2025-04-15']
		]);
	});

	it('shows a client seen only in the lines, applies the filters, and gives null for an unknown id', async () => {
		const x = (await clientDetail(db, params(), S, comparison, 'X'))!;
		expect(x.record).toBeNull();
		expect(x.summary).toMatchObject({ revenue: 500, status: 'active', billing_tier: 'A' });
		// A filter that leaves C01 out: no figures, the record stays.
		const out = (await clientDetail(db, params({ region: 'Oruro' }), S, comparison, 'C01'))!;
		expect(out.record?.name).toBe('Álvarez Hnos.');
		expect(out.summary).toBeNull();
		expect(out.months.every((m) => m.revenue === 0)).toBe(true);
		expect(out.quotes).toEqual([]);
		// A product-line filter: only the Impresión lines (49,50 + 0,666 = 50,17).
		const printing = (await clientDetail(db, params({ product_line: 'Impresión' }), S, comparison, 'C01'))!;
		expect(printing.summary?.revenue).toBe(50.17);
		expect(printing.products.map((p) => p.product_id)).toEqual(['P2']);
		// A status or tier filter keeps the client's months and products whole (C01 is active, tier A) or none.
		const all = (await clientDetail(db, params(), S, comparison, 'C01'))!;
		for (const kept of [{ status: 'active' }, { billing_tier: 'A' }, { status: 'active', billing_tier: 'A' }]) {
			const d = (await clientDetail(db, params(kept), S, comparison, 'C01'))!;
			expect(d.summary, JSON.stringify(kept)).toEqual(all.summary);
			expect(d.months, JSON.stringify(kept)).toEqual(all.months);
			expect(d.products, JSON.stringify(kept)).toEqual(all.products);
		}
		for (const dropped of [{ status: 'inactive' }, { billing_tier: 'C' }, { status: 'active', billing_tier: 'B' }]) {
			const d = (await clientDetail(db, params(dropped), S, comparison, 'C01'))!;
			expect(d.summary, JSON.stringify(dropped)).toBeNull();
			expect(d.months.every((m) => m.revenue === 0 && m.lines === 0), JSON.stringify(dropped)).toBe(true);
			expect(d.products, JSON.stringify(dropped)).toEqual([]);
		}
		expect(await clientDetail(db, params(), S, comparison, 'NOPE')).toBeNull();
		expect(await clientDetail(db, params(), S, comparison, '')).toBeNull();
		expect(await clientDetail(db, params(), S, comparison, "C01' OR '1'='1")).toBeNull();
		await runQuery(db, 'data_range'); // the database still answers
	});
});
