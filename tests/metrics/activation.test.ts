// Activation (DESIGN.md §3 Activation and its Precise rules) on a hand-built portfolio; every expected
// value is worked out in the comments from the clients and lines below.
// Period 2025-04..2025-06, as_of 2025-06-30, default settings (window 365 days, 1 invoice, amount 0):
// a client is active at as_of when it has a positive invoice in (as_of − 365, as_of].
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWindowValues } from '../../src/lib/server/db/client-windows';
import type { Database } from '../../src/lib/server/db/database';
import { storedWindowDays } from '../../src/lib/server/db/stored-window';
import { activation, activationSeries } from '../../src/lib/server/metrics/activation';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { DEFAULT_SETTINGS } from '../../src/lib/server/metrics/settings';
import { loadCsv, metricParams } from '../helpers/metric-fixture';
import { openTempDatabase, tempFolder } from '../helpers/temp-db';

const folder = tempFolder();
let db: Database;
let empty: Database;

beforeAll(async () => {
	db = await openTempDatabase(folder);
	empty = await openTempDatabase(folder, 'empty.duckdb');
	const clients = [
		'Código cliente;Razón social;Fecha de alta;Tipo de cliente',
		'A;Alfa;01/01/2024;Mayorista', //   bought 2024-08-10 (P1) and 2025-05-02 (P2)
		'B;Beta;01/01/2023;Minorista', //   bought 2023-03-15 only (P1)
		'C;Gamma;01/03/2025;Mayorista', //  first purchase 2025-04-11 (P1)
		'D;Delta;15/12/2024;Mayorista', //  first purchase 2025-06-05 (P2)
		'E;Épsilon;;Minorista', //          no created_at; first purchase 2025-05-20 (P1)
		'F;Fi;10/02/2025;Mayorista', //     never bought
		'G;Gama;01/08/2025;Minorista', //   created after as_of, never bought
		'H;Hache;01/01/2025;Minorista', //  only a credit note, 2025-05-10 (P1)
		'I;Iota;01/04/2025;Mayorista', //   first purchase 2025-04-30 (P2)
		'J;Jota;20/05/2025;Minorista' //    first purchase 2025-06-25 (P1)
	];
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		'F01;15/03/2023;B;P1;70,00;Factura',
		'F02;10/08/2024;A;P1;100,00;Factura',
		'F03;11/04/2025;C;P1;50,00;Factura',
		'F04;30/04/2025;I;P2;40,00;Factura',
		'F05;02/05/2025;A;P2;60,00;Factura',
		'NC1;10/05/2025;H;P1;30,00;Nota de crédito', // −30: not a purchase
		'F06;20/05/2025;E;P1;25,00;Factura',
		'F07;05/06/2025;D;P2;80,00;Factura',
		'F08;25/06/2025;J;P1;35,00;Factura',
		'F09;12/04/2025;X;P1;500,00;Factura', // X: not in the clients table, outside the population
		'F10;13/04/2025;;P1;15,00;Factura' //   no client at all, outside the population
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}) => metricParams('2025-04', '2025-06', '2025-06-30', filters);

describe('activation', () => {
	it('counts the clients table by status, prospects exposed and activated, and the median days', async () => {
		const a = await activation(db, params(), DEFAULT_SETTINGS);
		expect(a.as_of).toBe('2025-06-30');
		// Population: the 10 clients of the table (X and the line without client are left out).
		expect(a.clients_total).toBe(10);
		// Status at 2025-06-30 (window 2024-07-01..2025-06-30): A (2024-08-10, 2025-05-02), C, D, E, I, J
		// active; B bought only in 2023 → inactive; F, G never bought and H only has a credit note → potential.
		expect([a.active, a.inactive, a.potential]).toEqual([6, 1, 3]);
		expect(a.activation_rate).toBeCloseTo(6 / 10, 12);
		// Exposed: no positive line before 2025-04-01 and created ≤ 2025-06-30 or unknown:
		// C, D, E (unknown), F, H, I, J = 7 (A and B bought before; G was created 2025-08-01).
		expect(a.prospects_exposed).toBe(7);
		// Activated: first positive line in April–June: C, D, E, I, J = 5 (F and H never bought).
		expect(a.activated_in_period).toBe(5);
		expect(a.prospect_conversion_rate).toBeCloseTo(5 / 7, 12);
		// Days from created_at to the first purchase (E has no created_at):
		// I 2025-04-01 → 04-30 = 29; J 2025-05-20 → 06-25 = 36; C 2025-03-01 → 04-11 = 31 + 10 = 41;
		// D 2024-12-15 → 2025-06-05 = 16 + 31 + 28 + 31 + 30 + 31 + 5 = 172. Even count: (36 + 41) / 2.
		expect(a.median_days_to_activation).toBe(38.5);
	});

	it('gives each month as its own period, with the month end as as_of', async () => {
		const a = await activation(db, params(), DEFAULT_SETTINGS);
		expect(a.months.map((m) => [m.month, m.activated])).toEqual([
			['2025-04', 2], // C (04-11), I (04-30)
			['2025-05', 1], // E (05-20)
			['2025-06', 2] //  D (06-05), J (06-25)
		]);
		// The months' activated add up to the period's 5.
		expect(a.months.reduce((s, m) => s + m.activated, 0)).toBe(a.activated_in_period);
		const [april, may, june] = a.months;
		// April, as of 04-30: active A (2024-08-10 is inside 2024-05-01..2025-04-30), C, I → 3 of 10.
		// Exposed (no purchase before 04-01, created ≤ 04-30 or unknown): C, D, E, F, H, I = 6
		// (J is created 05-20, G 08-01) → 2 / 6.
		expect(april!.activation_rate).toBeCloseTo(3 / 10, 12);
		expect(april!.prospect_conversion_rate).toBeCloseTo(2 / 6, 12);
		// May, as of 05-31: active A, C, E, I → 4 of 10. Exposed (nothing before 05-01): D, E, F, H,
		// J (created 05-20 ≤ 05-31) = 5 → 1 / 5.
		expect(may!.activation_rate).toBeCloseTo(4 / 10, 12);
		expect(may!.prospect_conversion_rate).toBeCloseTo(1 / 5, 12);
		// June, as of 06-30: as the period (6 of 10). Exposed (nothing before 06-01): D, F, H, J = 4 → 2 / 4.
		expect(june!.activation_rate).toBeCloseTo(6 / 10, 12);
		expect(june!.prospect_conversion_rate).toBeCloseTo(2 / 4, 12);
	});

	it('a client-attribute filter keeps the clients that have it', async () => {
		const a = await activation(db, params({ client_type: 'Mayorista' }), DEFAULT_SETTINGS);
		// Mayorista: A, C, D, F, I. Active A, C, D, I; F potential.
		expect(a.clients_total).toBe(5);
		expect([a.active, a.inactive, a.potential]).toEqual([4, 0, 1]);
		expect(a.activation_rate).toBeCloseTo(4 / 5, 12);
		// Exposed C, D, F, I; activated C, D, I → 3 / 4; days I 29, C 41, D 172 → median 41.
		expect([a.prospects_exposed, a.activated_in_period]).toEqual([4, 3]);
		expect(a.prospect_conversion_rate).toBeCloseTo(3 / 4, 12);
		expect(a.median_days_to_activation).toBe(41);
		// April: active A, C, I (3 / 5); exposed C, D, F, I; activated C, I (2 / 4).
		// May: active A, C, I (3 / 5); exposed D, F; none activated (0 / 2).
		// June: active A, C, D, I (4 / 5); exposed D, F; activated D (1 / 2).
		// The default rule (1 invoice, amount 0): the variants by amount and by frequency are the status's.
		const variants = (active: number) => ({ active_by_amount: active, active_by_frequency: active, rate_by_amount: active / 5, rate_by_frequency: active / 5 });
		expect(a.months).toEqual([
			{ month: '2025-04', activation_rate: 3 / 5, prospect_conversion_rate: 2 / 4, activated: 2, ...variants(3), partial: false },
			{ month: '2025-05', activation_rate: 3 / 5, prospect_conversion_rate: 0, activated: 0, ...variants(3), partial: false },
			{ month: '2025-06', activation_rate: 4 / 5, prospect_conversion_rate: 1 / 2, activated: 1, ...variants(4), partial: false }
		]);
	});

	it('a product filter keeps every client but only the lines of that product line', async () => {
		const a = await activation(db, params({ product_line: 'Impresión' }), DEFAULT_SETTINGS);
		// Impresión (P2) lines: I 2025-04-30, A 2025-05-02, D 2025-06-05. All 10 clients stay.
		expect(a.clients_total).toBe(10);
		// Active on Impresión: A, D, I. Nobody else has an Impresión line (B's 2023 purchase was
		// Papelería), so the other 7 are potential for it.
		expect([a.active, a.inactive, a.potential]).toEqual([3, 0, 7]);
		// Exposed: every client but G (created after as_of), since no Impresión line precedes April = 9;
		// activated A, D, I = 3.
		expect([a.prospects_exposed, a.activated_in_period]).toEqual([9, 3]);
		expect(a.prospect_conversion_rate).toBeCloseTo(3 / 9, 12);
		// Days: I 29; D 172; A 2024-01-01 → 2025-05-02 = 366 (2024 is a leap year) + 31 + 28 + 31 + 30 + 1 = 487.
		expect(a.median_days_to_activation).toBe(172);
		expect(a.months.map((m) => m.activated)).toEqual([1, 1, 1]); // I in April, A in May, D in June
	});

	it('a status filter keeps the clients with that status as of as_of, potential ones included', async () => {
		const a = await activation(db, params({ status: 'potential' }), DEFAULT_SETTINGS);
		// Potential at 2025-06-30: F, G, H.
		expect([a.clients_total, a.active, a.inactive, a.potential]).toEqual([3, 0, 0, 3]);
		expect(a.activation_rate).toBe(0);
		// Exposed F, H (G created after as_of); neither bought → 0 / 2; no activated client → no median.
		expect([a.prospects_exposed, a.activated_in_period]).toEqual([2, 0]);
		expect(a.prospect_conversion_rate).toBe(0);
		expect(a.median_days_to_activation).toBeNull();
	});

	it('an empty database gives a valid document with zeros and nulls', async () => {
		const a = await activation(empty, params(), DEFAULT_SETTINGS);
		expect(a).toEqual({
			as_of: '2025-06-30',
			clients_total: 0,
			active: 0,
			inactive: 0,
			potential: 0,
			activation_rate: null,
			prospects_exposed: 0,
			activated_in_period: 0,
			prospect_conversion_rate: null,
			median_days_to_activation: null,
			months: ['2025-04', '2025-05', '2025-06'].map((month) => ({ month, activation_rate: null, prospect_conversion_rate: null, activated: 0,
				active_by_amount: 0, active_by_frequency: 0, rate_by_amount: null, rate_by_frequency: null, partial: false })),
			variants: {
				amount: { active: 0, rate: null, min_amount: 0, min_invoices: null },
				frequency: { active: 0, rate: null, min_amount: null, min_invoices: 1 },
				both: { active: 0, rate: null, min_amount: 0, min_invoices: 1 }
			}
		});
	});
});

describe('activation with invoices whose lines carry several dates', () => {
	// Window 30 days, period 2025-01..2025-03. Only an invoice's lines inside a window count, so an
	// invoice can be a purchase for one month end and not for the next.
	const spread = tempFolder();
	let sdb: Database;
	beforeAll(async () => {
		sdb = await openTempDatabase(spread);
		const clients = ['Código cliente;Razón social;Fecha de alta', 'K;Ka;01/01/2024', 'L;Ele;01/01/2024', 'M;Eme;01/01/2024'];
		// One product line holds every product: filtered by it, the figure reads the lines instead of the stored invoices.
		const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Todo', 'P2;Tóner;Todo'];
		const invoices = [
			'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
			'S1;20/12/2024;K;P1;100,00;Factura', //    K: +100 on 2024-12-20 …
			'S1;20/01/2025;K;P1;-150,00;Factura', //   … and −150 on 2025-01-20 on the same invoice
			'S2;30/01/2025;L;P1;80,00;Factura', //     L: +80 on 2025-01-30 …
			'S2;05/03/2025;L;P1;-100,00;Factura', //   … and −100 on 2025-03-05 (total −20) …
			'S2;15/04/2025;L;P2;500,00;Factura', //    … and +500 of another product on 2025-04-15 (after March)
			'S3;10/02/2025;M;P1;50,00;Factura' //      M: one day, +50
		];
		await loadCsv(sdb, spread, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
	});
	afterAll(() => {
		sdb.close();
		spread.remove();
	});

	it('counts only the lines inside each month end’s window', async () => {
		const a = await activation(sdb, metricParams('2025-01', '2025-03', '2025-03-31'), { ...DEFAULT_SETTINGS, window_days: 30 });
		// January, window (2025-01-01, 01-31]: K's S1 has only −150 inside → not a purchase, K bought
		// before → inactive; L's S2 has +80 inside → active; M has no line yet → potential. 1 / 3.
		// February, window (01-29, 02-28]: K nothing → inactive; L's +80 of 01-30 → active; M's +50 →
		// active. 2 / 3.
		// March, window (03-01, 03-31]: L's −100 only → inactive; K, M nothing → inactive. 0 / 3.
		expect(a.months.map((m) => m.activation_rate)).toEqual([1 / 3, 2 / 3, 0]);
		expect([a.active, a.inactive, a.potential]).toEqual([0, 3, 0]);
		// as_of 2025-03-14, window (02-12, 03-14]: M's 02-10 is outside; L's −100 → all inactive.
		const mid = await activation(sdb, metricParams('2025-01', '2025-03', '2025-03-14'), { ...DEFAULT_SETTINGS, window_days: 30 });
		expect([mid.active, mid.inactive, mid.potential]).toEqual([0, 3, 0]);
		// A 365-day window holds both lines of each invoice from March on.
		const year = await activation(sdb, metricParams('2025-01', '2025-03', '2025-03-31'), DEFAULT_SETTINGS);
		// January: K's S1 sums −50 (both lines inside) → not a purchase; L +80 → active; M potential.
		// February: L +80, M +50 → active. March: L's S2 sums −20 → not; M +50 → active. K inactive throughout.
		expect(year.months.map((m) => m.activation_rate)).toEqual([1 / 3, 2 / 3, 1 / 3]);
	});

	it('with a product filter, counts only that product’s lines of such an invoice', async () => {
		// April, window 30 days (03-31, 04-30]. All lines: L's S2 has +500 inside → active; K and M
		// bought before, nothing inside → inactive: 1 / 3. Only P1: S2's April line is P2, so L has
		// nothing inside either: 0 / 3 (the unfiltered invoices are read from the stored totals, the
		// filtered ones from the P1 lines, both then from the lines inside each window).
		const settings = { ...DEFAULT_SETTINGS, window_days: 30 };
		const all = await activation(sdb, metricParams('2025-04', '2025-04', '2025-04-30'), settings);
		expect([all.active, all.inactive, all.potential, all.months[0]!.activation_rate]).toEqual([1, 2, 0, 1 / 3]);
		const p1 = await activation(sdb, metricParams('2025-04', '2025-04', '2025-04-30', { product: 'P1' }), settings);
		expect([p1.active, p1.inactive, p1.potential, p1.months[0]!.activation_rate]).toEqual([0, 3, 0, 0]);
	});

	it('read from the lines (a product line holding every line), is the same as from the stored invoices', async () => {
		// Filtered, the invoices are grouped from the lines dated within some window only, and the
		// first purchases from every line: periods whose windows cut S1 and S2 anywhere, as of a month
		// end or a day within it, with windows of 30 and 365 days.
		const cases: [string, string, string][] = [
			['2025-01', '2025-03', '2025-03-31'], ['2025-01', '2025-03', '2025-03-14'], ['2025-02', '2025-02', '2025-02-28'],
			['2025-03', '2025-04', '2025-04-30'], ['2025-04', '2025-04', '2025-04-10'], ['2024-12', '2025-04', '2025-04-30']
		];
		for (const [from, to, asOf] of cases)
			for (const window_days of [30, 365]) {
				const settings = { ...DEFAULT_SETTINGS, window_days };
				const stored = await activation(sdb, metricParams(from, to, asOf), settings);
				const lines = await activation(sdb, metricParams(from, to, asOf, { product_line: 'Todo' }), settings);
				expect(lines, `${from}..${to} as of ${asOf}, ${window_days} days`).toEqual(stored);
			}
	});
});

describe('activation from the stored windows, with invoices whose lines carry several dates', () => {
	// The month ends' windows are stored for one-day invoices only (client_window_values); an invoice
	// dated on several days is added to them per request. Window 365 days (the one stored), 2
	// invoices and 60 of amount to be active; period 2025-01..2025-03, as of 2025-03-31.
	const folder = tempFolder();
	let wdb: Database;
	beforeAll(async () => {
		wdb = await openTempDatabase(folder);
		const clients = ['Código cliente;Razón social;Fecha de alta', 'K;Ka;01/01/2024', 'L;Ele;01/01/2024', 'N;Ene;01/01/2024', 'P;Pe;01/01/2024', 'Q;Cu;01/01/2024', 'R;Erre;01/01/2024', 'S;Ese;01/01/2024'];
		const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Todo'];
		const invoices = [
			'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
			'S1;20/12/2024;K;P1;100,00;Factura', // K: one invoice over two days, −50 in all
			'S1;20/01/2025;K;P1;-150,00;Factura',
			'S2;30/01/2025;L;P1;80,00;Factura', //   L: +80 from January, −20 in all from March
			'S2;05/03/2025;L;P1;-100,00;Factura',
			'T1;10/01/2025;N;P1;30,00;Factura', //   N: a one-day invoice, stored …
			'T2;15/01/2025;N;P1;40,00;Factura', //   … and one over two days: +40, then +45 from February
			'T2;10/02/2025;N;P1;5,00;Factura',
			'U1;05/01/2025;P;P1;50,00;Factura', //   P: two invoices over two days each, +70 apiece
			'U1;06/01/2025;P;P1;20,00;Factura',
			'U2;07/01/2025;P;P1;30,00;Factura',
			'U2;08/01/2025;P;P1;40,00;Factura',
			'V1;15/02/2025;R;P1;100,00;Factura', //  R: a first purchase in February; Q never buys
			'W1;10/01/2025;S;P1;-30,00;Factura' //   S: only a credit note, a window with nothing bought
		];
		await loadCsv(wdb, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
		await ensureWindowValues(wdb);
	});
	afterAll(() => {
		wdb.close();
		folder.remove();
	});
	const settings = { ...DEFAULT_SETTINGS, min_invoices: 2, min_amount: 60 };

	it('adds the spread invoices to the stored windows, where the client has one and where it has none', async () => {
		expect(await storedWindowDays(wdb)).toBe(365);
		// Every month end: K's S1 sums −50 (no purchase), inactive. L: S2's +80 is one invoice, under 2,
		// inactive. N: T1 (stored) and T2 (+40, then +45) are 2 invoices of 70, then 75: active. P: U1
		// and U2, 2 invoices and 140, with no stored window at all: active. Q and S (nothing bought):
		// potential. R: potential in January, then one invoice: inactive. 2 of 7 active.
		const params = metricParams('2025-01', '2025-03', '2025-03-31');
		const a = await activation(wdb, params, { ...settings, stored_windows: true });
		expect(a.months.map((m) => m.activation_rate)).toEqual([2 / 7, 2 / 7, 2 / 7]);
		expect([a.active, a.inactive, a.potential]).toEqual([2, 3, 2]);
		const series = await activationSeries(wdb, params, { ...settings, stored_windows: true });
		expect(series.map((m) => [m.active, m.inactive, m.potential])).toEqual([[2, 2, 3], [2, 3, 2], [2, 3, 2]]);
		// By amount alone (1 invoice of 60): L's +80 counts too until its −100 of March, and R's +100
		// from February. By frequency alone (2 invoices, any amount): N and P.
		expect(a.months.map((m) => [m.active_by_amount, m.active_by_frequency])).toEqual([[3, 2], [4, 2], [3, 2]]);
		// The same from the invoices.
		expect(await activation(wdb, params, { ...settings, stored_windows: false })).toEqual(a);
		expect(await activationSeries(wdb, params, { ...settings, stored_windows: false })).toEqual(series);
	});
});
