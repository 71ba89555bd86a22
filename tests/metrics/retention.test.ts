// Retention and the four sales events (DESIGN.md §3) on a hand-built portfolio; every expected value
// is worked out in the comments from the lines below. Period P = 2025-04..2025-06, so the previous
// period P0 = 2025-01..2025-03 (three whole months just before P).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database';
import type { MetricParams } from '../../src/lib/server/metrics/params';
import { computeMetric } from '../../src/lib/server/metrics/index';
import { retention, type RetentionDocument } from '../../src/lib/server/metrics/retention';
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
		'Código cliente;Razón social;Tipo de cliente;Región',
		'N;Nuevo;Mayorista;La Paz',
		'R;Retorno;Minorista;La Paz',
		'E;Expande;Mayorista;Oruro',
		'C;Contrae;Minorista;Oruro',
		'H;Huye;Mayorista;La Paz',
		'S;Estable;Minorista;La Paz',
		'O;Otro;Mayorista;Oruro',
		'Z;Cero;Minorista;Oruro'
	];
	// P3 has no product line.
	const products = ['Código producto;Descripción;Línea de producto', 'P1;Papel;Papelería', 'P2;Tóner;Impresión', 'P3;Varios;'];
	const invoices = [
		'Nº factura;Fecha;Código cliente;Código producto;Importe;Tipo documento',
		// Before P0
		'F01;10/11/2024;R;P1;80,00;Factura',
		'F02;12/12/2024;O;P1;5,00;Factura',
		// P0 = 2025-01..03
		'F03;15/01/2025;E;P1;100,00;Factura',
		'F04;20/01/2025;C;P1;200,00;Factura',
		'F05;05/02/2025;H;P2;90,00;Factura',
		'F06;10/02/2025;S;P1;40,00;Factura',
		'NC1;15/02/2025;O;P1;10,00;Nota de crédito', // −10
		'F07;01/03/2025;Z;P1;50,00;Factura',
		'NC2;02/03/2025;Z;P1;50,00;Nota de crédito', // −50: Z's P0 nets to 0
		'F08;03/03/2025;;P1;30,00;Factura', // no client
		// P = 2025-04..06
		'F09;02/04/2025;N;P1;100,00;Factura',
		'F10;02/04/2025;N;P2;50,00;Factura',
		'F11;10/04/2025;R;P1;60,00;Factura',
		'F12;15/04/2025;E;P1;100,00;Factura',
		'F13;15/05/2025;E;P3;30,00;Factura',
		'F14;20/04/2025;C;P1;120,00;Factura',
		'NC3;25/04/2025;C;P1;20,00;Nota de crédito', // −20
		'F15;10/05/2025;S;P2;40,00;Factura',
		'NC4;12/05/2025;O;P1;25,00;Nota de crédito', // −25
		'F16;20/06/2025;;P2;45,00;Factura', // no client
		'F17;25/06/2025;X;P1;20,00;Factura', // X: not in the clients table
		// Sub-cent amounts, for the rounding of the bridge: P = 2027-04..06, P0 = 2027-01..03.
		'G01;15/12/2026;SB;P1;1,00;Factura',
		'G02;15/02/2027;SC;P1;1,0000;Factura',
		'G03;15/04/2027;SA;P1;0,0030;Factura',
		'G04;15/04/2027;SB;P1;0,0045;Factura',
		'G05;15/04/2027;SC;P1;1,0040;Factura',
		// And the other way round: P = 2028-04..06, P0 = 2028-01..03.
		'H01;15/12/2027;SE;P1;1,00;Factura',
		'H02;15/04/2028;SD;P1;0,0050;Factura',
		'H03;15/04/2028;SE;P1;0,0060;Factura',
		// A product line with only a credit note in P is not one bought in: P = 2029-04..06.
		'W01;10/05/2029;W1;P1;70,00;Factura',
		'NW1;12/05/2029;W1;P2;15,00;Nota de crédito',
		'W02;14/05/2029;W2;P2;20,00;Factura',
		'W03;15/05/2029;W2;P3;10,00;Factura',
		// W2 buys Impresión again, in the same month and in the next: still one product line.
		'W04;20/05/2029;W2;P2;3,00;Factura',
		'W05;10/06/2029;W2;P2;2,00;Factura',
		// compare=year: P = 2031-04..06 against P0 = 2030-04..06; the months between (2030-07..2031-03)
		// belong to neither. The default P0 would be 2031-01..03.
		'Y01;10/05/2030;Y1;P1;100,00;Factura',
		'Y02;10/05/2031;Y1;P1;150,00;Factura',
		'Y03;10/04/2030;Y2;P1;80,00;Factura',
		'Y04;10/01/2031;Y3;P1;70,00;Factura',
		'Y05;10/06/2031;Y3;P1;40,00;Factura',
		'Y06;10/02/2031;Y4;P1;60,00;Factura',
		'Y07;10/04/2031;Y5;P1;30,00;Factura',
		'Y08;10/06/2030;Y6;P1;25,00;Factura',
		'Y09;10/06/2031;Y6;P1;25,00;Factura'
	];
	await loadCsv(db, folder, { 'c.csv': clients, 'p.csv': products, 'f.csv': invoices });
});
afterAll(() => {
	db.close();
	empty.close();
	folder.remove();
});

const params = (filters: MetricParams['filters'] = {}, from = '2025-04', to = '2025-06') =>
	metricParams(from, to, `${to}-30`, filters);

const cents = (x: number) => Math.round(x * 100);
/** revenue_previous + Σ bridge = revenue, compared in whole cents. */
function expectBridgeReconciles(r: RetentionDocument): void {
	const bridge = Object.values(r.bridge).reduce((s, x) => s + cents(x), 0);
	expect(cents(r.revenue_previous) + bridge).toBe(cents(r.revenue));
}

describe('retention', () => {
	// Per client, r0 = P0 revenue, r = P revenue:
	//   N      0 → 150 (100 + 50), never bought before          → new          +150
	//   R      0 →  60, bought 2024-11                           → reactivated   +60
	//   E    100 → 130 (100 + 30)                                → expansion     +30
	//   C    200 → 100 (120 − 20)                                → contraction  −100
	//   H     90 →   0                                           → churned       −90
	//   S     40 →  40                                           → stable          0
	//   O    −10 → −25 (both ≤ 0, different)                     → other         −15
	//   Z      0 →   0 (50 − 50 in P0; r = r0)                   → stable          0
	//   null  30 →  45 (lines without client, one client)        → expansion     +15
	//   X      0 →  20, never bought before (not in clients)     → new           +20
	// R0 = 100 + 200 + 90 + 40 − 10 + 0 + 30 = 450; R = 150 + 60 + 130 + 100 + 40 − 25 + 45 + 20 = 520.
	it('classifies every client and bridges R0 to R', async () => {
		const r = await retention(db, params(), DEFAULT_SETTINGS);
		expect(r.previous).toEqual({ from: '2025-01', to: '2025-03' });
		expect(r.revenue_previous).toBe(450);
		expect(r.revenue).toBe(520);
		expect(r.bridge).toEqual({
			new: 170, //         N 150 + X 20
			reactivated: 60, //  R
			expansion: 45, //    E 30 + null 15
			contraction: -100, // C
			churned: -90, //     H
			other: -15 //        O
		});
		expect(r.clients).toEqual({ new: 2, reactivated: 1, expanded: 2, contracted: 1, churned: 1, stable: 2, other: 1 });
		// 450 + 170 + 60 + 45 − 100 − 90 − 15 = 520
		expectBridgeReconciles(r);
	});

	it('repeat rate and product lines per client over the clients with a positive line in P', async () => {
		const r = await retention(db, params(), DEFAULT_SETTINGS);
		// Positive line in P: N, R, E, C (F14), S, null, X = 7 (O only has a credit note, H nothing).
		// With a positive line before P: R (2024-11), E, C, S, null (all in P0) = 5.
		expect(r.repeat_rate).toBeCloseTo(5 / 7, 12);
		// Distinct non-null product lines of their positive lines in P: N 2 (Papelería, Impresión),
		// R 1, E 1 (P3 has none), C 1 (the credit note does not count), S 1, null 1, X 1 → 8 / 7.
		expect(r.product_lines_per_client).toBeCloseTo(8 / 7, 12);
	});

	it('counts the product lines a client bought in during P, not those with only a credit note', async () => {
		const r = await retention(db, params({}, '2029-04', '2029-06'), DEFAULT_SETTINGS);
		// W1 bought Papelería (70) and has a credit note in Impresión (−15): one product line.
		// W2 bought Impresión (20, 3 and 2, over two months) and P3, which has no product line (10):
		// one. → (1 + 1) / 2.
		expect(r.product_lines_per_client).toBe(1);
		expect(r.repeat_rate).toBe(0); // neither bought before P
		expect([r.revenue_previous, r.revenue]).toEqual([0, 90]); // 70 − 15 + 20 + 10 + 3 + 2
	});

	it('a client-attribute filter keeps only those clients (no unknown or missing client)', async () => {
		const r = await retention(db, params({ region: 'La Paz' }), DEFAULT_SETTINGS);
		// La Paz: N (new +150), R (reactivated +60), H (churned −90), S (stable).
		// R0 = 90 + 40 = 130; R = 150 + 60 + 40 = 250.
		expect([r.revenue_previous, r.revenue]).toEqual([130, 250]);
		expect(r.bridge).toEqual({ new: 150, reactivated: 60, expansion: 0, contraction: 0, churned: -90, other: 0 });
		expect(r.clients).toEqual({ new: 1, reactivated: 1, expanded: 0, contracted: 0, churned: 1, stable: 1, other: 0 });
		expectBridgeReconciles(r); // 130 + 150 + 60 − 90 = 250
		// Positive in P: N, R, S; before P: R, S → 2 / 3. Product lines: N 2, R 1, S 1 → 4 / 3.
		expect(r.repeat_rate).toBeCloseTo(2 / 3, 12);
		expect(r.product_lines_per_client).toBeCloseTo(4 / 3, 12);
	});

	it('a product filter makes "new" mean new to those products', async () => {
		const r = await retention(db, params({ product_line: 'Impresión' }), DEFAULT_SETTINGS);
		// Impresión (P2) lines: H 90 in P0; N 50, S 40, no client 45 in P. None of N, S or the null
		// client had an Impresión line before P (S and null bought Papelería in P0) → all three new.
		expect([r.revenue_previous, r.revenue]).toEqual([90, 135]);
		expect(r.bridge).toEqual({ new: 135, reactivated: 0, expansion: 0, contraction: 0, churned: -90, other: 0 });
		expect(r.clients).toEqual({ new: 3, reactivated: 0, expanded: 0, contracted: 0, churned: 1, stable: 0, other: 0 });
		expectBridgeReconciles(r); // 90 + 135 − 90 = 135
		expect(r.repeat_rate).toBe(0);
		expect(r.product_lines_per_client).toBe(1);
	});

	it('rounds sub-cent amounts so that the bridge still reconciles to the cent', async () => {
		const r = await retention(db, params({}, '2027-04', '2027-06'), DEFAULT_SETTINGS);
		// P0 = 2027-01..03: SC 1,0000 → R0 = 1.00 (SB's 2026-12 line is before P0).
		// P: SA 0,0030 (new, +0.0030), SB 0,0045 (reactivated: bought 2026-12, +0.0045),
		// SC 1,0040 (expansion 1 → 1.004, +0.0040). R = 1.0115 → 1.01.
		// Half-up each event rounds to 0.00, leaving 1.00 + 0 ≠ 1.01: the missing cent goes to the
		// largest remainder, reactivated's 0.0045.
		expect(r.previous).toEqual({ from: '2027-01', to: '2027-03' });
		expect([r.revenue_previous, r.revenue]).toEqual([1, 1.01]);
		expect(r.bridge).toEqual({ new: 0, reactivated: 0.01, expansion: 0, contraction: 0, churned: 0, other: 0 });
		expect(r.clients).toEqual({ new: 1, reactivated: 1, expanded: 1, contracted: 0, churned: 0, stable: 0, other: 0 });
		expectBridgeReconciles(r);
	});

	it('takes back a cent when the half-up bridge overshoots', async () => {
		const r = await retention(db, params({}, '2028-04', '2028-06'), DEFAULT_SETTINGS);
		// P0 = 2028-01..03: nothing → R0 = 0. P: SD 0,0050 (new), SE 0,0060 (reactivated: bought
		// 2027-12) → R = 0.011 → 0.01. Half-up gives new 0.01 and reactivated 0.01, one cent too many:
		// it comes off the event rounded up the most, new (+0.005 against +0.004).
		expect([r.revenue_previous, r.revenue]).toEqual([0, 0.01]);
		expect(r.bridge).toEqual({ new: 0, reactivated: 0.01, expansion: 0, contraction: 0, churned: 0, other: 0 });
		expectBridgeReconciles(r);
	});

	it('takes as many previous months as the period has', async () => {
		const r = await retention(db, params({}, '2025-03', '2025-06'), DEFAULT_SETTINGS);
		// Four months, so P0 = 2024-11..2025-02.
		expect(r.previous).toEqual({ from: '2024-11', to: '2025-02' });
		// P0: R 80, O 5 − 10, E 100, C 200, H 90, S 40 → 505.
		// P: Z 50 − 50, the null client's 30 (03-03), and the April–June lines (520, first test) → 550.
		expect([r.revenue_previous, r.revenue]).toEqual([505, 550]);
		// N 0 → 150 new; null 0 → 75 new (its first line, 03-03, is now inside P); X 0 → 20 new;
		// R 80 → 60 contraction; C 200 → 100 contraction; E 100 → 130 expansion; H 90 → 0 churned;
		// S 40 → 40 and Z 0 → 0 stable; O −5 → −25 other.
		expect(r.bridge).toEqual({ new: 245, reactivated: 0, expansion: 30, contraction: -120, churned: -90, other: -20 });
		expect(r.clients).toEqual({ new: 3, reactivated: 0, expanded: 1, contracted: 2, churned: 1, stable: 2, other: 1 });
		expectBridgeReconciles(r); // 505 + 245 + 30 − 120 − 90 − 20 = 550
	});

	it('compare=year bridges from the same months a year before', async () => {
		const r = await retention(db, { ...params({}, '2031-04', '2031-06'), compare: 'year' }, DEFAULT_SETTINGS);
		expect(r.previous).toEqual({ from: '2030-04', to: '2030-06' });
		// Per client, r0 = 2030-04..06, r = 2031-04..06:
		//   Y1 100 → 150 expansion +50; Y2 80 → 0 churned −80;
		//   Y3   0 →  40 reactivated +40 (its 70 of 2031-01 is before P but in neither period);
		//   Y4 only 60 in 2031-02, in neither period → not in the population (not "stable");
		//   Y5   0 →  30 new +30 (first line ever); Y6 25 → 25 stable.
		// R0 = 100 + 80 + 25 = 205; R = 150 + 40 + 30 + 25 = 245.
		expect([r.revenue_previous, r.revenue]).toEqual([205, 245]);
		expect(r.bridge).toEqual({ new: 30, reactivated: 40, expansion: 50, contraction: 0, churned: -80, other: 0 });
		expect(r.clients).toEqual({ new: 1, reactivated: 1, expanded: 1, contracted: 0, churned: 1, stable: 1, other: 0 });
		expectBridgeReconciles(r); // 205 + 30 + 40 + 50 − 80 = 245
		// Positive in P: Y1, Y3, Y5, Y6; bought before P: Y1, Y3, Y6 → 3 / 4 (P0 plays no part).
		expect(r.repeat_rate).toBe(0.75);
	});

	it('the same period against the months just before it (the default) bridges another way', async () => {
		const r = await retention(db, params({}, '2031-04', '2031-06'), DEFAULT_SETTINGS);
		expect(r.previous).toEqual({ from: '2031-01', to: '2031-03' });
		// r0 = 2031-01..03: Y1 0 → 150 reactivated; Y2 has no line in P or P0 (left out); Y3 70 → 40
		// contraction −30; Y4 60 → 0 churned −60; Y5 new +30; Y6 0 → 25 reactivated.
		// R0 = 70 + 60 = 130; 130 + 30 + 175 − 30 − 60 = 245.
		expect([r.revenue_previous, r.revenue]).toEqual([130, 245]);
		expect(r.bridge).toEqual({ new: 30, reactivated: 175, expansion: 0, contraction: -30, churned: -60, other: 0 });
		expect(r.clients).toEqual({ new: 1, reactivated: 2, expanded: 0, contracted: 1, churned: 1, stable: 0, other: 0 });
		expectBridgeReconciles(r);
	});

	it('the CLI and HTTP parameter compare=year reaches the document; another value is refused', async () => {
		const doc = (await computeMetric(db, 'retention', { from: '2031-04', to: '2031-06', compare: 'year' })) as RetentionDocument;
		expect(doc.previous).toEqual({ from: '2030-04', to: '2030-06' });
		expect(doc.revenue_previous).toBe(205);
		const byDefault = (await computeMetric(db, 'retention', { from: '2031-04', to: '2031-06' })) as RetentionDocument;
		expect(byDefault.previous).toEqual({ from: '2031-01', to: '2031-03' });
		await expect(computeMetric(db, 'retention', { from: '2031-04', to: '2031-06', compare: 'last' })).rejects.toMatchObject({ param: 'compare', code: 'param_choice' });
	});

	it('an empty database gives a valid document with zeros and nulls', async () => {
		const r = await retention(empty, params(), DEFAULT_SETTINGS);
		expect(r).toEqual({
			previous: { from: '2025-01', to: '2025-03' },
			revenue_previous: 0,
			revenue: 0,
			bridge: { new: 0, reactivated: 0, expansion: 0, contraction: 0, churned: 0, other: 0 },
			clients: { new: 0, reactivated: 0, expanded: 0, contracted: 0, churned: 0, stable: 0, other: 0 },
			repeat_rate: null,
			product_lines_per_client: null
		});
	});
});
